using System.Globalization;
using System.Text;

namespace OpenGms.Genomics.Normalisation;

/// <summary>Text-level GT helpers: allele renumbering with separators and missing alleles kept.</summary>
internal static class Genotypes
{
    /// <summary>
    /// Rewrites each allele index of <paramref name="gt"/> through <paramref name="map"/> (a negative result writes '.').
    /// <paramref name="refCount"/> is increased by the number of alleles that map from 0.
    /// </summary>
    public static string Remap(string gt, Func<int, int> map, ref int refCount)
    {
        var sb = new StringBuilder(gt.Length);
        int i = 0;
        while (i < gt.Length)
        {
            char c = gt[i];
            if (c is '/' or '|')
            {
                sb.Append(c);
                i++;
                continue;
            }

            int j = i;
            while (j < gt.Length && gt[j] is not ('/' or '|'))
            {
                j++;
            }

            ReadOnlySpan<char> token = gt.AsSpan(i, j - i);
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int allele))
            {
                int mapped = map(allele);
                if (allele == 0)
                {
                    refCount++;
                }

                if (mapped < 0)
                {
                    sb.Append('.');
                }
                else
                {
                    sb.Append(mapped.ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                sb.Append(token);
            }

            i = j;
        }

        return sb.ToString();
    }

    /// <summary>Ploidy of a GT value (number of allele slots), or 0 when there is no GT.</summary>
    public static int Ploidy(string gt)
    {
        if (gt.Length == 0)
        {
            return 0;
        }

        int n = 1;
        foreach (char c in gt)
        {
            if (c is '/' or '|')
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Index of the diploid genotype (a, b) in a Number=G list (VCF 4.3 section 1.6.2): b(b+1)/2 + a for a &lt;= b.</summary>
    public static int DiploidIndex(int a, int b)
    {
        if (a > b)
        {
            (a, b) = (b, a);
        }

        return (b * (b + 1) / 2) + a;
    }
}
