namespace OpenGms.Genomics.Bgzf;

/// <summary>
/// A BGZF virtual file offset (SAM/BAM specification section 4.1): the compressed address of a block start in the
/// upper 48 bits and the offset inside that block's uncompressed data in the lower 16.
/// </summary>
/// <param name="Value">The packed 64-bit value, as stored in .tbi and .csi indexes.</param>
public readonly record struct BgzfVirtualOffset(ulong Value) : IComparable<BgzfVirtualOffset>
{
    /// <summary>Packs a block address and an offset inside the block.</summary>
    /// <param name="blockAddress">Byte offset of the block in the compressed file.</param>
    /// <param name="blockOffset">Offset inside the uncompressed block, 0 to 65535.</param>
    public BgzfVirtualOffset(long blockAddress, int blockOffset)
        : this(((ulong)blockAddress << 16) | (uint)(blockOffset & 0xFFFF))
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blockAddress);
        ArgumentOutOfRangeException.ThrowIfNegative(blockOffset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blockOffset, 0xFFFF);
    }

    /// <summary>Byte offset of the BGZF block in the compressed file.</summary>
    public long BlockAddress => (long)(Value >> 16);

    /// <summary>Offset inside the block's uncompressed data.</summary>
    public int BlockOffset => (int)(Value & 0xFFFF);

    /// <inheritdoc />
    public int CompareTo(BgzfVirtualOffset other) => Value.CompareTo(other.Value);

    /// <summary>True when <paramref name="left"/> comes before <paramref name="right"/> in the file.</summary>
    public static bool operator <(BgzfVirtualOffset left, BgzfVirtualOffset right) => left.Value < right.Value;

    /// <summary>True when <paramref name="left"/> comes after <paramref name="right"/> in the file.</summary>
    public static bool operator >(BgzfVirtualOffset left, BgzfVirtualOffset right) => left.Value > right.Value;

    /// <summary>True when <paramref name="left"/> is not after <paramref name="right"/>.</summary>
    public static bool operator <=(BgzfVirtualOffset left, BgzfVirtualOffset right) => left.Value <= right.Value;

    /// <summary>True when <paramref name="left"/> is not before <paramref name="right"/>.</summary>
    public static bool operator >=(BgzfVirtualOffset left, BgzfVirtualOffset right) => left.Value >= right.Value;

    /// <inheritdoc />
    public override string ToString() => $"{BlockAddress}:{BlockOffset}";
}
