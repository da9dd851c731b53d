using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenGms.Consent.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consent_patient",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NhsNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GivenName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FamilyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    Sex = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FamilyId = table.Column<Guid>(type: "uuid", nullable: true),
                    RelationshipToProband = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_patient", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consent_discussion",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClinicalTesting = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Research = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consent_discussion", x => x.Sequence);
                    table.ForeignKey(
                        name: "FK_consent_discussion_consent_patient_PatientId",
                        column: x => x.PatientId,
                        principalTable: "consent_patient",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consent_discussion_Id",
                table: "consent_discussion",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consent_discussion_PatientId_Sequence",
                table: "consent_discussion",
                columns: new[] { "PatientId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_consent_patient_FamilyId",
                table: "consent_patient",
                column: "FamilyId");

            migrationBuilder.CreateIndex(
                name: "IX_consent_patient_NhsNumber",
                table: "consent_patient",
                column: "NhsNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consent_discussion");

            migrationBuilder.DropTable(
                name: "consent_patient");
        }
    }
}
