using System.Buffers;
using System.IO.Compression;

namespace OpenGms.Genomics.Bgzf;

/// <summary>Raw deflate and CRC-32 for BGZF blocks: libdeflate when present, System.IO.Compression otherwise.</summary>
internal static class Deflate
{
    private static readonly uint[] s_crcTable = BuildCrcTable();

    /// <summary>Inflates one block's deflate payload. False when it is corrupt or larger than the destination.</summary>
    public static bool TryInflate(byte[] source, int offset, int count, byte[] destination, out int written)
    {
        if (NativeDeflate.IsAvailable)
        {
            return NativeDeflate.TryInflate(source.AsSpan(offset, count), destination, out written);
        }

        written = 0;
        try
        {
            using var input = new MemoryStream(source, offset, count, writable: false);
            using var inflater = new DeflateStream(input, CompressionMode.Decompress);
            written = inflater.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
            // Anything left over means the block inflates to more than a BGZF block may hold.
            return inflater.ReadByte() < 0;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Deflates <paramref name="source"/> into <paramref name="destination"/>; returns the size, 0 if it does not fit.</summary>
    public static int Compress(ReadOnlySpan<byte> source, Span<byte> destination, int level)
    {
        if (NativeDeflate.IsAvailable)
        {
            return NativeDeflate.Deflate(source, destination, level);
        }

        byte[] scratch = ArrayPool<byte>.Shared.Rent(destination.Length);
        try
        {
            using var output = new MemoryStream(scratch, 0, destination.Length, writable: true);
            using (var deflater = new DeflateStream(output, level <= 3 ? CompressionLevel.Fastest : CompressionLevel.Optimal, leaveOpen: true))
            {
                deflater.Write(source);
            }

            int size = (int)output.Position;
            scratch.AsSpan(0, size).CopyTo(destination);
            return size;
        }
        catch (NotSupportedException)
        {
            // The fixed-size MemoryStream is full: the data does not compress into the space given.
            return 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>CRC-32 as gzip defines it, continued from <paramref name="crc"/> (start with 0).</summary>
    public static uint Crc32(uint crc, ReadOnlySpan<byte> data)
    {
        if (NativeDeflate.IsAvailable)
        {
            return NativeDeflate.Crc32(crc, data);
        }

        uint c = ~crc;
        uint[] table = s_crcTable;
        foreach (byte b in data)
        {
            c = table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return ~c;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
