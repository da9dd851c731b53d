using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// Writes a tabix index for a finished, sorted BGZF VCF by reading it back block by block, so the writer can
/// compress on another thread without tracking virtual offsets. A record spans POS..POS+len(REF)-1, or
/// POS..INFO/END when END is present.
/// </summary>
public static class BgzfVcfIndexer
{
    /// <summary>Reads the BGZF VCF at <paramref name="path"/> and writes its tabix index to <c>path.tbi</c>.</summary>
    public static void WriteTabix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var indexer = new BgzfVcfLineIndexer();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] scratch = new byte[BgzfBlocks.MaxBlockSize + 1024];
        byte[] block = new byte[BgzfBlocks.MaxBlockSize];
        long c = 0;
        long fileLength = file.Length;
        while (c < fileLength)
        {
            (int length, int size) = BgzfBlocks.ReadBlock(file, c, scratch, block);
            if (length < 0)
            {
                throw new InvalidDataException($"{path}: malformed BGZF block at byte {c}.");
            }

            indexer.AddBlock(block.AsSpan(0, length), c, size);
            c += size;
        }

        indexer.Write(path + ".tbi");
    }

    internal static void Append(ref byte[] carry, ref int carried, ReadOnlySpan<byte> more)
    {
        if (carried + more.Length > carry.Length)
        {
            Array.Resize(ref carry, Math.Max(carry.Length * 2, carried + more.Length));
        }

        more.CopyTo(carry.AsSpan(carried));
        carried += more.Length;
    }

    // Runs once per output line on the writer thread: optimised from the first call rather than after tiering (a
    // normalise run is over in seconds, and the profile showed this method still at tier 0 for much of it).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void AddLine(TabixIndexBuilder builder, ReadOnlySpan<byte> line, BgzfVirtualOffset begin, BgzfVirtualOffset end, LineState state)
    {
        if (line.IsEmpty || line[0] == (byte)'#')
        {
            return;
        }

        // CHROM, POS, ID, REF, ALT, QUAL, FILTER, INFO.
        int t = line.IndexOf((byte)'\t');
        if (t <= 0)
        {
            return;
        }

        ReadOnlySpan<byte> chrom = line[..t];
        if (!chrom.SequenceEqual(state.ChromBytes))
        {
            state.ChromBytes = chrom.ToArray();
            state.Chrom = Encoding.UTF8.GetString(chrom);
        }

        ReadOnlySpan<byte> rest = line[(t + 1)..];
        t = rest.IndexOf((byte)'\t');
        if (t < 0 || !Utf8Parser.TryParse(rest[..t], out long pos, out _))
        {
            return;
        }

        rest = rest[(t + 1)..];
        t = rest.IndexOf((byte)'\t');
        rest = t < 0 ? default : rest[(t + 1)..];
        int refLength = rest.IndexOf((byte)'\t');
        long stop = pos + Math.Max(1, refLength) - 1;
        for (int skip = 0; skip < 4 && !rest.IsEmpty; skip++)
        {
            t = rest.IndexOf((byte)'\t');
            rest = t < 0 ? default : rest[(t + 1)..];
        }

        // INFO/END, if present, is the record's end.
        int tab = rest.IndexOf((byte)'\t');
        ReadOnlySpan<byte> info = tab < 0 ? rest : rest[..tab];
        int at = info.StartsWith("END="u8) ? 0 : info.IndexOf(";END="u8) + 1;
        if (at > 0 || info.StartsWith("END="u8))
        {
            if (Utf8Parser.TryParse(info[(at + 4)..], out long e, out _) && e >= pos)
            {
                stop = e;
            }
        }

        builder.Add(state.Chrom, pos, stop, begin, end);
    }

    internal sealed class LineState
    {
        public byte[] ChromBytes { get; set; } = [];

        public string Chrom { get; set; } = "";
    }
}

/// <summary>
/// Builds the tabix index of a BGZF VCF from its blocks in file order, as they are written
/// (<see cref="BgzfWriteStream"/>'s block callback) or read back: the same index <see cref="BgzfVcfIndexer.WriteTabix"/> gives.
/// </summary>
public sealed class BgzfVcfLineIndexer
{
    private readonly TabixIndexBuilder _builder = new();
    private readonly BgzfVcfIndexer.LineState _state = new();
    private byte[] _carry = new byte[4096];
    private int _carried;
    private BgzfVirtualOffset _lineStart;
    private bool _atLineStart = true;

    /// <summary>Adds the lines of one block: its uncompressed <paramref name="data"/>, its file offset and compressed size.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddBlock(ReadOnlySpan<byte> data, long address, int compressedSize)
    {
        int length = data.Length;
        int i = 0;
        while (i < length)
        {
            if (_atLineStart)
            {
                _lineStart = new BgzfVirtualOffset(address, i);
                _atLineStart = false;
                _carried = 0;
            }

            int nl = data[i..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                // The line continues in the next block: keep its start.
                BgzfVcfIndexer.Append(ref _carry, ref _carried, data[i..]);
                break;
            }

            ReadOnlySpan<byte> line = data.Slice(i, nl);
            if (_carried > 0)
            {
                BgzfVcfIndexer.Append(ref _carry, ref _carried, line);
                line = _carry.AsSpan(0, _carried);
            }

            i += nl + 1;
            BgzfVirtualOffset after = i < length ? new BgzfVirtualOffset(address, i) : new BgzfVirtualOffset(address + compressedSize, 0);
            BgzfVcfIndexer.AddLine(_builder, line, _lineStart, after, _state);
            _atLineStart = true;
        }
    }

    /// <summary>Writes the index (tabix format) to <paramref name="indexPath"/>.</summary>
    public void Write(string indexPath)
    {
        ArgumentNullException.ThrowIfNull(indexPath);
        _builder.Write(indexPath);
    }
}
