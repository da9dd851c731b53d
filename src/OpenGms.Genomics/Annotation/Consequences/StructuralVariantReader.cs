using System.Globalization;
using System.Text;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Annotation.Consequences;

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

/// <summary>
/// Reads structural variants from VCF records per VCF 4.x: symbolic <c>&lt;DEL&gt;</c>, <c>&lt;DUP&gt;</c> (and subtypes such
/// as <c>&lt;DUP:TANDEM&gt;</c>, <c>&lt;DEL:ME&gt;</c>), <c>&lt;INV&gt;</c> and <c>&lt;CNV&gt;</c> with their END (or SVLEN when END is
/// absent, as VCF 4.5 prefers), and sequence-resolved deletions. A <c>&lt;CNV&gt;</c> is a loss or a gain by one sample's
/// FORMAT CN (below or above 2). Breakends and insertions are not read. Used by <c>gms annotate</c> (symbolic alleles)
/// and by case analysis (which also takes long sequence-resolved deletions as SVs).
/// </summary>
public static class StructuralVariantReader
{
    /// <summary>
    /// Reads the event of one allele; false when it cannot be placed (no END/SVLEN, unknown type, a CNV without a
    /// sample's CN to say loss or gain).
    /// </summary>
    /// <param name="record">The VCF record (INFO END/SVLEN, FORMAT CN).</param>
    /// <param name="reference">REF.</param>
    /// <param name="alt">One ALT allele.</param>
    /// <param name="position">POS.</param>
    /// <param name="copyNumberSample">The sample column whose CN decides a <c>&lt;CNV&gt;</c>; null reads no CNV.</param>
    /// <param name="sv">The event.</param>
    /// <returns>Whether it could be placed.</returns>
    public static bool TryRead(VcfRecord record, string reference, string alt, int position, int? copyNumberSample, out StructuralVariantEvent? sv)
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
                if (copyNumberSample is not int column || cnIndex < 0 || !record.TryGetSampleInt32(column, cnIndex, out int cn) || cn == 2)
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
    /// <param name="chrom">Sequence name.</param>
    /// <param name="sv">The event.</param>
    /// <returns>The description.</returns>
    public static string Hgvs(string chrom, StructuralVariantEvent sv)
    {
        ArgumentNullException.ThrowIfNull(sv);
        string op = sv.Kind switch { StructuralVariantKind.Deletion => "del", StructuralVariantKind.Duplication => "dup", _ => "inv" };
        return string.Create(CultureInfo.InvariantCulture, $"{chrom}{GenomicSnv.Separator(chrom)}{sv.Start}_{sv.End}{op}");
    }

    private static int? FirstInt(ReadOnlySpan<byte> text)
    {
        int comma = text.IndexOf((byte)',');
        ReadOnlySpan<byte> first = comma >= 0 ? text[..comma] : text;
        return int.TryParse(Encoding.ASCII.GetString(first), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;
    }
}
