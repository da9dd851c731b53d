using System.Buffers.Binary;

namespace OpenGms.Genomics.Reference;

/// <summary>
/// Minimal BGZF block access for reference FASTA (SAM spec section 4.1): each block is a gzip member whose
/// extra field holds BSIZE (total block size - 1); the payload is raw DEFLATE of at most 64 KiB.
/// </summary>
internal static class BgzfBlocks
{
    /// <summary>Largest uncompressed payload of one block.</summary>
    public const int MaxBlockSize = 65536;

    /// <summary>True when the first bytes look like a BGZF block header (gzip with the 'BC' extra subfield).</summary>
    public static bool IsBgzf(ReadOnlySpan<byte> head) =>
        head.Length >= 18 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8 && (head[3] & 4) != 0
        && head[12] == (byte)'B' && head[13] == (byte)'C';

    /// <summary>
    /// Reads the block starting at <paramref name="compressedOffset"/> and inflates it into <paramref name="destination"/>
    /// (at least <see cref="MaxBlockSize"/> bytes). Returns the payload length and the compressed block size, or
    /// (-1, 0) at end of file or on a malformed block.
    /// </summary>
    public static (int Length, int BlockSize) ReadBlock(FileStream file, long compressedOffset, byte[] scratch, byte[] destination)
    {
        file.Position = compressedOffset;
        int got = file.ReadAtLeast(scratch.AsSpan(0, 18), 18, throwOnEndOfStream: false);
        if (got < 18 || !IsBgzf(scratch))
        {
            return (-1, 0);
        }

        int blockSize = BinaryPrimitives.ReadUInt16LittleEndian(scratch.AsSpan(16)) + 1;
        int rest = blockSize - 18;
        if (rest < 8 || file.ReadAtLeast(scratch.AsSpan(18, rest), rest, throwOnEndOfStream: false) < rest)
        {
            return (-1, 0);
        }

        int isize = BinaryPrimitives.ReadInt32LittleEndian(scratch.AsSpan(blockSize - 4));
        if (isize == 0)
        {
            return (0, blockSize);
        }

        if (isize > destination.Length || !Bgzf.Deflate.TryInflate(scratch, 18, blockSize - 18 - 8, destination, out int total))
        {
            return (-1, 0);
        }

        return (total, blockSize);
    }
}
