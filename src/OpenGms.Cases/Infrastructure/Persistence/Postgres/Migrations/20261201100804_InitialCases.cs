using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Cases.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InitialCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases_case",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrderId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    PatientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TestCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    GlhCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    HpoTerms = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Pipelines = table.Column<int>(type: "integer", nullable: false),
                    PipelineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VcfPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SpecimenId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ProbandSample = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PedPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CachePath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    HpoDataPath = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    JobId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AnalysisError = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RareDiseaseResult = table.Column<string>(type: "text", nullable: true),
                    PgxResult = table.Column<string>(type: "text", nullable: true),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AttachedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_report",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    ChangeSummary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_report", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_variant_review",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    VariantKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CriteriaChanges = table.Column<string>(type: "text", nullable: false),
                    ComputedClass = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    ClassOverride = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Reported = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_variant_review", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_OrderId",
                table: "cases_case",
                column: "OrderId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_PatientId",
                table: "cases_case",
                column: "PatientId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_case_Status_GlhCode",
                table: "cases_case",
                columns: new[] { "Status", "GlhCode" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_report_CaseId",
                table: "cases_report",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_report_ReportId_Version",
                table: "cases_report",
                columns: new[] { "ReportId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_variant_review_CaseId_VariantKey",
                table: "cases_variant_review",
                columns: new[] { "CaseId", "VariantKey" });

            // Hand-written: an authorised report version is immutable in the database itself, not only in the
            // application, and variant reviews are append-only (each change is a new row).
            migrationBuilder.Sql(@"CREATE FUNCTION cases_report_authorised_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.""Status"" = 'authorised' THEN
    RAISE EXCEPTION 'cases_report: an authorised report version is immutable';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END $$;");
            migrationBuilder.Sql("CREATE TRIGGER cases_report_authorised_no_change BEFORE UPDATE OR DELETE ON cases_report FOR EACH ROW EXECUTE FUNCTION cases_report_authorised_immutable();");
            migrationBuilder.Sql(@"CREATE FUNCTION cases_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;");
            migrationBuilder.Sql("CREATE TRIGGER cases_variant_review_no_change BEFORE UPDATE OR DELETE ON cases_variant_review FOR EACH ROW EXECUTE FUNCTION cases_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER cases_no_truncate BEFORE TRUNCATE ON cases_report FOR EACH STATEMENT EXECUTE FUNCTION cases_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS cases_no_truncate ON cases_report;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS cases_variant_review_no_change ON cases_variant_review;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS cases_report_authorised_no_change ON cases_report;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS cases_append_only();");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS cases_report_authorised_immutable();");
            migrationBuilder.DropTable(
                name: "cases_case");

            migrationBuilder.DropTable(
                name: "cases_report");

            migrationBuilder.DropTable(
                name: "cases_variant_review");
        }
    }
}
