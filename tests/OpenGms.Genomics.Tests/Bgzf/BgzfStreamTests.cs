using System.IO.Compression;
using OpenGms.Genomics.Bgzf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Bgzf;

public sealed class BgzfStreamTests
{
    private static byte[] Sample(int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            // Text-like data with some repetition, so blocks compress unevenly.
            data[i] = (byte)"ACGT\t\n0123456789"[random.Next(random.Next(2) == 0 ? 4 : 16)];
        }

        return data;
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(10, 1)]
    [InlineData(300_000, 1)]
    [InlineData(1_000_000, 2)]
    [InlineData(1_000_000, 1)]
    public void WriteThenRead_any_size_round_trips(int length, int parallelism)
    {
        byte[] data = Sample(length, length);
        using var file = new MemoryStream();
        using (var writer = new BgzfWriteStream(file, leaveOpen: true))
        {
            writer.Write(data);
        }

        file.Position = 0;
        using var reader = new BgzfReadStream(file, leaveOpen: true, parallelism);
        using var copy = new MemoryStream();
        reader.CopyTo(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public void Write_ends_with_the_eof_block_and_is_readable_by_gzip()
    {
        byte[] data = Sample(200_000, 7);
        using var file = new MemoryStream();
        using (var writer = new BgzfWriteStream(file, leaveOpen: true))
        {
            writer.Write(data);
        }

        byte[] bytes = file.ToArray();
        // SAM specification section 4.1.2: the 28-byte empty block.
        byte[] eof = Convert.FromHexString("1f8b08040000000000ff0600424302001b0003000000000000000000");
        Assert.Equal(eof, bytes[^28..]);
        using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var copy = new MemoryStream();
        gz.CopyTo(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public void Seek_to_recorded_virtual_offset_reads_from_there()
    {
        byte[] data = Sample(500_000, 3);
        var marks = new List<(BgzfVirtualOffset Offset, int Index)>();
        using var file = new MemoryStream();
        using (var writer = new BgzfWriteStream(file, leaveOpen: true))
        {
            for (int i = 0; i < data.Length; i += 50_000)
            {
                marks.Add((writer.VirtualOffset, i));
                writer.Write(data.AsSpan(i, Math.Min(50_000, data.Length - i)));
            }
        }

        using var reader = new BgzfReadStream(file, leaveOpen: true);
        var buffer = new byte[100];
        foreach ((BgzfVirtualOffset offset, int index) in Enumerable.Reverse(marks))
        {
            reader.Seek(offset);
            int n = reader.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            Assert.Equal(data.AsSpan(index, Math.Min(100, data.Length - index)).ToArray(), buffer.AsSpan(0, n).ToArray());
        }
    }

    [Fact]
    public void Read_corrupt_block_throws_invalid_data()
    {
        using var file = new MemoryStream();
        using (var writer = new BgzfWriteStream(file, leaveOpen: true))
        {
            writer.Write(Sample(100_000, 5));
        }

        byte[] bytes = file.ToArray();
        bytes[40] ^= 0xFF;
        using var reader = new BgzfReadStream(new MemoryStream(bytes));
        Assert.Throws<InvalidDataException>(() => reader.CopyTo(Stream.Null));
    }

    [Fact]
    public void Crc32_matches_the_bitwise_definition()
    {
        // Oracle: the bit-by-bit CRC-32 (polynomial 0xEDB88320) against the table or native implementation.
        byte[] data = Sample(10_000, 11);
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        Assert.Equal(~crc, Deflate.Crc32(0, data));
    }

    [Fact]
    public void OpenRead_htslib_bgzip_test_file_matches_gzip()
    {
        string path = SharedData.PathOf("variants/vcf-conformance/htslib/bgziptest.txt.gz");
        using Stream ours = BgzfReadStream.OpenRead(path, out CompressionFormat format);
        using var copy = new MemoryStream();
        ours.CopyTo(copy);
        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var expected = new MemoryStream();
        gz.CopyTo(expected);
        Assert.Equal(CompressionFormat.Bgzf, format);
        Assert.Equal(expected.ToArray(), copy.ToArray());
    }

    [Fact]
    public void OpenRead_plain_gzip_is_decompressed()
    {
        using var dir = new TempDirectory();
        string path = dir.File("plain.gz");
        byte[] data = Sample(100_000, 9);
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(data);
        }

        using Stream s = BgzfReadStream.OpenRead(path, out CompressionFormat format);
        using var copy = new MemoryStream();
        s.CopyTo(copy);
        Assert.Equal(CompressionFormat.Gzip, format);
        Assert.Equal(data, copy.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_279)]
    [InlineData(2_000_000)]
    public void Write_parallel_compression_gives_the_same_bytes_and_block_callbacks(int length)
    {
        byte[] data = Sample(length, 11);
        (byte[] single, List<(long Address, int Size, int Length)> singleBlocks) = WriteWith(data, parallelism: 1);
        Assert.True(single.Length >= 28);
        foreach (int threads in new[] { 2, 3, 8 })
        {
            (byte[] parallel, List<(long Address, int Size, int Length)> blocks) = WriteWith(data, threads);
            Assert.Equal(single, parallel);
            Assert.Equal(singleBlocks, blocks);
        }

        // The callbacks describe the file: each block starts where the previous ended, and the data adds up.
        long next = 0;
        foreach ((long address, int size, int _) in singleBlocks)
        {
            Assert.Equal(next, address);
            next += size;
        }

        Assert.Equal(single.Length - 28, next);
        Assert.Equal(length, singleBlocks.Sum(b => b.Length));
    }

    private static (byte[] Bytes, List<(long Address, int Size, int Length)> Blocks) WriteWith(byte[] data, int parallelism)
    {
        var blocks = new List<(long, int, int)>();
        using var file = new MemoryStream();
        using (var writer = new BgzfWriteStream(file, leaveOpen: true, parallelism: parallelism, onBlock: (d, a, s) => blocks.Add((a, s, d.Length))))
        {
            // Odd-sized writes, so blocks are cut inside writes.
            for (int i = 0; i < data.Length; i += 7_777)
            {
                writer.Write(data.AsSpan(i, Math.Min(7_777, data.Length - i)));
            }
        }

        return (file.ToArray(), blocks);
    }
}
