using System.Buffers.Binary;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Validation;

/// <summary>
/// Checks a VCF file against the specification (VCF 4.1 to 4.5) record by record, reporting every problem as a
/// coded <see cref="VcfIssue"/>, and counts records, contigs and variant types on the way. One pass, no per-record
/// allocation on valid input.
/// </summary>
public sealed partial class VcfValidator
{
    private static readonly SearchValues<byte> s_whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> s_semicolonOrWhitespace = SearchValues.Create("; \t\r\n"u8);
    private static readonly SearchValues<byte> s_notBases = SearchValues.Create(BuildNotBases());

    private readonly VcfHeader _header;
    private readonly VcfIssueSink _issues;
    private readonly bool _v43;
    private readonly Dictionary<string, VcfFieldDefinition?> _undeclaredInfo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, VcfFieldDefinition?> _undeclaredFormat = new(StringComparer.Ordinal);
    private readonly HashSet<string> _undeclaredFilters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _undeclaredContigs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finishedContigs = new(StringComparer.Ordinal);
    private readonly List<VcfContigCount> _contigCounts = [];
    private readonly long[] _types = new long[Enum.GetValues<VcfVariantType>().Length];
    private readonly Queue<(long End, ulong Key)> _recent = new();
    private readonly Dictionary<ulong, int> _recentKeys = [];
    private readonly VcfFieldDefinition?[] _formatDefs = new VcfFieldDefinition?[64];
    private readonly byte[][] _infoKeys = new byte[64][];
    private readonly VcfFieldDefinition?[] _infoDefs = new VcfFieldDefinition?[64];
    private readonly bool[] _infoNonNegative = new bool[64];
    private readonly bool[] _formatNonNegative = new bool[64];
    private readonly FastKind[] _infoFast = new FastKind[64];
    private readonly ulong[] _infoKeyHeads = new ulong[64];
    private readonly ulong[] _infoKeyMasks = new ulong[64];
    private readonly bool[] _infoFlag = new bool[64];
    private readonly VcfNumber[] _infoNumbers = new VcfNumber[64];
    private readonly FastKind[] _formatFast = new FastKind[64];
    private readonly VcfNumber[] _formatNumbers = new VcfNumber[64];
    private bool _lastFormatFast;
    private bool _fastPaths = true;
    private int _infoKeyCount;
    private byte[] _lastFormat = [];
    private int _lastFormatKeys;
    private int _lastGtIndex = -1;
    private byte[] _chrom = new byte[256];
    private int _chromLength = -1;
    private long _chromRecords;
    private long _lastPos;
    private VcfContig? _contig;
    private readonly ReferenceGenome? _reference;
    private string? _referenceContig;

    private VcfValidator(VcfHeader header, VcfIssueSink issues, ReferenceGenome? reference)
    {
        _reference = reference;
        _header = header;
        _issues = issues;
        _v43 = _header.Version is not null && _header.Version >= new Version(4, 3);
    }

    /// <summary>Validates the file at <paramref name="path"/> (plain, gzip or BGZF).</summary>
    /// <param name="path">The file.</param>
    /// <param name="mode">Whether warnings make the file invalid.</param>
    /// <param name="maxIssuesPerCode">How many issues of each code to keep (all are counted).</param>
    /// <param name="progress">Called now and then with the number of records read; may be null.</param>
    /// <param name="reference">When given, every REF is checked against it (VCF037).</param>
    /// <param name="parallelism">
    /// Threads checking records: 0 means the processor count, 1 checks every record on the reading thread. The issues
    /// and the report are the same for every value.
    /// </param>
    public static VcfValidationReport Validate(string path, VcfValidationMode mode = VcfValidationMode.Strict, int maxIssuesPerCode = 100, Action<long>? progress = null, ReferenceGenome? reference = null, int parallelism = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sink = new VcfIssueSink(maxIssuesPerCode);
        VcfReader reader;
        try
        {
            reader = VcfReader.Open(path, sink);
        }
        catch (InvalidDataException ex)
        {
            sink.Add(VcfIssueCodes.Unreadable, VcfSeverity.Error, 0, 0, string.Empty, ex.Message);
            return EmptyReport(path, mode, sink);
        }

        using (reader)
        {
            if (reader.Compression == CompressionFormat.Bgzf && !EndsWithEofBlock(path))
            {
                sink.Add(VcfIssueCodes.MissingEofBlock, VcfSeverity.Warning, 0, 0, string.Empty, "The BGZF file does not end with the empty end-of-file block: it may be truncated.");
            }

            return Validate(reader, path, mode, progress, reference, parallelism);
        }
    }

    /// <summary>Validates the records of an open reader (its header is already parsed and checked).</summary>
    /// <param name="reader">The reader, positioned after the header.</param>
    /// <param name="path">The name used in the report.</param>
    /// <param name="mode">Whether warnings make the file invalid.</param>
    /// <param name="progress">Called now and then with the number of records read; may be null.</param>
    /// <param name="reference">When given, every REF is checked against it (VCF037).</param>
    /// <param name="parallelism">Threads checking records: 0 means the processor count, 1 checks on the reading thread only.</param>
    public static VcfValidationReport Validate(VcfReader reader, string path, VcfValidationMode mode = VcfValidationMode.Strict, Action<long>? progress = null, ReferenceGenome? reference = null, int parallelism = 0) =>
        Validate(reader, path, mode, progress, reference, parallelism, DefaultBatchRecords);

