using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Jobs.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "job",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    result = table.Column<string>(type: "TEXT", nullable: true),
                    created_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    started_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    finished_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    worker = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    lease_until_ms = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_job_status_created_ms",
                table: "job",
                columns: new[] { "status", "created_ms" });

            migrationBuilder.CreateIndex(
                name: "IX_job_subject",
                table: "job",
                column: "subject");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job");
        }
    }
}
