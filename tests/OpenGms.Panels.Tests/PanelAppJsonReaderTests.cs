using System.Text;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Domain;
using OpenGms.Panels.Infrastructure.PanelApp;
using OpenGms.Testing;

namespace OpenGms.Panels.Tests;

public sealed class PanelAppJsonReaderTests
{
    private static (List<PanelVersion> Versions, List<PanelImportIssue> Issues) Read(string fixture)
    {
        string path = RepoPaths.TestData("panels/" + fixture);
        var versions = new List<PanelVersion>();
        var issues = new List<PanelImportIssue>();
        PanelAppJsonReader.Read(path, File.ReadAllBytes(path), versions, issues);
        return (versions, issues);
    }

    [Fact]
    public void Read_detail_response_reads_genes_strs_regions_and_positions()
    {
        (List<PanelVersion> versions, List<PanelImportIssue> issues) = Read("versions/panel_90001_v1.9.json");

        Assert.Empty(issues);
        PanelVersion v = Assert.Single(versions);
        Assert.Equal((90001, "1.9", 1, 9), (v.PanelId, v.Version, v.Major, v.Minor));
        Assert.Equal(new DateOnly(2024, 1, 12), v.SignedOffOn);
        Assert.Equal(["R9001"], v.ClinicalIndicationCodes);
        Assert.Equal(5, v.Entities.Count(e => e.Kind == PanelEntityKind.Gene));
        PanelEntity syna1 = v.Entities.Single(e => e.EntityName == "SYNA1");
        Assert.Equal(("HGNC:900001", PanelConfidence.Green, "1", 1100, 2100, "ENSG00000900001"),
            (syna1.HgncId, syna1.Confidence, syna1.Grch38Chromosome, syna1.Grch38Start, syna1.Grch38End, syna1.Grch38EnsemblId));
        PanelEntity str = v.Entities.Single(e => e.Kind == PanelEntityKind.Str);
        Assert.Equal(("CAG", 35, 40, 3074877, 3074933), (str.RepeatedSequence, str.NormalRepeats, str.PathogenicRepeats, str.Grch38Start, str.Grch38End));
        PanelEntity region = v.Entities.Single(e => e.Kind == PanelEntityKind.Region);
        Assert.Equal(("cnv_loss", "3", (string?)null, (int?)60, (int?)null), (region.TypeOfVariants, region.HaploinsufficiencyScore, region.TriplosensitivityScore, region.RequiredOverlapPercentage, region.Grch37Start));
        Assert.Equal(PanelConfidence.Unrated, v.Entities.Single(e => e.EntityName == "SYNZ0").Confidence);
    }

    [Fact]
    public void Read_malformed_json_reports_PAN001_with_line()
    {
        (List<PanelVersion> versions, List<PanelImportIssue> issues) = Read("bad_syntax.json");

        PanelImportIssue issue = Assert.Single(issues);
        Assert.Equal(PanelIssueCodes.NotJson, issue.Code);
        Assert.Equal(3, issue.Line); // the ",," on the third line of bad_syntax.json
        Assert.Empty(versions);
    }

    [Fact]
    public void Read_confidence_out_of_range_reports_PAN005_at_its_path()
    {
        (_, List<PanelImportIssue> issues) = Read("bad_confidence.json");

        PanelImportIssue issue = Assert.Single(issues);
        Assert.Equal((PanelIssueCodes.BadConfidence, "$.genes[1].confidence_level"), (issue.Code, issue.JsonPath));
    }

    [Fact]
    public void Read_bad_fields_reports_each_with_code_and_path()
    {
        (_, List<PanelImportIssue> issues) = Read("bad_fields.json");

        Assert.Equal(
            [
                (PanelIssueCodes.MissingField, "$.results[0].id"),
                (PanelIssueCodes.BadVersion, "$.results[1].version"),
                (PanelIssueCodes.BadCoordinates, "$.results[2].genes[0].gene_data.ensembl_genes.GRch38.90.location"),
                (PanelIssueCodes.WrongEntityType, "$.results[2].regions[0].entity_type"),
                (PanelIssueCodes.BadCoordinates, "$.results[2].regions[1].grch38_coordinates"),
            ],
            issues.Select(i => (i.Code, i.JsonPath)).ToArray());
        Assert.All(issues, i => Assert.Equal(IssueSeverity.Error, i.Severity));
    }

    [Fact]
    public void Read_json_that_is_no_panel_reports_PAN002()
    {
        (_, List<PanelImportIssue> issues) = Read("not_a_panel.json");

        Assert.Equal(PanelIssueCodes.UnknownDocument, Assert.Single(issues).Code);
    }

