namespace OpenGms.Genomics.Annotation.GeneModels;

/// <summary>
/// Finds the transcripts that overlap a genomic range. Per chromosome the transcripts are sorted by start and
/// laid out as an implicit, augmented binary search tree (each node keeps the highest end in its subtree), so a
/// query costs O(log n + hits) whatever the number of transcripts or the length of the longest gene.
/// </summary>
public sealed class TranscriptIndex
{
    private readonly Dictionary<string, Tree> _trees = new(StringComparer.Ordinal);
    private LastTree? _last;

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
        // Records come sorted, so nearly every query names the chromosome of the one before (the same string instance):
        // the last lookup is kept as one reference, which concurrent callers read and replace atomically.
        LastTree? last = _last;
        Tree? tree;
        if (last is not null && ReferenceEquals(last.Name, chromosome))
        {
            tree = last.Tree;
        }
        else
        {
            _trees.TryGetValue(chromosome, out tree);
            _last = new LastTree(chromosome, tree);
        }

        tree?.Query(start, end, results);
    }

    private sealed record LastTree(string Name, Tree? Tree);

    private sealed class Tree
    {
        private readonly Transcript[] _items;
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly int[] _maxEnd;
        private readonly int _rootLevel;

        // The union of the transcripts' spans as sorted, disjoint runs: a query that falls between runs (an
        // intergenic allele, most of a genome) is answered by one binary search instead of a walk down the tree.
        // Invariant: _runStarts[i] <= _runEnds[i] < _runStarts[i + 1] - 1.
        private readonly int[] _runStarts;
        private readonly int[] _runEnds;

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

            var runStarts = new List<int>();
            var runEnds = new List<int>();
            for (int i = 0; i < n; i++)
            {
                // Sorted by start, so a transcript either extends the last run or opens a new one.
                if (runEnds.Count > 0 && _starts[i] <= runEnds[^1] + 1)
                {
                    runEnds[^1] = Math.Max(runEnds[^1], _ends[i]);
                }
                else
                {
                    runStarts.Add(_starts[i]);
                    runEnds.Add(_ends[i]);
                }
            }

            _runStarts = [.. runStarts];
            _runEnds = [.. runEnds];
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
            if (_items.Length > 0 && TouchesRun(start, end))
            {
                Visit((1 << _rootLevel) - 1, _rootLevel, start, end, results);
            }
        }

        /// <summary>Whether [start, end] overlaps any transcript's span (a necessary condition for a hit).</summary>
        private bool TouchesRun(int start, int end)
        {
            // The first run ending at or after start; the query touches a run only if that run begins by end.
            int lo = 0;
            int hi = _runEnds.Length;
            while (lo < hi)
            {
                int mid = (int)((uint)(lo + hi) >> 1);
                if (_runEnds[mid] < start)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo < _runEnds.Length && _runStarts[lo] <= end;
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
