namespace OpenGms.Interpretation.Phenotype;

/// <summary>How an HPO id was found in the ontology.</summary>
internal enum TermLookupKind
{
    /// <summary>The id is a current term.</summary>
    Primary,

    /// <summary>The id is an <c>alt_id</c> of a current term.</summary>
    AltId,

    /// <summary>The id is obsolete and was followed through <c>replaced_by</c> to a current term.</summary>
    Replaced,

    /// <summary>The id is obsolete and has no replacement.</summary>
    Obsolete,

    /// <summary>The id is well formed but absent.</summary>
    Unknown,

    /// <summary>The text is not <c>HP:</c> followed by digits.</summary>
    Malformed,
}

/// <summary>The outcome of looking an id up: the term index to use (or -1) and how it was reached.</summary>
/// <param name="Index">Index of the current term, or -1.</param>
/// <param name="Kind">How the id was resolved.</param>
/// <param name="Consider">For obsolete ids without replacement, the ontology's <c>consider</c> suggestions.</param>
internal readonly record struct TermLookup(int Index, TermLookupKind Kind, string[]? Consider);

/// <summary>One term as read from a file, before the graph is built.</summary>
internal sealed class RawTerm
{
    public int Number { get; init; }

    public string Name { get; set; } = string.Empty;

    public bool Obsolete { get; set; }

    public List<int> Parents { get; } = [];

    public List<int> AltIds { get; } = [];

    public int ReplacedBy { get; set; } = -1;

    public List<string> Consider { get; } = [];

    public long Line { get; init; }
}

/// <summary>
/// The HPO as an immutable graph over dense term indices. Ancestor sets (each term included in its own set) are
/// precomputed as sorted <c>int</c> arrays, and a topological order (parents before children) is kept so that a
/// per-patient similarity table can be filled in one pass over the terms.
/// </summary>
internal sealed class HpoOntology
{
    /// <summary>HP:0000001, the root.</summary>
    public const int AllNumber = 1;

    /// <summary>HP:0000118, the subontology that phenotype annotations and patient terms belong to.</summary>
    public const int PhenotypicAbnormalityNumber = 118;

    private readonly Dictionary<int, int> _byNumber;
    private readonly Dictionary<int, int> _altIds;
    private readonly int[] _replacedBy;
    private readonly string[]?[] _consider;

    private HpoOntology(string version, string sourceFile, int[] numbers, string[] names, bool[] obsolete, int[][] parents,
        int[][] ancestors, int[] topologicalOrder, Dictionary<int, int> byNumber, Dictionary<int, int> altIds, int[] replacedBy,
        string[]?[] consider)
    {
        Version = version;
        SourceFile = sourceFile;
        Numbers = numbers;
        Names = names;
        IsObsolete = obsolete;
        Parents = parents;
        Ancestors = ancestors;
        TopologicalOrder = topologicalOrder;
        _byNumber = byNumber;
        _altIds = altIds;
        _replacedBy = replacedBy;
        _consider = consider;
        PhenotypicAbnormality = byNumber.GetValueOrDefault(PhenotypicAbnormalityNumber, -1);
    }

    /// <summary>The data-version of the file, e.g. <c>hp/releases/2026-02-16</c>.</summary>
    public string Version { get; }

    /// <summary>The file the ontology was read from.</summary>
    public string SourceFile { get; }

    /// <summary>Numeric part of each term's id (HP:0000118 is 118), by index.</summary>
    public int[] Numbers { get; }

    /// <summary>Term labels by index.</summary>
    public string[] Names { get; }

    /// <summary>True for obsolete terms, which have no parents and are never scored directly.</summary>
    public bool[] IsObsolete { get; }

    /// <summary>Direct is_a parents by index.</summary>
    public int[][] Parents { get; }

    /// <summary>Sorted ancestor indices, the term itself included.</summary>
    public int[][] Ancestors { get; }

    /// <summary>Every term index, parents before children.</summary>
    public int[] TopologicalOrder { get; }

    /// <summary>Index of HP:0000118, or -1 in small test ontologies without it.</summary>
    public int PhenotypicAbnormality { get; }

    /// <summary>Number of terms, obsolete ones included.</summary>
    public int Count => Numbers.Length;

    /// <summary>Number of current (non-obsolete) terms.</summary>
    public int CurrentCount { get; private set; }

    /// <summary>Formats a term number as its CURIE.</summary>
    public static string Curie(int number) => $"HP:{number:D7}";

