using System.Buffers;
using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Indexing;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// Writes a VCF, plain or BGZF (with a tabix index beside it), through a temporary file that
/// <see cref="Complete"/> renames into place: an interrupted or failed run never leaves a half-written file.
/// </summary>
public sealed class VcfWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly Stream _file;
    private readonly BgzfWriteStream? _bgzf;
    private readonly Stream _out;
    private readonly TabixIndexBuilder? _index;
    private string _lastChrom = string.Empty;
    private byte[] _lastChromBytes = [];
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts writing <paramref name="path"/> with <paramref name="header"/>.</summary>
    /// <param name="path">The final file name.</param>
    /// <param name="header">The header to write.</param>
    /// <param name="bgzf">True for BGZF output (.vcf.gz), false for plain text.</param>
    /// <param name="writeIndex">True to write a tabix index (<c>path.tbi</c>); needs <paramref name="bgzf"/>.</param>
    public VcfWriter(string path, VcfHeader header, bool bgzf, bool writeIndex)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(header);
        if (writeIndex && !bgzf)
        {
            throw new ArgumentException("An index needs BGZF output.", nameof(writeIndex));
        }

        _path = Path.GetFullPath(path);
        _temp = _path + ".tmp-" + Guid.NewGuid().ToString("N");
        _file = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        if (bgzf)
        {
            _bgzf = new BgzfWriteStream(_file, leaveOpen: true);
            _out = _bgzf;
        }
        else
        {
            _out = _file;
        }

        _index = writeIndex ? new TabixIndexBuilder() : null;
        _out.Write(Encoding.UTF8.GetBytes(header.ToText()));
        if (_bgzf is not null)
        {
            // Records start in a fresh block, as bgzip/bcftools do, so the header can be read alone.
            _bgzf.FlushBlock();
        }
    }

    /// <summary>Records written.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Writes one data line (no line break) as it is.</summary>
    public void WriteLine(ReadOnlySpan<byte> line)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        BgzfVirtualOffset begin = _bgzf?.VirtualOffset ?? default;
        _out.Write(line);
        _out.WriteByte((byte)'\n');
        RecordCount++;
        if (_index is not null)
        {
            AddToIndex(line, begin, _bgzf!.VirtualOffset);
        }
    }

    /// <summary>Writes a record as read.</summary>
    public void Write(in VcfRecord record) => WriteLine(record.Line);

    /// <summary>Writes an owned record.</summary>
    public void Write(VcfVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        WriteLine(Encoding.UTF8.GetBytes(variant.ToString()));
    }

    /// <summary>Finishes the file (and its index) and moves it into place.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _bgzf?.Dispose();
        _file.Flush();
        _file.Dispose();
        File.Move(_temp, _path, overwrite: true);
        _index?.Write(_path + ".tbi");
        _completed = true;
        Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_completed)
        {
            _bgzf?.Dispose();
            _file.Dispose();
            if (File.Exists(_temp))
            {
                File.Delete(_temp);
            }
        }
    }

    private void AddToIndex(ReadOnlySpan<byte> line, BgzfVirtualOffset begin, BgzfVirtualOffset end)
    {
        int t1 = line.IndexOf((byte)'\t');
        ReadOnlySpan<byte> chrom = line[..Math.Max(0, t1)];
        ReadOnlySpan<byte> rest = line[(t1 + 1)..];
        int t2 = rest.IndexOf((byte)'\t');
        if (!VcfValues.TryParseInt64(rest[..Math.Max(0, t2)], out long pos))
        {
            throw new InvalidOperationException("Cannot index a record whose POS is not an integer.");
        }

        long stop = RecordEnd(line, pos);
        if (!chrom.SequenceEqual(_lastChromBytes))
        {
            _lastChromBytes = chrom.ToArray();
            _lastChrom = Encoding.UTF8.GetString(chrom);
        }

        _index!.Add(_lastChrom, pos, stop, begin, end);
    }

    /// <summary>The last base a record covers (1-based): INFO END when present, else POS + len(REF) - 1.</summary>
    internal static long RecordEnd(ReadOnlySpan<byte> line, long pos)
    {
        int col = 0;
        int start = 0;
        ReadOnlySpan<byte> reference = default;
        ReadOnlySpan<byte> info = default;
        for (int i = 0; i <= line.Length && col <= 7; i++)
        {
            if (i == line.Length || line[i] == (byte)'\t')
            {
                if (col == 3)
                {
                    reference = line[start..i];
                }
                else if (col == 7)
                {
                    info = line[start..i];
                }

                col++;
                start = i + 1;
            }
        }

        long end = pos + Math.Max(1, reference.Length) - 1;
        foreach (VcfInfoEntry e in new VcfInfoEnumerator(info))
        {
            if (e.Key.SequenceEqual("END"u8) && VcfValues.TryParseInt64(e.Value, out long infoEnd) && infoEnd >= pos)
            {
                return infoEnd;
            }
        }

        return end;
    }
}
