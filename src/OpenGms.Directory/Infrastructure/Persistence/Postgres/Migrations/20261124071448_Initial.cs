using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenGms.Directory.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "directory_edition",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SourceFormat = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceFile = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IndicationCount = table.Column<int>(type: "integer", nullable: false),
                    TestCount = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_edition", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "directory_indication",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeSearch = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    NameSearch = table.Column<string>(type: "text", nullable: false),
                    SpecialistTestGroup = table.Column<string>(type: "text", nullable: true),
                    CommissioningCategory = table.Column<string>(type: "text", nullable: true),
                    Eligibility = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_indication", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directory_indication_directory_edition_EditionId",
                        column: x => x.EditionId,
                        principalTable: "directory_edition",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "directory_test",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicationId = table.Column<int>(type: "integer", nullable: false),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CodeSearch = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    NameSearch = table.Column<string>(type: "text", nullable: true),
                    MethodPublished = table.Column<string>(type: "text", nullable: true),
                    Methods = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "text", nullable: true),
                    TargetsPublished = table.Column<string>(type: "text", nullable: true),
                    ChangeNote = table.Column<string>(type: "text", nullable: true),
                    Eligibility = table.Column<string>(type: "text", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_test", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directory_test_directory_edition_EditionId",
                        column: x => x.EditionId,
                        principalTable: "directory_edition",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_directory_test_directory_indication_IndicationId",
                        column: x => x.IndicationId,
                        principalTable: "directory_indication",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "directory_test_target",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TestId = table.Column<int>(type: "integer", nullable: false),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Ordinal = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PanelId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Symbol = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SymbolSearch = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    HgncId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_directory_test_target", x => x.Id);
                    table.ForeignKey(
                        name: "FK_directory_test_target_directory_edition_EditionId",
                        column: x => x.EditionId,
                        principalTable: "directory_edition",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_directory_test_target_directory_test_TestId",
                        column: x => x.TestId,
                        principalTable: "directory_test",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_directory_edition_Key",
                table: "directory_edition",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_edition_Sha256",
                table: "directory_edition",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_indication_EditionId_CodeSearch",
                table: "directory_indication",
                columns: new[] { "EditionId", "CodeSearch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_EditionId_CodeSearch",
                table: "directory_test",
                columns: new[] { "EditionId", "CodeSearch" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_IndicationId",
                table: "directory_test",
                column: "IndicationId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_target_EditionId",
                table: "directory_test_target",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_target_HgncId",
                table: "directory_test_target",
                column: "HgncId");

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_target_PanelId_EditionId",
                table: "directory_test_target",
                columns: new[] { "PanelId", "EditionId" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_target_SymbolSearch_EditionId",
                table: "directory_test_target",
                columns: new[] { "SymbolSearch", "EditionId" });

            migrationBuilder.CreateIndex(
                name: "IX_directory_test_target_TestId",
                table: "directory_test_target",
                column: "TestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "directory_test_target");

            migrationBuilder.DropTable(
                name: "directory_test");

            migrationBuilder.DropTable(
                name: "directory_indication");

            migrationBuilder.DropTable(
                name: "directory_edition");
        }
    }
}
