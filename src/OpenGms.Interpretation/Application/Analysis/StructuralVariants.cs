using System.Globalization;
using OpenGms.Genomics.Annotation.Consequences;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>How a structural variant candidate is shown in the report.</summary>
/// <param name="Type">VCF type (<c>DEL</c>, <c>DUP</c>, <c>INV</c>, <c>CNV</c>).</param>
/// <param name="Start">First affected base (1-based).</param>
/// <param name="End">Last affected base (1-based, closed).</param>
/// <param name="Length">Bases affected.</param>
/// <param name="Genes">Every gene whose transcripts it reaches (not counting upstream/downstream).</param>
/// <param name="Exons">Exons of the chosen transcript it overlaps (<c>3-7/65</c>), or null when none.</param>
public sealed record StructuralVariantView(string Type, int Start, int End, int Length, IReadOnlyList<string> Genes, string? Exons);

/// <summary>
/// Which alleles case analysis takes as structural variants (symbolic alleles, and sequence-resolved deletions of
/// <see cref="MinSequenceResolvedLength"/> bases or more; read by <see cref="StructuralVariantReader"/>), and how
/// their size is shown.
/// </summary>
internal static class StructuralVariants
{
    /// <summary>Deleted bases from which a sequence-resolved deletion is taken as a structural variant (the usual 50 bp SV cut-off).</summary>
    public const int MinSequenceResolvedLength = 50;

    /// <summary>True when the allele is handled as a structural variant rather than a small variant.</summary>
    public static bool IsCandidate(string reference, string alt) =>
        (alt.Length > 0 && alt[0] == '<') || reference.Length - alt.Length >= MinSequenceResolvedLength;

    /// <summary>Human size: 850 bp, 12.3 kb, 1.20 Mb.</summary>
    public static string Size(int length) => length switch
    {
        < 1_000 => length.ToString(CultureInfo.InvariantCulture) + " bp",
        < 1_000_000 => (length / 1_000.0).ToString("0.#", CultureInfo.InvariantCulture) + " kb",
        _ => (length / 1_000_000.0).ToString("0.00", CultureInfo.InvariantCulture) + " Mb",
    };
}
