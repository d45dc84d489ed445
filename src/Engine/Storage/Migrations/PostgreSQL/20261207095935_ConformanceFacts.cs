using System;
using LowCode.Engine.Analytics.Facts;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.PostgreSQL
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessVersion = table.Column<int>(type: "integer", nullable: false),
                    InstanceStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FromStep = table.Column<string>(type: "text", nullable: false),
                    ToStep = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true),
                    RoutedBy = table.Column<string>(type: "text", nullable: true),
                    RuleSetKey = table.Column<string>(type: "text", nullable: true),
                    RuleSetVersion = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_analytics_routes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "analytics_rule_firings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InstanceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProcessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InstanceStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RuleSetKey = table.Column<string>(type: "text", nullable: true),
                    RuleSetVersion = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "text", nullable: false),
                    Routed = table.Column<bool>(type: "boolean", nullable: false)
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
            foreach (var statement in ConformanceFactsBackfill.Statements(DatabaseProvider.PostgreSQL))
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
