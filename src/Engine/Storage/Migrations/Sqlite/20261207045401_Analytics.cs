using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_instances_ProcessKey_CompletedAt",
                table: "instances",
                columns: new[] { "ProcessKey", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_instances_ProcessKey_StartedAt",
                table: "instances",
                columns: new[] { "ProcessKey", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_events_Analytics",
                table: "events",
                columns: new[] { "Type", "InstanceId", "OccurredAt", "StepKey", "TaskId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_instances_ProcessKey_CompletedAt",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "IX_instances_ProcessKey_StartedAt",
                table: "instances");

            migrationBuilder.DropIndex(
                name: "IX_events_Analytics",
                table: "events");
        }
    }
}
