using System.Globalization;
using OpenGms.Panels.Contracts;

namespace OpenGms.Panels.Domain;

/// <summary>
/// One version of a panel (PanelApp versions are <c>major.minor</c>, e.g. 2.18, and never change once published).
/// A version read from a panel list page has no entities (<see cref="HasEntities"/> false) until a detail response
/// for the same version is imported.
/// </summary>
public sealed class PanelVersion
{
    /// <summary>Surrogate key (storage).</summary>
    public long Key { get; init; }

    /// <summary>The panel's PanelApp id.</summary>
    public required int PanelId { get; init; }

    /// <summary>The version text as PanelApp prints it.</summary>
    public required string Version { get; init; }

    /// <summary>Major part of <see cref="Version"/>, for ordering (1.9 &lt; 1.10).</summary>
    public int Major { get; init; }

    /// <summary>Minor part of <see cref="Version"/>.</summary>
    public int Minor { get; init; }

    /// <summary>The panel's name at this version.</summary>
    public required string Name { get; set; }

    /// <summary>Disease group at this version.</summary>
    public string DiseaseGroup { get; set; } = "";

    /// <summary>Disease sub-group at this version.</summary>
    public string DiseaseSubGroup { get; set; } = "";

    /// <summary>PanelApp status (public, retired, ...).</summary>
    public string Status { get; set; } = "";

    /// <summary>When PanelApp created this version.</summary>
    public DateTimeOffset? Created { get; set; }

    /// <summary>The sign-off date when this version is a GMS signed-off version.</summary>
    public DateOnly? SignedOffOn { get; set; }

    /// <summary>True when this version was signed off for the GMS.</summary>
    public bool SignedOff => SignedOffOn is not null;

    /// <summary>Panel type slugs (gms-rare-disease, superpanel, ...).</summary>
    public List<string> TypeSlugs { get; set; } = [];

    /// <summary>Panel type names, in the same order as <see cref="TypeSlugs"/>.</summary>
    public List<string> TypeNames { get; set; } = [];

    /// <summary>Relevant disorders as published: R/M codes and free text.</summary>
    public List<string> RelevantDisorders { get; set; } = [];

    /// <summary>Gene count PanelApp states in <c>stats</c>.</summary>
    public int StatedGenes { get; set; }

    /// <summary>STR count PanelApp states in <c>stats</c>.</summary>
    public int StatedStrs { get; set; }

    /// <summary>Region count PanelApp states in <c>stats</c>.</summary>
    public int StatedRegions { get; set; }

    /// <summary>True when the entities (genes, STRs, regions) of this version are stored.</summary>
    public bool HasEntities { get; set; }

    /// <summary>SHA-256 (hex) over the entities in a canonical order; equal content gives an equal checksum.</summary>
    public string? EntityChecksum { get; set; }

    /// <summary>Genes, STRs and regions.</summary>
    public List<PanelEntity> Entities { get; init; } = [];

    /// <summary>Child panels, for a super-panel.</summary>
    public List<PanelComponent> Components { get; init; } = [];

    /// <summary>True for a super-panel (type slug <c>superpanel</c>).</summary>
    public bool IsSuperPanel => TypeSlugs.Contains("superpanel", StringComparer.Ordinal);

    /// <summary>The R/M clinical indication codes among <see cref="RelevantDisorders"/>.</summary>
    public IEnumerable<string> ClinicalIndicationCodes => RelevantDisorders.Where(IsIndicationCode);

    /// <summary>True for <c>R134</c>, <c>M1</c> and the like.</summary>
    public static bool IsIndicationCode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length >= 2 && (text[0] == 'R' || text[0] == 'M') && text.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    /// <summary>Parses <c>major.minor</c>; false for anything else.</summary>
    public static bool TryParseVersion(string text, out int major, out int minor)
    {
        major = minor = 0;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out major);
        }

        return int.TryParse(text.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out major)
            && int.TryParse(text.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out minor);
    }

    /// <summary>
    /// The genes at or above <paramref name="minimum"/>, one per symbol in ordinal symbol order. A super-panel lists a
    /// gene once per child panel; the highest rating wins (the same rule PanelApp's super-panel view applies).
    /// </summary>
    public IReadOnlyList<PanelEntity> GenesAtOrAbove(PanelConfidence minimum)
    {
        var best = new Dictionary<string, PanelEntity>(StringComparer.Ordinal);
        foreach (PanelEntity entity in Entities)
        {
            if (entity.Kind != PanelEntityKind.Gene || entity.Confidence < minimum || entity.Confidence == PanelConfidence.Unrated)
            {
                continue;
            }

            string symbol = entity.GeneSymbol ?? entity.EntityName;
            if (!best.TryGetValue(symbol, out PanelEntity? seen) || entity.Confidence > seen.Confidence)
            {
                best[symbol] = entity;
            }
        }

        return [.. best.Values.OrderBy(e => e.GeneSymbol ?? e.EntityName, StringComparer.Ordinal)];
    }
}
