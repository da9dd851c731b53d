using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGms.Panels.Infrastructure.Persistence.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DiseaseGroup = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DiseaseSubGroup = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_panels_panel", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "panels_panel_version",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Major = table.Column<int>(type: "INTEGER", nullable: false),
                    Minor = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DiseaseGroup = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DiseaseSubGroup = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Created = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    SignedOffOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TypeSlugs = table.Column<string>(type: "TEXT", nullable: false),
                    TypeNames = table.Column<string>(type: "TEXT", nullable: false),
                    RelevantDisorders = table.Column<string>(type: "TEXT", nullable: false),
                    StatedGenes = table.Column<int>(type: "INTEGER", nullable: false),
                    StatedStrs = table.Column<int>(type: "INTEGER", nullable: false),
                    StatedRegions = table.Column<int>(type: "INTEGER", nullable: false),
                    HasEntities = table.Column<bool>(type: "INTEGER", nullable: false),
                    EntityChecksum = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
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
                    VersionKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ChildPanelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ChildName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
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
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionKey = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GeneSymbol = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HgncId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Confidence = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConfidenceLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ModeOfInheritance = table.Column<string>(type: "TEXT", nullable: true),
                    ModeOfPathogenicity = table.Column<string>(type: "TEXT", nullable: true),
                    Penetrance = table.Column<string>(type: "TEXT", nullable: true),
                    Phenotypes = table.Column<string>(type: "TEXT", nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    PublicationCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Grch37Chromosome = table.Column<string>(type: "TEXT", nullable: true),
                    Grch37Start = table.Column<int>(type: "INTEGER", nullable: true),
                    Grch37End = table.Column<int>(type: "INTEGER", nullable: true),
                    Grch37EnsemblId = table.Column<string>(type: "TEXT", nullable: true),
                    Grch38Chromosome = table.Column<string>(type: "TEXT", nullable: true),
                    Grch38Start = table.Column<int>(type: "INTEGER", nullable: true),
                    Grch38End = table.Column<int>(type: "INTEGER", nullable: true),
                    Grch38EnsemblId = table.Column<string>(type: "TEXT", nullable: true),
                    RepeatedSequence = table.Column<string>(type: "TEXT", nullable: true),
                    NormalRepeats = table.Column<int>(type: "INTEGER", nullable: true),
                    PathogenicRepeats = table.Column<int>(type: "INTEGER", nullable: true),
                    VerboseName = table.Column<string>(type: "TEXT", nullable: true),
                    TypeOfVariants = table.Column<string>(type: "TEXT", nullable: true),
                    HaploinsufficiencyScore = table.Column<string>(type: "TEXT", nullable: true),
                    TriplosensitivityScore = table.Column<string>(type: "TEXT", nullable: true),
                    RequiredOverlapPercentage = table.Column<int>(type: "INTEGER", nullable: true),
                    SourcePanelId = table.Column<int>(type: "INTEGER", nullable: true),
                    SourcePanelVersion = table.Column<string>(type: "TEXT", nullable: true)
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
