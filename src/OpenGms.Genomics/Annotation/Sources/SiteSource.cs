using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>
/// Looks up alleles in one compiled sites source. Queries in file order (as a sorted VCF is annotated) walk the
/// source once, merge-join style; a query behind the cursor, on another contig or far ahead seeks through the tabix
/// index. Matching is allele-exact after trimming (the source was trimmed, and left-aligned when compiled with a
/// reference, so input should be normalised the same way: <c>gms vcf normalise -m -any -f REF</c>).
/// </summary>
public sealed class SiteSource : IDisposable
{
    /// <summary>Beyond this gap (bp) a forward query seeks through the index instead of reading through.</summary>
    private const long SeekGap = 1 << 20;

    private readonly VcfReader _reader;
    private readonly GenomicIndex _index;
    private readonly Dictionary<string, string?> _contigs = new(StringComparer.Ordinal);
    private readonly List<Site> _atPosition = [];
    private VcfRegionReader? _region;
    private string? _contig;
    private long _position = -1;
    private Site? _ahead;
    private bool _exhausted;

    private SiteSource(SourceEntry entry, VcfReader reader, GenomicIndex index)
    {
        Entry = entry;
        _reader = reader;
        _index = index;
    }

    /// <summary>What this source is.</summary>
    public SourceEntry Entry { get; }

    /// <summary>Opens the compiled file of <paramref name="entry"/> in <paramref name="cacheDirectory"/>.</summary>
    /// <exception cref="InvalidDataException">The compiled file or its index is missing or unreadable.</exception>
    public static SiteSource Open(string cacheDirectory, SourceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string path = Path.Combine(cacheDirectory, entry.File);
        if (!File.Exists(path) || !File.Exists(path + ".tbi"))
        {
            throw new InvalidDataException($"{path}: the compiled source '{entry.Name}' or its index is missing; run 'gms annotation add-source' again.");
        }

        GenomicIndex index = GenomicIndex.Read(path + ".tbi");
        return new SiteSource(entry, VcfReader.Open(path, parallelism: 1), index);
    }

    /// <summary>The INFO text (and ID) of the source record for this allele, or null when the source has none.</summary>
    /// <param name="chrom">Contig as the input names it (chr prefixes are matched loosely).</param>
    /// <param name="pos">1-based position.</param>
    /// <param name="refAllele">REF.</param>
    /// <param name="alt">ALT (symbolic alleles never match).</param>
    public SourceHit? Lookup(string chrom, long pos, string refAllele, string alt)
    {
        ArgumentNullException.ThrowIfNull(chrom);
        ArgumentNullException.ThrowIfNull(refAllele);
        ArgumentNullException.ThrowIfNull(alt);
        if (alt.Length == 0 || alt[0] == '<' || alt == "*" || alt.Contains('[', StringComparison.Ordinal) || alt.Contains(']', StringComparison.Ordinal))
        {
            return null;
        }

        (long p, string a, string b) = AlleleNormaliser.Normalise(chrom, pos, refAllele.ToUpperInvariant(), alt.ToUpperInvariant(), null, 0);
        if (!_contigs.TryGetValue(chrom, out string? contig))
        {
            contig = ContigNames.Match(chrom, _index.ContigNames);
            _contigs[chrom] = contig;
        }

        if (contig is null)
        {
            return null;
        }

        if (!string.Equals(contig, _contig, StringComparison.Ordinal) || p < _position || p - _position > SeekGap)
        {
            Seek(contig, p);
        }

        if (p != _position)
        {
            Advance(p);
        }

        foreach (Site site in _atPosition)
        {
            if (string.Equals(site.Ref, a, StringComparison.Ordinal) && string.Equals(site.Alt, b, StringComparison.Ordinal))
            {
                return new SourceHit(Entry, site.Id, site.Info);
            }
        }

        return null;
    }

    /// <summary>
    /// Every record of the source overlapping <paramref name="start"/>..<paramref name="end"/> (1-based, closed), e.g. the
    /// ClinVar alleles of one codon for ACMG PS1/PM5. The next <see cref="Lookup"/> seeks afresh.
    /// </summary>
    public IReadOnlyList<SourceSite> Query(string chrom, long start, long end)
    {
        ArgumentNullException.ThrowIfNull(chrom);
        if (!_contigs.TryGetValue(chrom, out string? contig))
        {
            contig = ContigNames.Match(chrom, _index.ContigNames);
            _contigs[chrom] = contig;
        }

        var sites = new List<SourceSite>();
        if (contig is null)
        {
            return sites;
        }

        _contig = null; // the merge-join cursor is lost
        var region = new VcfRegionReader(_reader, _index, [new GenomicRegion(contig, start, end)]);
        while (region.Read())
        {
            VcfRecord r = region.Current;
            sites.Add(new SourceSite(r.Position, Encoding.UTF8.GetString(r.Ref), Encoding.UTF8.GetString(r.AltText),
                new SourceHit(Entry, Encoding.UTF8.GetString(r.Id), Encoding.UTF8.GetString(r.InfoText))));
        }

        return sites;
    }

    private void Seek(string contig, long pos)
    {
        _contig = contig;
        _region = new VcfRegionReader(_reader, _index, [new GenomicRegion(contig, pos, long.MaxValue)]);
        _position = pos - 1;
        _atPosition.Clear();
        _ahead = null;
        _exhausted = false;
    }

    /// <summary>Fills <see cref="_atPosition"/> with the source's records at <paramref name="pos"/> (ahead of the cursor).</summary>
    private void Advance(long pos)
    {
        _atPosition.Clear();
        _position = pos;
        if (_ahead is not null)
        {
            if (_ahead.Pos > pos)
            {
                return;
            }

            if (_ahead.Pos == pos)
            {
                _atPosition.Add(_ahead);
            }

            _ahead = null;
        }

        while (!_exhausted)
        {
            if (!_region!.Read())
            {
                _exhausted = true;
                return;
            }

            VcfRecord r = _region.Current;
            long at = r.Position;
            if (at < pos)
            {
                continue;
            }

            var site = new Site(at, Encoding.UTF8.GetString(r.Ref), Encoding.UTF8.GetString(r.AltText), Encoding.UTF8.GetString(r.Id), Encoding.UTF8.GetString(r.InfoText));
            if (at > pos)
            {
                _ahead = site;
                return;
            }

            _atPosition.Add(site);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private sealed record Site(long Pos, string Ref, string Alt, string Id, string Info);
}

/// <summary>A source record found by a region query.</summary>
/// <param name="Position">1-based position (after the source's normalisation).</param>
/// <param name="Ref">REF.</param>
/// <param name="Alt">ALT (one allele: sources are split).</param>
/// <param name="Hit">Its fields.</param>
public sealed record SourceSite(long Position, string Ref, string Alt, SourceHit Hit);

/// <summary>A source's record for one allele.</summary>
/// <param name="Source">The source.</param>
/// <param name="Id">The record's ID column (the ClinVar variation id), or <c>.</c>.</param>
/// <param name="Info">The compiled INFO text (fields named as in docs/annotation.md).</param>
public sealed record SourceHit(SourceEntry Source, string Id, string Info)
{
    private Dictionary<string, string>? _fields;

    /// <summary>The value of INFO field <paramref name="key"/>, or null.</summary>
    public string? Get(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        // Parsed once, on the first call: the output asks a hit for up to a dozen fields.
        _fields ??= Parse(Info);
        return _fields.GetValueOrDefault(key);
    }

    private static Dictionary<string, string> Parse(string info)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in info.Split(';'))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields.TryAdd(part[..eq], part[(eq + 1)..]);
            }
        }

        return fields;
    }
}
