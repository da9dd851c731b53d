using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OpenGms.Directory.Application.DiffEditions;
using OpenGms.Directory.Contracts;
using OpenGms.Directory.Domain;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Directory.Infrastructure.Persistence;

/// <summary>The directory's queries (<see cref="IDirectoryCatalog"/>) over EF Core, resolving panel targets through the panels module.</summary>
internal sealed partial class DirectoryCatalog(DirectoryDbContext db, PanelGeneIndex geneIndex, IPanelCatalog? panels) : IDirectoryCatalog
{
    private readonly Dictionary<int, Result<ResolvedPanel>?> _resolved = [];

    public async Task<IReadOnlyList<EditionView>> ListEditionsAsync(CancellationToken cancellationToken)
    {
        List<EditionRow> rows = await EditionRowsAsync(cancellationToken).ConfigureAwait(false);
        HashSet<int> current = Current(rows).Select(r => r.Id).ToHashSet();
        return rows.OrderBy(r => r.Kind, StringComparer.Ordinal).ThenByDescending(r => r, EditionRank.Instance)
            .Select(r => ToView(r, current.Contains(r.Id))).ToList();
    }

    public async Task<Result<IReadOnlyList<SearchHitView>>> SearchAsync(string query, int limit, string? edition, CancellationToken cancellationToken)
    {
        string q = string.Join(' ', (query ?? string.Empty).ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (q.Length == 0)
        {
            return Error.BadInput(DirectoryIssueCodes.BadQuery, "Give something to search for: a code, words of a name, or a gene symbol.");
        }

        limit = Math.Clamp(limit, 1, 200);
        Result<List<EditionRow>> scope = await ScopeAsync(edition, cancellationToken).ConfigureAwait(false);
        if (!scope.IsSuccess)
        {
            return scope.Error;
        }

        Dictionary<int, EditionRow> editions = scope.Value.ToDictionary(e => e.Id);
        List<int> ids = [.. editions.Keys];
        var hits = new Dictionary<string, (int Rank, SearchHitView Hit)>(StringComparer.Ordinal);
        void Add(int rank, SearchHitView hit)
        {
            string key = hit.Type + "|" + hit.Edition + "|" + hit.Code;
            if (!hits.TryGetValue(key, out var existing) || existing.Rank > rank)
            {
                hits[key] = (rank, hit);
            }
        }

        int fetch = Math.Max(limit * 2, 40);
        if (CodeLike().IsMatch(q))
        {
            var indications = await db.Indications.AsNoTracking()
                .Where(i => ids.Contains(i.EditionId) && i.CodeSearch.StartsWith(q))
                .OrderBy(i => i.CodeSearch.Length).ThenBy(i => i.CodeSearch).Take(fetch)
                .Select(i => new { i.EditionId, i.Code, i.Name, i.CodeSearch, Tests = i.Tests.Count })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var i in indications)
            {
                Add(i.CodeSearch == q ? 0 : 1, new SearchHitView("indication", i.Code, i.Name,
                    $"{i.Tests} test(s) · {editions[i.EditionId].Key}", editions[i.EditionId].Key, null, []));
            }

            var tests = await db.Tests.AsNoTracking()
                .Where(t => ids.Contains(t.EditionId) && t.CodeSearch.StartsWith(q))
                .OrderBy(t => t.CodeSearch.Length).ThenBy(t => t.CodeSearch).Take(fetch)
                .Select(t => new { t.EditionId, t.Code, t.Name, t.CodeSearch, t.MethodPublished, t.Methods })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var t in tests)
            {
                Add(t.CodeSearch == q ? 0 : 1, new SearchHitView("test", t.Code, t.Name,
                    $"{t.MethodPublished} · {editions[t.EditionId].Key}", editions[t.EditionId].Key, null, SplitMethods(t.Methods)));
            }
        }

        string[] words = q.Split(' ');
        IQueryable<IndicationRow> byName = db.Indications.AsNoTracking().Where(i => ids.Contains(i.EditionId));
        IQueryable<TestRow> testsByName = db.Tests.AsNoTracking().Where(t => ids.Contains(t.EditionId) && t.NameSearch != null);
        foreach (string word in words)
        {
            byName = byName.Where(i => i.NameSearch.Contains(word));
            testsByName = testsByName.Where(t => t.NameSearch!.Contains(word));
        }

