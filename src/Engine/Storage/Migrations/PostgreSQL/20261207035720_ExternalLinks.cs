using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCode.Engine.Storage.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class ExternalLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "external_links",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TaskId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StepKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UsedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_external_links", x => x.TokenHash);
                });

            migrationBuilder.CreateTable(
                name: "files",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TaskId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InstanceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FieldPath = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Storage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UploadedBy = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "file_contents",
                columns: table => new
                {
                    FileId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_file_contents", x => x.FileId);
                    table.ForeignKey(
                        name: "FK_file_contents_files_FileId",
                        column: x => x.FileId,
                        principalTable: "files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_external_links_InstanceId_StepKey",
                table: "external_links",
                columns: new[] { "InstanceId", "StepKey" });

            migrationBuilder.CreateIndex(
                name: "IX_external_links_TaskId",
                table: "external_links",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_files_InstanceId",
                table: "files",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_files_TaskId",
                table: "files",
                column: "TaskId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "external_links");

            migrationBuilder.DropTable(
                name: "file_contents");

            migrationBuilder.DropTable(
                name: "files");
        }
    }
}
