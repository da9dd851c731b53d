using System.Globalization;
using System.Text;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>A structural variant or copy-number change as read from the VCF, in 1-based closed coordinates of the bases it affects.</summary>
/// <param name="Kind">Deletion, duplication or inversion.</param>
/// <param name="Type">The VCF type as written (<c>DEL</c>, <c>DUP:TANDEM</c>, <c>CNV</c>, or <c>DEL</c> for a sequence-resolved deletion).</param>
/// <param name="Start">First affected base (POS + 1 for a padded VCF allele).</param>
/// <param name="End">Last affected base (VCF END). Invariant: End >= Start.</param>
/// <param name="SequenceResolved">True for a deletion written out base by base rather than as a symbolic allele.</param>
public sealed record StructuralVariantEvent(StructuralVariantKind Kind, string Type, int Start, int End, bool SequenceResolved)
{
    /// <summary>Bases affected.</summary>
    public int Length => End - Start + 1;
}

/// <summary>How a structural variant candidate is shown in the report.</summary>
/// <param name="Type">VCF type (<c>DEL</c>, <c>DUP</c>, <c>INV</c>, <c>CNV</c>).</param>
/// <param name="Start">First affected base (1-based).</param>
/// <param name="End">Last affected base (1-based, closed).</param>
/// <param name="Length">Bases affected.</param>
/// <param name="Genes">Every gene whose transcripts it reaches (not counting upstream/downstream).</param>
/// <param name="Exons">Exons of the chosen transcript it overlaps (<c>3-7/65</c>), or null when none.</param>
public sealed record StructuralVariantView(string Type, int Start, int End, int Length, IReadOnlyList<string> Genes, string? Exons);

/// <summary>
/// Reads structural variants from VCF records per VCF 4.x: symbolic <c>&lt;DEL&gt;</c>, <c>&lt;DUP&gt;</c> (and subtypes such
/// as <c>&lt;DUP:TANDEM&gt;</c>, <c>&lt;DEL:ME&gt;</c>), <c>&lt;INV&gt;</c> and <c>&lt;CNV&gt;</c> with their END (or SVLEN when END is
/// absent, as VCF 4.5 prefers), and sequence-resolved deletions of <see cref="MinSequenceResolvedLength"/> bases or more.
/// A <c>&lt;CNV&gt;</c> is a loss or a gain by the proband's FORMAT CN (below or above 2). Breakends, insertions and CNVs
/// without a copy number are not read.
/// </summary>
internal static class StructuralVariants
{
    /// <summary>Deleted bases from which a sequence-resolved deletion is taken as a structural variant (the usual 50 bp SV cut-off).</summary>
    public const int MinSequenceResolvedLength = 50;

    /// <summary>True when the allele is handled as a structural variant rather than a small variant.</summary>
    public static bool IsCandidate(string reference, string alt) =>
        (alt.Length > 0 && alt[0] == '<') || reference.Length - alt.Length >= MinSequenceResolvedLength;

    /// <summary>Reads the event of one allele; false when it cannot be placed (no END/SVLEN, unknown type, CNV without CN).</summary>
    public static bool TryRead(VcfRecord record, string reference, string alt, int position, int probandColumn, out StructuralVariantEvent? sv)
    {
        sv = null;
        if (alt[0] != '<')
        {
            // Sequence-resolved: the bases of REF beyond the shared leading bases are deleted.
            int shared = 0;
            while (shared < alt.Length && shared < reference.Length && char.ToUpperInvariant(reference[shared]) == char.ToUpperInvariant(alt[shared]))
            {
                shared++;
            }

            int first = position + Math.Max(shared, alt.Length);
            int last = position + reference.Length - 1;
            if (last < first)
            {
                return false;
            }

            sv = new StructuralVariantEvent(StructuralVariantKind.Deletion, "DEL", first, last, SequenceResolved: true);
            return true;
        }

        if (alt.Length < 3 || alt[^1] != '>')
        {
            return false;
        }

        string type = alt[1..^1];
        string main = type.Split(':')[0];
        StructuralVariantKind kind;
        switch (main)
        {
            case "DEL":
                kind = StructuralVariantKind.Deletion;
                break;
            case "DUP":
                kind = StructuralVariantKind.Duplication;
                break;
            case "INV":
                kind = StructuralVariantKind.Inversion;
                break;
            case "CNV":
                int cnIndex = record.FormatIndexOf("CN"u8);
                if (cnIndex < 0 || !record.TryGetSampleInt32(probandColumn, cnIndex, out int cn) || cn == 2)
                {
                    return false;
                }

                kind = cn < 2 ? StructuralVariantKind.Deletion : StructuralVariantKind.Duplication;
                break;
            default:
                return false;
        }

        // The padding base at POS is not part of the event (VCF 4.x, symbolic alleles).
        int start = position + 1;
        int end;
        if (record.TryGetInfoInt32("END"u8, out int infoEnd))
        {
            end = infoEnd;
        }
        else if (record.TryGetInfo("SVLEN"u8, out ReadOnlySpan<byte> svlenText) && FirstInt(svlenText) is int svlen && svlen != 0)
        {
            end = position + Math.Abs(svlen);
        }
        else
        {
            return false;
        }

        if (end < start)
        {
            return false;
        }

        sv = new StructuralVariantEvent(kind, type, start, end, SequenceResolved: false);
        return true;
    }

    /// <summary>An HGVS-style genomic description: <c>17:g.3559781_3562000del</c>.</summary>
    public static string Hgvs(string chrom, StructuralVariantEvent sv)
    {
        string op = sv.Kind switch { StructuralVariantKind.Deletion => "del", StructuralVariantKind.Duplication => "dup", _ => "inv" };
        return string.Create(CultureInfo.InvariantCulture, $"{chrom}:g.{sv.Start}_{sv.End}{op}");
    }

    /// <summary>Human size: 850 bp, 12.3 kb, 1.20 Mb.</summary>
    public static string Size(int length) => length switch
    {
        < 1_000 => length.ToString(CultureInfo.InvariantCulture) + " bp",
        < 1_000_000 => (length / 1_000.0).ToString("0.#", CultureInfo.InvariantCulture) + " kb",
        _ => (length / 1_000_000.0).ToString("0.00", CultureInfo.InvariantCulture) + " Mb",
    };

    private static int? FirstInt(ReadOnlySpan<byte> text)
    {
        int comma = text.IndexOf((byte)',');
        ReadOnlySpan<byte> first = comma >= 0 ? text[..comma] : text;
        return int.TryParse(Encoding.ASCII.GetString(first), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;
    }
}
