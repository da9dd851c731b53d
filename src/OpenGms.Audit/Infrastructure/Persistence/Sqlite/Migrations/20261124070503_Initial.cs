using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Audit.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Resource = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PatientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entry", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_entry_Actor",
                table: "audit_entry",
                column: "Actor");

            migrationBuilder.CreateIndex(
                name: "IX_audit_entry_PatientId",
                table: "audit_entry",
                column: "PatientId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_entry");
        }
    }
}
