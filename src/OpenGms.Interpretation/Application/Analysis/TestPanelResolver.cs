using OpenGms.Directory.Contracts;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// The green genes a directory test targets: every PanelApp panel target (at the pinned version when one is given,
/// else the target's own) and every single-gene target, merged into one panel for the analysis.
/// </summary>
public sealed class TestPanelResolver(IDirectoryCatalog directory, IPanelCatalog panels)
{
    /// <summary>
    /// Resolves <paramref name="testCode"/>; <paramref name="pinned"/> maps PanelApp ids (as text) to versions pinned at
    /// order time. Errors: <c>INT045</c> a panel not in the store, <c>INT046</c> a gene-agnostic test.
    /// </summary>
    public async Task<Result<ResolvedPanel>> ResolveAsync(string testCode, IReadOnlyDictionary<string, string>? pinned, CancellationToken cancellationToken)
    {
        Result<TestView> found = await directory.GetTestAsync(testCode, null, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        TestView t = found.Value;
        var genes = new Dictionary<string, PanelGene>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var versions = new List<string>();
        int firstId = 0;
        foreach (TargetView target in t.Targets)
        {
            if (target.Kind == "panelapp-panel" && target.PanelId is int id)
            {
                string? version = pinned is not null && pinned.TryGetValue(id.ToString(System.Globalization.CultureInfo.InvariantCulture), out string? v) ? v : target.PanelVersion;
                Result<ResolvedPanel> r = await panels.ResolveAsync(id, version, PanelConfidence.Green, cancellationToken).ConfigureAwait(false);
                if (!r.IsSuccess)
                {
                    return Error.NotFound("INT045", $"test {testCode}: panel {id} v{version ?? "latest"} is not in the panels store ({r.Error!.Message}); import it with 'gms panels import' or give a panel file");
                }

                firstId = firstId == 0 ? id : firstId;
                names.Add(r.Value.Name);
                versions.Add($"{id} v{r.Value.Version}");
                foreach (PanelGene g in r.Value.Genes)
                {
                    genes.TryAdd(g.Symbol, g);
                }
            }
            else if (target.Kind == "gene" && target.Symbol is not null)
            {
                genes.TryAdd(target.Symbol, new PanelGene(target.Symbol, target.HgncId, PanelConfidence.Green, null));
                names.Add(target.Symbol);
            }
        }

        if (genes.Count == 0)
        {
            return Error.BadInput("INT046", $"test {testCode} ({t.Name}) targets no panel or gene that resolves (gene-agnostic tests need a panel file or gene list)");
        }

        return new ResolvedPanel(firstId, $"{testCode} {t.Name}: {string.Join(" + ", names)}", string.Join(", ", versions), false,
            genes.Values.OrderBy(g => g.Symbol, StringComparer.Ordinal).ToList());
    }
}
