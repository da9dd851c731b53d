using System.Globalization;
using System.Text;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Reference;

/// <summary>One line of a samtools <c>.fai</c> index: where a sequence's bases sit in the (uncompressed) FASTA.</summary>
/// <param name="Name">The sequence name (first word of the <c>&gt;</c> line).</param>
/// <param name="Length">Number of bases.</param>
/// <param name="Offset">Byte offset of the first base in the uncompressed FASTA.</param>
/// <param name="LineBases">Bases per full line.</param>
/// <param name="LineWidth">Bytes per full line, including the line terminator.</param>
public readonly record struct FastaIndexEntry(string Name, long Length, long Offset, int LineBases, int LineWidth)
{
    /// <summary>Uncompressed byte offset of the base at 0-based position <paramref name="position"/>.</summary>
    public long OffsetOf(long position) =>
        Offset + (position / LineBases * LineWidth) + (position % LineBases);
}

/// <summary>
/// A FASTA index in the samtools <c>.fai</c> format (tab-separated: name, length, offset, line bases, line width).
/// Sequences keep the file's order; lookups by name are exact (aliases are resolved by <see cref="ContigAliases"/>).
/// </summary>
public sealed class FastaIndex
{
    private readonly Dictionary<string, int> _byName;

    /// <summary>Creates an index over <paramref name="entries"/>, in file order.</summary>
    public FastaIndex(IReadOnlyList<FastaIndexEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries;
        _byName = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            _byName.TryAdd(entries[i].Name, i);
        }
    }

    /// <summary>The sequences in file order.</summary>
    public IReadOnlyList<FastaIndexEntry> Entries { get; }

    /// <summary>Finds a sequence by its exact name.</summary>
    public bool TryGet(string name, out FastaIndexEntry entry)
    {
        if (_byName.TryGetValue(name, out int i))
        {
            entry = Entries[i];
            return true;
        }

        entry = default;
        return false;
    }

    /// <summary>Reads a <c>.fai</c> file. Malformed lines give <c>REF002</c> with the line number.</summary>
    public static Result<FastaIndex> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("REF001", $"{path}: FASTA index not found.");
        }

        var entries = new List<FastaIndexEntry>();
        int lineNo = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length < 5
                || !long.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out long length)
                || !long.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out long offset)
                || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out int lineBases)
                || !int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int lineWidth)
                || lineBases <= 0 || lineWidth < lineBases)
            {
                return Error.BadInput("REF002", $"{path}:{lineNo}: malformed .fai line (want name, length, offset, line bases, line width).");
            }

            entries.Add(new FastaIndexEntry(f[0], length, offset, lineBases, lineWidth));
        }

        return new FastaIndex(entries);
    }

    /// <summary>Writes the index in <c>.fai</c> format (temp file, then rename).</summary>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sb = new StringBuilder();
        foreach (FastaIndexEntry e in Entries)
        {
            sb.Append(e.Name).Append('\t')
              .Append(e.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.Offset.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.LineBases.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(e.LineWidth.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        string temp = path + ".tmp" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(temp, sb.ToString());
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>
    /// Builds the index by scanning an uncompressed FASTA stream (a plain file, or the decompressed bytes of a
    /// BGZF FASTA). Every line of a sequence but its last must have the same length, as samtools requires;
    /// otherwise <c>REF003</c> names the line.
    /// </summary>
    public static Result<FastaIndex> Build(Stream fasta, string displayName)
    {
        ArgumentNullException.ThrowIfNull(fasta);
        var builder = new Builder(displayName);
        byte[] buffer = new byte[1 << 16];
        long fileOffset = 0;
        int n;
        while ((n = fasta.Read(buffer, 0, buffer.Length)) > 0)
        {
            Error? error = builder.Feed(buffer.AsSpan(0, n), fileOffset);
            if (error is not null)
            {
                return error;
            }

            fileOffset += n;
        }

        return builder.Finish(fileOffset);
    }

    /// <summary>Incremental scanner: tracks the current header, line lengths and base counts.</summary>
    private sealed class Builder(string displayName)
    {
        private readonly List<FastaIndexEntry> _entries = [];
        private readonly List<byte> _header = [];
        private bool _inHeader;
        private bool _atLineStart = true;
        private string? _name;
        private long _length;
        private long _offset;
        private int _lineBases = -1;
        private int _lineWidth = -1;
        private int _currentBases;
        private int _currentWidth;
        private bool _sawShortLine;
        private long _lineNo = 1;

        public Error? Feed(ReadOnlySpan<byte> chunk, long chunkOffset)
        {
            for (int i = 0; i < chunk.Length; i++)
            {
                byte b = chunk[i];
                if (_inHeader)
                {
                    if (b == (byte)'\n')
                    {
                        _inHeader = false;
                        _atLineStart = true;
                        _lineNo++;
                        StartSequence(chunkOffset + i + 1);
                    }
                    else
                    {
                        _header.Add(b);
                    }

                    continue;
                }

                if (_atLineStart && b == (byte)'>')
                {
                    Error? e = EndSequence();
                    if (e is not null)
                    {
                        return e;
                    }

                    _inHeader = true;
                    _header.Clear();
                    continue;
                }

                _atLineStart = false;
                if (b == (byte)'\n')
                {
                    _currentWidth++;
                    Error? e = EndLine();
                    if (e is not null)
                    {
                        return e;
                    }

                    _atLineStart = true;
                    _lineNo++;
                }
                else if (b == (byte)'\r')
                {
                    _currentWidth++;
                }
                else
                {
                    if (_name is null)
                    {
                        return Error.BadInput("REF003", $"{displayName}:{_lineNo}: sequence data before the first '>' header.");
                    }

                    _currentBases++;
                    _currentWidth++;
                }
            }

            return null;
        }

        public Result<FastaIndex> Finish(long fileLength)
        {
            if (_inHeader)
            {
                StartSequence(fileLength);
            }

            if (_currentWidth > 0)
            {
                Error? e = EndLine();
                if (e is not null)
                {
                    return e;
                }
            }

            Error? end = EndSequence();
            if (end is not null)
            {
                return end;
            }

            return new FastaIndex(_entries);
        }

        private void StartSequence(long offset)
        {
            string header = Encoding.ASCII.GetString([.. _header]).TrimEnd('\r');
            int space = header.AsSpan().IndexOfAny(' ', '\t');
            _name = space < 0 ? header : header[..space];
            _offset = offset;
            _length = 0;
            _lineBases = -1;
            _lineWidth = -1;
            _currentBases = 0;
            _currentWidth = 0;
            _sawShortLine = false;
        }

        private Error? EndLine()
        {
            if (_currentBases == 0 && _currentWidth <= 2)
            {
                // A blank line: allowed only at the end of a sequence (samtools treats later data as an error).
                _sawShortLine = true;
                _currentWidth = 0;
                return null;
            }

            if (_sawShortLine)
            {
                return Error.BadInput("REF003", $"{displayName}:{_lineNo}: line length differs from the sequence's other lines ('{_name}').");
            }

            if (_lineBases < 0)
            {
                _lineBases = _currentBases;
                _lineWidth = _currentWidth;
            }
            else if (_currentBases != _lineBases || _currentWidth != _lineWidth)
            {
                if (_currentBases > _lineBases)
                {
                    return Error.BadInput("REF003", $"{displayName}:{_lineNo}: line length differs from the sequence's other lines ('{_name}').");
                }

                _sawShortLine = true;
            }

            _length += _currentBases;
            _currentBases = 0;
            _currentWidth = 0;
            return null;
        }

        private Error? EndSequence()
        {
            if (_name is null)
            {
                return null;
            }

            int lineBases = _lineBases <= 0 ? 1 : _lineBases;
            int lineWidth = _lineWidth <= 0 ? lineBases + 1 : _lineWidth;
            _entries.Add(new FastaIndexEntry(_name, _length, _offset, lineBases, lineWidth));
            _name = null;
            return null;
        }
    }
}
