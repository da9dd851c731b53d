using System.Globalization;
using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Infrastructure;

/// <summary>
/// Allele frequencies from a gnomAD-style sites VCF, matched allele-exact (CHROM, POS, REF, ALT as written; both files
/// should be normalised alike). The INFO key (default <c>AF</c>, Number=A) is split by ALT. Code INT030 for a source
/// without the key.
/// </summary>
public sealed class FrequencySource
{
    private readonly Dictionary<string, float> _af;
    private readonly SiteSource? _compiled;

    private FrequencySource(Dictionary<string, float> af, string name, string key, SiteSource? compiled = null)
    {
        _af = af;
        Name = name;
        Key = key;
        _compiled = compiled;
    }

    /// <summary>
    /// A population source compiled into an annotation cache (<c>gms annotation add-source --kind population</c>): read
    /// through its index rather than loaded whole, so a genome-wide gnomAD works. The frequency used is the higher of the
    /// overall AF and the grpmax AF (as Exomiser filters on the highest population frequency).
    /// </summary>
    /// <param name="compiled">The opened source.</param>
    /// <returns>The source.</returns>
    public static FrequencySource FromCache(SiteSource compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        SourceEntry e = compiled.Entry;
        return new FrequencySource([], $"{e.SourceFile} ({e.Name}, {e.Version ?? "version unknown"}, compiled)", "max(AF, GRPMAX_AF)", compiled);
    }

    /// <summary>File name, for reports.</summary>
    public string Name { get; }

    /// <summary>The INFO key read.</summary>
    public string Key { get; }

    /// <summary>Alleles held (0 for a compiled source, which is read on demand).</summary>
    public int Count => _af.Count;

    private static double? FromCompiled(SourceHit? hit)
    {
        if (hit is null)
        {
            return null;
        }

        double? af = CompiledValues.Number(hit.Get("AF"));
        double? grpmax = CompiledValues.Number(hit.Get("GRPMAX_AF"));
        return af is null ? grpmax : grpmax is null ? af : Math.Max(af.Value, grpmax.Value);
    }

    /// <summary>Loads a sites VCF.</summary>
    /// <param name="path">VCF (plain, gzip, BGZF).</param>
    /// <param name="key">INFO key with the frequency (Number=A).</param>
    /// <returns>The source.</returns>
    public static Result<FrequencySource> Load(string path, string key)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(key);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT031", $"{path}: frequency source not found");
        }

        using VcfReader reader = VcfReader.Open(path);
        if (!reader.Header.Info.ContainsKey(key))
        {
            return Error.BadInput("INT030", $"{Path.GetFileName(path)}: no INFO {key} in the header (choose the field with --frequency-key)");
        }

        byte[] keyBytes = Encoding.UTF8.GetBytes(key);
        var af = new Dictionary<string, float>(StringComparer.Ordinal);
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            if (!r.TryGetInfo(keyBytes, out ReadOnlySpan<byte> value))
            {
                continue;
            }

            string prefix = ContigNames.Key(Encoding.UTF8.GetString(r.Chrom)) + ":" + r.Position.ToString(CultureInfo.InvariantCulture) + ":" + Encoding.UTF8.GetString(r.Ref) + ":";
            int i = 0;
            var values = new VcfListEnumerator(value, (byte)',');
            string[] alts = Encoding.UTF8.GetString(r.AltText).Split(',');
            foreach (ReadOnlySpan<byte> v in values)
            {
                if (i < alts.Length && VcfValues.TryParseFloat(v, out float f))
                {
                    af[prefix + alts[i]] = f;
                }

                i++;
            }
        }

        return new FrequencySource(af, Path.GetFileName(path), key);
    }

    /// <summary>The frequency of an allele, or null when absent.</summary>
    /// <param name="chrom">Contig.</param>
    /// <param name="position">VCF position.</param>
    /// <param name="reference">REF.</param>
    /// <param name="alternate">ALT.</param>
    /// <returns>The frequency.</returns>
    public double? Lookup(string chrom, int position, string reference, string alternate) =>
        _compiled is not null ? FromCompiled(_compiled.Lookup(chrom, position, reference, alternate)) :
        _af.TryGetValue(ContigNames.Key(chrom) + ":" + position.ToString(CultureInfo.InvariantCulture) + ":" + reference + ":" + alternate, out float f) ? f : null;
}

/// <summary>The values of a compiled source record the interpretation uses.</summary>
internal static class CompiledValues
{
    public static double? Number(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
}

/// <summary>One ClinVar VCF record's allele.</summary>
/// <param name="Id">Variation id (the VCF ID column).</param>
/// <param name="Position">VCF position.</param>
/// <param name="Reference">REF.</param>
/// <param name="Alternate">ALT.</param>
/// <param name="Significance">CLNSIG.</param>
/// <param name="ReviewStatus">CLNREVSTAT.</param>
public sealed record ClinVarRecord(string Id, int Position, string Reference, string Alternate, string Significance, string? ReviewStatus)
{
    /// <summary>True for Pathogenic, Likely_pathogenic and Pathogenic/Likely_pathogenic (not conflicting).</summary>
    public bool IsPathogenic => Significance.StartsWith("Pathogenic", StringComparison.Ordinal) || Significance.StartsWith("Likely_pathogenic", StringComparison.Ordinal);
}

/// <summary>A ClinVar VCF (NCBI's <c>clinvar.vcf.gz</c> layout: CLNSIG, CLNREVSTAT) held by contig and position.</summary>
public sealed class ClinVarSource
{
    private readonly Dictionary<string, List<ClinVarRecord>> _byContig;
    private readonly SiteSource? _compiled;

