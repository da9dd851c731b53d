using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Directory.Contracts;
using OpenGms.Directory.Domain;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Directory.Tests;

/// <summary>The module over real databases (SQLite always, PostgreSQL when GMS_TEST_POSTGRES is set).</summary>
public sealed class DirectoryIntegrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_v5_1_stores_372_indications_and_619_tests(string provider)
    {
        string path = SharedData.PathOf(OfficialEditionTests.RareV51);
        await using Harness h = await Harness.StartAsync(provider);

        ImportOutcome outcome = await h.ImportAsync(path);

        Assert.Null(outcome.Error);
        Assert.Equal(new { Edition = "rd-5.1", Indications = 372, Tests = 619, Unchanged = false },
            new { outcome.Summary!.Edition, outcome.Summary.Indications, outcome.Summary.Tests, outcome.Summary.Unchanged });
        IndicationView fh = (await h.CatalogAsync(c => c.GetIndicationAsync("R134", null, Ct))).Value;
        Assert.Equal(["R134.1", "R134.2"], fh.Tests.Select(t => t.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_cancer_2020_21_stores_203_indications_and_1565_tests(string provider)
    {
        string path = SharedData.PathOf(OfficialEditionTests.Cancer2020);
        await using Harness h = await Harness.StartAsync(provider);

        ImportOutcome outcome = await h.ImportAsync(path);

        Assert.Null(outcome.Error);
        EditionView edition = Assert.Single(await h.CatalogAsync(c => c.ListEditionsAsync(Ct)));
        Assert.Equal(("cancer-2020-21", 203, 1565), (edition.Key, edition.Indications, edition.Tests));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_same_file_twice_changes_nothing(string provider)
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir);
        await using Harness h = await Harness.StartAsync(provider);
        ImportOutcome first = await h.ImportAsync(path);
        EditionView before = Assert.Single(await h.CatalogAsync(c => c.ListEditionsAsync(Ct)));

        ImportOutcome second = await h.ImportAsync(path);

        Assert.False(first.Summary!.Unchanged);
        Assert.True(second.Summary!.Unchanged);
        EditionView after = Assert.Single(await h.CatalogAsync(c => c.ListEditionsAsync(Ct)));
        Assert.Equal(before, after);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_bad_file_stores_nothing(string provider)
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir, extra: [["R127", "R127.1", "Long QT syndrome", "KCNQ1", "Small panel", "Specialised", "Cardiology", "No change"]]);
        await using Harness h = await Harness.StartAsync(provider);

        ImportOutcome outcome = await h.ImportAsync(path);

        Assert.Equal(DirectoryIssueCodes.DuplicateTest, outcome.Error!.Code);
        Assert.Equal(ErrorKind.BadInput, outcome.Error.Kind);
        Assert.Empty(await h.CatalogAsync(c => c.ListEditionsAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_other_file_for_stored_edition_is_conflict(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir, "a.xlsx"));

        ImportOutcome outcome = await h.ImportAsync(Workbooks.SmallRare(dir, "b.xlsx", extra: [["R127", "R127.2", "Long QT syndrome", "KCNQ1", "MLPA", "Specialised", "Cardiology", "New"]]));

        Assert.Equal(DirectoryIssueCodes.EditionConflict, outcome.Error!.Code);
        Assert.Equal(3, Assert.Single(await h.CatalogAsync(c => c.ListEditionsAsync(Ct))).Tests);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_gene_finds_tests_through_panel_and_explicit_targets(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir));

        IReadOnlyList<SearchHitView> hits = (await h.CatalogAsync(c => c.SearchAsync("ldlr", 20, null, Ct))).Value;

        // R134.1 targets panel 772, which the fake catalogue says holds LDLR; R134.2 names LDLR; R127.1 (panel 76) does not.
        Assert.Equal(["R134.1", "R134.2"], hits.Select(x => x.Code).Order(StringComparer.Ordinal));
        Assert.All(hits, x => Assert.Equal("LDLR", x.MatchedGene));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_code_and_name_rank_exact_code_first(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir));

        IReadOnlyList<SearchHitView> byCode = (await h.CatalogAsync(c => c.SearchAsync("R134", 20, null, Ct))).Value;
        IReadOnlyList<SearchHitView> byName = (await h.CatalogAsync(c => c.SearchAsync("HYPERCHOL", 20, null, Ct))).Value;

        Assert.Equal(("indication", "R134"), (byCode[0].Type, byCode[0].Code));
        Assert.Equal(["R134.1", "R134.2"], byCode.Where(x => x.Type == "test").Select(x => x.Code));
        SearchHitView named = Assert.Single(byName);
        Assert.Equal("R134", named.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_empty_query_and_unknown_edition_fail_with_codes(string provider)
    {
        await using Harness h = await Harness.StartAsync(provider);

        Result<IReadOnlyList<SearchHitView>> empty = await h.CatalogAsync(c => c.SearchAsync("  ", 20, null, Ct));
        Result<IReadOnlyList<SearchHitView>> unknown = await h.CatalogAsync(c => c.SearchAsync("LDLR", 20, "rd-0.0", Ct));

        Assert.Equal(DirectoryIssueCodes.BadQuery, empty.Error!.Code);
        Assert.Equal(DirectoryIssueCodes.EditionNotFound, unknown.Error!.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GetTest_resolves_panel_target_to_genes(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir));

        TestView test = (await h.CatalogAsync(c => c.GetTestAsync("r134.1", null, Ct))).Value;

        Assert.Equal("R134", test.IndicationCode);
        Assert.Equal(["small-panel"], test.Methods);
        TargetView target = Assert.Single(test.Targets);
        Assert.Equal((772, "1.0"), (target.PanelId!.Value, target.PanelVersion));
        Assert.Equal(["APOB", "LDLR", "PCSK9"], test.Genes.Select(g => g.Symbol));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GetTest_without_panels_module_notes_unresolved_panel(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider, withPanels: false);
        await h.ImportAsync(Workbooks.SmallRare(dir));

        TestView test = (await h.CatalogAsync(c => c.GetTestAsync("R134.1", null, Ct))).Value;

        Assert.Empty(test.Genes);
        Assert.NotNull(Assert.Single(test.Targets).Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task GetIndication_unknown_code_is_not_found(string provider)
    {
        await using Harness h = await Harness.StartAsync(provider);

        Result<IndicationView> result = await h.CatalogAsync(c => c.GetIndicationAsync("R999", null, Ct));

        Assert.Equal((ErrorKind.NotFound, DirectoryIssueCodes.CodeNotFound), (result.Error!.Kind, result.Error.Code));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Diff_reports_added_removed_and_changed_with_fields(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir));
        string?[][] next =
        [
            ["R134", "R134.1", "Familial hypercholesterolaemia", "Familial hypercholesterolaemia – targeted panel (772)", "Medium panel", "Core", "Core", "Changed test method"],
            ["R134", "R134.2", "Familial hypercholesterolaemia", "LDLR", "MLPA or equivalent", "Core", "Core", "No change"],
            ["R141", "R141.1", "Monogenic diabetes", "Monogenic diabetes (472)", "WES or Medium panel", "Specialised", "Endocrinology", "New clinical indication"],
        ];
        await h.ImportAsync(Workbooks.Write(dir, "rd-v9.2.xlsx", "R&ID indications", "Directory v9.2 June 2030", Workbooks.RareHeader, next));

        EditionDiffView diff = (await h.CatalogAsync(c => c.DiffAsync("rd-9.1", "9.2", Ct))).Value;

        Assert.Equal(["R141"], diff.AddedIndications.Select(i => i.Code));
        Assert.Equal(["R127"], diff.RemovedIndications.Select(i => i.Code));
        Assert.Equal(["R141.1"], diff.AddedTests.Select(i => i.Code));
        Assert.Equal(["R127.1"], diff.RemovedTests.Select(i => i.Code));
        ChangedItemView changed = Assert.Single(diff.ChangedTests);
        Assert.Equal("R134.1", changed.Code);
        Assert.Equal(["method", "methods"], changed.Changes.Select(c => c.Field));
        Assert.Equal(("Small panel", "Medium panel"), (changed.Changes[0].From, changed.Changes[0].To));
        Assert.Equal("Changed test method", changed.PublishedNote);
        Assert.Empty(diff.NoteDisagreements);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Diff_flags_change_note_that_disagrees(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.ImportAsync(Workbooks.SmallRare(dir));
        string?[][] next =
        [
            ["R134", "R134.1", "Familial hypercholesterolaemia", "Familial hypercholesterolaemia – targeted panel (772)", "Small panel", "Core", "Core", "No change"],
            ["R134", "R134.2", "Familial hypercholesterolaemia", "LDLR; APOB", "MLPA or equivalent", "Core", "Core", "No change"],
            ["R127", "R127.1", "Long QT syndrome", "Long QT syndrome (76)", "Small panel", "Specialised", "Cardiology", "Target updated"],
        ];
        await h.ImportAsync(Workbooks.Write(dir, "rd-v9.2.xlsx", "R&ID indications", "Directory v9.2 June 2030", Workbooks.RareHeader, next));

        EditionDiffView diff = (await h.CatalogAsync(c => c.DiffAsync("rd-9.1", "rd-9.2", Ct))).Value;

        // R134.2's targets changed under "No change"; R127.1 says it changed but nothing did.
        Assert.Equal(["R127.1", "R134.2"], diff.NoteDisagreements.Select(x => x.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Seed_demo_data_loads_once_into_empty_store(string provider)
    {
        await using Harness h = await Harness.StartAsync(provider);

        bool first = await h.SeedAsync();
        bool second = await h.SeedAsync();

        Assert.True(first);
        Assert.False(second);
        IReadOnlyList<EditionView> editions = await h.CatalogAsync(c => c.ListEditionsAsync(Ct));
        Assert.Equal(["cancer-demo", "rd-demo"], editions.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(20, editions.Sum(e => e.Indications));
        TestView fh = (await h.CatalogAsync(c => c.GetTestAsync("R134.1", null, Ct))).Value;
        Assert.Contains(fh.Genes, g => g.Symbol == "LDLR");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Import_official_edition_after_demo_becomes_current(string provider)
    {
        using var dir = new TempDirectory();
        await using Harness h = await Harness.StartAsync(provider);
        await h.SeedAsync();

        await h.ImportAsync(Workbooks.SmallRare(dir));

        IReadOnlyList<EditionView> editions = await h.CatalogAsync(c => c.ListEditionsAsync(Ct));
        Assert.Equal(["cancer-demo", "rd-9.1"], editions.Where(e => e.IsCurrent).Select(e => e.Key).Order(StringComparer.Ordinal));
        TestView test = (await h.CatalogAsync(c => c.GetTestAsync("R134.1", null, Ct))).Value;
        Assert.Equal("rd-9.1", test.Edition);
    }
}
