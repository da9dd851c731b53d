using OpenGms.Genomics.Vcf;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>Reads a splice prediction for one ALT allele from an INFO value, as UTF-8 bytes.</summary>
public static class SpliceScores
{
    /// <summary>
    /// The largest delta score for <paramref name="alt"/>: from SpliceAI's field (comma-separated entries
    /// <c>ALT|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|DP_AG|DP_AL|DP_DG|DP_DL</c>, one per allele and gene; the largest of the four
    /// delta scores over the allele's entries), or, when the value has no <c>|</c>, the <paramref name="altIndex"/>-th
    /// number of a Number=A list. Null when the allele has no score (missing <c>.</c> values included).
    /// </summary>
    public static double? ForAllele(ReadOnlySpan<byte> value, ReadOnlySpan<byte> alt, int altIndex)
    {
        if (value.IndexOf((byte)'|') < 0)
        {
            int i = 0;
            foreach (ReadOnlySpan<byte> v in new VcfListEnumerator(value, (byte)','))
            {
                if (i++ == altIndex)
                {
                    return VcfValues.TryParseFloat(v, out float f) ? f : null;
                }
            }

            return null;
        }

        double? best = null;
        foreach (ReadOnlySpan<byte> entry in new VcfListEnumerator(value, (byte)','))
        {
            int field = 0;
            bool ours = false;
            foreach (ReadOnlySpan<byte> part in new VcfListEnumerator(entry, (byte)'|'))
            {
                if (field == 0)
                {
                    ours = part.SequenceEqual(alt);
                }
                else if (field is >= 2 and <= 5 && ours && VcfValues.TryParseFloat(part, out float ds))
                {
                    best = best is double b ? Math.Max(b, ds) : ds;
                }

                if (!ours || ++field > 5)
                {
                    break;
                }
            }
        }

        return best;
    }
}
