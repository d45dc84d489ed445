using System;
using LowCode.Engine.Analytics.Facts;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnalyticsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_instances",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CycleMs = table.Column<long>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    FirstSlaBreachAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_instances", x => x.InstanceId);
                });

            migrationBuilder.CreateTable(
                name: "analytics_step_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_step_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_tasks",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StepKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WaitingMs = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkingMs = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_tasks", x => x.TaskId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_instances_ProcessKey_CompletedAt",
                table: "analytics_instances",
                columns: new[] { "ProcessKey", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_instances_ProcessKey_CycleMs_CompletedAt",
                table: "analytics_instances",
                columns: new[] { "ProcessKey", "CycleMs", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_instances_ProcessKey_StartedAt_FirstSlaBreachAt",
                table: "analytics_instances",
                columns: new[] { "ProcessKey", "StartedAt", "FirstSlaBreachAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_step_events_ProcessKey_Kind_InstanceStartedAt",
                table: "analytics_step_events",
                columns: new[] { "ProcessKey", "Kind", "InstanceStartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_step_events_ProcessKey_Kind_OccurredAt",
                table: "analytics_step_events",
                columns: new[] { "ProcessKey", "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_tasks_ProcessKey_StepKey_WaitingMs_CreatedAt_ClaimedAt_CompletedAt",
                table: "analytics_tasks",
                columns: new[] { "ProcessKey", "StepKey", "WaitingMs", "CreatedAt", "ClaimedAt", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_tasks_ProcessKey_StepKey_WorkingMs_CreatedAt_ClaimedAt_CompletedAt",
                table: "analytics_tasks",
                columns: new[] { "ProcessKey", "StepKey", "WorkingMs", "CreatedAt", "ClaimedAt", "CompletedAt" });

            // The history written before the runtime kept these facts: derived once from the event log.
            foreach (var statement in AnalyticsFactsBackfill.Statements(DatabaseProvider.Sqlite))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_instances");

            migrationBuilder.DropTable(
                name: "analytics_step_events");

            migrationBuilder.DropTable(
                name: "analytics_tasks");
        }
    }
}
