using Microsoft.Extensions.DependencyInjection;
using OpenGms.Panels.Contracts;

namespace OpenGms.Directory.Infrastructure;

/// <summary>
/// Which of the directory's panels hold a gene, for "which tests cover LDLR?". <see cref="IPanelCatalog"/> resolves
/// one panel at a time, so the index resolves every panel the stored editions point to (green genes, as for diagnostic use) and
/// keeps the answer for a few minutes; a directory import clears it. When the panels module is not registered the
/// index is empty and gene searches find explicit gene targets only.
/// </summary>
internal sealed class PanelGeneIndex(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _snapshot;

    public void Invalidate() => _snapshot = null;

    public void Dispose() => _gate.Dispose();

    /// <summary>The panel ids among <paramref name="panelIds"/> that hold <paramref name="symbol"/> (upper case).</summary>
    public async Task<IReadOnlyCollection<int>> PanelsWithGeneAsync(string symbol, IReadOnlyCollection<int> panelIds, CancellationToken cancellationToken)
    {
        Snapshot snapshot = await GetAsync(panelIds, cancellationToken).ConfigureAwait(false);
        return snapshot.ByGene.TryGetValue(symbol, out HashSet<int>? ids) ? ids : [];
    }

    private async Task<Snapshot> GetAsync(IReadOnlyCollection<int> panelIds, CancellationToken cancellationToken)
    {
        Snapshot? current = _snapshot;
        if (current is not null && current.Fresh(time.GetUtcNow()) && current.Covers(panelIds))
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _snapshot;
            if (current is not null && current.Fresh(time.GetUtcNow()) && current.Covers(panelIds))
            {
                return current;
            }

            var byGene = new Dictionary<string, HashSet<int>>(StringComparer.OrdinalIgnoreCase);
            using IServiceScope scope = scopes.CreateScope();
            IPanelCatalog? catalog = scope.ServiceProvider.GetService<IPanelCatalog>();
            if (catalog is not null)
            {
                foreach (int id in panelIds)
                {
                    var resolved = await catalog.ResolveAsync(id, null, PanelConfidence.Green, cancellationToken).ConfigureAwait(false);
                    if (!resolved.IsSuccess)
                    {
                        continue;
                    }

                    foreach (PanelGene gene in resolved.Value.Genes)
                    {
                        if (!byGene.TryGetValue(gene.Symbol, out HashSet<int>? set))
                        {
                            set = [];
                            byGene[gene.Symbol] = set;
                        }

                        set.Add(id);
                    }
                }
            }

            _snapshot = new Snapshot(new HashSet<int>(panelIds), byGene, time.GetUtcNow() + s_lifetime);
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed record Snapshot(HashSet<int> Panels, Dictionary<string, HashSet<int>> ByGene, DateTimeOffset Expires)
    {
        public bool Fresh(DateTimeOffset now) => now < Expires;

        public bool Covers(IReadOnlyCollection<int> ids) => ids.All(Panels.Contains);
    }
}
