using System.Buffers.Binary;
using System.Text;
using OpenGms.Genomics.Bgzf;

namespace OpenGms.Genomics.Indexing;

/// <summary>A stretch of a BGZF file between two virtual offsets.</summary>
/// <param name="Begin">First byte.</param>
/// <param name="End">One past the last byte.</param>
public readonly record struct BgzfChunk(BgzfVirtualOffset Begin, BgzfVirtualOffset End);

/// <summary>
/// A tabix (.tbi) or CSI (.csi) index read into memory (SAM specification section 5 and the CSI and tabix
/// specifications): per contig, bins of chunks and, for tabix, the 16 kb linear index. Answers "which chunks may
/// hold records overlapping this region".
/// </summary>
public sealed class GenomicIndex
{
    private readonly Dictionary<string, int> _refIndex;
    private readonly List<Dictionary<int, BgzfChunk[]>> _bins;
    private readonly List<long[]> _linear;
    private readonly List<Dictionary<int, long>> _binMinOffsets;

    private GenomicIndex(bool isCsi, int minShift, int depth, IReadOnlyList<string> names, List<Dictionary<int, BgzfChunk[]>> bins, List<long[]> linear, List<Dictionary<int, long>> binMinOffsets)
    {
        IsCsi = isCsi;
        MinShift = minShift;
        Depth = depth;
        ContigNames = names;
        _bins = bins;
        _linear = linear;
        _binMinOffsets = binMinOffsets;
        _refIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            _refIndex.TryAdd(names[i], i);
        }
    }

    /// <summary>True for CSI, false for tabix.</summary>
    public bool IsCsi { get; }

    /// <summary>Bits of the smallest bin (14 for tabix: 16 kb).</summary>
    public int MinShift { get; }

    /// <summary>Levels of bins below the root (5 for tabix).</summary>
    public int Depth { get; }

    /// <summary>Contig names in index order.</summary>
    public IReadOnlyList<string> ContigNames { get; }

    /// <summary>Finds the index beside <paramref name="dataPath"/> (<c>.tbi</c> then <c>.csi</c>) and reads it; null when there is none.</summary>
    public static GenomicIndex? OpenBeside(string dataPath)
    {
        foreach (string ext in (string[])[".tbi", ".csi"])
        {
            if (File.Exists(dataPath + ext))
            {
                return Read(dataPath + ext);
            }
        }

        return null;
    }

    /// <summary>Reads a .tbi or .csi file (both are BGZF-compressed).</summary>
    public static GenomicIndex Read(string path)
    {
        using Stream raw = BgzfReadStream.OpenRead(path, out _, parallelism: 1);
        using var ms = new MemoryStream();
        raw.CopyTo(ms);
        return Parse(ms.GetBuffer().AsSpan(0, (int)ms.Length));
    }

    /// <summary>Parses the uncompressed bytes of a .tbi or .csi file.</summary>
    public static GenomicIndex Parse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        ReadOnlySpan<byte> magic = r.Bytes(4);
        bool csi;
        if (magic.SequenceEqual("TBI\u0001"u8))
        {
            csi = false;
        }
        else if (magic.SequenceEqual("CSI\u0001"u8))
        {
            csi = true;
        }
        else
        {
            throw new InvalidDataException("Not a tabix (.tbi) or CSI (.csi) index: bad magic.");
        }

        int minShift = 14;
        int depth = 5;
        IReadOnlyList<string> names = [];
        int nRef;
        if (csi)
        {
            minShift = r.Int32();
            depth = r.Int32();
            // Invariant: the binned span (min_shift + 3 * depth bits) fits a 64-bit position, and the bin numbers of
            // depth levels fit an int (depth <= 9 gives 153,391,689 bins; htslib writes depth 5 to 7 in practice).
            if (minShift is < 0 or > 62 || depth is < 0 or > 9 || minShift + (3 * depth) > 62)
            {
                throw new InvalidDataException($"The CSI index has an impossible min_shift ({minShift}) or depth ({depth}).");
            }

            int lAux = r.Int32();
            ReadOnlySpan<byte> aux = r.Bytes(lAux);
            nRef = r.Count(8, "reference");
            if (lAux >= 28)
            {
                var a = new SpanReader(aux);
                a.Bytes(24);
                int lNm = a.Int32();
                names = SplitNames(a.Bytes(lNm));
            }
        }
        else
        {
            nRef = r.Count(8, "reference");
            r.Bytes(24); // format, col_seq, col_beg, col_end, meta, skip
            int lNm = r.Int32();
            names = SplitNames(r.Bytes(lNm));
        }

        int pseudo = Binning.BinLimit(depth) + 1;
        var bins = new List<Dictionary<int, BgzfChunk[]>>(nRef);
        var linear = new List<long[]>(nRef);
        var loffsets = new List<Dictionary<int, long>>(nRef);
        for (int i = 0; i < nRef; i++)
        {
            int nBin = r.Count(csi ? 16 : 8, "bin");
            var map = new Dictionary<int, BgzfChunk[]>(nBin);
            var lo = new Dictionary<int, long>();
            for (int b = 0; b < nBin; b++)
            {
                uint bin = r.UInt32();
                long loffset = csi ? (long)r.UInt64() : 0;
                int nChunk = r.Count(16, "chunk");
                var chunks = new BgzfChunk[nChunk];
                for (int c = 0; c < nChunk; c++)
                {
                    chunks[c] = new BgzfChunk(new BgzfVirtualOffset(r.UInt64()), new BgzfVirtualOffset(r.UInt64()));
                }

                if (bin < (uint)(pseudo - 1))
                {
                    map[(int)bin] = chunks;
                    lo[(int)bin] = loffset;
                }
            }

            long[] intervals = [];
            if (!csi)
            {
                int nIntv = r.Count(8, "linear-index interval");
                intervals = new long[nIntv];
                for (int k = 0; k < nIntv; k++)
                {
                    intervals[k] = (long)r.UInt64();
                }
            }

            bins.Add(map);
            linear.Add(intervals);
            loffsets.Add(lo);
        }

        return new GenomicIndex(csi, minShift, depth, names, bins, linear, loffsets);
    }

    /// <summary>
    /// The chunks, sorted and merged, that may hold records overlapping <paramref name="region"/>; empty when the
    /// contig is not in the index.
    /// </summary>
    public IReadOnlyList<BgzfChunk> Query(GenomicRegion region)
    {
        if (!_refIndex.TryGetValue(region.Chrom, out int rid) || rid >= _bins.Count)
        {
            return [];
        }

        // To 0-based half-open, capped to what the scheme can address.
        long maxPos = 1L << (MinShift + (Depth * 3));
        long beg = Math.Max(0, region.Start - 1);
        long end = Math.Min(region.End, maxPos);
        if (beg >= end)
        {
            beg = Math.Max(0, end - 1);
        }

        var binList = new List<int>();
        Binning.RegionToBins(beg, end, MinShift, Depth, binList);
        long minOffset = 0;
        long[] lin = _linear[rid];
        if (lin.Length > 0)
        {
            long k = Math.Min(beg >> MinShift, lin.Length - 1);
            minOffset = lin[k];
        }

        var chunks = new List<BgzfChunk>();
        Dictionary<int, BgzfChunk[]> map = _bins[rid];
        foreach (int bin in binList)
        {
            if (!map.TryGetValue(bin, out BgzfChunk[]? list))
            {
                continue;
            }

            foreach (BgzfChunk c in list)
            {
                if ((long)c.End.Value > minOffset)
                {
                    chunks.Add(c);
                }
            }
        }

        chunks.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        var merged = new List<BgzfChunk>(chunks.Count);
        foreach (BgzfChunk c in chunks)
        {
            if (merged.Count > 0 && c.Begin <= merged[^1].End)
            {
                BgzfChunk last = merged[^1];
                merged[^1] = new BgzfChunk(last.Begin, c.End > last.End ? c.End : last.End);
            }
            else
            {
                merged.Add(c);
            }
        }

        return merged;
    }

    private static string[] SplitNames(ReadOnlySpan<byte> names)
    {
        var list = new List<string>();
        foreach (ReadOnlySpan<byte> n in new Vcf.VcfListEnumerator(names, 0))
        {
            if (!n.IsEmpty)
            {
                list.Add(Encoding.UTF8.GetString(n));
            }
        }

        return [.. list];
    }

    private ref struct SpanReader
    {
        private ReadOnlySpan<byte> _data;

        public SpanReader(ReadOnlySpan<byte> data) => _data = data;

        public ReadOnlySpan<byte> Bytes(int n)
        {
            if (n < 0 || n > _data.Length)
            {
                throw new InvalidDataException("The index is truncated.");
            }

            ReadOnlySpan<byte> b = _data[..n];
            _data = _data[n..];
            return b;
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));

        /// <summary>Reads an item count and checks it against the bytes left (each item needs at least <paramref name="minItemBytes"/>).</summary>
        public int Count(int minItemBytes, string what)
        {
            int n = Int32();
            if (n < 0 || n > _data.Length / minItemBytes)
            {
                throw new InvalidDataException($"The index has an impossible {what} count ({n}) for its size.");
            }

            return n;
        }

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8));
    }
}