    /// <summary>The CURIE of the term at <paramref name="index"/>.</summary>
    public string IdOf(int index) => Curie(Numbers[index]);

    /// <summary>True when <paramref name="index"/> lies under Phenotypic abnormality (or the ontology lacks that term).</summary>
    public bool IsPhenotype(int index) =>
        PhenotypicAbnormality < 0 || (index != PhenotypicAbnormality && Array.BinarySearch(Ancestors[index], PhenotypicAbnormality) >= 0);

    /// <summary>Parses <c>HP:nnnnnnn</c> (also <c>HP_nnnnnnn</c>) into its number; false when malformed.</summary>
    public static bool TryParseId(ReadOnlySpan<char> id, out int number)
    {
        number = 0;
        id = id.Trim();
        Span<byte> ascii = stackalloc byte[16];
        if (id.Length > ascii.Length || System.Text.Ascii.FromUtf16(id, ascii, out int written) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        return TryParseId(ascii[..written], out number);
    }

    /// <summary>The same as <see cref="TryParseId(ReadOnlySpan{char}, out int)"/> on UTF-8 bytes.</summary>
    public static bool TryParseId(ReadOnlySpan<byte> id, out int number)
    {
        number = 0;
        id = id.Trim((byte)' ');
        if (id.Length < 4 || id[0] != (byte)'H' || id[1] != (byte)'P' || (id[2] != (byte)':' && id[2] != (byte)'_'))
        {
            return false;
        }

        id = id[3..];
        if (id.Length is 0 or > 9)
        {
            return false;
        }

        int value = 0;
        foreach (byte b in id)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + (int)digit;
        }

        number = value;
        return true;
    }

    /// <summary>Index of the current term <paramref name="number"/> is or maps to, following alt_id and replaced_by.</summary>
    public TermLookup Lookup(int number)
    {
        TermLookupKind kind = TermLookupKind.Primary;
        if (!_byNumber.TryGetValue(number, out int index))
        {
            if (!_altIds.TryGetValue(number, out index))
            {
                return new TermLookup(-1, TermLookupKind.Unknown, null);
            }

            kind = TermLookupKind.AltId;
        }

        // Follow replaced_by a few hops: a replacement can itself have been obsoleted later.
        for (int hop = 0; IsObsolete[index]; hop++)
        {
            int next = _replacedBy[index];
            if (next < 0 || hop > 8)
            {
                return new TermLookup(-1, TermLookupKind.Obsolete, _consider[index]);
            }

            index = next;
            kind = TermLookupKind.Replaced;
        }

        return new TermLookup(index, kind, null);
    }

    /// <summary>Looks up text such as <c>HP:0001156</c>.</summary>
    public TermLookup Lookup(ReadOnlySpan<char> id) =>
        TryParseId(id, out int number) ? Lookup(number) : new TermLookup(-1, TermLookupKind.Malformed, null);

    /// <summary>Index of a primary term, or -1 (no alt_id or replacement mapping).</summary>
    public int IndexOfPrimary(int number) => _byNumber.GetValueOrDefault(number, -1);

    /// <summary>Builds the graph from raw terms; unknown parents are dropped with an issue, cycles are an error.</summary>
    public static HpoOntology Build(string version, string sourceFile, IReadOnlyList<RawTerm> raw, List<HpoIssue> issues)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(issues);
        int n = raw.Count;
        var byNumber = new Dictionary<int, int>(n);
        var numbers = new int[n];
        var names = new string[n];
        var obsolete = new bool[n];
        for (int i = 0; i < n; i++)
        {
            RawTerm t = raw[i];
            if (!byNumber.TryAdd(t.Number, i))
            {
                throw new HpoDataException(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, sourceFile, t.Line, "id",
                    $"{Curie(t.Number)} is defined twice."));
            }

