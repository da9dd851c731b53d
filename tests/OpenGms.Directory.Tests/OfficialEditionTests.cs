using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;
using OpenGms.Directory.Infrastructure.Import;
using OpenGms.Testing;

namespace OpenGms.Directory.Tests;

/// <summary>
/// The official spreadsheets as published. Expected counts: 372/619 for v5.1 are stated in the issue; the cancer
/// file's 203 indications / 1,565 tests were counted independently with a stdlib-only python3 script over the xlsx XML
/// (non-empty "Test Code" cells in the five data sheets, distinct "CI Code" values) — see docs/directory.md.
/// </summary>
public sealed class OfficialEditionTests
{
    internal const string RareV51 = "directory/rare_disease/Rare-and-inherited-disease-national-genomic-test-directory-version-5.1.xlsx";
    internal const string Cancer2020 = "directory/cancer/National-Genomic-Test-Directory-Cancer-November-2020-21.xlsx";
    internal const string Cancer2021 = "directory/cancer/National-genomic-test-directory-cancer-October-2021-22-.xlsx";
    internal const string EastV51 = "directory/rare_disease/eastgenomics_230616_RD_TD_v5.1.json";

    [Fact]
    public async Task Read_rare_disease_v5_1_finds_372_indications_and_619_tests()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(RareV51), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Issues, i => i.IsError);
        DirectoryEdition edition = Assert.IsType<DirectoryEdition>(result.Edition);
        Assert.Equal(EditionKind.RareAndInherited, edition.Kind);
        Assert.Equal("5.1", edition.Version);
        Assert.Equal("rd-5.1", edition.Key);
        Assert.Equal(new DateOnly(2023, 6, 1), edition.PublishedOn);
        Assert.Equal(372, edition.Indications.Count);
        Assert.Equal(619, edition.TestCount);
    }

    [Fact]
    public async Task Read_rare_disease_v5_1_reads_fh_panel_and_ldlr_mlpa()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(RareV51), TestContext.Current.CancellationToken);

        ClinicalIndication fh = result.Edition!.Indications.Single(i => i.Code == "R134");
        Assert.Equal("Familial hypercholesterolaemia", fh.Name);
        DirectoryTest panel = fh.Tests.Single(t => t.Code == "R134.1");
        Assert.Equal([TestMethod.SmallPanel], panel.Methods);
        TestTarget target = Assert.Single(panel.Targets);
        Assert.Equal(772, target.PanelId);
        DirectoryTest mlpa = fh.Tests.Single(t => t.Code == "R134.2");
        Assert.Equal([TestMethod.Mlpa], mlpa.Methods);
        Assert.Equal("LDLR", Assert.Single(mlpa.Targets).Symbol);
    }

    [Fact]
    public async Task Read_cancer_2020_21_finds_203_indications_and_1565_tests()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(Cancer2020), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Issues, i => i.IsError);
        DirectoryEdition edition = Assert.IsType<DirectoryEdition>(result.Edition);
        Assert.Equal(EditionKind.Cancer, edition.Kind);
        Assert.Equal("2020-21", edition.Version);
        Assert.Equal("cancer-2020-21", edition.Key);
        Assert.Equal(new DateOnly(2020, 11, 1), edition.PublishedOn);
        Assert.Equal(203, edition.Indications.Count);
        Assert.Equal(1565, edition.TestCount);
    }

    [Fact]
    public async Task Read_cancer_2020_21_carries_code_and_name_down_the_group()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(Cancer2020), TestContext.Current.CancellationToken);

        ClinicalIndication m1 = result.Edition!.Indications.Single(i => i.Code == "M1");
        Assert.Equal("Colorectal Carcinoma", m1.Name);
        Assert.Equal("Solid Tumours (Adult)", m1.SpecialistTestGroup);
        DirectoryTest kras = m1.Tests.Single(t => t.Code == "M1.2");
        Assert.Equal("KRAS hotspot", kras.Name);
        Assert.Equal([TestMethod.TargetedMutation], kras.Methods);
        Assert.Equal("KRAS", Assert.Single(kras.Targets).Symbol);
        Assert.NotNull(kras.Eligibility);
    }

    [Fact]
    public async Task Read_cancer_2021_22_imports_when_present()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(Cancer2021), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Issues, i => i.IsError);
        Assert.Equal("cancer-2021-22", result.Edition!.Key);
        Assert.True(result.Edition.TestCount > 1000);
    }

    [Fact]
    public async Task Read_east_genomics_v5_1_json_gives_separate_edition_with_hgnc_targets()
    {
        EditionReadResult result = await new EditionFileReader().ReadAsync(SharedData.PathOf(EastV51), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Issues, i => i.IsError);
        DirectoryEdition edition = result.Edition!;
        Assert.Equal("rd-5.1-east", edition.Key);
        Assert.Equal(287, edition.TestCount);
        DirectoryTest hboc = edition.Indications.SelectMany(i => i.Tests).First(t => t.Targets.Any(x => x.HgncId == "HGNC:1100"));
        Assert.Contains(hboc.Targets, t => t.HgncId == "HGNC:1100" && t.Symbol == "BRCA1");
    }
}
