using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>
/// Puts one REF/ALT pair into the form used for allele-exact matching against supplementary sources: with a
/// reference, left-aligned (as bcftools norm does, shifting at most <c>maxShift</c> bases); then trimmed to the
/// shortest VCF form (shared trailing bases dropped, then shared leading bases, each allele keeping one base).
/// Positions are VCF's 1-based coordinates.
/// </summary>
public static class AlleleNormaliser
{
    /// <summary>Normalises one allele pair.</summary>
    /// <param name="chrom">Contig (for the reference).</param>
    /// <param name="pos">1-based position of the first REF base.</param>
    /// <param name="refAllele">REF bases.</param>
    /// <param name="alt">ALT bases (not symbolic).</param>
    /// <param name="reference">Reference for left-alignment, or null to trim only.</param>
    /// <param name="maxShift">Furthest a left shift may go.</param>
    /// <returns>The normalised position and alleles.</returns>
    public static (long Pos, string Ref, string Alt) Normalise(string chrom, long pos, string refAllele, string alt, ReferenceGenome? reference, int maxShift)
    {
        ArgumentNullException.ThrowIfNull(refAllele);
        ArgumentNullException.ThrowIfNull(alt);
        string a = refAllele;
        string b = alt;
        if (reference is not null && a.Length != b.Length && reference.TryResolve(chrom, out _))
        {
            (pos, a, b) = LeftAlign(chrom, pos, a, b, reference, maxShift);
        }

        // Shared trailing bases, then shared leading bases; every allele keeps at least one base.
        int end = 0;
        while (end < a.Length - 1 && end < b.Length - 1 && char.ToUpperInvariant(a[a.Length - 1 - end]) == char.ToUpperInvariant(b[b.Length - 1 - end]))
        {
            end++;
        }

        a = a[..^end];
        b = b[..^end];
        int start = 0;
        while (start < a.Length - 1 && start < b.Length - 1 && char.ToUpperInvariant(a[start]) == char.ToUpperInvariant(b[start]))
        {
            start++;
        }

        return (pos + start, a[start..], b[start..]);
    }

    private static (long Pos, string Ref, string Alt) LeftAlign(string chrom, long pos, string a, string b, ReferenceGenome reference, int maxShift)
    {
        long limit = Math.Max(1, pos - maxShift);
        // Invariant: a and b are non-empty and differ in length; while they end in the same base, drop it and, when one
        // becomes empty, put back the reference base before them.
        while (char.ToUpperInvariant(a[^1]) == char.ToUpperInvariant(b[^1]))
        {
            if (a.Length == 1 || b.Length == 1)
            {
                if (pos <= limit || !reference.TryFetch(chrom, pos - 2, pos - 1, out ReadOnlySpan<byte> before) || before.Length != 1)
                {
                    break;
                }

                char pad = (char)before[0];
                a = pad + a;
                b = pad + b;
                pos--;
            }

            a = a[..^1];
            b = b[..^1];
        }

        return (pos, a, b);
    }
}