            numbers[i] = t.Number;
            names[i] = t.Name;
            obsolete[i] = t.Obsolete;
        }

        var altIds = new Dictionary<int, int>();
        var replacedBy = new int[n];
        var consider = new string[]?[n];
        var parents = new int[n][];
        var parentBuffer = new List<int>(8);
        int current = 0;
        for (int i = 0; i < n; i++)
        {
            RawTerm t = raw[i];
            foreach (int alt in t.AltIds)
            {
                if (!byNumber.ContainsKey(alt))
                {
                    altIds.TryAdd(alt, i);
                }
            }

            replacedBy[i] = t.ReplacedBy >= 0 && byNumber.TryGetValue(t.ReplacedBy, out int r) ? r
                : t.ReplacedBy >= 0 && altIds.TryGetValue(t.ReplacedBy, out r) ? r : -1;
            consider[i] = t.Consider.Count == 0 ? null : [.. t.Consider];
            parentBuffer.Clear();
            if (!t.Obsolete)
            {
                current++;
                foreach (int p in t.Parents)
                {
                    if (byNumber.TryGetValue(p, out int pi))
                    {
                        if (!parentBuffer.Contains(pi))
                        {
                            parentBuffer.Add(pi);
                        }
                    }
                    else
                    {
                        issues.Add(new HpoIssue(HpoIssueCodes.ParentUnknown, HpoIssueSeverity.Warning, sourceFile, t.Line, "is_a",
                            $"{Curie(t.Number)} names parent {Curie(p)}, which is not in the file; edge dropped."));
                    }
                }
            }

            parents[i] = [.. parentBuffer];
        }

        // A replacement that is only known after all alt ids were collected (alt id declared later in the file).
        for (int i = 0; i < n; i++)
        {
            if (replacedBy[i] < 0 && raw[i].ReplacedBy >= 0 && altIds.TryGetValue(raw[i].ReplacedBy, out int r))
            {
                replacedBy[i] = r;
            }
        }

        int[] order = TopologicalSort(parents, sourceFile, numbers);
        int[][] ancestors = ComputeAncestors(parents, order);
        return new HpoOntology(version, sourceFile, numbers, names, obsolete, parents, ancestors, order, byNumber, altIds, replacedBy, consider)
        {
            CurrentCount = current,
        };
    }

    private static int[] TopologicalSort(int[][] parents, string sourceFile, int[] numbers)
    {
        int n = parents.Length;
        var childCount = new int[n];
        var pending = new int[n];
        for (int i = 0; i < n; i++)
        {
            pending[i] = parents[i].Length;
            foreach (int p in parents[i])
            {
                childCount[p]++;
            }
        }

        // Children lists in CSR form.
        var start = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            start[i + 1] = start[i] + childCount[i];
        }

        var fill = (int[])start.Clone();
        var children = new int[start[n]];
        for (int i = 0; i < n; i++)
        {
            foreach (int p in parents[i])
            {
                children[fill[p]++] = i;
            }
        }

        var order = new int[n];
        int head = 0, tail = 0;
        for (int i = 0; i < n; i++)
        {
            if (pending[i] == 0)
            {
                order[tail++] = i;
            }
        }

        while (head < tail)
        {
            int t = order[head++];
            for (int c = start[t]; c < start[t + 1]; c++)
            {
                int child = children[c];
                if (--pending[child] == 0)
                {
                    order[tail++] = child;
                }
            }
        }

        if (tail != n)
        {
            int stuck = Array.FindIndex(pending, x => x > 0);
            throw new HpoDataException(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, sourceFile, 0, "is_a",
                $"The is_a graph has a cycle through {Curie(numbers[stuck])}."));
        }

        return order;
    }

    private static int[][] ComputeAncestors(int[][] parents, int[] order)
    {
        int n = parents.Length;
        var ancestors = new int[n][];
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var buffer = new List<int>(64);
        foreach (int t in order)
        {
            buffer.Clear();
            buffer.Add(t);
            stamp[t] = t;
            foreach (int p in parents[t])
            {
                foreach (int a in ancestors[p])
                {
                    if (stamp[a] != t)
                    {
                        stamp[a] = t;
                        buffer.Add(a);
                    }
                }
            }

            int[] set = [.. buffer];
            Array.Sort(set);
            ancestors[t] = set;
        }

        return ancestors;
    }
}

/// <summary>Thrown inside the loaders for a file that cannot be used; <see cref="HpoPhenotypeScorer.Load(string, HpoScoringOptions?)"/> turns it into an <see cref="Kernel.Error"/>.</summary>
internal sealed class HpoDataException : Exception
{
    public HpoDataException(HpoIssue issue)
        : base(issue?.ToString())
    {
        ArgumentNullException.ThrowIfNull(issue);
        Issue = issue;
    }

    public HpoDataException()
        : this(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, string.Empty, 0, string.Empty, "Malformed HPO data."))
    {
    }

    public HpoDataException(string message)
        : this(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, string.Empty, 0, string.Empty, message))
    {
    }

    public HpoDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Issue = new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, string.Empty, 0, string.Empty, message);
    }

    public HpoIssue Issue { get; }
}
