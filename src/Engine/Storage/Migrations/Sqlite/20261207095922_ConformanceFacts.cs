using System;
using LowCode.Engine.Analytics.Facts;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConformanceFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "analytics_routes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProcessVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    InstanceStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromStep = table.Column<string>(type: "TEXT", nullable: false),
                    ToStep = table.Column<string>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: true),
                    RoutedBy = table.Column<string>(type: "TEXT", nullable: true),
                    RuleSetKey = table.Column<string>(type: "TEXT", nullable: true),
                    RuleSetVersion = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_rule_firings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceStartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RuleSetKey = table.Column<string>(type: "TEXT", nullable: true),
                    RuleSetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Routed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_rule_firings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_routes_ProcessKey_Kind_InstanceStartedAt",
                table: "analytics_routes",
                columns: new[] { "ProcessKey", "Kind", "InstanceStartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_routes_ProcessKey_RuleSetKey_RuleSetVersion",
                table: "analytics_routes",
                columns: new[] { "ProcessKey", "RuleSetKey", "RuleSetVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_analytics_rule_firings_ProcessKey_InstanceStartedAt",
                table: "analytics_rule_firings",
                columns: new[] { "ProcessKey", "InstanceStartedAt" });

            // The route decisions and rule firings of the history written before the runtime kept these facts.
            foreach (var statement in ConformanceFactsBackfill.Statements(DatabaseProvider.Sqlite))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "analytics_routes");

            migrationBuilder.DropTable(
                name: "analytics_rule_firings");
        }
    }
}
