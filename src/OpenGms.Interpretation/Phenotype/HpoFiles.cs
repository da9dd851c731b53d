using System.IO.Compression;
using System.Text;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>Reads a data file whole into memory, inflating it when it starts with the gzip magic bytes.</summary>
internal static class HpoFiles
{
    /// <summary>The whole file, inflated when gzipped. The memory is not copied again after inflating (no ToArray).</summary>
    public static ReadOnlyMemory<byte> ReadAllBytes(string path)
    {
        using FileStream file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        int got = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            // HPO files inflate 5-15 fold; start near that so the buffer grows at most once or twice.
            using var memory = new MemoryStream(checked((int)Math.Min(1 << 30, file.Length * 8)));
            gzip.CopyTo(memory, 1 << 16);
            return new ReadOnlyMemory<byte>(memory.GetBuffer(), 0, checked((int)memory.Length));
        }

        var bytes = new byte[file.Length];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Decodes a field we keep (names, ids) from UTF-8.</summary>
    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);
}

/// <summary>Walks the lines of a UTF-8 buffer, 1-based line numbers, with any trailing CR removed.</summary>
internal ref struct LineReader
{
    private ReadOnlySpan<byte> _rest;

    public LineReader(ReadOnlySpan<byte> data)
    {
        _rest = data;
        // A UTF-8 byte order mark is not part of the first line.
        if (_rest.StartsWith("\uFEFF"u8))
        {
            _rest = _rest[3..];
        }
    }

    public long LineNumber { get; private set; }

    public bool TryRead(out ReadOnlySpan<byte> line)
    {
        if (_rest.IsEmpty)
        {
            line = default;
            return false;
        }

        int nl = _rest.IndexOf((byte)'\n');
        if (nl < 0)
        {
            line = _rest;
            _rest = default;
        }
        else
        {
            line = _rest[..nl];
            _rest = _rest[(nl + 1)..];
        }

        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        LineNumber++;
        return true;
    }
}

/// <summary>Splits a line on tabs without allocating, and finds columns by header name.</summary>
internal static class TabFields
{
    /// <summary>Fills <paramref name="ranges"/> with up to its length fields of <paramref name="line"/>; returns the field count.</summary>
    public static int Split(ReadOnlySpan<byte> line, Span<Range> ranges)
    {
        int count = 0;
        int start = 0;
        while (count < ranges.Length)
        {
            int tab = line[start..].IndexOf((byte)'\t');
            if (tab < 0)
            {
                ranges[count++] = new Range(start, line.Length);
                return count;
            }

            ranges[count++] = new Range(start, start + tab);
            start += tab + 1;
        }

        return count;
    }

    /// <summary>Index of the first header field equal to one of <paramref name="names"/> (ASCII, exact), or -1. Once per file, not per row.</summary>
    public static int Column(ReadOnlySpan<byte> header, ReadOnlySpan<Range> fields, params ReadOnlySpan<string> names)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            foreach (string name in names)
            {
                if (System.Text.Ascii.Equals(header[fields[i]], name))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
