using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Reference;

/// <summary>
/// Random access to a reference genome in FASTA (indexed by <c>.fai</c>) or bgzipped FASTA (<c>.fai</c> + <c>.gzi</c>).
/// Missing indexes are built on open (and written beside the FASTA when the folder is writable).
/// <see cref="TryFetch"/> returns bases upper-cased (<see cref="TryFetchRaw"/> as stored); contigs are looked up by exact name, then through <see cref="ContigAliases"/>
/// (so a VCF using <c>1</c> reads a FASTA using <c>chr1</c>).
/// Not thread-safe: it keeps one decoded window of sequence, and the span a fetch returns is valid until the next fetch.
/// </summary>
public sealed class ReferenceGenome : IDisposable
{
    /// <summary>Bases decoded per cache miss; left-alignment walks backwards, so a miss also keeps some bases before.</summary>
    private const int WindowBases = 1 << 20;
    private const int BasesBefore = 4096;

    private readonly FileStream _file;
    private readonly GziIndex? _gzi;
    private readonly Dictionary<string, FastaIndexEntry?> _resolved = new(StringComparer.Ordinal);

    // The last contig resolved, by reference: callers pass the same string for a run of records, so most lookups skip the hash.
    private string? _lastContig;
    private FastaIndexEntry? _lastEntry;
    private byte[] _window = new byte[WindowBases + BasesBefore];
    private byte[] _upper = new byte[256];
    private string? _windowContig;
    private long _windowStart;
    private int _windowLength;

    // BGZF decoding state: the last inflated block stays cached.
    private readonly byte[]? _blockScratch;
    private readonly byte[]? _block;
    private long _blockCompressed = -1;
    private long _blockUncompressed;
    private int _blockLength;
    private int _blockSize;

    private ReferenceGenome(string path, FileStream file, FastaIndex index, GziIndex? gzi)
    {
        Path = path;
        _file = file;
        Index = index;
        _gzi = gzi;
        if (gzi is not null)
        {
            _blockScratch = new byte[BgzfBlocks.MaxBlockSize + 1024];
            _block = new byte[BgzfBlocks.MaxBlockSize];
        }
    }

    /// <summary>The FASTA path.</summary>
    public string Path { get; }

    /// <summary>The sequence index.</summary>
    public FastaIndex Index { get; }

    /// <summary>True when the FASTA is BGZF-compressed.</summary>
    public bool IsCompressed => _gzi is not null;

    /// <summary>
    /// Opens <paramref name="path"/>. Errors: <c>REF001</c> FASTA missing, <c>REF002</c>/<c>REF003</c> bad or
    /// unbuildable index, <c>REF006</c> gzip that is not BGZF (plain gzip has no random access).
    /// </summary>
    public static Result<ReferenceGenome> Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("REF001", $"{path}: reference FASTA not found.");
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            Span<byte> head = stackalloc byte[18];
            int n = file.ReadAtLeast(head, 18, throwOnEndOfStream: false);
            file.Position = 0;
            bool gzip = n >= 2 && head[0] == 0x1f && head[1] == 0x8b;
            if (gzip && !BgzfBlocks.IsBgzf(head[..n]))
            {
                file.Dispose();
                return Error.BadInput("REF006", $"{path}: gzip-compressed but not BGZF; recompress with 'bgzip' for random access.");
            }

            GziIndex? gzi = null;
            if (gzip)
            {
                Result<GziIndex> g = File.Exists(path + ".gzi") ? GziIndex.Read(path + ".gzi") : BuildGzi(file, path);
                if (!g.IsSuccess)
                {
                    file.Dispose();
                    return g.Error!;
                }

                gzi = g.Value;
            }

            Result<FastaIndex> fai;
            if (File.Exists(path + ".fai"))
            {
                fai = FastaIndex.Read(path + ".fai");
            }
            else
            {
                file.Position = 0;
                Stream source = gzip ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress, leaveOpen: true) : file;
                fai = FastaIndex.Build(new BufferedStream(source, 1 << 16), path);
                if (gzip)
                {
                    source.Dispose();
                }

