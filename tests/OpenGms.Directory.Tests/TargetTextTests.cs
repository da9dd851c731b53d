using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Tests;

public sealed class TargetTextTests
{
    [Fact]
    public void Parse_panel_reference_gives_panel_id_and_name()
    {
        TestTarget target = Assert.Single(TargetText.Parse("Familial hypercholesterolaemia – targeted panel (772)"));

        Assert.Equal(TargetKind.PanelAppPanel, target.Kind);
        Assert.Equal(772, target.PanelId);
        Assert.Equal("Familial hypercholesterolaemia – targeted panel", target.Name);
    }

    [Fact]
    public void Parse_panel_name_with_parentheses_keeps_them()
    {
        TestTarget target = Assert.Single(TargetText.Parse("Inherited MMR deficiency (Lynch syndrome) (503)"));

        Assert.Equal(503, target.PanelId);
        Assert.Equal("Inherited MMR deficiency (Lynch syndrome)", target.Name);
    }

    [Fact]
    public void Parse_two_panel_references_gives_both()
    {
        IReadOnlyList<TestTarget> targets = TargetText.Parse("Hearing loss (126); Long QT syndrome (76)");

        Assert.Equal([126, 76], targets.Select(t => t.PanelId!.Value));
    }

    [Theory]
    [InlineData("BRCA1;BRCA2;PALB2; ATM", "BRCA1,BRCA2,PALB2,ATM")]
    [InlineData("KRAS, NRAS, BRAF", "KRAS,NRAS,BRAF")]
    [InlineData("MLH1 hypermethylation", "MLH1")]
    [InlineData("PAX3-FOXO1", "PAX3,FOXO1")]
    [InlineData("YAP1-C11orf95", "YAP1,C11orf95")]
    [InlineData("(TCRA), TCRB", "TCRA,TCRB")]
    [InlineData("AS/PWS critical region", "")]
    [InlineData("Chr7/Chr7q", "")]
    [InlineData("Other: See tests M80.25-M80.40 for individual specified FISH targets.", "")]
    public void Parse_gene_text_finds_symbols_only(string published, string expected)
    {
        IReadOnlyList<TestTarget> targets = TargetText.Parse(published);

        Assert.All(targets, t => Assert.Equal(TargetKind.Gene, t.Kind));
        Assert.Equal(expected, string.Join(',', targets.Select(t => t.Symbol)));
    }

    [Theory]
    [InlineData("Genomewide")]
    [InlineData("Trio gene agnostic or appropriate panels in singletons or duos")]
    [InlineData("All including burden / signature")]
    public void Parse_genome_wide_text_is_gene_agnostic(string published)
    {
        Assert.Equal(TargetKind.GeneAgnostic, Assert.Single(TargetText.Parse(published)).Kind);
    }

    [Theory]
    [InlineData("National Genomic Test Directory for rare and inherited disease, v5.1 June 2023", "x.xlsx", "5.1", 2023, 6)]
    [InlineData("DRAFT National Genomic Test Directory for cancer, November 2020", "National-Genomic-Test-Directory-Cancer-November-2020-21.xlsx", "2020-21", 2020, 11)]
    [InlineData(null, "National-genomic-test-directory-cancer-October-2021-22-.xlsx", "2021-22", 2021, 10)]
    [InlineData(null, "Rare-and-inherited-disease-national-genomic-test-directory-version-5.1", "5.1", null, null)]
    public void EditionNaming_reads_version_and_month(string? title, string file, string version, int? year, int? month)
    {
        Assert.Equal(version, EditionNaming.Version(title, file));
        Assert.Equal(year is null ? null : new DateOnly(year.Value, month!.Value, 1), EditionNaming.PublishedOn(title, file));
    }
}
