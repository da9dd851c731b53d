using Microsoft.EntityFrameworkCore;
using OpenGms.Kernel;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Domain;
using OpenGms.Panels.Infrastructure.Persistence;

namespace OpenGms.Panels.Infrastructure;

/// <summary>The read side over EF Core; also the <see cref="IPanelCatalog"/> other modules use.</summary>
internal sealed class PanelQueries(PanelsDbContext db) : IPanelQueries, IPanelCatalog
{
    /// <summary>The version text that selects the newest signed-off version.</summary>
    public const string SignedOff = "signed-off";

    public async Task<IReadOnlyList<PanelListItem>> ListAsync(string? text, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        IQueryable<Panel> query = db.Panels.AsNoTracking();
        string needle = (text ?? "").Trim().ToLowerInvariant();
        if (needle.Length > 0)
        {
            // Also panels whose stored versions list the gene symbol (LDLR finds the FH panel).
            string symbol = needle.ToUpperInvariant();
            IQueryable<int> withGene = db.Entities.Where(e => e.GeneSymbol == symbol)
                .Join(db.Versions, e => e.VersionKey, v => v.Key, (e, v) => v.PanelId);
            query = query.Where(p => p.SearchText.Contains(needle) || withGene.Contains(p.Id));
        }

        List<Panel> panels = await query.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(limit)
            .Include(p => p.Versions).AsSplitQuery().ToListAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<PanelListItem>(panels.Count);
        foreach (Panel panel in panels)
        {
            PanelVersion newest = panel.Versions.MaxBy(v => (v.Major, v.Minor))!;
            PanelVersion? signedOff = panel.Versions.Where(v => v.SignedOff).MaxBy(v => (v.Major, v.Minor));
            items.Add(new PanelListItem(panel.Id, panel.Name, panel.DiseaseGroup, panel.DiseaseSubGroup, newest.Version, signedOff?.Version,
                panel.Versions.Count, newest.StatedGenes, newest.RelevantDisorders, newest.TypeNames));
        }

        return items;
    }

    public async Task<Result<IReadOnlyList<PanelVersionInfo>>> VersionsAsync(int panelId, CancellationToken cancellationToken)
    {
        List<PanelVersion> versions = await LoadVersionsAsync(panelId, cancellationToken).ConfigureAwait(false);
        if (versions.Count == 0)
        {
            return PanelNotFound(panelId);
        }

        return Result<IReadOnlyList<PanelVersionInfo>>.Ok(await DescribeAsync(versions, cancellationToken).ConfigureAwait(false));
    }

