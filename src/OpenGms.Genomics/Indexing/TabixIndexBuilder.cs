using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Bgzf;

namespace OpenGms.Genomics.Indexing;

/// <summary>
/// Builds a tabix (.tbi) index for a BGZF VCF while it is written: call <see cref="Add"/> for each record in file
/// order with the virtual offsets around it, then <see cref="Write"/>. Contigs must be contiguous.
/// </summary>
public sealed class TabixIndexBuilder
{
    private const int MinShift = 14;
    private const int Depth = 5;

    private readonly List<string> _names = [];
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<Dictionary<int, List<BgzfChunk>>> _bins = [];
    private readonly List<List<long>> _linear = [];
    private int _current = -1;
    private long _lastStart;

    /// <summary>Records one record covering 1-based closed [<paramref name="start"/>, <paramref name="end"/>] on <paramref name="chrom"/>.</summary>
    /// <exception cref="InvalidOperationException">The records are not sorted (a contig comes back, or a position goes down).</exception>
    // Called once per record while a file is written: optimised from the first call rather than after tiering.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(string chrom, long start, long end, BgzfVirtualOffset begin, BgzfVirtualOffset stop)
    {
        ArgumentNullException.ThrowIfNull(chrom);
        if (_current < 0 || !string.Equals(_names[_current], chrom, StringComparison.Ordinal))
        {
            if (_ids.ContainsKey(chrom))
            {
                throw new InvalidOperationException($"Cannot index: contig {chrom} is not contiguous in the file.");
            }

            _current = _names.Count;
            _ids[chrom] = _current;
            _names.Add(chrom);
            _bins.Add([]);
            _linear.Add([]);
            _lastStart = 0;
        }

        if (start < _lastStart)
        {
            throw new InvalidOperationException($"Cannot index: records on {chrom} are not sorted ({start} after {_lastStart}).");
        }

        _lastStart = start;
        long beg0 = Math.Max(0, start - 1);
        long end0 = Math.Max(beg0 + 1, end);
        int bin = Binning.RegionToBin(beg0, end0, MinShift, Depth);
        Dictionary<int, List<BgzfChunk>> bins = _bins[_current];
        if (!bins.TryGetValue(bin, out List<BgzfChunk>? chunks))
        {
            bins[bin] = chunks = [];
        }

        if (chunks.Count > 0 && chunks[^1].End.BlockAddress == begin.BlockAddress)
        {
            chunks[^1] = new BgzfChunk(chunks[^1].Begin, stop);
        }
        else
        {
            chunks.Add(new BgzfChunk(begin, stop));
        }

        List<long> linear = _linear[_current];
        long first = beg0 >> MinShift;
        long last = (end0 - 1) >> MinShift;
        while (linear.Count <= last)
        {
            linear.Add(-1);
        }

        for (long k = first; k <= last; k++)
        {
            if (linear[(int)k] < 0)
            {
                linear[(int)k] = (long)begin.Value;
            }
        }
    }

    /// <summary>Writes the index (BGZF-compressed) to <paramref name="path"/> through a temporary file.</summary>
    public void Write(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string temp = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            using (var bgzf = new BgzfWriteStream(file))
            {
                WriteTo(bgzf);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    private void WriteTo(Stream s)
    {
        byte[] b = new byte[8];
        void I32(int v)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, v);
            s.Write(b, 0, 4);
        }

        void U64(ulong v)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b, v);
            s.Write(b, 0, 8);
        }

        s.Write("TBI\u0001"u8);
        I32(_names.Count);
        I32(2); // format: VCF
        I32(1); // col_seq
        I32(2); // col_beg
        I32(0); // col_end
        I32('#'); // meta
        I32(0); // skip
        byte[] names = Encoding.UTF8.GetBytes(string.Concat(_names.Select(n => n + "\0")));
        I32(names.Length);
        s.Write(names);
        for (int r = 0; r < _names.Count; r++)
        {
            Dictionary<int, List<BgzfChunk>> bins = _bins[r];
            I32(bins.Count);
            foreach (int bin in bins.Keys.Order())
            {
                List<BgzfChunk> chunks = bins[bin];
                I32(bin);
                I32(chunks.Count);
                foreach (BgzfChunk c in chunks)
                {
                    U64(c.Begin.Value);
                    U64(c.End.Value);
                }
            }

            List<long> linear = _linear[r];
            I32(linear.Count);
            long previous = 0;
            foreach (long v in linear)
            {
                // Windows without records point at the previous window's first record (as tabix does).
                long value = v < 0 ? previous : v;
                U64((ulong)value);
                previous = value;
            }
        }
    }
}
