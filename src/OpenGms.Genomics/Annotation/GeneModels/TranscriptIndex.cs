namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// Finds the transcripts that overlap a genomic range. Per chromosome the transcripts are sorted by start and
/// laid out as an implicit, augmented binary search tree (each node keeps the highest end in its subtree), so a
/// query costs O(log n + hits) whatever the number of transcripts or the length of the longest gene.
/// </summary>
public sealed class TranscriptIndex
{
    private readonly Dictionary<string, Tree> _trees = new(StringComparer.Ordinal);

    /// <summary>Builds the index.</summary>
    /// <param name="transcripts">Transcripts on any chromosomes, in any order.</param>
    public TranscriptIndex(IEnumerable<Transcript> transcripts)
    {
        ArgumentNullException.ThrowIfNull(transcripts);
        var byChromosome = new Dictionary<string, List<Transcript>>(StringComparer.Ordinal);
        foreach (Transcript t in transcripts)
        {
            if (!byChromosome.TryGetValue(t.Chromosome, out List<Transcript>? list))
            {
                list = [];
                byChromosome.Add(t.Chromosome, list);
            }

            list.Add(t);
            Count++;
        }

        foreach ((string chromosome, List<Transcript> list) in byChromosome)
        {
            _trees.Add(chromosome, new Tree(list));
        }
    }

    /// <summary>Number of transcripts indexed.</summary>
    public int Count { get; }

    /// <summary>Chromosome names present.</summary>
    public IEnumerable<string> Chromosomes => _trees.Keys;

    /// <summary>All transcripts of one chromosome sorted by start (empty when none).</summary>
    /// <param name="chromosome">Chromosome name.</param>
    /// <returns>The sorted transcripts.</returns>
    public ReadOnlySpan<Transcript> OnChromosome(string chromosome) =>
        _trees.TryGetValue(chromosome, out Tree? tree) ? tree.Items : [];

    /// <summary>Adds to <paramref name="results"/> every transcript overlapping [<paramref name="start"/>, <paramref name="end"/>] (1-based, closed).</summary>
    /// <param name="chromosome">Chromosome name.</param>
    /// <param name="start">First position.</param>
    /// <param name="end">Last position.</param>
    /// <param name="results">Receives the hits, in start order.</param>
    public void Query(string chromosome, int start, int end, List<Transcript> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (_trees.TryGetValue(chromosome, out Tree? tree))
        {
            tree.Query(start, end, results);
        }
    }

    private sealed class Tree
    {
        private readonly Transcript[] _items;
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int[] _maxEnd;
        private readonly int _rootLevel;

        public Tree(List<Transcript> list)
        {
            list.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
            _items = [.. list];
            int n = _items.Length;
            _starts = new int[n];
            _ends = new int[n];
            _maxEnd = new int[n];
            for (int i = 0; i < n; i++)
            {
                _starts[i] = _items[i].Start;
                _ends[i] = _items[i].End;
            }

            // Smallest level K whose complete tree (2^(K+1) - 1 nodes) holds all n items; the root is node 2^K - 1.
            int level = 0;
            while ((1L << (level + 1)) - 1 < n)
            {
                level++;
            }

            _rootLevel = level;
            Build((1 << level) - 1, level);
        }

        public ReadOnlySpan<Transcript> Items => _items;

        private int Build(int node, int level)
        {
            int n = _items.Length;
            if (level == 0)
            {
                return node < n ? _ends[node] : int.MinValue;
            }

            int half = 1 << (level - 1);
            int max = Build(node - half, level - 1);
            if (node < n)
            {
                max = Math.Max(max, Math.Max(_ends[node], Build(node + half, level - 1)));
                _maxEnd[node] = max;
            }

            return max;
        }

        public void Query(int start, int end, List<Transcript> results)
        {
            if (_items.Length > 0)
            {
                Visit((1 << _rootLevel) - 1, _rootLevel, start, end, results);
            }
        }

        private void Visit(int node, int level, int start, int end, List<Transcript> results)
        {
            int half = level > 0 ? 1 << (level - 1) : 0;
            if (node >= _items.Length)
            {
                // A node past the end only has a (possibly partly real) left subtree.
                if (level > 0)
                {
                    Visit(node - half, level - 1, start, end, results);
                }

                return;
            }

            if (_maxEnd[node] < start && level > 0)
            {
                return;
            }

            if (level > 0)
            {
                Visit(node - half, level - 1, start, end, results);
            }

            if (_starts[node] <= end)
            {
                if (_ends[node] >= start)
                {
                    results.Add(_items[node]);
                }

                if (level > 0)
                {
                    Visit(node + half, level - 1, start, end, results);
                }
            }
        }
    }
}
