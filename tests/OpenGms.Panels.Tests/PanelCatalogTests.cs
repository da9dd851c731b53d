using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Testing;

namespace OpenGms.Panels.Tests;

/// <summary>Two versions of synthetic panel 90001 side by side (tests/TestData/panels/README.md lists their differences).</summary>
public sealed class PanelCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<PanelStore> TwoVersionsAsync(string provider)
    {
        PanelStore store = await PanelStore.CreateAsync(provider);
        Assert.True((await store.ImportAsync(RepoPaths.TestData("panels/versions"))).Stored);
        return store;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Resolve_keeps_versions_side_by_side(string provider)
    {
        await using PanelStore store = await TwoVersionsAsync(provider);

        Result<ResolvedPanel> old = await store.ResolveAsync(90001, "1.9", PanelConfidence.Green);
        Result<ResolvedPanel> latest = await store.ResolveAsync(90001, null, PanelConfidence.Green);

        Assert.Equal(["SYNA1", "SYND4"], old.Value.Genes.Select(g => g.Symbol));
        Assert.Equal("MONOALLELIC, autosomal or pseudoautosomal, NOT imprinted", old.Value.Genes[1].ModeOfInheritance);
        Assert.True(old.Value.SignedOff);
        // 1.10 sorts after 1.9: versions are compared as numbers, not text.
        Assert.Equal(("1.10", false), (latest.Value.Version, latest.Value.SignedOff));
        Assert.Equal(["SYNA1", "SYNB2", "SYND4"], latest.Value.Genes.Select(g => g.Symbol));
    }

    [Theory]
    [InlineData(PanelConfidence.Green, new[] { "SYNA1", "SYND4" })]
    [InlineData(PanelConfidence.Amber, new[] { "SYNA1", "SYNB2", "SYND4" })]
    [InlineData(PanelConfidence.Red, new[] { "SYNA1", "SYNB2", "SYNC3", "SYND4" })]
    public async Task Resolve_by_minimum_confidence_never_includes_unrated(PanelConfidence minimum, string[] expected)
    {
        await using PanelStore store = await TwoVersionsAsync("sqlite");

        Result<ResolvedPanel> panel = await store.ResolveAsync(90001, "1.9", minimum);

        Assert.Equal(expected, panel.Value.Genes.Select(g => g.Symbol));
    }

    [Fact]
    public async Task Resolve_signed_off_picks_newest_signed_off_version()
    {
        await using PanelStore store = await TwoVersionsAsync("sqlite");

        Result<ResolvedPanel> panel = await store.ResolveAsync(90001, "signed-off", PanelConfidence.Green);

        Assert.Equal("1.9", panel.Value.Version);
    }

    [Theory]
    [InlineData(90001, "2.0", PanelErrorCodes.VersionNotFound)]
    [InlineData(12345, null, PanelErrorCodes.PanelNotFound)]
    public async Task Resolve_unknown_is_not_found(int id, string? version, string code)
    {
        await using PanelStore store = await TwoVersionsAsync("sqlite");

        Result<ResolvedPanel> panel = await store.ResolveAsync(id, version, PanelConfidence.Green);

        Assert.Equal((ErrorKind.NotFound, code), (panel.Error!.Kind, panel.Error.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Diff_reports_added_removed_rating_and_inheritance_changes(string provider)
    {
        await using PanelStore store = await TwoVersionsAsync(provider);

        Result<PanelDiff> diff = await store.QueryAsync(q => q.DiffAsync(90001, "1.9", "1.10", Ct));

        PanelDiff d = diff.Value;
        Assert.Equal(["SYNE5"], d.Added.Select(e => e.Name));
        Assert.Equal(["SYNC3", "SYNZ0"], d.Removed.Select(e => e.Name));
        Assert.Equal([("SYNB2", "amber", "green")], d.RatingChanges.Select(c => (c.Name, c.From, c.To)));
        Assert.Equal([("SYND4", "MONOALLELIC, autosomal or pseudoautosomal, NOT imprinted", "BIALLELIC, autosomal or pseudoautosomal")],
            d.InheritanceChanges.Select(c => (c.Name, c.From, c.To)));
    }

    [Fact]
    public async Task Versions_lists_newest_first_with_counts()
    {
        await using PanelStore store = await TwoVersionsAsync("sqlite");

        Result<IReadOnlyList<PanelVersionInfo>> versions = await store.QueryAsync(q => q.VersionsAsync(90001, Ct));

        Assert.Equal([("1.10", 4, 1, 1, false), ("1.9", 5, 1, 1, true)],
            versions.Value.Select(v => (v.Version, v.Genes, v.Strs, v.Regions, v.SignedOffOn is not null)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task List_finds_by_name_case_insensitively_and_by_gene(string provider)
    {
        await using PanelStore store = await TwoVersionsAsync(provider);

        IReadOnlyList<PanelListItem> byName = await store.QueryAsync(q => q.ListAsync("SYNTHETIC TEST", 10, Ct));
        IReadOnlyList<PanelListItem> byGene = await store.QueryAsync(q => q.ListAsync("syne5", 10, Ct));
        IReadOnlyList<PanelListItem> none = await store.QueryAsync(q => q.ListAsync("no such panel", 10, Ct));

        Assert.Equal([(90001, "1.10", "1.9")], byName.Select(p => (p.Id, p.LatestVersion, p.SignedOffVersion)));
        Assert.Equal([90001], byGene.Select(p => p.Id));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(null, PanelConfidence.Green)]
    [InlineData("amber", PanelConfidence.Amber)]
    [InlineData("RED", PanelConfidence.Red)]
    [InlineData("2", PanelConfidence.Amber)]
    public void ConfidenceNames_parse_accepts_names_and_levels(string? text, PanelConfidence expected)
    {
        Assert.Equal(expected, ConfidenceNames.Parse(text).Value);
    }

    [Fact]
    public void ConfidenceNames_parse_rejects_unknown_with_PAN023()
    {
        Assert.Equal(PanelErrorCodes.BadQuery, ConfidenceNames.Parse("purple").Error?.Code);
    }
}
