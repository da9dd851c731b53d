using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Audit.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Hand-written: the audit log is append-only in the database itself, not only in the application.
            migrationBuilder.Sql(@"CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entry is append-only';
END $$;");
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entry_append_only();");
        }
    }
}
