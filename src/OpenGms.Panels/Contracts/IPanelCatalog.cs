using OpenGms.Kernel;

namespace OpenGms.Panels.Contracts;

/// <summary>PanelApp's gene rating: 3 green (diagnostic grade), 2 amber, 1 red.</summary>
public enum PanelConfidence
{
    /// <summary>Level 0: listed but not rated (PanelApp's "no list"); never part of a resolved panel.</summary>
    Unrated = 0,

    /// <summary>Red: not enough evidence for diagnostic use.</summary>
    Red = 1,

    /// <summary>Amber: moderate evidence.</summary>
    Amber = 2,

    /// <summary>Green: diagnostic grade.</summary>
    Green = 3,
}

/// <summary>One gene of a panel version, as other modules see it.</summary>
/// <param name="Symbol">HGNC symbol, e.g. <c>LDLR</c>.</param>
/// <param name="HgncId">HGNC id, e.g. <c>HGNC:6547</c>, when known.</param>
/// <param name="Confidence">The rating in this panel version.</param>
/// <param name="ModeOfInheritance">PanelApp's mode of inheritance text, when given.</param>
public sealed record PanelGene(string Symbol, string? HgncId, PanelConfidence Confidence, string? ModeOfInheritance);

/// <summary>A panel pinned to one version, with the genes at or above the confidence asked for.</summary>
/// <param name="PanelId">PanelApp's numeric panel id.</param>
/// <param name="Name">The panel's name.</param>
/// <param name="Version">The version, e.g. <c>1.21</c>.</param>
/// <param name="SignedOff">True when this version is the signed-off (GMS) version.</param>
/// <param name="Genes">The genes, in symbol order.</param>
public sealed record ResolvedPanel(int PanelId, string Name, string Version, bool SignedOff, IReadOnlyList<PanelGene> Genes);

/// <summary>What other modules (directory, orders, interpretation) may ask of the panels module.</summary>
public interface IPanelCatalog
{
    /// <summary>
    /// Resolves a panel to its genes at <paramref name="version"/> (null: the latest stored version), keeping genes
    /// rated at or above <paramref name="minimum"/> (green by default for diagnostic use).
    /// Fails with a not-found error when the panel or the version is unknown.
    /// </summary>
    Task<Result<ResolvedPanel>> ResolveAsync(int panelId, string? version, PanelConfidence minimum, CancellationToken cancellationToken);
}
