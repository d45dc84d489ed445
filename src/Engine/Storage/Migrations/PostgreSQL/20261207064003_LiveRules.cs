using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class LiveRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dry_runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RuleSetKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProcessKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CandidateVersion = table.Column<int>(type: "integer", nullable: false),
                    CandidateETag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RunBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    RunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Replayed = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dry_runs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dry_runs_RuleSetKey_PublishedVersion",
                table: "dry_runs",
                columns: new[] { "RuleSetKey", "PublishedVersion" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dry_runs");
        }
    }
}
