using System.Buffers.Binary;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Reference;

/// <summary>
/// The bgzip <c>.gzi</c> index: for every BGZF block after the first, its compressed and uncompressed start offsets
/// (little-endian: a uint64 count, then count pairs of uint64). The first block, at (0, 0), is implicit.
/// </summary>
public sealed class GziIndex
{
    private readonly long[] _compressed;
    private readonly long[] _uncompressed;

    /// <summary>Creates an index from block start offsets (both arrays sorted, first entry (0, 0)).</summary>
    public GziIndex(long[] compressedOffsets, long[] uncompressedOffsets)
    {
        ArgumentNullException.ThrowIfNull(compressedOffsets);
        ArgumentNullException.ThrowIfNull(uncompressedOffsets);
        if (compressedOffsets.Length != uncompressedOffsets.Length || compressedOffsets.Length == 0)
        {
            throw new ArgumentException("Offset arrays must be non-empty and of equal length.", nameof(compressedOffsets));
        }

        _compressed = compressedOffsets;
        _uncompressed = uncompressedOffsets;
    }

    /// <summary>Number of blocks known to the index (including the implicit first one).</summary>
    public int BlockCount => _compressed.Length;

    /// <summary>Finds the block holding uncompressed offset <paramref name="offset"/>: its compressed and uncompressed start.</summary>
    public (long Compressed, long Uncompressed) BlockFor(long offset)
    {
        int i = Array.BinarySearch(_uncompressed, offset);
        if (i < 0)
        {
            i = ~i - 1;
        }

        // Several empty blocks may share an uncompressed start; any of them works, the reader skips empties.
        return (_compressed[Math.Max(i, 0)], _uncompressed[Math.Max(i, 0)]);
    }

    /// <summary>Reads a <c>.gzi</c> file; a truncated file gives <c>REF005</c>.</summary>
    public static Result<GziIndex> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("REF004", $"{path}: .gzi index not found.");
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
        {
            return Error.BadInput("REF005", $"{path}: truncated .gzi index.");
        }

        ulong count = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (count > (ulong)((bytes.Length - 8) / 16) || (ulong)bytes.Length != 8 + (count * 16))
        {
            return Error.BadInput("REF005", $"{path}: .gzi index length does not match its entry count.");
        }

        long[] c = new long[(int)count + 1];
        long[] u = new long[(int)count + 1];
        for (int i = 0; i < (int)count; i++)
        {
            c[i + 1] = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(8 + (i * 16)));
            u[i + 1] = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(16 + (i * 16)));
        }

        return new GziIndex(c, u);
    }

    /// <summary>Writes the index in <c>.gzi</c> format (temp file, then rename).</summary>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = new byte[8 + ((_compressed.Length - 1) * 16)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(_compressed.Length - 1));
        for (int i = 1; i < _compressed.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(8 + ((i - 1) * 16)), (ulong)_compressed[i]);
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(16 + ((i - 1) * 16)), (ulong)_uncompressed[i]);
        }

        string temp = path + ".tmp" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
