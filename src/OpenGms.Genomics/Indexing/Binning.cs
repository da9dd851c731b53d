namespace OpenGms.Genomics.Indexing;

/// <summary>The hierarchical binning scheme of BAI/tabix/CSI (SAM specification section 5.3), for any min_shift and depth.</summary>
internal static class Binning
{
    /// <summary>The smallest bin holding the 0-based half-open interval [beg, end).</summary>
    public static int RegionToBin(long beg, long end, int minShift, int depth)
    {
        end--;
        int shift = minShift;
        int t = ((1 << (depth * 3)) - 1) / 7;
        for (int level = depth; level > 0; level--)
        {
            if (beg >> shift == end >> shift)
            {
                return (int)(t + (beg >> shift));
            }

            shift += 3;
            t -= 1 << ((level - 1) * 3);
        }

        return 0;
    }

    /// <summary>Every bin that may hold records overlapping [beg, end) (0-based half-open).</summary>
    public static void RegionToBins(long beg, long end, int minShift, int depth, List<int> bins)
    {
        end--;
        int t = 0;
        int shift = minShift + (depth * 3);
        for (int level = 0; level <= depth; level++)
        {
            long b = t + (beg >> shift);
            long e = t + (end >> shift);
            for (long i = b; i <= e; i++)
            {
                bins.Add((int)i);
            }

            shift -= 3;
            t += 1 << (level * 3);
        }
    }

    /// <summary>The number of real bins (pseudo-bins are numbered from here).</summary>
    public static int BinLimit(int depth) => ((1 << ((depth + 1) * 3)) - 1) / 7;
}
