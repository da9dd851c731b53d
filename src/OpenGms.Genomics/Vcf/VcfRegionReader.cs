using OpenGms.Genomics.Indexing;

namespace OpenGms.Genomics.Vcf;

/// <summary>
/// Reads the records of a BGZF VCF that overlap a set of regions, using its tabix or CSI index. Regions are sorted
/// and merged first, so a record is returned once even when regions overlap. Coordinates are 1-based closed.
/// Many small regions (say, the few hundred windows of a pharmacogenomic panel) are cheap: after each seek the
/// reader inflates only as much as the region needs (see <see cref="VcfReader.Seek"/>).
/// </summary>
public sealed class VcfRegionReader
{
    private readonly VcfReader _reader;
    private readonly GenomicIndex _index;
    private readonly List<GenomicRegion> _regions;
    private int _region = -1;
    private bool _active;
    private byte[] _regionChrom = [];

    /// <summary>Creates a reader over <paramref name="reader"/> (a BGZF file) for <paramref name="regions"/>.</summary>
    public VcfRegionReader(VcfReader reader, GenomicIndex index, IEnumerable<GenomicRegion> regions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(regions);
        _reader = reader;
        _index = index;
        _regions = Merge(regions, index);
    }

    /// <summary>The current record.</summary>
    public VcfRecord Current => _reader.Current;

    /// <summary>Moves to the next overlapping record; false when all regions are done.</summary>
    public bool Read()
    {
        while (true)
        {
            if (!_active)
            {
                if (!NextRegion())
                {
                    return false;
                }
            }

            if (!_reader.Read())
            {
                _active = false;
                continue;
            }

            GenomicRegion region = _regions[_region];
            VcfRecord r = _reader.Current;
            if (!r.Chrom.SequenceEqual(_regionChrom))
            {
                _active = false;
                continue;
            }

            long pos = r.Position;
            if (pos > region.End)
            {
                _active = false;
                continue;
            }

            long end = VcfWriter.RecordEnd(r.Line, pos);
            if (region.Overlaps(pos, end))
            {
                return true;
            }
        }
    }

    private bool NextRegion()
    {
        while (++_region < _regions.Count)
        {
            IReadOnlyList<BgzfChunk> chunks = _index.Query(_regions[_region]);
            if (chunks.Count == 0)
            {
                continue;
            }

            _reader.Seek(chunks[0].Begin);
            _regionChrom = System.Text.Encoding.UTF8.GetBytes(_regions[_region].Chrom);
            _active = true;
            return true;
        }

        return false;
    }

    private static List<GenomicRegion> Merge(IEnumerable<GenomicRegion> regions, GenomicIndex index)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < index.ContigNames.Count; i++)
        {
            order[index.ContigNames[i]] = i;
        }

        var list = regions.OrderBy(r => order.TryGetValue(r.Chrom, out int o) ? o : int.MaxValue).ThenBy(r => r.Chrom, StringComparer.Ordinal).ThenBy(r => r.Start).ToList();
        var merged = new List<GenomicRegion>(list.Count);
        foreach (GenomicRegion r in list)
        {
            if (merged.Count > 0 && merged[^1].Chrom == r.Chrom && r.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, r.End) };
            }
            else
            {
                merged.Add(r);
            }
        }

        return merged;
    }
}
