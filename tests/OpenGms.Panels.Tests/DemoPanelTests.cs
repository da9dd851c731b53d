using Microsoft.Extensions.DependencyInjection;
using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Infrastructure.Demo;
using OpenGms.Testing;

namespace OpenGms.Panels.Tests;

public sealed class DemoPanelTests
{
    /// <summary>
    /// The panel ids the demo directory's tests target (docs/demo-data.md) must all resolve from the bundled panels.
    /// </summary>
    public static TheoryData<int> DemoPanelIds => new() { 772, 635, 503, 504, 76, 1318, 1321, 700, 402 };

    /// <summary>Panels too large to bundle (82 to 9286 genes, gene lists not pinnable to the version): their PanelApp list entry only.</summary>
    public static TheoryData<int> ListOnlyPanelIds => new() { 472, 126, 285, 486 };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Seed_empty_store_loads_demo_panels_once(string provider)
    {
        await using PanelStore store = await PanelStore.CreateAsync(provider);

        bool first = await store.WithServicesAsync(sp => sp.GetServices<IDemoDataSeeder>().Single(s => s.Module == "panels").SeedIfEmptyAsync(TestContext.Current.CancellationToken));
        bool second = await store.WithServicesAsync(sp => sp.GetServices<IDemoDataSeeder>().Single(s => s.Module == "panels").SeedIfEmptyAsync(TestContext.Current.CancellationToken));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(DemoPanelIds.Count + ListOnlyPanelIds.Count, (await store.CountRowsAsync()).Panels);
    }

    /// <summary>
    /// PanelApp's panel 772 v2.5 (PanelAppRex TSV, 2026 snapshot): LDLR, APOB, PCSK9, APOE, LDLRAP1 rated green (3), GCKR red (1).
    /// </summary>
    [Fact]
    public async Task Demo_familial_hypercholesterolaemia_panel_resolves_green_genes()
    {
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");
        await store.WithServicesAsync(sp => sp.GetServices<IDemoDataSeeder>().Single(s => s.Module == "panels").SeedIfEmptyAsync(TestContext.Current.CancellationToken));

        Result<ResolvedPanel> green = await store.ResolveAsync(772, null, PanelConfidence.Green);
        Result<ResolvedPanel> red = await store.ResolveAsync(772, null, PanelConfidence.Red);

        Assert.Equal(["APOB", "APOE", "LDLR", "LDLRAP1", "PCSK9"], green.Value.Genes.Select(g => g.Symbol));
        Assert.Equal("HGNC:6547", green.Value.Genes.Single(g => g.Symbol == "LDLR").HgncId);
        Assert.Contains(red.Value.Genes, g => g.Symbol == "GCKR" && g.Confidence == PanelConfidence.Red);
    }

    [Theory]
    [MemberData(nameof(DemoPanelIds))]
    public async Task Demo_panel_resolves_with_genes(int panelId)
    {
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");
        await store.WithServicesAsync(sp => sp.GetServices<IDemoDataSeeder>().Single(s => s.Module == "panels").SeedIfEmptyAsync(TestContext.Current.CancellationToken));

        Result<ResolvedPanel> panel = await store.ResolveAsync(panelId, null, PanelConfidence.Red);

        Assert.True(panel.IsSuccess, panel.Error?.ToString());
        Assert.NotEmpty(panel.Value.Genes);
    }

    [Fact]
    public async Task Demo_resources_import_without_issues()
    {
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");

        var report = await store.WithServicesAsync(sp =>
            sp.GetRequiredService<Application.ImportPanels.IPanelImporter>().ImportDocumentsAsync(DemoPanelSeeder.ReadResources(), TestContext.Current.CancellationToken));

        Assert.True(report.Stored);
        Assert.Empty(report.Issues);
        Result<PanelView> lynch = await store.QueryAsync(q => q.GetAsync(503, "signed-off", PanelConfidence.Green, TestContext.Current.CancellationToken));
        Assert.Equal(("1.2", false), (lynch.Value.Version, lynch.Value.HasEntities));
    }

    [Theory]
    [MemberData(nameof(ListOnlyPanelIds))]
    public async Task Demo_list_only_panel_is_known_without_genes(int panelId)
    {
        await using PanelStore store = await PanelStore.CreateAsync("sqlite");
        await store.WithServicesAsync(sp => sp.GetServices<IDemoDataSeeder>().Single(s => s.Module == "panels").SeedIfEmptyAsync(TestContext.Current.CancellationToken));

        Result<PanelView> view = await store.QueryAsync(q => q.GetAsync(panelId, null, PanelConfidence.Green, TestContext.Current.CancellationToken));
        Result<ResolvedPanel> resolved = await store.ResolveAsync(panelId, null, PanelConfidence.Green);

        Assert.False(view.Value.HasEntities);
        Assert.Equal(PanelErrorCodes.NoEntities, resolved.Error?.Code);
    }
}
