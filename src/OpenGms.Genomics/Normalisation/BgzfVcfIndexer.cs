using System.Buffers.Text;
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
    /// <summary>Builds <c>path.tbi</c> beside <paramref name="path"/>.</summary>
    /// <exception cref="InvalidOperationException">The file is not sorted by contig and position.</exception>
    public static void WriteTabix(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var builder = new TabixIndexBuilder();
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        byte[] scratch = new byte[BgzfBlocks.MaxBlockSize + 1024];
        byte[] block = new byte[BgzfBlocks.MaxBlockSize];
        var line = new List<byte>(1024);
        BgzfVirtualOffset lineStart = default;
        bool atLineStart = true;
        long c = 0;
        while (c < file.Length)
        {
            (int length, int size) = BgzfBlocks.ReadBlock(file, c, scratch, block);
            if (length < 0)
            {
                throw new InvalidDataException($"{path}: malformed BGZF block at byte {c}.");
            }

            int i = 0;
            while (i < length)
            {
                if (atLineStart)
                {
                    lineStart = new BgzfVirtualOffset(c, i);
                    atLineStart = false;
                    line.Clear();
                }

                int nl = block.AsSpan(i, length - i).IndexOf((byte)'\n');
                int end = nl < 0 ? length : i + nl;
                for (int k = i; k < end; k++)
                {
                    line.Add(block[k]);
                }

                if (nl < 0)
                {
                    i = length;
                    break;
                }

                i = end + 1;
                BgzfVirtualOffset after = i < length ? new BgzfVirtualOffset(c, i) : new BgzfVirtualOffset(c + size, 0);
                AddLine(builder, line, lineStart, after);
                atLineStart = true;
            }

            c += size;
        }

        builder.Write(path + ".tbi");
    }

    private static void AddLine(TabixIndexBuilder builder, List<byte> bytes, BgzfVirtualOffset begin, BgzfVirtualOffset end)
    {
        if (bytes.Count == 0 || bytes[0] == (byte)'#')
        {
            return;
        }

        string text = Encoding.UTF8.GetString(bytes.ToArray());
        string[] f = text.Split('\t', 9);
        if (f.Length < 8 || !long.TryParse(f[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long pos))
        {
            return;
        }

        long stop = pos + Math.Max(1, f[3].Length) - 1;
        foreach (string item in f[7].Split(';'))
        {
            if (item.StartsWith("END=", StringComparison.Ordinal) && Utf8Parser.TryParse(Encoding.ASCII.GetBytes(item[4..]), out long e, out _) && e >= pos)
            {
                stop = e;
            }
        }

        builder.Add(f[0], pos, stop, begin, end);
    }
}
