namespace OpenGms.Genomics.Annotation.Sequences;

/// <summary>
/// Reference bases held as sorted, non-overlapping windows per chromosome (whole chromosomes are one window).
/// Used both for a FASTA read fully into memory and for the exon-flank windows of an annotation cache.
/// </summary>
public sealed class WindowedSequence : GenomeSequence
{
    private readonly Dictionary<string, Chromosome> _chromosomes = new(StringComparer.Ordinal);
    private LastChromosome? _last;

    /// <summary>Adds the windows of one chromosome.</summary>
    /// <param name="name">Chromosome name.</param>
    /// <param name="length">Full chromosome length (or -1 when unknown).</param>
    /// <param name="starts">1-based window starts, increasing.</param>
    /// <param name="lengths">Window lengths.</param>
    /// <param name="bases">All window bases concatenated, upper case.</param>
    public void Add(string name, long length, int[] starts, int[] lengths, byte[] bases)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(lengths);
        ArgumentNullException.ThrowIfNull(bases);
        long[] offsets = new long[starts.Length];
        long offset = 0;
        for (int i = 0; i < starts.Length; i++)
        {
            offsets[i] = offset;
            offset += lengths[i];
        }

        _chromosomes[name] = new Chromosome(length, starts, lengths, offsets, bases);
        _last = null;
    }

    /// <summary>Chromosome names held.</summary>
    public IEnumerable<string> Names => _chromosomes.Keys;

    /// <summary>Total bases held.</summary>
    public long BasesHeld
    {
        get
        {
            long sum = 0;
            foreach (Chromosome c in _chromosomes.Values)
            {
                sum += c.Bases.LongLength;
            }

            return sum;
        }
    }

    /// <summary>The windows of a chromosome (for writing a cache).</summary>
    /// <param name="name">Chromosome name.</param>
    /// <param name="starts">Window starts.</param>
    /// <param name="lengths">Window lengths.</param>
    /// <param name="bases">Concatenated bases.</param>
    /// <returns>False when the chromosome is not held.</returns>
    public bool TryGetWindows(string name, out int[] starts, out int[] lengths, out byte[] bases)
    {
        if (_chromosomes.TryGetValue(name, out Chromosome? c))
        {
            starts = c.Starts;
            lengths = c.Lengths;
            bases = c.Bases;
            return true;
        }

        starts = [];
        lengths = [];
        bases = [];
        return false;
    }

    /// <inheritdoc />
    public override long LengthOf(string chromosome) => Find(chromosome) is Chromosome c ? c.Length : -1;

    /// <inheritdoc />
    public override bool TryRead(string chromosome, int start, Span<byte> destination)
    {
        if (start < 1 || Find(chromosome) is not Chromosome c)
        {
            return false;
        }

        int index = Array.BinarySearch(c.Starts, start);
        if (index < 0)
        {
            index = ~index - 1;
        }

        if (index < 0)
        {
            return false;
        }

        long within = (long)start - c.Starts[index];
        if (within + destination.Length > c.Lengths[index])
        {
            return false;
        }

        c.Bases.AsSpan((int)(c.Offsets[index] + within), destination.Length).CopyTo(destination);
        return true;
    }

    /// <summary>The chromosome named, or null; the last one found is kept (reads come in runs on one chromosome).</summary>
    private Chromosome? Find(string name)
    {
        // One reference, so concurrent readers see a consistent pair.
        LastChromosome? last = _last;
        if (last is not null && ReferenceEquals(last.Name, name))
        {
            return last.Value;
        }

        _chromosomes.TryGetValue(name, out Chromosome? c);
        _last = new LastChromosome(name, c);
        return c;
    }

    private sealed record LastChromosome(string Name, Chromosome? Value);

    private sealed record Chromosome(long Length, int[] Starts, int[] Lengths, long[] Offsets, byte[] Bases);
}
