using System.Buffers.Binary;
using OpenGms.Genomics.Indexing;

namespace OpenGms.Genomics.Tests.Indexing;

/// <summary>
/// Indexes damaged in the ways the AFL harness (fuzz/run.sh) found: each must be refused with
/// <see cref="InvalidDataException"/>, never another exception or a huge allocation.
/// </summary>
public sealed class MalformedIndexTests
{
    /// <summary>A tabix header for one contig "1" followed by <paramref name="body"/> (the per-reference data).</summary>
    private static byte[] Tabix(int nRef, params int[] body)
    {
        var bytes = new List<byte>("TBI\u0001"u8.ToArray());
        void Int(int v)
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            bytes.AddRange(b);
        }

        Int(nRef);
        foreach (int v in new[] { 2, 1, 2, 0, '#', 0 })
        {
            Int(v);
        }

        Int(2);
        bytes.AddRange("1\0"u8.ToArray());
        foreach (int v in body)
        {
            Int(v);
        }

        return [.. bytes];
    }

    private static byte[] Csi(int minShift, int depth)
    {
        var bytes = new List<byte>("CSI\u0001"u8.ToArray());
        foreach (int v in new[] { minShift, depth, 0, 0 })
        {
            var b = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            bytes.AddRange(b);
        }

        return [.. bytes];
    }

    public static TheoryData<string, byte[]> Damaged() => new()
    {
        { "negative reference count", Tabix(-1) },
        { "reference count beyond the data", Tabix(1_000_000) },
        { "negative bin count", Tabix(1, -5) },
        { "bin count beyond the data", Tabix(1, int.MaxValue) },
        { "chunk count beyond the data", Tabix(1, 1, 4681, int.MaxValue) },
        { "interval count beyond the data", Tabix(1, 0, 1 << 28) },
        { "CSI depth too deep", Csi(14, 30) },
        { "CSI negative min_shift", Csi(-3, 5) },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Parse_damaged_index_throws_invalid_data(string damage, byte[] data)
    {
        Assert.False(string.IsNullOrEmpty(damage));
        Assert.Throws<InvalidDataException>(() => GenomicIndex.Parse(data));
    }

    [Fact]
    public void Parse_bin_number_above_int_range_is_ignored_like_other_unknown_bins()
    {
        // One bin numbered 0xFFFFFFF0 with no chunks, then an empty linear index: readable, nothing indexed.
        GenomicIndex index = GenomicIndex.Parse(Tabix(1, 1, unchecked((int)0xFFFFFFF0), 0, 0));

        Assert.Empty(index.Query(new GenomicRegion("1", 1, 1000)));
    }
}
