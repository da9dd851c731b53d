using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenGms.Panels.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "panels_panel",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DiseaseGroup = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DiseaseSubGroup = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SearchText = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels_panel", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "panels_panel_version",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Major = table.Column<int>(type: "integer", nullable: false),
                    Minor = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DiseaseGroup = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    DiseaseSubGroup = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignedOffOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TypeSlugs = table.Column<List<string>>(type: "text[]", nullable: false),
                    TypeNames = table.Column<List<string>>(type: "text[]", nullable: false),
                    RelevantDisorders = table.Column<List<string>>(type: "text[]", nullable: false),
                    StatedGenes = table.Column<int>(type: "integer", nullable: false),
                    StatedStrs = table.Column<int>(type: "integer", nullable: false),
                    StatedRegions = table.Column<int>(type: "integer", nullable: false),
                    HasEntities = table.Column<bool>(type: "boolean", nullable: false),
                    EntityChecksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels_panel_version", x => x.Key);
                    table.ForeignKey(
                        name: "FK_panels_panel_version_panels_panel_PanelId",
                        column: x => x.PanelId,
                        principalTable: "panels_panel",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panels_component",
                columns: table => new
                {
                    VersionKey = table.Column<long>(type: "bigint", nullable: false),
                    ChildPanelId = table.Column<int>(type: "integer", nullable: false),
                    ChildVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ChildName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels_component", x => new { x.VersionKey, x.ChildPanelId });
                    table.ForeignKey(
                        name: "FK_panels_component_panels_panel_version_VersionKey",
                        column: x => x.VersionKey,
                        principalTable: "panels_panel_version",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "panels_entity",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    VersionKey = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GeneSymbol = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HgncId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Confidence = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConfidenceLevel = table.Column<int>(type: "integer", nullable: false),
                    ModeOfInheritance = table.Column<string>(type: "text", nullable: true),
                    ModeOfPathogenicity = table.Column<string>(type: "text", nullable: true),
                    Penetrance = table.Column<string>(type: "text", nullable: true),
                    Phenotypes = table.Column<List<string>>(type: "text[]", nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    PublicationCount = table.Column<int>(type: "integer", nullable: false),
                    Grch37Chromosome = table.Column<string>(type: "text", nullable: true),
                    Grch37Start = table.Column<int>(type: "integer", nullable: true),
                    Grch37End = table.Column<int>(type: "integer", nullable: true),
                    Grch37EnsemblId = table.Column<string>(type: "text", nullable: true),
                    Grch38Chromosome = table.Column<string>(type: "text", nullable: true),
                    Grch38Start = table.Column<int>(type: "integer", nullable: true),
                    Grch38End = table.Column<int>(type: "integer", nullable: true),
                    Grch38EnsemblId = table.Column<string>(type: "text", nullable: true),
                    RepeatedSequence = table.Column<string>(type: "text", nullable: true),
                    NormalRepeats = table.Column<int>(type: "integer", nullable: true),
                    PathogenicRepeats = table.Column<int>(type: "integer", nullable: true),
                    VerboseName = table.Column<string>(type: "text", nullable: true),
                    TypeOfVariants = table.Column<string>(type: "text", nullable: true),
                    HaploinsufficiencyScore = table.Column<string>(type: "text", nullable: true),
                    TriplosensitivityScore = table.Column<string>(type: "text", nullable: true),
                    RequiredOverlapPercentage = table.Column<int>(type: "integer", nullable: true),
                    SourcePanelId = table.Column<int>(type: "integer", nullable: true),
                    SourcePanelVersion = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels_entity", x => x.Key);
                    table.ForeignKey(
                        name: "FK_panels_entity_panels_panel_version_VersionKey",
                        column: x => x.VersionKey,
                        principalTable: "panels_panel_version",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_panels_entity_GeneSymbol",
                table: "panels_entity",
                column: "GeneSymbol");

            migrationBuilder.CreateIndex(
                name: "IX_panels_entity_VersionKey",
                table: "panels_entity",
                column: "VersionKey");

            migrationBuilder.CreateIndex(
                name: "IX_panels_panel_version_PanelId_Version",
                table: "panels_panel_version",
                columns: new[] { "PanelId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "panels_component");

            migrationBuilder.DropTable(
                name: "panels_entity");

            migrationBuilder.DropTable(
                name: "panels_panel_version");

            migrationBuilder.DropTable(
                name: "panels_panel");
        }
    }
}