    public async Task<Result<PanelView>> GetAsync(int panelId, string? version, PanelConfidence minimum, CancellationToken cancellationToken)
    {
        List<PanelVersion> versions = await LoadVersionsAsync(panelId, cancellationToken).ConfigureAwait(false);
        Result<PanelVersion> chosen = Choose(panelId, versions, version, requireEntities: false);
        if (!chosen.IsSuccess)
        {
            return chosen.Error;
        }

        PanelVersion v = await LoadEntitiesAsync(chosen.Value, cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<PanelConfidence, int>();
        foreach (PanelEntity gene in v.GenesAtOrAbove(PanelConfidence.Red))
        {
            counts[gene.Confidence] = counts.GetValueOrDefault(gene.Confidence) + 1;
        }

        return new PanelView
        {
            Id = v.PanelId,
            Name = v.Name,
            Version = v.Version,
            DiseaseGroup = v.DiseaseGroup,
            DiseaseSubGroup = v.DiseaseSubGroup,
            Status = v.Status,
            Created = v.Created,
            SignedOffOn = v.SignedOffOn,
            Types = v.TypeNames,
            RelevantDisorders = v.RelevantDisorders,
            IndicationCodes = [.. v.ClinicalIndicationCodes],
            IsSuperPanel = v.IsSuperPanel,
            Components = [.. v.Components.OrderBy(c => c.ChildName, StringComparer.Ordinal).Select(c => new PanelComponentView(c.ChildPanelId, c.ChildVersion, c.ChildName))],
            MinimumConfidence = minimum,
            HasEntities = v.HasEntities,
            Genes = [.. v.GenesAtOrAbove(minimum).OrderByDescending(g => g.Confidence).ThenBy(g => g.GeneSymbol, StringComparer.Ordinal).Select(PanelEntityView.From)],
            Strs = Filter(v, PanelEntityKind.Str, minimum),
            Regions = Filter(v, PanelEntityKind.Region, minimum),
            GeneCounts = counts,
            Versions = await DescribeAsync(versions, cancellationToken).ConfigureAwait(false),
        };
    }

    public async Task<Result<ResolvedPanel>> ResolveAsync(int panelId, string? version, PanelConfidence minimum, CancellationToken cancellationToken)
    {
        List<PanelVersion> versions = await LoadVersionsAsync(panelId, cancellationToken).ConfigureAwait(false);
        Result<PanelVersion> chosen = Choose(panelId, versions, version, requireEntities: true);
        if (!chosen.IsSuccess)
        {
            return chosen.Error;
        }

        PanelVersion v = await LoadEntitiesAsync(chosen.Value, cancellationToken).ConfigureAwait(false);
        PanelGene[] genes = [.. v.GenesAtOrAbove(minimum).Select(g => new PanelGene(g.GeneSymbol ?? g.EntityName, g.HgncId, g.Confidence, g.ModeOfInheritance))];
        return new ResolvedPanel(v.PanelId, v.Name, v.Version, v.SignedOff, genes);
    }

    public async Task<Result<PanelDiff>> DiffAsync(int panelId, string from, string to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        List<PanelVersion> versions = await LoadVersionsAsync(panelId, cancellationToken).ConfigureAwait(false);
        Result<PanelVersion> a = Choose(panelId, versions, from, requireEntities: true);
        if (!a.IsSuccess)
        {
            return a.Error;
        }

        Result<PanelVersion> b = Choose(panelId, versions, to, requireEntities: true);
        if (!b.IsSuccess)
        {
            return b.Error;
        }

        Dictionary<string, PanelEntity> before = Index(await LoadEntitiesAsync(a.Value, cancellationToken).ConfigureAwait(false));
        Dictionary<string, PanelEntity> after = Index(await LoadEntitiesAsync(b.Value, cancellationToken).ConfigureAwait(false));
        var added = new List<PanelEntityView>();
        var removed = new List<PanelEntityView>();
        var ratings = new List<PanelChange>();
        var inheritance = new List<PanelChange>();
        foreach ((string key, PanelEntity now) in after.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!before.TryGetValue(key, out PanelEntity? was))
            {
                added.Add(PanelEntityView.From(now));
                continue;
            }

            if (was.Confidence != now.Confidence)
            {
                ratings.Add(new PanelChange(now.Kind, now.EntityName, ConfidenceNames.Name(was.Confidence), ConfidenceNames.Name(now.Confidence)));
            }

            if (!string.Equals(was.ModeOfInheritance, now.ModeOfInheritance, StringComparison.Ordinal))
            {
                inheritance.Add(new PanelChange(now.Kind, now.EntityName, was.ModeOfInheritance, now.ModeOfInheritance));
            }
        }

        foreach ((string key, PanelEntity was) in before.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!after.ContainsKey(key))
            {
                removed.Add(PanelEntityView.From(was));
            }
        }

