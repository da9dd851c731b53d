using OpenGms.Kernel;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Testing;

namespace OpenGms.Panels.Tests;

public sealed class PanelImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Every JSON file under shared/data/panelapp. Expected counts were computed independently with python3 over the
    /// same files: 440 distinct panel ids, 546 distinct (id, version) pairs (list entries, detail responses and the
    /// super-panel children), and in the 13 detail responses 1945 gene, 16 STR and 23 region entries.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_every_shared_panelapp_file_stores_expected_counts(string provider)
    {
        string folder = SharedData.PathOf("panelapp");
        await using PanelStore store = await PanelStore.CreateAsync(provider);

        PanelImportReport report = await store.ImportAsync(folder);

        Assert.True(report.Stored, string.Join("\n", report.Issues));
        Assert.Equal((440, 546, 1945, 16, 23), (report.PanelsAdded, report.VersionsAdded, report.GenesAdded, report.StrsAdded, report.RegionsAdded));
        Assert.Equal(21, report.Files);
        Assert.Contains(report.Issues, i => i.Code == PanelIssueCodes.SkippedFile && i.File.EndsWith(".tsv", StringComparison.Ordinal));
        Assert.All(report.Issues, i => Assert.Equal(IssueSeverity.Warning, i.Severity));
        (int panels, int versions, int entities, _) = await store.CountRowsAsync();
        Assert.Equal((440, 546, 1945 + 16 + 23), (panels, versions, entities));
    }

    /// <summary>Gene counts of panel 402 v8.125 per minimum rating, computed with python3 from panel_402.json (distinct HGNC symbols with level >= N).</summary>
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_shared_epilepsy_panel_counts_match_the_file(string provider)
    {
        string file = SharedData.PathOf("panelapp/panelapprex/panel_details/panel_402.json");
        await using PanelStore store = await PanelStore.CreateAsync(provider);
        Assert.True((await store.ImportAsync(file)).Stored);

        Result<ResolvedPanel> green = await store.ResolveAsync(402, null, PanelConfidence.Green);
        Result<ResolvedPanel> amber = await store.ResolveAsync(402, "8.125", PanelConfidence.Amber);
        Result<ResolvedPanel> red = await store.ResolveAsync(402, null, PanelConfidence.Red);
        Result<PanelView> view = await store.QueryAsync(q => q.GetAsync(402, null, PanelConfidence.Red, Ct));

        Assert.Equal((600, 812, 891), (green.Value.Genes.Count, amber.Value.Genes.Count, red.Value.Genes.Count));
        Assert.Equal((4, 19), (view.Value.Strs.Count, view.Value.Regions.Count));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_same_content_twice_changes_nothing(string provider)
    {
        await using PanelStore store = await PanelStore.CreateAsync(provider);
        PanelImportReport first = await store.ImportAsync(RepoPaths.TestData("panels/versions"));
        var before = await store.CountRowsAsync();

        PanelImportReport second = await store.ImportAsync(RepoPaths.TestData("panels/versions"));

        Assert.True(first.Changed);
        Assert.True(second.Stored);
        Assert.False(second.Changed);
        Assert.Equal(2, second.VersionsUnchanged);
        Assert.Equal(before, await store.CountRowsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_folder_with_one_bad_file_stores_nothing(string provider)
    {
        using var folder = new TempDirectory();
        File.Copy(RepoPaths.TestData("panels/versions/panel_90001_v1.9.json"), folder.File("good.json"));
        File.Copy(RepoPaths.TestData("panels/bad_confidence.json"), folder.File("zz_bad.json"));
        await using PanelStore store = await PanelStore.CreateAsync(provider);

        PanelImportReport report = await store.ImportAsync(folder.Path);

        Assert.False(report.Stored);
        Assert.Contains(report.Issues, i => i.Code == PanelIssueCodes.BadConfidence && i.File.EndsWith("zz_bad.json", StringComparison.Ordinal));
        Assert.Equal((0, 0, 0, 0), await store.CountRowsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_changed_content_for_stored_version_is_PAN010_and_stores_nothing(string provider)
    {
        await using PanelStore store = await PanelStore.CreateAsync(provider);
        Assert.True((await store.ImportAsync(RepoPaths.TestData("panels/versions/panel_90001_v1.9.json"))).Stored);
        var before = await store.CountRowsAsync();
        using var folder = new TempDirectory();
        File.Copy(RepoPaths.TestData("panels/list_page.json"), folder.File("a_list.json"));
        File.Copy(RepoPaths.TestData("panels/conflicting_v1.9.json"), folder.File("b_conflict.json"));

        PanelImportReport report = await store.ImportAsync(folder.Path);

        Assert.False(report.Stored);
        Assert.Contains(report.Issues, i => i.Code == PanelIssueCodes.ConflictingVersion);
        Assert.Equal(before, await store.CountRowsAsync());
    }

    [Fact]
    public async Task Import_two_files_with_same_version_but_different_content_is_PAN010()
    {
        using var folder = new TempDirectory();
        File.Copy(RepoPaths.TestData("panels/versions/panel_90001_v1.9.json"), folder.File("a.json"));
        File.Copy(RepoPaths.TestData("panels/conflicting_v1.9.json"), folder.File("b.json"));
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");

        PanelImportReport report = await store.ImportAsync(folder.Path);

        Assert.False(report.Stored);
        Assert.Equal(PanelIssueCodes.ConflictingVersion, Assert.Single(report.Issues).Code);
    }

    [Fact]
    public async Task Import_missing_path_is_PAN011()
    {
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");

        PanelImportReport report = await store.ImportAsync(Path.Combine(Path.GetTempPath(), "no-such-panels-" + Guid.NewGuid().ToString("N")));

        Assert.False(report.Stored);
        Assert.Equal(PanelIssueCodes.PathNotFound, Assert.Single(report.Issues).Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_list_entry_then_detail_completes_the_version(string provider)
    {
        await using PanelStore store = await PanelStore.CreateAsync(provider);
        PanelImportReport list = await store.ImportAsync(RepoPaths.TestData("panels/list_page.json"));
        Result<ResolvedPanel> before = await store.ResolveAsync(90001, "1.10", PanelConfidence.Green);

        PanelImportReport detail = await store.ImportAsync(RepoPaths.TestData("panels/versions/panel_90001_v1.10.json"));
        Result<ResolvedPanel> after = await store.ResolveAsync(90001, "1.10", PanelConfidence.Green);

        Assert.Equal((2, 2), (list.PanelsAdded, list.VersionsAdded));
        Assert.Equal(PanelErrorCodes.NoEntities, before.Error?.Code);
        Assert.Equal((0, 1), (detail.VersionsAdded, detail.VersionsCompleted));
        Assert.Equal(["SYNA1", "SYNB2", "SYND4"], after.Value.Genes.Select(g => g.Symbol));
    }
}
