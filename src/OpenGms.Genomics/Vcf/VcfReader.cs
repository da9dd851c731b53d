using System.Buffers;
using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Validation;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// Reads a VCF file (plain, gzip or BGZF) line by line from UTF-8 bytes. The header is read on construction;
/// <see cref="Read"/> then moves through the records and <see cref="Current"/> views the current one without
/// copying it. Structural problems (too few columns, a header line among the records, a missing final newline)
/// are reported to <see cref="Issues"/> and such lines are skipped and counted, never silently dropped.
/// </summary>
public sealed class VcfReader : IDisposable
{
    private const int InitialBufferSize = 1 << 20;

    /// <summary>
    /// Bytes asked of the stream by the first read after a <see cref="Seek"/>; each further read asks for twice as
    /// much, up to the buffer. An index query over many small regions then inflates a block or two per region, not the
    /// whole buffer (16 BGZF blocks) each time.
    /// </summary>
    private const int SeekReadAhead = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly VcfLineLayout _layout = new();
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineLength;
    private bool _streamDone;
    private bool _disposed;
    private int _readAhead = int.MaxValue;

    /// <summary>Reads the header of <paramref name="stream"/> (uncompressed VCF text).</summary>
    /// <param name="stream">Uncompressed text; use <see cref="Open"/> for files, which also handles compression.</param>
    /// <param name="issues">Where problems go; a new sink when null.</param>
    /// <param name="leaveOpen">When true, disposing the reader leaves <paramref name="stream"/> open.</param>
    public VcfReader(Stream stream, VcfIssueSink? issues = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        Issues = issues ?? new VcfIssueSink();
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        Header = ReadHeader();
    }

    /// <summary>The header.</summary>
    public VcfHeader Header { get; }

    /// <summary>Problems found so far (header problems are there after construction).</summary>
    public VcfIssueSink Issues { get; }

    /// <summary>How the file is stored, when opened with <see cref="Open"/>.</summary>
    public CompressionFormat Compression { get; private init; }

    /// <summary>1-based line number of the current line.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Number of header lines (the <c>#CHROM</c> line included).</summary>
    public int HeaderLineCount { get; private set; }

    /// <summary>Records returned by <see cref="Read"/> so far.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Lines skipped because they could not be read as records (each also reported as an issue).</summary>
    public long SkippedLineCount { get; private set; }

    /// <summary>The current record; valid until the next <see cref="Read"/>.</summary>
    public VcfRecord Current => new(_buffer.AsSpan(_lineStart, _lineLength), _layout, Header, LineNumber);

    /// <summary>The columns of the current record's line, as <see cref="Read"/> found them.</summary>
    internal VcfLineLayout Layout => _layout;

    /// <summary>The BGZF stream under this reader, when the file is BGZF (for index-driven seeking).</summary>
    public BgzfReadStream? Bgzf => _stream as BgzfReadStream;

    /// <summary>Opens <paramref name="path"/> (plain, gzip or BGZF) and reads its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="issues">Where problems go; a new sink when null.</param>
    /// <param name="parallelism">Threads inflating BGZF blocks; 0 means the processor count.</param>
    public static VcfReader Open(string path, VcfIssueSink? issues = null, int parallelism = 0)
    {
        Stream stream = BgzfReadStream.OpenRead(path, out CompressionFormat format, parallelism);
        try
        {
            return new VcfReader(stream, issues) { Compression = format };
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next record; false at the end of the file.</summary>
    public bool Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        while (NextLine())
        {
            ReadOnlySpan<byte> line = _buffer.AsSpan(_lineStart, _lineLength);
            if (line.IsEmpty)
            {
                Skip(VcfIssueCodes.MisplacedLine, 0, "An empty line among the records.");
                continue;
            }

            if (line[0] == (byte)'#')
            {
                Skip(VcfIssueCodes.MisplacedLine, 1, "A header line (starting with #) among the records.");
                continue;
            }

            _layout.Split(line);
            if (_layout.ColumnCount < 8)
            {
                Skip(VcfIssueCodes.ColumnCount, _layout.ColumnCount, $"A data line needs at least 8 tab-separated columns; this one has {_layout.ColumnCount}.");
                continue;
            }

            RecordCount++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Moves to <paramref name="offset"/> in a BGZF file (from an index) so the next <see cref="Read"/> returns the record
    /// starting there. Line numbers after a seek are not file line numbers.
    /// </summary>
    public void Seek(BgzfVirtualOffset offset)
    {
        BgzfReadStream bgzf = Bgzf ?? throw new NotSupportedException("Only BGZF files can seek.");
        bgzf.Seek(offset);
        _start = _end = 0;
        _streamDone = false;
        _readAhead = SeekReadAhead;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ArrayPool<byte>.Shared.Return(_buffer);
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void Skip(string code, int column, string message)
    {
        SkippedLineCount++;
        Issues.Add(code, VcfSeverity.Error, LineNumber, column, string.Empty, message);
    }

    private VcfHeader ReadHeader()
    {
        var lines = new List<string>();
        while (true)
        {
            int next = PeekByte();
            if (next != '#')
            {
                break;
            }

            if (!NextLine())
            {
                break;
            }

            ReadOnlySpan<byte> line = _buffer.AsSpan(_lineStart, _lineLength);
            lines.Add(Encoding.UTF8.GetString(line));
            if (line.Length > 1 && line[1] != (byte)'#')
            {
                break;
            }
        }

        // A header line cut by a bare line break inside a quoted description continues on the next line (failed_meta_002):
        // such a line cannot be told from a record here, so it is left to the record reader, which rejects it.
        HeaderLineCount = lines.Count;
        return VcfHeader.Parse(lines, Issues);
    }

    private int PeekByte()
    {
        if (_start >= _end && !Fill())
        {
            return -1;
        }

        return _buffer[_start];
    }

    /// <summary>Finds the next line in the buffer, reading more when needed; sets the current line.</summary>
    private bool NextLine()
    {
        while (true)
        {
            int nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                SetLine(_start, nl);
                _start += nl + 1;
                return true;
            }

            if (_streamDone)
            {
                if (_start < _end)
                {
                    // The last line has no line break (VCF 4.3 section 1.5 requires one).
                    SetLine(_start, _end - _start);
                    _start = _end;
                    Issues.Add(VcfIssueCodes.MissingNewline, VcfSeverity.Error, LineNumber, 0, string.Empty, "The last line has no line break.");
                    return true;
                }

                return false;
            }

            Fill();
        }
    }

    private void SetLine(int start, int length)
    {
        LineNumber++;
        _lineStart = start;
        // Tolerate CRLF line ends: the CR is not part of the last column.
        _lineLength = length > 0 && _buffer[start + length - 1] == (byte)'\r' ? length - 1 : length;
    }

    /// <summary>Reads more bytes after compacting (or growing) the buffer; false at end of stream.</summary>
    private bool Fill()
    {
        if (_streamDone)
        {
            return false;
        }

        if (_start > 0)
        {
            int remaining = _end - _start;
            _buffer.AsSpan(_start, remaining).CopyTo(_buffer);
            _start = 0;
            _end = remaining;
        }

        if (_end == _buffer.Length)
        {
            // One line is longer than the buffer: grow it (rare: huge cohorts).
            byte[] bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        int n = _stream.Read(_buffer, _end, Math.Min(_buffer.Length - _end, _readAhead));
        if (_readAhead < int.MaxValue / 2)
        {
            _readAhead *= 2;
        }

        if (n == 0)
        {
            _streamDone = true;
            return false;
        }

        _end += n;
        return true;
    }
}
