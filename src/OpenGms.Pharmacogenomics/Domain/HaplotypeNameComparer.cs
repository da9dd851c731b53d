namespace OpenGms.Pharmacogenomics.Domain;

/// <summary>
/// Orders haplotype names as PharmCAT prints them: single alleles before combinations
/// (<c>[a + b]</c>), then natural order, so <c>*2</c> &lt; <c>*17</c> and <c>c.85T&gt;C</c> &lt; <c>c.1129-5923C&gt;G</c>.
/// </summary>
internal sealed class HaplotypeNameComparer : IComparer<string>
{
    public static readonly HaplotypeNameComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        bool xCombo = x.StartsWith('[');
        bool yCombo = y.StartsWith('[');
        if (xCombo != yCombo)
        {
            return xCombo ? 1 : -1;
        }

        if (xCombo)
        {
            // Combinations with fewer parts first, as PharmCAT lists them (DpydTest.issue155_strandMismatch).
            int parts = Parts(x).CompareTo(Parts(y));
            if (parts != 0)
            {
                return parts;
            }
        }

        return Natural(x, y);
    }

    private static int Parts(string combination) => combination.AsSpan().Count(" + ") + 1;

    /// <summary>Compares with runs of digits compared as numbers.</summary>
    public static int Natural(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int i = 0;
        int j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsAsciiDigit(x[i]) && char.IsAsciiDigit(y[j]))
            {
                int si = i;
                int sj = j;
                while (i < x.Length && char.IsAsciiDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsAsciiDigit(y[j]))
                {
                    j++;
                }

                ReadOnlySpan<char> dx = x.AsSpan(si, i - si).TrimStart('0');
                ReadOnlySpan<char> dy = y.AsSpan(sj, j - sj).TrimStart('0');
                if (dx.Length != dy.Length)
                {
                    return dx.Length.CompareTo(dy.Length);
                }

                int digits = dx.SequenceCompareTo(dy);
                if (digits != 0)
                {
                    return digits;
                }

                continue;
            }

            int c = x[i].CompareTo(y[j]);
            if (c != 0)
            {
                return c;
            }

            i++;
            j++;
        }

        int rest = (x.Length - i).CompareTo(y.Length - j);
        return rest != 0 ? rest : string.CompareOrdinal(x, y);
    }

    /// <summary>Orders two haplotype names for a diplotype and joins them with a slash.</summary>
    public static string Diplotype(string a, string b) =>
        Instance.Compare(a, b) <= 0 ? a + "/" + b : b + "/" + a;
}
