using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Audit.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the audit log is append-only in the database itself, not only in the application.
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_no_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_no_delete;");
        }
    }
}
