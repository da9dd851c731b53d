using OpenGms.Genomics.Indexing;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// The defining positions of a definition set, arranged for reading a VCF: per chromosome (held as <c>chrN</c>), the
/// sorted positions with the reference allele PharmCAT writes there, and the windows around them whose records are
/// read and normalised. A window reaches <see cref="Padding"/> bases either side of a site because normalisation can
/// move a record onto a site: left-alignment moves an indel written further right to the left, and trimming a shared
/// first base moves a record written one or more bases earlier to the right.
/// Coordinates are 1-based closed (VCF).
/// </summary>
internal sealed class PgxSites
{
    /// <summary>Bases read either side of each site (a longer repeat than this cannot be left-aligned onto a site).</summary>
    public const int Padding = 250;

    private readonly Dictionary<string, Chromosome> _byChromosome;

    private PgxSites(Dictionary<string, Chromosome> byChromosome, int count)
    {
        _byChromosome = byChromosome;
        Count = count;
    }

    /// <summary>Number of distinct sites.</summary>
    public int Count { get; }

    /// <summary>The chromosomes with sites (<c>chrN</c> names).</summary>
    public IEnumerable<string> Chromosomes => _byChromosome.Keys;

    /// <summary>Builds the sites of <paramref name="loci"/>; where two genes share a position the longer REF is kept.</summary>
    public static PgxSites FromLoci(IEnumerable<VariantLocus> loci)
    {
        ArgumentNullException.ThrowIfNull(loci);
        var refs = new Dictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (VariantLocus locus in loci)
        {
            string chromosome = GenomicPosition.NormaliseChromosome(locus.Chromosome);
            if (!refs.TryGetValue(chromosome, out SortedDictionary<int, string>? byPosition))
            {
                byPosition = [];
                refs[chromosome] = byPosition;
            }

            if (!byPosition.TryGetValue(locus.Position, out string? existing) || existing.Length < locus.Ref.Length)
            {
                byPosition[locus.Position] = locus.Ref;
            }
        }

        var result = new Dictionary<string, Chromosome>(StringComparer.Ordinal);
        int count = 0;
        foreach ((string chromosome, SortedDictionary<int, string> byPosition) in refs)
        {
            result[chromosome] = new Chromosome([.. byPosition.Keys], [.. byPosition.Values]);
            count += byPosition.Count;
        }

        return new PgxSites(result, count);
    }

    /// <summary>True when <paramref name="chromosome"/> (<c>chrN</c>) has sites.</summary>
    public bool HasChromosome(string chromosome) => _byChromosome.ContainsKey(chromosome);

    /// <summary>The reference allele at a site, or null when the position is not a site.</summary>
    public string? ReferenceAt(string chromosome, long position)
    {
        if (!_byChromosome.TryGetValue(chromosome, out Chromosome? c) || position > int.MaxValue)
        {
            return null;
        }

        int i = Array.BinarySearch(c.Positions, (int)position);
        return i >= 0 ? c.Refs[i] : null;
    }

    /// <summary>True when <paramref name="position"/> lies in the window of some site of <paramref name="chromosome"/>.</summary>
    public bool InWindow(string chromosome, long position) =>
        _byChromosome.TryGetValue(chromosome, out Chromosome? c) && InWindow(c, position);

    /// <summary>The windows of one chromosome as regions named <paramref name="contigName"/> (the VCF's own name), merged.</summary>
    public List<GenomicRegion> Windows(string chromosome, string contigName)
    {
        var regions = new List<GenomicRegion>();
        if (!_byChromosome.TryGetValue(chromosome, out Chromosome? c))
        {
            return regions;
        }

        for (int i = 0; i < c.Positions.Length; i++)
        {
            long start = Math.Max(1, c.Positions[i] - Padding);
            long end = c.Positions[i] + c.Refs[i].Length - 1 + Padding;
            if (regions.Count > 0 && start <= regions[^1].End + 1)
            {
                regions[^1] = regions[^1] with { End = Math.Max(regions[^1].End, end) };
            }
            else
            {
                regions.Add(new GenomicRegion(contigName, start, end));
            }
        }

        return regions;
    }

    private static bool InWindow(Chromosome c, long position)
    {
        // The first site at or after position - Padding - (longest REF) is the only candidate whose window can start
        // at or before position; windows are checked from there while they can still reach it.
        long from = position - Padding - c.LongestRef;
        int i = Array.BinarySearch(c.Positions, (int)Math.Clamp(from, int.MinValue, int.MaxValue));
        if (i < 0)
        {
            i = ~i;
        }

        for (; i < c.Positions.Length && c.Positions[i] - Padding <= position; i++)
        {
            if (position <= c.Positions[i] + c.Refs[i].Length - 1 + Padding)
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Chromosome(int[] positions, string[] refs)
    {
        public int[] Positions { get; } = positions;

        public string[] Refs { get; } = refs;

        public int LongestRef { get; } = refs.Length == 0 ? 0 : refs.Max(r => r.Length);
    }
}
