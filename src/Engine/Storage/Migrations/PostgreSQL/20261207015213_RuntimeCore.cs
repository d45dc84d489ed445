using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class RuntimeCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompletedBy",
                table: "tasks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BusinessKey",
                table: "instances",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Exceptions",
                table: "instances",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Parallel",
                table: "instances",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Positions",
                table: "instances",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    Operation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Result = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotency_keys", x => new { x.Operation, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_Status_AssigneeUser",
                table: "tasks",
                columns: new[] { "Status", "AssigneeUser" });

            migrationBuilder.CreateIndex(
                name: "IX_instances_ProcessKey_BusinessKey",
                table: "instances",
                columns: new[] { "ProcessKey", "BusinessKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotency_keys");

            migrationBuilder.DropIndex(
                name: "IX_tasks_Status_AssigneeUser",
                table: "tasks");

            migrationBuilder.DropIndex(
                name: "IX_instances_ProcessKey_BusinessKey",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "CompletedBy",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "BusinessKey",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "Exceptions",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "Parallel",
                table: "instances");

            migrationBuilder.DropColumn(
                name: "Positions",
                table: "instances");
        }
    }
}