        var named = await byName.OrderBy(i => i.Ordinal).Take(fetch)
            .Select(i => new { i.EditionId, i.Code, i.Name, i.NameSearch, i.SpecialistTestGroup, Tests = i.Tests.Count })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var i in named)
        {
            string name = i.Name.ToLowerInvariant();
            int rank = name.StartsWith(q, StringComparison.Ordinal) ? 3 : name.Contains(q, StringComparison.Ordinal) ? 4 : 5;
            Add(rank, new SearchHitView("indication", i.Code, i.Name,
                $"{i.SpecialistTestGroup ?? "indication"} · {i.Tests} test(s) · {editions[i.EditionId].Key}", editions[i.EditionId].Key, null, []));
        }

        var namedTests = await testsByName.OrderBy(t => t.Id).Take(fetch)
            .Select(t => new { t.EditionId, t.Code, t.Name, t.MethodPublished, t.Methods })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var t in namedTests)
        {
            Add(t.Name.StartsWith(q, StringComparison.OrdinalIgnoreCase) ? 3 : 4, new SearchHitView("test", t.Code, t.Name,
                $"{t.MethodPublished} · {editions[t.EditionId].Key}", editions[t.EditionId].Key, null, SplitMethods(t.Methods)));
        }

        if (words.Length == 1 && GeneLike().IsMatch(q))
        {
            await AddGeneHitsAsync(q, ids, editions, fetch, Add, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<SearchHitView> ordered = hits.Values
            .OrderBy(h => h.Rank).ThenBy(h => h.Hit.Code, CodeOrder.Instance).ThenBy(h => h.Hit.Type, StringComparer.Ordinal)
            .Take(limit).Select(h => h.Hit).ToList();
        return Result<IReadOnlyList<SearchHitView>>.Ok(ordered);
    }

    private async Task AddGeneHitsAsync(
        string q, List<int> ids, Dictionary<int, EditionRow> editions, int fetch, Action<int, SearchHitView> add, CancellationToken cancellationToken)
    {
        string symbol = q.ToUpperInvariant();
        bool hgnc = q.StartsWith("hgnc:", StringComparison.Ordinal);
        var explicitTargets = await db.Targets.AsNoTracking()
            .Where(t => ids.Contains(t.EditionId) && (hgnc ? t.HgncId == symbol : t.SymbolSearch == q))
            .Take(fetch).Select(t => new { t.TestId, t.Symbol, t.HgncId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var reasons = new Dictionary<int, (string Gene, string Why)>();
        foreach (var t in explicitTargets)
        {
            reasons.TryAdd(t.TestId, (t.Symbol ?? t.HgncId ?? symbol, "named gene"));
        }

        if (!hgnc)
        {
            List<int> panelIds = await db.Targets.AsNoTracking()
                .Where(t => ids.Contains(t.EditionId) && t.PanelId != null)
                .Select(t => t.PanelId!.Value).Distinct().ToListAsync(cancellationToken).ConfigureAwait(false);
            IReadOnlyCollection<int> holding = panelIds.Count == 0 ? [] : await geneIndex.PanelsWithGeneAsync(symbol, panelIds, cancellationToken).ConfigureAwait(false);
            if (holding.Count > 0)
            {
                List<int> holdingIds = [.. holding];
                var panelTargets = await db.Targets.AsNoTracking()
                    .Where(t => ids.Contains(t.EditionId) && t.PanelId != null && holdingIds.Contains(t.PanelId.Value))
                    .Take(fetch * 2).Select(t => new { t.TestId, t.PanelId, t.Name })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var t in panelTargets)
                {
                    reasons.TryAdd(t.TestId, (symbol, $"panel {t.PanelId}{(t.Name is null ? string.Empty : " " + t.Name)}"));
                }
            }
        }

        if (reasons.Count == 0)
        {
            return;
        }

        List<int> testIds = [.. reasons.Keys];
        var tests = await db.Tests.AsNoTracking().Where(t => testIds.Contains(t.Id))
            .Select(t => new { t.Id, t.EditionId, t.Code, t.Name, t.MethodPublished, t.Methods })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var t in tests)
        {
            (string gene, string why) = reasons[t.Id];
            add(2, new SearchHitView("test", t.Code, t.Name, $"{gene} via {why} · {t.MethodPublished} · {editions[t.EditionId].Key}",
                editions[t.EditionId].Key, gene, SplitMethods(t.Methods)));
        }
    }

    public async Task<Result<IndicationView>> GetIndicationAsync(string code, string? edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        string c = code.Trim().ToLowerInvariant();
        Result<EditionRow> found = await EditionForCodeAsync(c, edition, isTest: false, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        EditionRow e = found.Value;
        IndicationRow? row = await db.Indications.AsNoTracking().AsSplitQuery()
            .Include(i => i.Tests).ThenInclude(t => t.Targets)
            .FirstOrDefaultAsync(i => i.EditionId == e.Id && i.CodeSearch == c, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Error.NotFound(DirectoryIssueCodes.CodeNotFound, $"No clinical indication {code.Trim()} in edition {e.Key}.");
        }

        var tests = new List<TestView>();
        foreach (TestRow t in row.Tests.OrderBy(t => t.Ordinal))
        {
            tests.Add(await ToViewAsync(e, row, t, cancellationToken).ConfigureAwait(false));
        }

        return new IndicationView(e.Key, e.Kind, row.Code, row.Name, row.SpecialistTestGroup, row.CommissioningCategory, row.Eligibility, tests);
    }

    public async Task<Result<TestView>> GetTestAsync(string code, string? edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        string c = code.Trim().ToLowerInvariant();
        Result<EditionRow> found = await EditionForCodeAsync(c, edition, isTest: true, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        EditionRow e = found.Value;
        TestRow? row = await db.Tests.AsNoTracking().Include(t => t.Targets).Include(t => t.Indication)
            .FirstOrDefaultAsync(t => t.EditionId == e.Id && t.CodeSearch == c, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return Error.NotFound(DirectoryIssueCodes.CodeNotFound, $"No test {code.Trim()} in edition {e.Key}.");
        }

        return await ToViewAsync(e, row.Indication!, row, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Result<EditionContentView>> GetEditionContentAsync(string edition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        List<EditionRow> rows = await EditionRowsAsync(cancellationToken).ConfigureAwait(false);
        EditionRow? row = Find(rows, edition);
        if (row is null)
        {
            return Error.NotFound(DirectoryIssueCodes.EditionNotFound, $"No edition {edition}; see 'gms directory editions'.");
        }

        bool current = Current(rows).Exists(r => r.Id == row.Id);
        List<IndicationRow> indications = await db.Indications.AsNoTracking().AsSplitQuery()
            .Where(i => i.EditionId == row.Id).OrderBy(i => i.Ordinal)
            .Include(i => i.Tests).ThenInclude(t => t.Targets)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = indications.Select(i => new IndicationView(row.Key, row.Kind, i.Code, i.Name, i.SpecialistTestGroup, i.CommissioningCategory, i.Eligibility,
            i.Tests.OrderBy(t => t.Ordinal).Select(t => new TestView(row.Key, t.Code, i.Code, i.Name, t.Name, t.MethodPublished, SplitMethods(t.Methods), t.Scope,
                t.TargetsPublished, t.Targets.OrderBy(x => x.Ordinal).Select(x => new TargetView(x.Kind, x.PanelId, x.Name, x.Symbol, x.HgncId, null, null)).ToList(),
                [], t.ChangeNote, t.Eligibility)).ToList())).ToList();
        return new EditionContentView(ToView(row, current), views);
    }

    public async Task<Result<EditionDiffView>> DiffAsync(string from, string to, CancellationToken cancellationToken)
    {
        List<EditionRow> rows = await EditionRowsAsync(cancellationToken).ConfigureAwait(false);
        EditionRow? a = Find(rows, from);
        EditionRow? b = Find(rows, to);
        if (a is null || b is null)
        {
            return Error.NotFound(DirectoryIssueCodes.EditionNotFound, $"No edition {(a is null ? from : to)}; see 'gms directory editions'.");
        }

        var store = new DirectoryStore(db);
        DirectoryEdition older = (await store.LoadAsync(a.Key, cancellationToken).ConfigureAwait(false))!;
        DirectoryEdition newer = (await store.LoadAsync(b.Key, cancellationToken).ConfigureAwait(false))!;
        return EditionDiffer.Diff(older, newer);
    }

    private async Task<TestView> ToViewAsync(EditionRow edition, IndicationRow indication, TestRow t, CancellationToken cancellationToken)
    {
        var targets = new List<TargetView>();
        var genes = new List<GeneView>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (TargetRow target in t.Targets.OrderBy(x => x.Ordinal))
        {
            if (target.Kind == "gene")
            {
                targets.Add(new TargetView(target.Kind, null, null, target.Symbol, target.HgncId, null, null));
                if (seen.Add(target.Symbol ?? target.HgncId!))
                {
                    genes.Add(new GeneView(target.Symbol, target.HgncId, "explicit", null));
                }

                continue;
            }

            if (target.Kind != "panelapp-panel" || target.PanelId is null)
            {
                targets.Add(new TargetView(target.Kind, null, target.Name, null, null, null, null));
                continue;
            }

            Result<ResolvedPanel>? resolved = await ResolvePanelAsync(target.PanelId.Value, cancellationToken).ConfigureAwait(false);
            if (resolved is null)
            {
                targets.Add(new TargetView(target.Kind, target.PanelId, target.Name, null, null, null, "The panels module is not available."));
                continue;
            }

            if (!resolved.Value.IsSuccess)
            {
                targets.Add(new TargetView(target.Kind, target.PanelId, target.Name, null, null, null,
                    $"Panel {target.PanelId} is not in the panel store (import it with 'gms panels import')."));
                continue;
            }

            ResolvedPanel panel = resolved.Value.Value;
            targets.Add(new TargetView(target.Kind, target.PanelId, target.Name ?? panel.Name, null, null, panel.Version, null));
            foreach (PanelGene gene in panel.Genes)
            {
                if (seen.Add(gene.Symbol))
                {
                    genes.Add(new GeneView(gene.Symbol, gene.HgncId, $"panel {panel.PanelId} v{panel.Version}", gene.Confidence.ToString().ToLowerInvariant()));
                }
            }
        }

        return new TestView(edition.Key, t.Code, indication.Code, indication.Name, t.Name, t.MethodPublished, SplitMethods(t.Methods),
            t.Scope, t.TargetsPublished, targets, genes, t.ChangeNote, t.Eligibility);
    }

    private async Task<Result<ResolvedPanel>?> ResolvePanelAsync(int panelId, CancellationToken cancellationToken)
    {
        if (panels is null)
        {
            return null;
        }

        if (!_resolved.TryGetValue(panelId, out Result<ResolvedPanel>? result))
        {
            result = await panels.ResolveAsync(panelId, null, PanelConfidence.Green, cancellationToken).ConfigureAwait(false);
            _resolved[panelId] = result;
        }

        return result;
    }

    private async Task<Result<EditionRow>> EditionForCodeAsync(string code, string? edition, bool isTest, CancellationToken cancellationToken)
    {
        List<EditionRow> rows = await EditionRowsAsync(cancellationToken).ConfigureAwait(false);
        if (edition is not null)
        {
            EditionRow? named = Find(rows, edition);
            return named is null
                ? Error.NotFound(DirectoryIssueCodes.EditionNotFound, $"No edition {edition}; see 'gms directory editions'.")
                : named;
        }

        // The current edition of the code's kind (M codes are cancer); else the newest edition that holds the code.
        string kind = code.StartsWith('m') ? EditionKind.Cancer.ToText() : EditionKind.RareAndInherited.ToText();
        EditionRow? current = Current(rows).FirstOrDefault(r => r.Kind == kind);
        if (current is not null && await HoldsAsync(current.Id, code, isTest, cancellationToken).ConfigureAwait(false))
        {
            return current;
        }

        foreach (EditionRow row in rows.OrderByDescending(r => r, EditionRank.Instance))
        {
            if (await HoldsAsync(row.Id, code, isTest, cancellationToken).ConfigureAwait(false))
            {
                return row;
            }
        }

        return Error.NotFound(DirectoryIssueCodes.CodeNotFound, $"No {(isTest ? "test" : "clinical indication")} {code.ToUpperInvariant()} in any stored edition.");
    }

    private Task<bool> HoldsAsync(int editionId, string code, bool isTest, CancellationToken cancellationToken) => isTest
        ? db.Tests.AnyAsync(t => t.EditionId == editionId && t.CodeSearch == code, cancellationToken)
        : db.Indications.AnyAsync(i => i.EditionId == editionId && i.CodeSearch == code, cancellationToken);

    private async Task<Result<List<EditionRow>>> ScopeAsync(string? edition, CancellationToken cancellationToken)
    {
        List<EditionRow> rows = await EditionRowsAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(edition))
        {
            return Current(rows);
        }

        EditionRow? named = Find(rows, edition);
        return named is null
            ? Error.NotFound(DirectoryIssueCodes.EditionNotFound, $"No edition {edition}; see 'gms directory editions'.")
            : new List<EditionRow> { named };
    }

    private Task<List<EditionRow>> EditionRowsAsync(CancellationToken cancellationToken) =>
        db.Editions.AsNoTracking().ToListAsync(cancellationToken);

    /// <summary>By key, else by version when that names one edition (the official one first).</summary>
    internal static EditionRow? Find(List<EditionRow> rows, string keyOrVersion)
    {
        string wanted = keyOrVersion.Trim();
        return rows.FirstOrDefault(r => string.Equals(r.Key, wanted, StringComparison.OrdinalIgnoreCase))
            ?? rows.Where(r => string.Equals(r.Version, wanted, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r, EditionRank.Instance).FirstOrDefault();
    }

    /// <summary>The current edition of each kind: the newest publication, official sources before derived ones.</summary>
    internal static List<EditionRow> Current(List<EditionRow> rows) =>
        rows.GroupBy(r => r.Kind, StringComparer.Ordinal).Select(g => g.OrderByDescending(r => r, EditionRank.Instance).First()).ToList();

    private static EditionView ToView(EditionRow r, bool current) =>
        new(r.Key, r.Kind, r.Version, r.PublishedOn, r.SourceFormat, r.SourceFile, r.Sha256, r.IndicationCount, r.TestCount, r.ImportedAt, current);

    private static string[] SplitMethods(string methods) => methods.Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"^[a-z]{1,2}\d", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLike();

    [GeneratedRegex(@"^(?:hgnc:\d+|[a-z][a-z0-9]*(?:orf\d+[a-z0-9]*)?(?:-[a-z0-9]{1,4})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneLike();

    /// <summary>Orders editions: publication date (unknown first), then source (demo, derived, OpenGMS, official), then import order.</summary>
    private sealed class EditionRank : IComparer<EditionRow>
    {
        public static EditionRank Instance { get; } = new();

        public int Compare(EditionRow? x, EditionRow? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            int c = Nullable.Compare(x.PublishedOn, y.PublishedOn);
            if (c != 0)
            {
                return c;
            }

            c = Priority(x.SourceFormat).CompareTo(Priority(y.SourceFormat));
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        }

        private static int Priority(string format) => format switch
        {
            "nhse-xlsx" => 3,
            "opengms-json" => 2,
            "eastgenomics-json" => 1,
            _ => 0,
        };
    }

    /// <summary>Natural order of codes: R14 before R134, R134.2 before R134.10.</summary>
    private sealed class CodeOrder : IComparer<string>
    {
        public static CodeOrder Instance { get; } = new();

        public int Compare(string? x, string? y)
        {
            (string px, long nx, long sx) = Split(x ?? string.Empty);
            (string py, long ny, long sy) = Split(y ?? string.Empty);
            int c = string.CompareOrdinal(px, py);
            if (c != 0)
            {
                return c;
            }

            c = nx.CompareTo(ny);
            return c != 0 ? c : sx.CompareTo(sy);
        }

        private static (string Prefix, long Number, long Sub) Split(string code)
        {
            int i = 0;
            while (i < code.Length && char.IsLetter(code[i]))
            {
                i++;
            }

            int dot = code.IndexOf('.', i);
            string main = dot < 0 ? code[i..] : code[i..dot];
            string sub = dot < 0 ? string.Empty : code[(dot + 1)..];
            _ = long.TryParse(main, NumberStyles.None, CultureInfo.InvariantCulture, out long n);
            long s = -1;
            if (sub.Length > 0)
            {
                _ = long.TryParse(sub, NumberStyles.None, CultureInfo.InvariantCulture, out s);
            }

            return (code[..i].ToUpperInvariant(), n, s);
        }
    }
}
