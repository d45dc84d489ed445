using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.Sqlite
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
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleSetKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProcessKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CandidateVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateETag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RunBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    RunAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Replayed = table.Column<int>(type: "INTEGER", nullable: false),
                    Changed = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
