using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Cases.Infrastructure.Persistence.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TestCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    GlhCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HpoTerms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Pipelines = table.Column<int>(type: "INTEGER", nullable: false),
                    PipelineReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VcfPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SpecimenId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ProbandSample = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PedPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CachePath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    HpoDataPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    JobId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AnalysisError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RareDiseaseResult = table.Column<string>(type: "TEXT", nullable: true),
                    PgxResult = table.Column<string>(type: "TEXT", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AttachedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_case", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_report",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    ChangeSummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases_report", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cases_variant_review",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VariantKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CriteriaChanges = table.Column<string>(type: "TEXT", nullable: false),
                    ComputedClass = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Points = table.Column<int>(type: "INTEGER", nullable: false),
                    ClassOverride = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Reported = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER cases_report_authorised_no_update BEFORE UPDATE ON cases_report WHEN OLD.\"Status\" = 'authorised' BEGIN SELECT RAISE(ABORT, 'cases_report: an authorised report version is immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER cases_report_authorised_no_delete BEFORE DELETE ON cases_report WHEN OLD.\"Status\" = 'authorised' BEGIN SELECT RAISE(ABORT, 'cases_report: an authorised report version is immutable'); END;");
            migrationBuilder.Sql("CREATE TRIGGER cases_variant_review_no_update BEFORE UPDATE ON cases_variant_review BEGIN SELECT RAISE(ABORT, 'cases_variant_review is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER cases_variant_review_no_delete BEFORE DELETE ON cases_variant_review BEGIN SELECT RAISE(ABORT, 'cases_variant_review is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases_case");

            migrationBuilder.DropTable(
                name: "cases_report");

            migrationBuilder.DropTable(
                name: "cases_variant_review");
        }
    }
}