                if (fai.IsSuccess)
                {
                    TryWrite(() => fai.Value.Write(path + ".fai"));
                }
            }

            if (!fai.IsSuccess)
            {
                file.Dispose();
                return fai.Error!;
            }

            return new ReferenceGenome(path, file, fai.Value, gzi);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Finds the index entry for <paramref name="contig"/>: exact name first, then an alias of it.</summary>
    public bool TryResolve(string contig, out FastaIndexEntry entry)
    {
        ArgumentNullException.ThrowIfNull(contig);
        if (ReferenceEquals(contig, _lastContig))
        {
            entry = _lastEntry.GetValueOrDefault();
            return _lastEntry.HasValue;
        }

        if (!_resolved.TryGetValue(contig, out FastaIndexEntry? found))
        {
            found = null;
            if (Index.TryGet(contig, out FastaIndexEntry exact))
            {
                found = exact;
            }
            else
            {
                foreach (string alias in ContigAliases.AliasesOf(contig))
                {
                    if (Index.TryGet(alias, out FastaIndexEntry e))
                    {
                        found = e;
                        break;
                    }
                }
            }

            _resolved[contig] = found;
        }

        _lastContig = contig;
        _lastEntry = found;
        entry = found.GetValueOrDefault();
        return found.HasValue;
    }

    /// <summary>
    /// Fetches the upper-cased bases of <paramref name="contig"/> in the 0-based half-open interval
    /// [<paramref name="start"/>, <paramref name="end"/>), clipped to the contig's end. Returns false when the contig
    /// is unknown. The span stays valid until the next call.
    /// </summary>
    public bool TryFetch(string contig, long start, long end, out ReadOnlySpan<byte> bases)
    {
        if (!TryFetchRaw(contig, start, end, out ReadOnlySpan<byte> raw))
        {
            bases = default;
            return false;
        }

        if (_upper.Length < raw.Length)
        {
            _upper = new byte[Math.Max(raw.Length, _upper.Length * 2)];
        }

        for (int i = 0; i < raw.Length; i++)
        {
            byte b = raw[i];
            _upper[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        bases = _upper.AsSpan(0, raw.Length);
        return true;
    }

    /// <summary>
    /// As <see cref="TryFetch"/>, but the bases keep the case they have in the FASTA (soft-masked repeats are
    /// lower case); bcftools-compatible normalisation pads alleles with these bases as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryFetchRaw(string contig, long start, long end, out ReadOnlySpan<byte> bases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        if (!TryResolve(contig, out FastaIndexEntry entry))
        {
            bases = default;
            return false;
        }

        end = Math.Min(end, entry.Length);
        if (end <= start)
        {
            bases = [];
            return true;
        }

        if (!ReferenceEquals(_windowContig, entry.Name) || start < _windowStart || end > _windowStart + _windowLength)
        {
            Load(entry, start, end);
        }

        bases = _window.AsSpan((int)(start - _windowStart), (int)(end - start));
        return true;
    }

    /// <summary>Compares a VCF REF allele (1-based <paramref name="position"/>) with the reference, case-insensitively.</summary>
    public ReferenceMatch CheckRef(string contig, long position, ReadOnlySpan<byte> refAllele)
    {
        if (!TryFetchRaw(contig, position - 1, position - 1 + refAllele.Length, out ReadOnlySpan<byte> bases))
        {
            return ReferenceMatch.UnknownContig;
        }

        if (bases.Length < refAllele.Length)
        {
            return ReferenceMatch.BeyondContigEnd;
        }

        for (int i = 0; i < refAllele.Length; i++)
        {
            if ((refAllele[i] & 0xDF) != (bases[i] & 0xDF))
            {
                return ReferenceMatch.Mismatch;
            }
        }

        return ReferenceMatch.Match;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Load(FastaIndexEntry entry, long start, long end)
    {
        long from = Math.Max(0, start - BasesBefore);
        long to = Math.Min(entry.Length, Math.Max(end, from + WindowBases));
        int count = (int)(to - from);
        if (_window.Length < count)
        {
            _window = new byte[count];
        }

        long rawFrom = entry.OffsetOf(from);
        long rawTo = entry.OffsetOf(to - 1) + 1;
        int rawCount = (int)(rawTo - rawFrom);
        byte[] raw = ArrayPool<byte>.Shared.Rent(rawCount);
        try
        {
            int got = ReadRaw(rawFrom, raw.AsSpan(0, rawCount));

            ReadOnlySpan<byte> rest = raw.AsSpan(0, got);
            int w = CopyFullLines(entry, from, rest, _window.AsSpan(0, count), out int used);
            rest = rest[used..];

            // The rest (or all of it when the lines do not end where the index says): line by line with a
            // vectorised search for line ends, skipping CR/LF.
            while (rest.Length > 0 && w < count)
            {
                int eol = rest.IndexOfAny((byte)'\n', (byte)'\r');
                ReadOnlySpan<byte> run = eol < 0 ? rest : rest[..eol];
                int take = Math.Min(run.Length, count - w);
                run[..take].CopyTo(_window.AsSpan(w));
                w += take;
                rest = eol < 0 ? default : rest[(eol + 1)..];
            }

            _windowContig = entry.Name;
            _windowStart = from;
            _windowLength = w;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(raw);
        }
    }

    /// <summary>
    /// Copies the bases of <paramref name="raw"/> (the file bytes from base <paramref name="from"/> on) by the index's
    /// line layout: <see cref="FastaIndexEntry.LineBases"/> bases, then a terminator filling the line to
    /// <see cref="FastaIndexEntry.LineWidth"/> bytes. Stops before the first line that is not whole, whose terminator
    /// is not LF or CR LF, or whose bases hold a CR or LF (an index that does not fit the file), so the caller's
    /// line-by-line copy takes over there as it always has. Returns the bases copied and sets <paramref name="used"/>
    /// to the raw bytes consumed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int CopyFullLines(FastaIndexEntry entry, long from, ReadOnlySpan<byte> raw, Span<byte> window, out int used)
    {
        int lineBases = entry.LineBases;
        int terminator = entry.LineWidth - lineBases;
        used = 0;
        if (lineBases <= 0 || terminator is < 1 or > 2)
        {
            return 0;
        }

        // The first line may start part-way through.
        int take = lineBases - (int)(from % lineBases);
        int w = 0;
        int r = 0;
        while (w + take <= window.Length && r + take + terminator <= raw.Length)
        {
            ReadOnlySpan<byte> bases = raw.Slice(r, take);
            ReadOnlySpan<byte> eol = raw.Slice(r + take, terminator);
            if (eol[^1] != (byte)'\n' || (terminator == 2 && eol[0] != (byte)'\r') || !CopyBases(bases, window.Slice(w, take)))
            {
                break;
            }

            w += take;
            r += take + terminator;
            take = lineBases;
        }

        used = r;
        return w;
    }

    /// <summary>
    /// Copies one line's bases unless they hold a CR or LF (then copies nothing and returns false). Lines of 32 to 64
    /// bases, the usual FASTA widths, are checked and copied as two overlapping 32-byte vectors; other lengths use the
    /// span search and copy. ReferenceGenomeTests checks both against the generated sequence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool CopyBases(ReadOnlySpan<byte> bases, Span<byte> target)
    {
        if (Vector256.IsHardwareAccelerated && bases.Length is >= 32 and <= 64)
        {
            Vector256<byte> head = Vector256.Create(bases);
            Vector256<byte> tail = Vector256.Create(bases[^32..]);
            Vector256<byte> lf = Vector256.Create((byte)'\n');
            Vector256<byte> cr = Vector256.Create((byte)'\r');
            Vector256<byte> breaks = Vector256.Equals(head, lf) | Vector256.Equals(head, cr) | Vector256.Equals(tail, lf) | Vector256.Equals(tail, cr);
            if (breaks != Vector256<byte>.Zero)
            {
                return false;
            }

            head.CopyTo(target);
            tail.CopyTo(target[^32..]);
            return true;
        }

        if (bases.IndexOfAny((byte)'\n', (byte)'\r') >= 0)
        {
            return false;
        }

        bases.CopyTo(target);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadRaw(long offset, Span<byte> destination)
    {
        if (_gzi is null)
        {
            _file.Position = offset;
            return _file.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        }

        int written = 0;
        long want = offset;
        while (written < destination.Length)
        {
            if (_blockCompressed < 0 || want < _blockUncompressed || want >= _blockUncompressed + _blockLength)
            {
                (long c, long u) = _blockCompressed >= 0 && want == _blockUncompressed + _blockLength
                    ? (_blockCompressed + _blockSize, want)
                    : _gzi.BlockFor(want);
                if (!InflateFrom(c, u, want))
                {
                    break;
                }
            }

            int inBlock = (int)(want - _blockUncompressed);
            int take = Math.Min(_blockLength - inBlock, destination.Length - written);
            _block.AsSpan(inBlock, take).CopyTo(destination[written..]);
            written += take;
            want += take;
        }

        return written;
    }

    /// <summary>Inflates blocks from (c, u) until one holds <paramref name="want"/>; false at end of file.</summary>
    private bool InflateFrom(long c, long u, long want)
    {
        while (true)
        {
            (int length, int size) = BgzfBlocks.ReadBlock(_file, c, _blockScratch!, _block!);
            if (length < 0)
            {
                _blockCompressed = -1;
                return false;
            }

            _blockCompressed = c;
            _blockUncompressed = u;
            _blockLength = length;
            _blockSize = size;
            if (want < u + length)
            {
                return true;
            }

            c += size;
            u += length;
        }
    }

    private static Result<GziIndex> BuildGzi(FileStream file, string path)
    {
        var compressed = new List<long> { 0 };
        var uncompressed = new List<long> { 0 };
        byte[] scratch = new byte[BgzfBlocks.MaxBlockSize + 1024];
        byte[] block = new byte[BgzfBlocks.MaxBlockSize];
        long c = 0;
        long u = 0;
        while (c < file.Length)
        {
            (int length, int size) = BgzfBlocks.ReadBlock(file, c, scratch, block);
            if (length < 0)
            {
                return Error.BadInput("REF005", $"{path}: malformed BGZF block at byte {c}.");
            }

            c += size;
            u += length;
            if (c < file.Length)
            {
                compressed.Add(c);
                uncompressed.Add(u);
            }
        }

        var gzi = new GziIndex([.. compressed], [.. uncompressed]);
        TryWrite(() => gzi.Write(path + ".gzi"));
        return gzi;
    }

    private static void TryWrite(Action write)
    {
        try
        {
            write();
        }
        catch (IOException)
        {
            // A read-only folder: the index stays in memory for this run only.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}

/// <summary>The outcome of comparing a VCF REF allele with the reference.</summary>
public enum ReferenceMatch
{
    /// <summary>REF equals the reference bases (case-insensitive).</summary>
    Match,

    /// <summary>REF differs from the reference.</summary>
    Mismatch,

    /// <summary>The contig is not in the reference, even through aliases.</summary>
    UnknownContig,

    /// <summary>REF runs past the end of the contig.</summary>
    BeyondContigEnd,
}