        return new PanelDiff(panelId, b.Value.Name, a.Value.Version, b.Value.Version, added, removed, ratings, inheritance);
    }

    /// <summary>One entry per kind and name; a super-panel's repeated genes keep their highest rating.</summary>
    private static Dictionary<string, PanelEntity> Index(PanelVersion version)
    {
        var index = new Dictionary<string, PanelEntity>(StringComparer.Ordinal);
        foreach (PanelEntity entity in version.Entities)
        {
            string key = $"{entity.Kind}|{entity.EntityName}";
            if (!index.TryGetValue(key, out PanelEntity? seen) || entity.Confidence > seen.Confidence)
            {
                index[key] = entity;
            }
        }

        return index;
    }

    private static PanelEntityView[] Filter(PanelVersion version, PanelEntityKind kind, PanelConfidence minimum) =>
        [.. version.Entities.Where(e => e.Kind == kind && e.Confidence >= minimum && e.Confidence != PanelConfidence.Unrated)
            .OrderByDescending(e => e.Confidence).ThenBy(e => e.EntityName, StringComparer.Ordinal).Select(PanelEntityView.From)];

    private Task<List<PanelVersion>> LoadVersionsAsync(int panelId, CancellationToken ct) =>
        db.Versions.AsNoTracking().Where(v => v.PanelId == panelId).ToListAsync(ct);

    private async Task<PanelVersion> LoadEntitiesAsync(PanelVersion version, CancellationToken ct)
    {
        List<PanelEntity> entities = await db.Entities.AsNoTracking().Where(e => e.VersionKey == version.Key).ToListAsync(ct).ConfigureAwait(false);
        List<PanelComponent> components = await db.Components.AsNoTracking().Where(c => c.VersionKey == version.Key).ToListAsync(ct).ConfigureAwait(false);
        version.Entities.Clear();
        version.Entities.AddRange(entities);
        version.Components.Clear();
        version.Components.AddRange(components);
        return version;
    }

    private async Task<IReadOnlyList<PanelVersionInfo>> DescribeAsync(List<PanelVersion> versions, CancellationToken ct)
    {
        long[] keys = [.. versions.Select(v => v.Key)];
        var counts = await db.Entities.AsNoTracking().Where(e => keys.Contains(e.VersionKey))
            .GroupBy(e => new { e.VersionKey, e.Kind })
            .Select(g => new { g.Key.VersionKey, g.Key.Kind, Count = g.Select(e => e.EntityName).Distinct().Count() })
            .ToListAsync(ct).ConfigureAwait(false);
        int CountOf(PanelVersion v, PanelEntityKind kind, int stated) =>
            v.HasEntities ? counts.Find(c => c.VersionKey == v.Key && c.Kind == kind)?.Count ?? 0 : stated;
        return [.. versions.OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new PanelVersionInfo(v.Version, v.Created, v.SignedOffOn, v.HasEntities,
                CountOf(v, PanelEntityKind.Gene, v.StatedGenes), CountOf(v, PanelEntityKind.Str, v.StatedStrs), CountOf(v, PanelEntityKind.Region, v.StatedRegions)))];
    }

    private static Result<PanelVersion> Choose(int panelId, List<PanelVersion> versions, string? version, bool requireEntities)
    {
        if (versions.Count == 0)
        {
            return PanelNotFound(panelId);
        }

        IEnumerable<PanelVersion> newestFirst = versions.OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor);
        PanelVersion? chosen;
        string wanted = (version ?? "").Trim();
        if (wanted.Length == 0 || wanted.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            chosen = newestFirst.FirstOrDefault(v => v.HasEntities) ?? (requireEntities ? null : newestFirst.First());
            if (chosen is null)
            {
                return Error.NotFound(PanelErrorCodes.NoEntities, $"panel {panelId} has no version with its genes stored; import its detail response");
            }

            return chosen;
        }

        if (wanted.Equals(SignedOff, StringComparison.OrdinalIgnoreCase))
        {
            chosen = newestFirst.FirstOrDefault(v => v.SignedOff);
            if (chosen is null)
            {
                return Error.NotFound(PanelErrorCodes.VersionNotFound, $"panel {panelId} has no signed-off version stored");
            }
        }
        else
        {
            chosen = versions.Find(v => string.Equals(v.Version, wanted, StringComparison.Ordinal));
            if (chosen is null)
            {
                return Error.NotFound(PanelErrorCodes.VersionNotFound,
                    $"panel {panelId} has no version {wanted} stored (stored: {string.Join(", ", newestFirst.Select(v => v.Version))})");
            }
        }

        if (requireEntities && !chosen.HasEntities)
        {
            return Error.NotFound(PanelErrorCodes.NoEntities, $"panel {panelId} version {chosen.Version} is known only from a panel list; its genes are not stored");
        }

        return chosen;
    }

    private static Error PanelNotFound(int panelId) => Error.NotFound(PanelErrorCodes.PanelNotFound, $"no panel {panelId} is stored");
}