    [Fact]
    public void Read_super_panel_child_becomes_component_and_list_entry()
    {
        const string Json = """
            {"id": 9100, "name": "Super", "version": "2.0", "types": [{"slug": "superpanel", "name": "Super Panel"}],
             "genes": [
               {"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "2", "panel": {"id": 9101, "name": "Child A", "version": "1.3"}},
               {"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "3", "panel": {"id": 9102, "name": "Child B", "version": "4.0"}}
             ]}
            """;
        var versions = new List<PanelVersion>();
        var issues = new List<PanelImportIssue>();

        PanelAppJsonReader.Read("inline.json", Encoding.UTF8.GetBytes(Json), versions, issues);

        Assert.Empty(issues);
        PanelVersion super = versions.Single(v => v.PanelId == 9100);
        Assert.True(super.IsSuperPanel);
        Assert.Equal([9101, 9102], super.Components.Select(c => c.ChildPanelId).Order());
        Assert.Equal(2, super.Entities.Count);
        PanelEntity gene = Assert.Single(super.GenesAtOrAbove(PanelConfidence.Green));
        Assert.Equal("SYNA1", gene.GeneSymbol);
        Assert.Contains(versions, v => v.PanelId == 9101 && v.Version == "1.3" && !v.HasEntities);
    }

    [Theory]
    [InlineData("11:108093211-108239829", true, "11", 108093211, 108239829)]
    [InlineData("X:1-1", true, "X", 1, 1)]
    [InlineData("11:20-10", false, "", 0, 0)]
    [InlineData("11-20", false, "", 0, 0)]
    [InlineData(":1-2", false, "", 0, 0)]
    public void TryParseLocation_cases(string text, bool ok, string chromosome, int start, int end)
    {
        bool parsed = PanelAppJsonReader.TryParseLocation(text, out string c, out int s, out int e);

        Assert.Equal(ok, parsed);
        if (ok)
        {
            Assert.Equal((chromosome, start, end), (c, s, e));
        }
    }

    [Theory]
    [InlineData("1.9", true, 1, 9)]
    [InlineData("72.1286", true, 72, 1286)]
    [InlineData("3", true, 3, 0)]
    [InlineData("1.x", false, 0, 0)]
    [InlineData("", false, 0, 0)]
    public void TryParseVersion_cases(string text, bool ok, int major, int minor)
    {
        bool parsed = PanelVersion.TryParseVersion(text, out int a, out int b);

        Assert.Equal(ok, parsed);
        if (ok)
        {
            Assert.Equal((major, minor), (a, b));
        }
    }

    private static List<PanelVersion> ReadInline(string json, List<PanelImportIssue> issues)
    {
        var versions = new List<PanelVersion>();
        PanelAppJsonReader.Read("inline.json", Encoding.UTF8.GetBytes(json), versions, issues);
        return versions;
    }

    [Fact]
    public void Read_entity_listed_twice_warns_PAN015_and_keeps_one()
    {
        var issues = new List<PanelImportIssue>();

        List<PanelVersion> versions = ReadInline("""
            {"id": 9200, "name": "Twice", "version": "1.0", "genes": [
              {"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "3"},
              {"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "1"}]}
            """, issues);

        PanelImportIssue issue = Assert.Single(issues);
        Assert.Equal((PanelIssueCodes.DuplicateEntity, IssueSeverity.Warning, "$.genes[1]"), (issue.Code, issue.Severity, issue.JsonPath));
        Assert.Equal(PanelConfidence.Green, Assert.Single(versions[0].Entities).Confidence);
    }

    [Fact]
    public void Read_stats_that_differ_from_lists_warn_PAN014()
    {
        var issues = new List<PanelImportIssue>();

        ReadInline("""
            {"id": 9201, "name": "Stats", "version": "1.0", "stats": {"number_of_genes": 3, "number_of_strs": 0, "number_of_regions": 0},
             "genes": [{"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "3"}]}
            """, issues);

        Assert.Equal((PanelIssueCodes.StatsMismatch, IssueSeverity.Warning), (Assert.Single(issues).Code, issues[0].Severity));
    }

    [Fact]
    public void EntityChecksum_ignores_list_order_but_not_ratings()
    {
        var issues = new List<PanelImportIssue>();
        const string A = """{"entity_type": "gene", "entity_name": "SYNA1", "confidence_level": "3"}""";
        const string B = """{"entity_type": "gene", "entity_name": "SYNB2", "confidence_level": "2"}""";
        const string BGreen = """{"entity_type": "gene", "entity_name": "SYNB2", "confidence_level": "3"}""";

        string ab = EntityChecksum.Of(ReadInline($$"""{"id": 1, "name": "x", "version": "1.0", "genes": [{{A}}, {{B}}]}""", issues)[0]);
        string ba = EntityChecksum.Of(ReadInline($$"""{"id": 1, "name": "x", "version": "1.0", "genes": [{{B}}, {{A}}]}""", issues)[0]);
        string rerated = EntityChecksum.Of(ReadInline($$"""{"id": 1, "name": "x", "version": "1.0", "genes": [{{A}}, {{BGreen}}]}""", issues)[0]);

        Assert.Empty(issues);
        Assert.Equal(ab, ba);
        Assert.NotEqual(ab, rerated);
    }
}