    private ClinVarSource(Dictionary<string, List<ClinVarRecord>> byContig, string name, string? version, SiteSource? compiled = null)
    {
        _byContig = byContig;
        Name = name;
        Version = version;
        _compiled = compiled;
    }

    /// <summary>A ClinVar VCF compiled into an annotation cache (<c>gms annotation add-source --kind clinvar</c>), read through its index.</summary>
    /// <param name="compiled">The opened source.</param>
    /// <returns>The source.</returns>
    public static ClinVarSource FromCache(SiteSource compiled)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        return new ClinVarSource([], $"{compiled.Entry.SourceFile} ({compiled.Entry.Name}, compiled)", compiled.Entry.Version, compiled);
    }

    /// <summary>File name.</summary>
    public string Name { get; }

    /// <summary>The <c>##fileDate</c> of the file, when given.</summary>
    public string? Version { get; }

    /// <summary>Loads a ClinVar VCF. Code INT032 when it has no CLNSIG.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The source.</returns>
    public static Result<ClinVarSource> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT033", $"{path}: ClinVar VCF not found");
        }

        using VcfReader reader = VcfReader.Open(path);
        if (!reader.Header.Info.ContainsKey("CLNSIG"))
        {
            return Error.BadInput("INT032", $"{Path.GetFileName(path)}: no INFO CLNSIG in the header: not a ClinVar VCF");
        }

        string? date = reader.Header.MetaLines.FirstOrDefault(m => string.Equals(m.Key, "fileDate", StringComparison.Ordinal))?.Value;
        var map = new Dictionary<string, List<ClinVarRecord>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            if (!r.TryGetInfo("CLNSIG"u8, out ReadOnlySpan<byte> sig))
            {
                continue;
            }

            string review = r.TryGetInfo("CLNREVSTAT"u8, out ReadOnlySpan<byte> rs) ? Encoding.UTF8.GetString(rs) : string.Empty;
            string key = ContigNames.Key(Encoding.UTF8.GetString(r.Chrom));
            if (!map.TryGetValue(key, out List<ClinVarRecord>? list))
            {
                list = [];
                map.Add(key, list);
            }

            string significance = Encoding.UTF8.GetString(sig);
            foreach (ReadOnlySpan<byte> alt in r.Alts)
            {
                list.Add(new ClinVarRecord(Encoding.UTF8.GetString(r.Id), (int)r.Position, Encoding.UTF8.GetString(r.Ref), Encoding.UTF8.GetString(alt), significance, review));
            }
        }

        foreach (List<ClinVarRecord> list in map.Values)
        {
            list.Sort((a, b) => a.Position.CompareTo(b.Position));
        }

        return new ClinVarSource(map, Path.GetFileName(path), date);
    }

    /// <summary>Records whose position lies in [<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <param name="chrom">Contig.</param>
    /// <param name="start">First position.</param>
    /// <param name="end">Last position.</param>
    /// <returns>The records, in position order.</returns>
    public IReadOnlyList<ClinVarRecord> Range(string chrom, int start, int end)
    {
        if (_compiled is not null)
        {
            var found = new List<ClinVarRecord>();
            foreach (SourceSite site in _compiled.Query(chrom, start, end))
            {
                if (site.Position >= start && site.Position <= end && site.Hit.Get("CLNSIG") is string significance)
                {
                    found.Add(new ClinVarRecord(site.Hit.Id, (int)site.Position, site.Ref, site.Alt, significance, site.Hit.Get("CLNREVSTAT")));
                }
            }

            return found;
        }

        if (!_byContig.TryGetValue(ContigNames.Key(chrom), out List<ClinVarRecord>? list))
        {
            return [];
        }

        int lo = 0;
        int hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].Position < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var result = new List<ClinVarRecord>();
        for (int i = lo; i < list.Count && list[i].Position <= end; i++)
        {
            result.Add(list[i]);
        }

        return result;
    }

    /// <summary>The record for exactly this allele, or null.</summary>
    /// <param name="chrom">Contig.</param>
    /// <param name="position">Position.</param>
    /// <param name="reference">REF.</param>
    /// <param name="alternate">ALT.</param>
    /// <returns>The record.</returns>
    public ClinVarRecord? Find(string chrom, int position, string reference, string alternate)
    {
        if (_compiled is not null)
        {
            SourceHit? hit = _compiled.Lookup(chrom, position, reference, alternate);
            return hit?.Get("CLNSIG") is string significance
                ? new ClinVarRecord(hit.Id, position, reference, alternate, significance, hit.Get("CLNREVSTAT"))
                : null;
        }

        foreach (ClinVarRecord r in Range(chrom, position, position))
        {
            if (string.Equals(r.Reference, reference, StringComparison.Ordinal) && string.Equals(r.Alternate, alternate, StringComparison.Ordinal))
            {
                return r;
            }
        }

        return null;
    }
}