    /// <summary>
    /// As the public overload, with the records per batch of the parallel pass (small in tests, to cross many batch edges),
    /// and with the fast value checks off when <c>fastPaths</c> is false (tests compare the two).
    /// </summary>
    internal static VcfValidationReport Validate(VcfReader reader, string path, VcfValidationMode mode, Action<long>? progress, ReferenceGenome? reference, int parallelism, int batchRecords, bool fastPaths = true)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchRecords);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelism);
        var v = new VcfValidator(reader.Header, reader.Issues, reference) { _fastPaths = fastPaths };
        if (reader.HeaderLineCount > 0 && reader.Header.FileFormat.Length == 0 && !reader.Issues.Has(VcfIssueCodes.FileFormat))
        {
            reader.Issues.Add(VcfIssueCodes.FileFormat, VcfSeverity.Error, 1, 0, "fileformat", "The ##fileformat line is missing.");
        }

        int threads = parallelism == 0 ? Environment.ProcessorCount : parallelism;
        if (threads > 1)
        {
            v.CheckInParallel(reader, threads - 1, progress, batchRecords);
        }
        else
        {
            try
            {
                while (reader.Read())
                {
                    v.Check(reader.Current);
                    if (progress is not null && (reader.RecordCount & 0xFFFF) == 0)
                    {
                        progress(reader.RecordCount);
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                reader.Issues.Add(VcfIssueCodes.Unreadable, VcfSeverity.Error, reader.LineNumber, 0, string.Empty, ex.Message);
            }
        }

        if (reader.HeaderLineCount == 0 && reader.RecordCount == 0 && !reader.Issues.Has(VcfIssueCodes.EmptyFile))
        {
            reader.Issues.Add(VcfIssueCodes.EmptyFile, VcfSeverity.Error, 0, 0, string.Empty, "The file is empty.");
        }

        v.FinishContig();
        var types = new Dictionary<VcfVariantType, long>();
        for (int i = 0; i < v._types.Length; i++)
        {
            if (v._types[i] > 0)
            {
                types[(VcfVariantType)i] = v._types[i];
            }
        }

        return new VcfValidationReport
        {
            Path = path,
            Mode = mode,
            FileFormat = reader.Header.FileFormat,
            Records = reader.RecordCount,
            SkippedLines = reader.SkippedLineCount,
            Samples = reader.Header.Samples.Count,
            Contigs = v._contigCounts,
            VariantTypes = types,
            Issues = reader.Issues.Issues,
            IssueCounts = reader.Issues.CountsByCode,
            Errors = reader.Issues.ErrorCount,
            Warnings = reader.Issues.WarningCount,
        };
    }

    /// <summary>SAM/BAM specification 4.1.2: a BGZF file ends with this 28-byte empty block, which tells a complete file from a truncated one.</summary>
    private static ReadOnlySpan<byte> EofBlock =>
    [
        0x1f, 0x8b, 0x08, 0x04, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x06, 0x00, 0x42, 0x43,
        0x02, 0x00, 0x1b, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
    ];

    private static bool EndsWithEofBlock(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        if (file.Length < EofBlock.Length)
        {
            return false;
        }

        file.Seek(-EofBlock.Length, SeekOrigin.End);
        Span<byte> tail = stackalloc byte[28];
        return file.ReadAtLeast(tail, tail.Length, throwOnEndOfStream: false) == tail.Length && tail.SequenceEqual(EofBlock);
    }

    private static VcfValidationReport EmptyReport(string path, VcfValidationMode mode, VcfIssueSink sink) => new()
    {
        Path = path,
        Mode = mode,
        FileFormat = string.Empty,
        Records = 0,
        SkippedLines = 0,
        Samples = 0,
        Contigs = [],
        VariantTypes = new Dictionary<VcfVariantType, long>(),
        Issues = sink.Issues,
        IssueCounts = sink.CountsByCode,
        Errors = sink.ErrorCount,
        Warnings = sink.WarningCount,
    };

    private void Report(string code, VcfSeverity severity, long line, int column, string field, string message) =>
        _issues.Add(code, severity, line, column, field, message);

    private static string Text(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes.Length > 80 ? bytes[..80] : bytes);

    private void Check(in VcfRecord r)
    {
        int altCount = CheckLeading(r, out long pos);
        CheckTrailing(r, altCount, pos);
    }

    /// <summary>
    /// The checks that carry state from record to record (contig order, sorting, duplicates, the reference): CHROM to
    /// ALT. They run on the reading thread, in file order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CheckLeading(in VcfRecord r, out long pos)
    {
        long line = r.LineNumber;
        int expectedColumns = _header.Samples.Count > 0 || _header.HasFormatColumn ? 9 + _header.Samples.Count : 8;
        if (r.ColumnCount != expectedColumns && !(r.ColumnCount == 8 && _header.Samples.Count == 0))
        {
            Report(VcfIssueCodes.ColumnCount, VcfSeverity.Error, line, 0, string.Empty, $"The line has {r.ColumnCount} columns; the header has {expectedColumns}.");
        }

        CheckChrom(r.Chrom, line);
        pos = CheckPos(r, line);
        CheckId(r.Id, line);
        bool refOk = CheckRef(r.Ref, line);
        if (_reference is not null && refOk && pos > 0)
        {
            CheckAgainstReference(r.Ref, pos, line);
        }

        return CheckAlt(r, refOk, pos, line);
    }

    /// <summary>
    /// QUAL, FILTER, INFO and the samples: checks that depend only on the record (and on caches that change speed,
    /// not results), so batches of records can run them on other threads.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckTrailing(in VcfRecord r, int altCount, long pos)
    {
        long line = r.LineNumber;
        CheckQual(r.QualText, line);
        CheckFilter(r.FilterText, line);
        CheckInfo(r, altCount, pos, line);
        if (r.ColumnCount > 8)
        {
            CheckSamples(r, altCount, line);
        }
    }

    private void CheckChrom(ReadOnlySpan<byte> chrom, long line)
    {
        // A CHROM may name an assembly contig in angle brackets (<1>); it is the same contig as 1 for ordering.
        bool bracketed = chrom.Length > 2 && chrom[0] == (byte)'<' && chrom[^1] == (byte)'>';
        if (bracketed)
        {
            chrom = chrom[1..^1];
        }

        if (_chromLength >= 0 && chrom.SequenceEqual(_chrom.AsSpan(0, _chromLength)))
        {
            _chromRecords++;
            return;
        }

        // A new contig: the slow path runs once per contig.
        FinishContig();
        if (chrom.Length > _chrom.Length)
        {
            _chrom = new byte[chrom.Length * 2];
        }

        chrom.CopyTo(_chrom);
        _chromLength = chrom.Length;
        _chromRecords = 1;
        _lastPos = long.MinValue;
        _recent.Clear();
        _recentKeys.Clear();
        string name = Encoding.UTF8.GetString(chrom);
        if (chrom.IsEmpty || chrom.IndexOfAny(s_whitespace) >= 0 || (_v43 && !VcfHeaderRules.IsValidContigName(name, allowStar: false))
            || chrom.IndexOfAny((byte)'<', (byte)'>') >= 0 || chrom.IndexOf((byte)',') >= 0 || (!_v43 && chrom.IndexOf((byte)':') >= 0))
        {
            Report(VcfIssueCodes.InvalidChrom, VcfSeverity.Error, line, 1, "CHROM", $"CHROM '{name}' is empty or has forbidden characters.");
        }

        if (!_finishedContigs.Add(name))
        {
            Report(VcfIssueCodes.NonContiguous, VcfSeverity.Warning, line, 1, "CHROM", $"Records of contig '{name}' are not contiguous: it appears again after another contig.");
        }

        if (_reference is not null)
        {
            _referenceContig = _reference.TryResolve(name, out _) ? name : null;
            if (_referenceContig is null)
            {
                Report(VcfIssueCodes.ReferenceMismatch, VcfSeverity.Error, line, 1, "CHROM", $"Contig '{name}' is not in the reference {Path.GetFileName(_reference.Path)} (under its name or an alias); its REF alleles cannot be checked.");
            }
        }

        _contig = _header.TryGetContig(name, out VcfContig? c) ? c : null;
        if (_contig is null && _header.Contigs.Count > 0 && _undeclaredContigs.Add(name))
        {
            Report(VcfIssueCodes.UndeclaredContig, VcfSeverity.Note, line, 1, "CHROM", $"Contig '{name}' has no ##contig line.");
        }
    }

    private void FinishContig()
    {
        if (_chromLength >= 0 && _chromRecords > 0)
        {
            _contigCounts.Add(new VcfContigCount(Encoding.UTF8.GetString(_chrom.AsSpan(0, _chromLength)), _chromRecords));
            _chromRecords = 0;
        }
    }

    private long CheckPos(in VcfRecord r, long line)
    {
        ReadOnlySpan<byte> text = r.PosText;
        if (!VcfValues.TryParseInt64(text, out long pos) || pos < 0 || text[0] == (byte)'+' || text[0] == (byte)'-')
        {
            Report(VcfIssueCodes.InvalidPos, VcfSeverity.Error, line, 2, "POS", $"POS '{Text(text)}' is not a non-negative integer.");
            return -1;
        }

        if (pos > int.MaxValue)
        {
            Report(VcfIssueCodes.InvalidPos, VcfSeverity.Error, line, 2, "POS", $"POS {pos} is beyond 2^31-1.");
        }

        if (_contig?.Length is long length && pos > length + 1)
        {
            Report(VcfIssueCodes.InvalidPos, VcfSeverity.Error, line, 2, "POS", $"POS {pos} is beyond the length {length} of contig {_contig.Id}.");
        }

        if (pos < _lastPos)
        {
            Report(VcfIssueCodes.Unsorted, VcfSeverity.Warning, line, 2, "POS", $"POS {pos} comes after {_lastPos} on the same contig: the file is not sorted.");
        }

        _lastPos = pos;
        return pos;
    }

    private void CheckId(ReadOnlySpan<byte> id, long line)
    {
        if (id.IsEmpty || id.IndexOfAny(s_whitespace) >= 0)
        {
            Report(VcfIssueCodes.InvalidId, VcfSeverity.Error, line, 3, "ID", "ID is empty or has whitespace.");
            return;
        }

        if (VcfValues.IsMissing(id) || id.IndexOf((byte)';') < 0)
        {
            return;
        }

        // Several IDs: no empty entries and no repeats.
        int n = 0;
        foreach (ReadOnlySpan<byte> part in new VcfListEnumerator(id, (byte)';'))
        {
            if (part.IsEmpty || VcfValues.IsMissing(part))
            {
                Report(VcfIssueCodes.InvalidId, VcfSeverity.Error, line, 3, "ID", "ID has an empty or '.' entry in a ';' list.");
                return;
            }

            int m = 0;
            foreach (ReadOnlySpan<byte> other in new VcfListEnumerator(id, (byte)';'))
            {
                if (m++ < n && other.SequenceEqual(part))
                {
                    Report(VcfIssueCodes.InvalidId, VcfSeverity.Error, line, 3, "ID", $"ID '{Text(part)}' is repeated.");
                    return;
                }
            }

            n++;
        }
    }

    private bool CheckRef(ReadOnlySpan<byte> reference, long line)
    {
        if (reference.IsEmpty || reference.IndexOfAny(s_notBases) >= 0)
        {
            Report(VcfIssueCodes.InvalidRef, VcfSeverity.Error, line, 4, "REF", $"REF '{Text(reference)}' must be one or more of A, C, G, T, N.");
            return false;
        }

        return true;
    }

    /// <summary>REF against the reference, case-insensitively; an N on either side matches any base (as bcftools norm -c does).</summary>
    private void CheckAgainstReference(ReadOnlySpan<byte> refAllele, long pos, long line)
    {
        if (_referenceContig is null)
        {
            return;
        }

        // VCF POS is 1-based; the reference takes a 0-based half-open interval.
        _reference!.TryFetch(_referenceContig, pos - 1, pos - 1 + refAllele.Length, out ReadOnlySpan<byte> bases);
        if (bases.Length == refAllele.Length && System.Text.Ascii.EqualsIgnoreCase(bases, refAllele))
        {
            return;
        }

        bool match = bases.Length == refAllele.Length;
        for (int i = 0; match && i < bases.Length; i++)
        {
            byte a = (byte)(refAllele[i] & ~0x20);
            match = a == bases[i] || a == (byte)'N' || bases[i] == (byte)'N';
        }

        if (!match)
        {
            string expected = bases.Length < refAllele.Length ? $"{Text(bases)} (the contig ends at {pos - 1 + bases.Length})" : Text(bases);
            Report(VcfIssueCodes.ReferenceMismatch, VcfSeverity.Error, line, 4, "REF", $"REF '{Text(refAllele)}' at {_referenceContig}:{pos} does not match the reference '{expected}'.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CheckAlt(in VcfRecord r, bool refOk, long pos, long line)
    {
        ReadOnlySpan<byte> alt = r.AltText;
        ReadOnlySpan<byte> reference = r.Ref;
        if (VcfValues.IsMissing(alt))
        {
            _types[(int)VcfVariantType.Reference]++;
            return 0;
        }

        if (alt.IsEmpty)
        {
            Report(VcfIssueCodes.InvalidAlt, VcfSeverity.Error, line, 5, "ALT", "ALT is empty (use '.' for no alternate allele).");
            return 0;
        }

        int count = 0;
        foreach (ReadOnlySpan<byte> a in new VcfListEnumerator(alt, (byte)','))
        {
            count++;
            if (!IsValidAllele(a))
            {
                Report(VcfIssueCodes.InvalidAlt, VcfSeverity.Error, line, 5, "ALT", $"ALT allele '{Text(a)}' is not bases, '*', a <symbolic> allele or a breakend.");
                continue;
            }

            VcfVariantType type = VcfAlleles.Classify(reference, a);
            _types[(int)type]++;
            if (refOk && pos >= 0 && type is not (VcfVariantType.Symbolic or VcfVariantType.Breakend or VcfVariantType.SpanningDeletion))
            {
                CheckDuplicate(pos, reference, a, line);
            }
        }

        return count;
    }

    private static bool IsValidAllele(ReadOnlySpan<byte> a)
    {
        if (a.IsEmpty)
        {
            return false;
        }

        if (a.IndexOfAny(s_notBases) < 0)
        {
            return true;
        }

        if (a.Length == 1 && a[0] == (byte)'*')
        {
            return true;
        }

        if (a[0] == (byte)'<')
        {
            // <ID>, with no further angle brackets inside.
            return a.Length > 2 && a[^1] == (byte)'>' && a[1..^1].IndexOfAny((byte)'<', (byte)'>') < 0 && a.IndexOfAny(s_whitespace) < 0;
        }

        // Breakends: t[p[, t]p], ]p]t, [p[t (p may be <contig>:pos), or single breakends .t / t.
        if (a[0] == (byte)'.' && a.Length > 1)
        {
            return a[1..].IndexOfAny(s_notBases) < 0;
        }

        if (a[^1] == (byte)'.' && a.Length > 1)
        {
            return a[..^1].IndexOfAny(s_notBases) < 0;
        }

        int open = a.IndexOfAny((byte)'[', (byte)']');
        if (open < 0)
        {
            return false;
        }

        byte bracket = a[open];
        int close = a[(open + 1)..].IndexOf(bracket);
        if (close < 0)
        {
            return false;
        }

        close += open + 1;
        ReadOnlySpan<byte> mate = a[(open + 1)..close];
        ReadOnlySpan<byte> bases = open == 0 ? a[(close + 1)..] : a[..open];
        if (open != 0 && close != a.Length - 1)
        {
            return false;
        }

        return mate.IndexOf((byte)':') > 0 && !bases.IsEmpty && bases.IndexOfAny(s_notBases) < 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckDuplicate(long pos, ReadOnlySpan<byte> reference, ReadOnlySpan<byte> alt, long line)
    {
        // Compare alleles in trimmed form so TAT>TGT at 123 and A>G at 124 are seen as the same change.
        int prefix = 0;
        while (prefix < reference.Length - 1 && prefix < alt.Length - 1 && (reference[prefix] | 0x20) == (alt[prefix] | 0x20))
        {
            prefix++;
        }

        ReadOnlySpan<byte> r = reference[prefix..];
        ReadOnlySpan<byte> a = alt[prefix..];
        int suffix = 0;
        while (suffix < r.Length - 1 && suffix < a.Length - 1 && (r[r.Length - 1 - suffix] | 0x20) == (a[a.Length - 1 - suffix] | 0x20))
        {
            suffix++;
        }

        r = r[..^suffix];
        a = a[..^suffix];
        Span<byte> at = stackalloc byte[9];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(at, pos + prefix);
        at[8] = (byte)'>';
        ulong key = Fnv(Fnv(Fnv(14695981039346656037UL, at[..8]), r), at[8..]);
        key = Fnv(key, a);
        long end = pos + reference.Length;
        while (_recent.Count > 0 && _recent.Peek().End < pos)
        {
            (long _, ulong old) = _recent.Dequeue();
            if (--_recentKeys[old] == 0)
            {
                _recentKeys.Remove(old);
            }
        }

        if (_recentKeys.TryGetValue(key, out int seen))
        {
            Report(VcfIssueCodes.Duplicate, VcfSeverity.Warning, line, 5, "ALT", $"The change {Text(r)}>{Text(a)} at {pos + prefix} repeats an earlier record.");
        }

        _recentKeys[key] = seen + 1;
        _recent.Enqueue((end, key));
    }

    private static ulong Fnv(ulong hash, ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
        {
            hash = (hash ^ (uint)(b | 0x20)) * 1099511628211UL;
        }

        return hash;
    }

    private void CheckQual(ReadOnlySpan<byte> qual, long line)
    {
        if ((_fastPaths && IsPlainDecimal(qual)) || VcfValues.IsMissing(qual))
        {
            return;
        }

        if (!VcfValues.TryParseFloat(qual, out float q) || q < 0)
        {
            Report(VcfIssueCodes.InvalidQual, VcfSeverity.Error, line, 6, "QUAL", $"QUAL '{Text(qual)}' is not a non-negative number or '.'.");
        }
    }

    /// <summary>True for digits with at most one '.' between digits ("30", "48.17"): a valid non-negative QUAL.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainDecimal(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty || text.Length > 12 || !char.IsAsciiDigit((char)text[0]) || !char.IsAsciiDigit((char)text[^1]))
        {
            return false;
        }

        bool dot = false;
        foreach (byte b in text)
        {
            if ((uint)(b - '0') > 9)
            {
                if (b != (byte)'.' || dot)
                {
                    return false;
                }

                dot = true;
            }
        }

        return true;
    }

    private void CheckFilter(ReadOnlySpan<byte> filter, long line)
    {
        if (VcfValues.IsMissing(filter) || filter.SequenceEqual("PASS"u8))
        {
            return;
        }

        if (filter.IsEmpty || filter.IndexOfAny(s_whitespace) >= 0 || (filter.Length == 1 && filter[0] == (byte)'0'))
        {
            Report(VcfIssueCodes.InvalidFilter, VcfSeverity.Error, line, 7, "FILTER", "FILTER is empty or has whitespace.");
            return;
        }

        int n = 0;
        foreach (ReadOnlySpan<byte> f in new VcfListEnumerator(filter, (byte)';'))
        {
            if (f.IsEmpty || VcfValues.IsMissing(f) || (f.Length == 1 && f[0] == (byte)'0'))
            {
                Report(VcfIssueCodes.InvalidFilter, VcfSeverity.Error, line, 7, "FILTER", "FILTER has an empty, '.' or reserved '0' entry in a ';' list.");
                return;
            }

            int m = 0;
            foreach (ReadOnlySpan<byte> other in new VcfListEnumerator(filter, (byte)';'))
            {
                if (m++ < n && other.SequenceEqual(f))
                {
                    Report(VcfIssueCodes.InvalidFilter, VcfSeverity.Error, line, 7, "FILTER", $"FILTER '{Text(f)}' is repeated.");
                    return;
                }
            }

            n++;
            if (!f.SequenceEqual("PASS"u8) && !_header.TryGetFilter(f, out _))
            {
                string name = Encoding.UTF8.GetString(f);
                if (_undeclaredFilters.Add(name))
                {
                    _issues.AddOnce("L?" + name, new VcfIssue(VcfIssueCodes.Undefined, VcfSeverity.Note, line, 7, "FILTER/" + name, $"FILTER '{name}' has no ##FILTER line."));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckInfo(in VcfRecord r, int altCount, long pos, long line)
    {
        ReadOnlySpan<byte> info = r.InfoText;
        if (VcfValues.IsMissing(info))
        {
            return;
        }

        // Files repeat the same INFO keys in the same order with plain values: the entries that certainly pass are
        // checked in one pass, and the full checks take over from the first entry that may not.
        int n = 0;
        int from = 0;
        if (_fastPaths && _infoKeyCount > 0)
        {
            from = PlainInfoPrefix(info, altCount, out n);
            if (from < 0)
            {
                return;
            }
        }

        ReadOnlySpan<byte> rest = info[from..];
        if (info.IsEmpty || rest.IndexOfAny(s_whitespace) >= 0)
        {
            Report(VcfIssueCodes.InvalidInfo, VcfSeverity.Error, line, 8, "INFO", "INFO is empty or has whitespace.");
            if (info.IsEmpty)
            {
                return;
            }
        }

        // While this record's keys match the previous record's (which were checked unique), reuse their definitions
        // and skip the repeat check.
        bool sameSoFar = true;
        foreach (VcfInfoEntry e in new VcfInfoEnumerator(rest))
        {
            n++;
            if (e.Key.IsEmpty)
            {
                Report(VcfIssueCodes.InvalidInfo, VcfSeverity.Error, line, 8, "INFO", "INFO has an empty entry.");
                sameSoFar = false;
                continue;
            }

            int slot = n - 1;
            VcfFieldDefinition? def;
            bool nonNegative = false;
            FastKind fast = FastKind.None;
            if (sameSoFar && slot < _infoKeyCount && e.Key.SequenceEqual(_infoKeys[slot]))
            {
                def = _infoDefs[slot];
                nonNegative = _infoNonNegative[slot];
                fast = _infoFast[slot];
            }
            else
            {
                sameSoFar = false;
                if (n > 1 && IsRepeatedKey(info, e.Key, n))
                {
                    Report(VcfIssueCodes.InvalidInfo, VcfSeverity.Error, line, 8, "INFO/" + Text(e.Key), $"INFO key '{Text(e.Key)}' appears more than once.");
                }
                else if (slot < _infoKeys.Length)
                {
                    // Only unique keys enter the cache, so a cached prefix is always repeat-free.
                    _infoKeys[slot] = e.Key.ToArray();
                    _infoKeyCount = slot + 1;
                    _infoDefs[slot] = _header.TryGetInfo(e.Key, out VcfFieldDefinition? found) ? found : Undeclared(_undeclaredInfo, info: true, e.Key, line);
                    def = _infoDefs[slot];
                    nonNegative = _infoNonNegative[slot] = def is not null && Array.IndexOf(s_nonNegativeInfo, def.Id) >= 0;
                    // END, AA and CIGAR have checks of their own beyond the type and count: always the full path.
                    // A key with whitespace (reported above) never takes the one-pass check, so it is reported again.
                    bool plainKey = e.Key.IndexOfAny(s_whitespace) < 0;
                    fast = _infoFast[slot] = def is null || !plainKey || def.Id is "END" or "AA" or "CIGAR" ? FastKind.None : FastKindOf(def, isGt: false);
                    _infoFlag[slot] = plainKey && def?.Type == VcfValueType.Flag;
                    (_infoKeyHeads[slot], _infoKeyMasks[slot]) = KeyHead(e.Key);
                    _infoNumbers[slot] = def?.Number ?? default;
                    goto Checked;
                }

                if (!_header.TryGetInfo(e.Key, out def))
                {
                    def = Undeclared(_undeclaredInfo, info: true, e.Key, line);
                }

                nonNegative = def is not null && Array.IndexOf(s_nonNegativeInfo, def.Id) >= 0;
            }

            Checked:
            if (def is null)
            {
                continue;
            }

            string? field = null;
            if (def.Type == VcfValueType.Flag)
            {
                // The reference validator accepts a flag written as KEY=0 or KEY=1; other values are errors.
                if (e.HasValue && !(e.Value.Length == 1 && (e.Value[0] == (byte)'0' || e.Value[0] == (byte)'1')))
                {
                    Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, 8, "INFO/" + def.Id, $"INFO {def.Id} is a Flag and takes no value.");
                }

                continue;
            }

            if (!e.HasValue)
            {
                Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, 8, field ??= "INFO/" + def.Id, $"INFO {def.Id} has no value but is not a Flag.");
                continue;
            }

            if (fast != FastKind.None && _fastPaths && IsPlainInfoValue(e.Value, fast, _infoNumbers[slot], altCount, nonNegative))
            {
                continue;
            }

            CheckValues(e.Value, def, altCount, 2, line, 8, "INFO", nonNegative);
            if (def.Id == "END" && VcfValues.TryParseInt64(e.Value, out long end) && pos >= 0 && end < pos)
            {
                Report(VcfIssueCodes.InvalidInfo, VcfSeverity.Error, line, 8, "INFO/END", $"END {end} is before POS {pos}.");
            }
        }
    }

    /// <summary>
    /// Checks the entries of <paramref name="info"/> that repeat the cached keys in order and certainly pass (a flag
    /// with no value, or a value <see cref="IsPlainInfoValue"/> accepts, with no whitespace anywhere). Returns -1 when
    /// every entry passed, else the offset of the first entry the full checks must see, with
    /// <paramref name="entries"/> the number of entries before it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int PlainInfoPrefix(ReadOnlySpan<byte> info, int altCount, out int entries)
    {
        int pos = 0;
        int slot = 0;
        int count = _infoKeyCount;
        while (slot < count)
        {
            ReadOnlySpan<byte> key = _infoKeys[slot];
            int after = pos + key.Length;
            bool keyMatches = key.Length <= 8 && pos + 8 <= info.Length
                ? (BinaryPrimitives.ReadUInt64LittleEndian(info.Slice(pos, 8)) & _infoKeyMasks[slot]) == _infoKeyHeads[slot]
                : info[pos..].StartsWith(key);
            if (!keyMatches || after > info.Length)
            {
                break;
            }

            int next;
            if (after == info.Length || info[after] == (byte)';')
            {
                // No value: passes only as a flag.
                if (!_infoFlag[slot])
                {
                    break;
                }

                next = after;
            }
            else if (info[after] != (byte)'=' || _infoFlag[slot] || _infoFast[slot] == FastKind.None)
            {
                break;
            }
            else
            {
                FastKind kind = _infoFast[slot];
                int valueCount;
                if (kind is FastKind.Integer or FastKind.Float)
                {
                    // Numbers are scanned in place: the scan stops at the first byte that is not part of a plain
                    // number list, which must be the entry's end.
                    next = ScanPlainNumbers(info, after + 1, kind == FastKind.Float, !_infoNonNegative[slot], out valueCount);
                    if (next < 0 || (next < info.Length && info[next] != (byte)';'))
                    {
                        break;
                    }
                }
                else
                {
                    ReadOnlySpan<byte> tail = info[(after + 1)..];
                    int end = tail.IndexOfAny(s_semicolonOrWhitespace);
                    if (end < 0)
                    {
                        end = tail.Length;
                    }
                    else if (tail[end] != (byte)';')
                    {
                        break;
                    }

                    if (kind != FastKind.String || end == 0)
                    {
                        break;
                    }

                    valueCount = tail[..end].Count((byte)',') + 1;
                    next = after + 1 + end;
                }

                if (!CountPasses(valueCount, kind, _infoNumbers[slot], altCount))
                {
                    break;
                }
            }

            if (next == info.Length)
            {
                entries = slot + 1;
                return -1;
            }

            if (next + 1 == info.Length)
            {
                // A trailing ';' leaves an empty last entry for the full checks, with the entry before it.
                break;
            }

            pos = next + 1;
            slot++;
        }

        entries = slot;
        return pos;
    }

    /// <summary>The first (up to) 8 bytes of a key as a little-endian word, and the mask that keeps only them.</summary>
    private static (ulong Head, ulong Mask) KeyHead(ReadOnlySpan<byte> key)
    {
        if (key.Length > 8)
        {
            return (0, 0);
        }

        Span<byte> head = stackalloc byte[8];
        head.Clear();
        key.CopyTo(head);
        ulong mask = key.Length == 8 ? ulong.MaxValue : (1UL << (8 * key.Length)) - 1;
        return (BinaryPrimitives.ReadUInt64LittleEndian(head), mask);
    }

    private static bool IsRepeatedKey(ReadOnlySpan<byte> info, ReadOnlySpan<byte> key, int index)
    {
        int i = 0;
        foreach (VcfInfoEntry e in new VcfInfoEnumerator(info))
        {
            if (++i >= index)
            {
                return false;
            }

            if (e.Key.SequenceEqual(key))
            {
                return true;
            }
        }

        return false;
    }

    private VcfFieldDefinition? Undeclared(Dictionary<string, VcfFieldDefinition?> cache, bool info, ReadOnlySpan<byte> key, long line)
    {
        string name = Encoding.UTF8.GetString(key);
        if (cache.TryGetValue(name, out VcfFieldDefinition? def))
        {
            return def;
        }

        string kind = info ? "INFO" : "FORMAT";
        bool validKey = IsValidKey(name);
        if (!validKey)
        {
            _issues.AddOnce((info ? "I!" : "F!") + name, new VcfIssue(info ? VcfIssueCodes.InvalidInfo : VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, info ? 8 : 9, $"{kind}/{name}", $"'{name}' is not a valid {kind} key."));
        }

        def = VcfHeaderRules.Builtin(info, name);
        if (validKey)
        {
            _issues.AddOnce((info ? "I?" : "F?") + name, new VcfIssue(VcfIssueCodes.Undefined, VcfSeverity.Note, line, info ? 8 : 9, $"{kind}/{name}", $"{kind} key '{name}' has no ##{kind} line."));
        }

        cache[name] = def;
        return def;
    }

    private static bool IsValidKey(string key)
    {
        // VCF 4.3 section 1.6.1: ^([A-Za-z_][0-9A-Za-z_.]*|1000G)$
        if (key == "1000G")
        {
            return true;
        }

        if (key.Length == 0 || !(char.IsAsciiLetter(key[0]) || key[0] == '_'))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] s_nonNegativeInfo = ["AC", "AF", "AN", "BQ", "DP", "END", "MQ", "MQ0", "NS", "SB"];
    private static readonly string[] s_nonNegativeFormat = ["AD", "ADF", "ADR", "DP", "EC", "GQ", "HQ", "MQ", "PQ"];

    /// <summary>Checks a value list against its definition; returns false when an issue was reported.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckValues(ReadOnlySpan<byte> value, VcfFieldDefinition def, int altCount, int ploidy, long line, int column, string kind, bool nonNegative)
    {
        int expected = def.Number.ExpectedCount(altCount, ploidy);
        int count = VcfValues.IsMissing(value) ? -1 : VcfValues.CountValues(value);
        // With ALT '.', per-allele counts cannot be judged (1000 Genomes writes AC=0 on such records).
        bool judged = (altCount > 0 || def.Number.Kind == VcfNumberKind.Fixed)
            && !(kind == "INFO" && def.Number.Kind == VcfNumberKind.PerGenotype); // INFO Number=G has no sample ploidy to count with
        if (count >= 0 && expected >= 0 && judged && count != expected && !(def.Type == VcfValueType.String && def.Number.Kind == VcfNumberKind.Fixed && expected == 1))
        {
            Report(VcfIssueCodes.CountMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} has {count} value(s); Number={def.Number} means {expected} here.");
            return false;
        }

        if (def.Type is VcfValueType.String)
        {
            if (def.Id is "AA" && kind == "INFO" && value.IndexOf((byte)',') >= 0)
            {
                Report(VcfIssueCodes.CountMismatch, VcfSeverity.Error, line, column, "INFO/AA", "INFO AA takes one value.");
                return false;
            }

            if (def.Id is "CIGAR" && kind == "INFO" && !IsCigarList(value))
            {
                Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, "INFO/CIGAR", "INFO CIGAR must be CIGAR strings (digits followed by M, I, D, N, S, H, P, X or =).");
                return false;
            }

            return true;
        }

        foreach (ReadOnlySpan<byte> item in new VcfListEnumerator(value, (byte)','))
        {
            if (VcfValues.IsMissing(item))
            {
                continue;
            }

            switch (def.Type)
            {
                case VcfValueType.Integer:
                    if (IsPlainNumber(item, allowFraction: false, out bool negativeInt))
                    {
                        // At most 9 digits: inside the 32-bit range, so only the sign is left to judge.
                        if (nonNegative && negativeInt)
                        {
                            Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} must not be negative.");
                            return false;
                        }

                        break;
                    }

                    if (!VcfValues.TryParseInt64(item, out long iv) || item[^1] == (byte)'.')
                    {
                        Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} value '{Text(item)}' is not an integer.");
                        return false;
                    }

                    if (iv > int.MaxValue || iv < int.MinValue + 8)
                    {
                        Report(VcfIssueCodes.IntegerRange, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} value {iv} is outside the 32-bit range VCF allows (-2^31+8 to 2^31-1).");
                        return false;
                    }

                    if (nonNegative && iv < 0)
                    {
                        Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} must not be negative.");
                        return false;
                    }

                    break;
                case VcfValueType.Float:
                    if (IsPlainNumber(item, allowFraction: true, out bool negativeFloat))
                    {
                        if (nonNegative && negativeFloat)
                        {
                            Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} must not be negative.");
                            return false;
                        }

                        break;
                    }

                    if (!VcfValues.TryParseFloat(item, out float fv))
                    {
                        Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} value '{Text(item)}' is not a number.");
                        return false;
                    }

                    if (nonNegative && fv < 0)
                    {
                        Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} must not be negative.");
                        return false;
                    }

                    break;
                case VcfValueType.Character:
                    if (item.Length != 1)
                    {
                        Report(VcfIssueCodes.TypeMismatch, VcfSeverity.Error, line, column, $"{kind}/{def.Id}", $"{kind} {def.Id} value '{Text(item)}' is not one character.");
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// The common spellings of numbers, recognised without parsing them: <c>-?[0-9]{1,9}</c> for integers and, with
    /// <paramref name="allowFraction"/>, <c>-?[0-9]+(\.[0-9]+)?</c> up to 32 bytes for floats. Every span accepted here is
    /// accepted by the full parsers with the same sign (at most 32 bytes, so no float rounds to zero or overflows);
    /// anything else (exponents, '+', '.5', Inf, NaN, errors) goes to the full parsers, which report the issue.
    /// <paramref name="negative"/> is true when the value is below zero ("-0" and "-0.0" are not).
    /// </summary>
    private static bool IsPlainNumber(ReadOnlySpan<byte> item, bool allowFraction, out bool negative)
    {
        negative = false;
        int i = item.Length > 0 && item[0] == (byte)'-' ? 1 : 0;
        int digitsStart = i;
        bool nonZero = false;
        while (i < item.Length && (uint)(item[i] - '0') <= 9)
        {
            nonZero |= item[i] != (byte)'0';
            i++;
        }

        int intDigits = i - digitsStart;
        if (intDigits == 0)
        {
            return false;
        }

        if (!allowFraction)
        {
            if (i != item.Length || intDigits > 9)
            {
                return false;
            }
        }
        else
        {
            if (item.Length > 32)
            {
                return false;
            }

            if (i < item.Length)
            {
                if (item[i] != (byte)'.' || i + 1 == item.Length)
                {
                    return false;
                }

                for (i++; i < item.Length; i++)
                {
                    if ((uint)(item[i] - '0') > 9)
                    {
                        return false;
                    }

                    nonZero |= item[i] != (byte)'0';
                }
            }
        }

        negative = digitsStart == 1 && nonZero;
        return true;
    }

    private static bool IsCigarList(ReadOnlySpan<byte> value)
    {
        foreach (ReadOnlySpan<byte> cigar in new VcfListEnumerator(value, (byte)','))
        {
            if (VcfValues.IsMissing(cigar))
            {
                continue;
            }

            bool digits = false;
            foreach (byte b in cigar)
            {
                if ((uint)(b - '0') <= 9)
                {
                    digits = true;
                }
                else if ("MIDNSHPX="u8.IndexOf(b) >= 0 && digits)
                {
                    digits = false;
                }
                else
                {
                    return false;
                }
            }

            if (digits || cigar.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    private void CheckSamples(in VcfRecord r, int altCount, long line)
    {
        ReadOnlySpan<byte> format = r.FormatText;
        if (format.IsEmpty || format.IndexOfAny(s_whitespace) >= 0)
        {
            Report(VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, 9, "FORMAT", "FORMAT is empty or has whitespace.");
            return;
        }

        if (VcfValues.IsMissing(format))
        {
            return;
        }

        int keys = 0;
        int gtIndex = -1;
        if (format.SequenceEqual(_lastFormat))
        {
            // Same FORMAT as the previous record: its keys were checked and their definitions are in _formatDefs.
            keys = _lastFormatKeys;
            gtIndex = _lastGtIndex;
        }
        else if (!CheckFormatKeys(format, line, out keys, out gtIndex))
        {
            return;
        }

        CheckSampleColumns(r, altCount, line, keys, gtIndex);
    }

    private bool CheckFormatKeys(ReadOnlySpan<byte> format, long line, out int keys, out int gtIndex)
    {
        keys = 0;
        gtIndex = -1;
        _lastFormat = [];
        _lastFormatFast = false;
        bool allFast = true;
        foreach (ReadOnlySpan<byte> k in new VcfListEnumerator(format, (byte)':'))
        {
            if (k.IsEmpty)
            {
                Report(VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, 9, "FORMAT", "FORMAT has an empty key.");
                return false;
            }

            int m = 0;
            foreach (ReadOnlySpan<byte> other in new VcfListEnumerator(format, (byte)':'))
            {
                if (m++ < keys && other.SequenceEqual(k))
                {
                    Report(VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, 9, "FORMAT/" + Text(k), $"FORMAT key '{Text(k)}' appears more than once.");
                    return false;
                }
            }

            if (!IsValidFormatKey(k))
            {
                Report(VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, 9, "FORMAT/" + Text(k), $"FORMAT key '{Text(k)}' has characters the specification forbids.");
                return false;
            }

            if (k.SequenceEqual("GT"u8))
            {
                gtIndex = keys;
                if (keys != 0)
                {
                    Report(VcfIssueCodes.InvalidFormat, VcfSeverity.Error, line, 9, "FORMAT/GT", "GT must be the first FORMAT key.");
                }
            }

            if (!_header.TryGetFormat(k, out VcfFieldDefinition? def))
            {
                def = Undeclared(_undeclaredFormat, info: false, k, line);
            }

            if (keys < _formatDefs.Length)
            {
                _formatDefs[keys] = def;
                _formatNonNegative[keys] = def is not null && Array.IndexOf(s_nonNegativeFormat, def.Id) >= 0;
                _formatFast[keys] = FastKindOf(def, isGt: keys == gtIndex);
                _formatNumbers[keys] = def?.Number ?? default;
                allFast &= _formatFast[keys] != FastKind.None;
            }

            keys++;
        }

        _lastFormat = format.ToArray();
        _lastFormatKeys = keys;
        _lastGtIndex = gtIndex;
        _lastFormatFast = allFast && keys <= _formatFast.Length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckSampleColumns(in VcfRecord r, int altCount, long line, int keys, int gtIndex)
    {
        int samples = Math.Min(r.SampleCount, _header.Samples.Count);
        if (samples <= 0)
        {
            return;
        }

        // One pass over the sample columns: each sample is first checked by the fast path, which accepts only values
        // the full check would pass without an issue; any other sample (a problem, or a spelling the fast path does not
        // know) is checked again by the full path, which reports exactly what it always has.
        ReadOnlySpan<byte> text = r.SamplesText;
        bool fast = _fastPaths && _lastFormatFast && keys <= _formatFast.Length;
        int p = 0;
        for (int s = 0; s < samples; s++)
        {
            int end = fast ? TryCheckSampleFast(text, p, altCount, keys) : -1;
            if (end < 0)
            {
                int tab = text[p..].IndexOf((byte)'\t');
                end = tab < 0 ? text.Length : p + tab;
                CheckSample(text[p..end], altCount, line, 10 + s, keys, gtIndex);
            }

            p = end + 1;
        }
    }

    /// <summary>The full checks of one sample column (the reference for <see cref="TryCheckSampleFast"/>).</summary>
    private void CheckSample(ReadOnlySpan<byte> sample, int altCount, long line, int column, int keys, int gtIndex)
    {
        if (sample.IsEmpty)
        {
            Report(VcfIssueCodes.SampleFields, VcfSeverity.Error, line, column, "FORMAT", "A sample column is empty (use '.').");
            return;
        }

        int checkedKeys = Math.Min(keys, _formatDefs.Length);
        int ploidy = 2;
        int f = 0;
        foreach (ReadOnlySpan<byte> value in new VcfListEnumerator(sample, (byte)':'))
        {
            if (f >= keys)
            {
                Report(VcfIssueCodes.SampleFields, VcfSeverity.Error, line, column, "FORMAT", $"The sample has more values than FORMAT's {keys} keys.");
                break;
            }

            if (f == gtIndex)
            {
                ploidy = CheckGenotype(value, altCount, line, column);
            }
            else if (f < checkedKeys && _formatDefs[f] is VcfFieldDefinition def && !VcfValues.IsMissing(value))
            {
                if (!CheckValues(value, def, altCount, ploidy, line, column, "FORMAT", _formatNonNegative[f]))
                {
                    if (def.Number.Kind == VcfNumberKind.PerGenotype && gtIndex >= 0)
                    {
                        Report(VcfIssueCodes.PloidyMismatch, VcfSeverity.Error, line, column, "FORMAT/" + def.Id, $"FORMAT {def.Id} does not fit the genotype's ploidy {ploidy} and {altCount + 1} alleles.");
                    }

                    break;
                }
            }

            f++;
        }
    }

    /// <summary>
    /// Checks the sample column starting at <paramref name="p"/> in <paramref name="text"/> (the sample columns of a
    /// line) in one scalar pass, without reporting: returns the index of the tab (or end) after the column when every
    /// value is in a common spelling the full check passes (GT of allele indexes or '.', unsigned plain integers and
    /// decimals, strings and characters with the expected count), else -1 so the caller runs <see cref="CheckSample"/>.
    /// Never returns an end for a sample the full path would report.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int TryCheckSampleFast(ReadOnlySpan<byte> text, int p, int altCount, int keys)
    {
        int n = text.Length;
        if (p >= n || text[p] == (byte)'\t')
        {
            return -1;
        }

        int ploidy = 2;
        for (int f = 0; ; f++)
        {
            if (f >= keys)
            {
                return -1;
            }

            FastKind kind = (FastKind)_formatFast[f];
            int q = p;
            int count = 0;
            switch (kind)
            {
                case FastKind.Genotype:
                    {
                        if (q < n && text[q] is (byte)'|' or (byte)'/')
                        {
                            return -1;
                        }

                        int max = -1;
                        while (true)
                        {
                            if (q < n && text[q] == (byte)'.')
                            {
                                q++;
                            }
                            else
                            {
                                int start = q;
                                int v = 0;
                                while (q < n && (uint)(text[q] - '0') <= 9)
                                {
                                    v = (v * 10) + (text[q] - '0');
                                    q++;
                                }

                                // At most 6 digits: below the parser's limit of 1,000,000.
                                if (q == start || q - start > 6)
                                {
                                    return -1;
                                }

                                max = Math.Max(max, v);
                            }

                            if (++count > VcfGenotype.MaxPloidy)
                            {
                                return -1;
                            }

                            if (q < n && text[q] is (byte)'/' or (byte)'|')
                            {
                                q++;
                                continue;
                            }

                            break;
                        }

                        if (altCount > 0 && max > altCount)
                        {
                            return -1;
                        }

                        ploidy = count;
                        break;
                    }

                case FastKind.Integer:
                case FastKind.Float:
                    q = ScanPlainNumbers(text, q, kind == FastKind.Float, !_formatNonNegative[f], out count);
                    if (q < 0)
                    {
                        return -1;
                    }

                    break;
                case FastKind.String:
                case FastKind.Character:
                    {
                        int start = q;
                        count = 1;
                        while (q < n && text[q] is not ((byte)':' or (byte)'\t'))
                        {
                            if (text[q] == (byte)',')
                            {
                                if (kind == FastKind.Character && q - start != 1)
                                {
                                    return -1;
                                }

                                count++;
                                start = q + 1;
                            }

                            q++;
                        }

                        if (q == p || (kind == FastKind.Character && q - start != 1))
                        {
                            return -1;
                        }

                        break;
                    }

                case FastKind.Skip:
                    while (q < n && text[q] is not ((byte)':' or (byte)'\t'))
                    {
                        q++;
                    }

                    break;
                default:
                    return -1;
            }

            // The value must end at the next key or at the end of the column.
            if (q < n && text[q] is not ((byte)':' or (byte)'\t'))
            {
                return -1;
            }

            // Value counts, as CheckValues judges them; a whole-value '.' is not counted.
            if (kind is not (FastKind.Genotype or FastKind.Skip) && !(q - p == 1 && text[p] == (byte)'.'))
            {
                VcfNumber number = _formatNumbers[f];
                int expected = number.ExpectedCount(altCount, ploidy);
                if (expected >= 0 && count != expected && (altCount > 0 || number.Kind == VcfNumberKind.Fixed)
                    && !(kind == FastKind.String && number.Kind == VcfNumberKind.Fixed && expected == 1))
                {
                    return -1;
                }
            }

            if (q >= n || text[q] == (byte)'\t')
            {
                return q;
            }

            p = q + 1;
        }
    }

    /// <summary>
    /// Scans a comma-separated list of numbers from <paramref name="q"/> up to the first byte that is not part of it,
    /// accepting only items the full check passes without parsing: '.', or <c>-?[0-9]{1,9}</c> (integers) or
    /// <c>-?[0-9]+(\.[0-9]+)?</c> of at most 32 bytes (floats), the sign only when <paramref name="allowSign"/>.
    /// Returns the index after the list, or -1 when an item is not in such a spelling.
    /// </summary>
    private static int ScanPlainNumbers(ReadOnlySpan<byte> text, int q, bool fraction, bool allowSign, out int count)
    {
        int n = text.Length;
        count = 0;
        while (true)
        {
            int start = q;
            if (q < n && text[q] == (byte)'.')
            {
                q++;
            }
            else
            {
                if (allowSign && q < n && text[q] == (byte)'-')
                {
                    q++;
                }

                int digitsStart = q;
                while (q < n && (uint)(text[q] - '0') <= 9)
                {
                    q++;
                }

                int digits = q - digitsStart;
                if (digits == 0)
                {
                    return -1;
                }

                if (!fraction)
                {
                    // At most 9 digits: inside the 32-bit range.
                    if (digits > 9)
                    {
                        return -1;
                    }
                }
                else
                {
                    if (q < n && text[q] == (byte)'.')
                    {
                        int fractionStart = ++q;
                        while (q < n && (uint)(text[q] - '0') <= 9)
                        {
                            q++;
                        }

                        if (q == fractionStart)
                        {
                            return -1;
                        }
                    }

                    // Longer numbers go to the full parser, as in IsPlainNumber.
                    if (q - start > 32)
                    {
                        return -1;
                    }
                }
            }

            count++;
            if (q < n && text[q] == (byte)',')
            {
                q++;
                continue;
            }

            return q;
        }
    }

    /// <summary>
    /// True when an INFO value certainly passes <see cref="CheckValues"/> (common spellings and the expected count);
    /// false means "run the full check", not "invalid".
    /// </summary>
    private static bool IsPlainInfoValue(ReadOnlySpan<byte> value, FastKind kind, VcfNumber number, int altCount, bool nonNegative)
    {
        if (VcfValues.IsMissing(value))
        {
            return true;
        }

        int count;
        switch (kind)
        {
            case FastKind.Integer:
            case FastKind.Float:
                if (ScanPlainNumbers(value, 0, kind == FastKind.Float, !nonNegative, out count) != value.Length)
                {
                    return false;
                }

                break;
            case FastKind.String:
                if (value.IsEmpty)
                {
                    return false;
                }

                count = value.Count((byte)',') + 1;
                break;
            default:
                return false;
        }

        return CountPasses(count, kind, number, altCount);
    }

    /// <summary>True when <paramref name="count"/> values raise no count issue for a field of this kind and Number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CountPasses(int count, FastKind kind, VcfNumber number, int altCount)
    {
        int expected = number.ExpectedCount(altCount, 2);
        bool judged = (altCount > 0 || number.Kind == VcfNumberKind.Fixed) && number.Kind != VcfNumberKind.PerGenotype;
        return !(expected >= 0 && judged && count != expected && !(kind == FastKind.String && number.Kind == VcfNumberKind.Fixed && expected == 1));
    }

    /// <summary>How the sample fast path checks one FORMAT key's values (<see cref="TryCheckSampleFast"/>).</summary>
    private enum FastKind : byte
    {
        /// <summary>No fast check: every sample of the record takes the full path.</summary>
        None,
        Genotype,
        Integer,
        Float,
        String,
        Character,

        /// <summary>Not checked (an undeclared key with no built-in definition), as in the full path.</summary>
        Skip,
    }

    private static FastKind FastKindOf(VcfFieldDefinition? def, bool isGt) => isGt ? FastKind.Genotype : def is null ? FastKind.Skip : def.Type switch
    {
        VcfValueType.Integer => FastKind.Integer,
        VcfValueType.Float => FastKind.Float,
        VcfValueType.String => FastKind.String,
        VcfValueType.Character => FastKind.Character,
        _ => FastKind.None,
    };

    private bool IsValidFormatKey(ReadOnlySpan<byte> key)
    {
        // VCF 4.3: [A-Za-z_][0-9A-Za-z_.]*; VCF 4.1/4.2 keys are alphanumeric.
        if (!(char.IsAsciiLetter((char)key[0]) || (_v43 && key[0] == (byte)'_')))
        {
            return false;
        }

        foreach (byte b in key)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && !(_v43 && b is (byte)'_' or (byte)'.'))
            {
                return false;
            }
        }

        return true;
    }

    private int CheckGenotype(ReadOnlySpan<byte> gt, int altCount, long line, int column)
    {
        if (!VcfGenotype.TryParse(gt, out VcfGenotype g))
        {
            Report(VcfIssueCodes.InvalidGenotype, VcfSeverity.Error, line, column, "FORMAT/GT", $"GT '{Text(gt)}' is not a genotype (allele indexes or '.', separated by '/' or '|').");
            return 2;
        }

        // With ALT '.', the reference validator does not judge allele indexes (passed_body_alt has 0|1 there).
        if (altCount > 0 && g.MaxAllele > altCount)
        {
            Report(VcfIssueCodes.GenotypeAlleleRange, VcfSeverity.Error, line, column, "FORMAT/GT", $"GT '{Text(gt)}' refers to allele {g.MaxAllele} but the record has {altCount} ALT allele(s).");
        }

        return g.Ploidy;
    }

    private static byte[] BuildNotBases()
    {
        var list = new List<byte>();
        for (int b = 0; b < 256; b++)
        {
            if ("ACGTNacgtn".IndexOf((char)b, StringComparison.Ordinal) < 0)
            {
                list.Add((byte)b);
            }
        }

        return [.. list];
    }
}
