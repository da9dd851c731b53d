using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>
/// Adds the compiled supplementary sources of a cache to annotation output: per allele, population frequencies
/// (<c>frequencies.NAME</c>) and the ClinVar record (<c>clinvar</c>) in JSON, <c>NAME_*</c> INFO fields in VCF; per gene,
/// constraint and HGNC id (<c>genes</c>, JSON only).
/// </summary>
public sealed class SupplementaryAnnotator : IDisposable
{
    private readonly List<SiteSource> _sites;
    private readonly IReadOnlyDictionary<string, GeneInfo> _genes;

    private SupplementaryAnnotator(List<SiteSource> sites, IReadOnlyDictionary<string, GeneInfo> genes)
    {
        _sites = sites;
        _genes = genes;
    }

    /// <summary>The sources in use.</summary>
    public IReadOnlyList<SourceEntry> Sources => [.. _sites.Select(s => s.Entry)];

    /// <summary>True when a site source (population or ClinVar) is in use, so records must be looked up.</summary>
    public bool HasSiteSources => _sites.Count > 0;

    /// <summary>Opens the sources of <paramref name="cacheDirectory"/> named in <paramref name="names"/> (null: all of them).</summary>
    /// <exception cref="InvalidDataException">The manifest or a compiled file cannot be read.</exception>
    /// <exception cref="ArgumentException">A name is not a source of this cache.</exception>
    public static SupplementaryAnnotator Open(string cacheDirectory, IReadOnlyCollection<string>? names)
    {
        IReadOnlyList<SourceEntry> all = SourceManifest.Read(cacheDirectory);
        if (names is not null)
        {
            foreach (string name in names)
            {
                if (!all.Any(e => string.Equals(e.Name, name, StringComparison.Ordinal)))
                {
                    throw new ArgumentException($"'{name}' is not a source of this cache (it has: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(e => e.Name)))}).", nameof(names));
                }
            }
        }

        var chosen = all.Where(e => names is null || names.Contains(e.Name)).ToList();
        var sites = new List<SiteSource>();
        try
        {
            foreach (SourceEntry e in chosen.Where(e => e.Kind is SourceKind.Population or SourceKind.ClinVar))
            {
                sites.Add(SiteSource.Open(cacheDirectory, e));
            }

            return new SupplementaryAnnotator(sites, GeneTable.Load(cacheDirectory, chosen));
        }
        catch
        {
            sites.ForEach(s => s.Dispose());
            throw;
        }
    }

    /// <summary>INFO header lines for the VCF output.</summary>
    public IEnumerable<string> VcfHeaderLines()
    {
        foreach (SiteSource s in _sites)
        {
            string n = s.Entry.Name;
            string v = $"{s.Entry.SourceFile}, version {s.Entry.Version ?? "unknown"}";
            if (s.Entry.Kind == SourceKind.Population)
            {
                yield return $"##INFO=<ID={n}_AF,Number=A,Type=Float,Description=\"Allele frequency in {n} ({v})\">";
                yield return $"##INFO=<ID={n}_GRPMAX_AF,Number=A,Type=Float,Description=\"Highest group allele frequency in {n} (grpmax/popmax)\">";
                yield return $"##INFO=<ID={n}_NHOMALT,Number=A,Type=Integer,Description=\"Homozygous individuals in {n}\">";
            }
            else
            {
                yield return $"##INFO=<ID={n}_ID,Number=A,Type=String,Description=\"ClinVar variation id ({v})\">";
                yield return $"##INFO=<ID={n}_CLNSIG,Number=A,Type=String,Description=\"ClinVar clinical significance\">";
                yield return $"##INFO=<ID={n}_STARS,Number=A,Type=Integer,Description=\"ClinVar review status in gold stars (0-4)\">";
            }
        }
    }

    /// <summary>Looks every source up for each allele of a record.</summary>
    public SourceHit?[][] LookupAll(string chrom, long pos, string refAllele, IReadOnlyList<string> alts)
    {
        ArgumentNullException.ThrowIfNull(alts);
        var hits = new SourceHit?[_sites.Count][];
        for (int s = 0; s < _sites.Count; s++)
        {
            hits[s] = new SourceHit?[alts.Count];
            for (int a = 0; a < alts.Count; a++)
            {
                hits[s][a] = _sites[s].Lookup(chrom, pos, refAllele, alts[a]);
            }
        }

        return hits;
    }

    /// <summary>Appends <c>;NAME_AF=…</c> and the like (one value per ALT, <c>.</c> where a source has none).</summary>
    public void AppendVcfInfo(StringBuilder info, SourceHit?[][] hits)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(hits);
        for (int s = 0; s < _sites.Count; s++)
        {
            SourceHit?[] perAllele = hits[s];
            if (perAllele.All(h => h is null))
            {
                continue;
            }

            string n = _sites[s].Entry.Name;
            if (_sites[s].Entry.Kind == SourceKind.Population)
            {
                Field(info, n + "_AF", perAllele, h => h.Get("AF"));
                Field(info, n + "_GRPMAX_AF", perAllele, h => h.Get("GRPMAX_AF"));
                Field(info, n + "_NHOMALT", perAllele, h => h.Get("NHOMALT"));
            }
            else
            {
                Field(info, n + "_ID", perAllele, h => h.Id);
                Field(info, n + "_CLNSIG", perAllele, h => h.Get("CLNSIG"));
                Field(info, n + "_STARS", perAllele, h => h.Get("STARS"));
            }
        }
    }

    private static void Field(StringBuilder info, string key, SourceHit?[] hits, Func<SourceHit, string?> value)
    {
        if (hits.All(h => h is null || value(h) is null))
        {
            return;
        }

        if (info.Length > 0)
        {
            info.Append(';');
        }

        info.Append(key).Append('=');
        for (int i = 0; i < hits.Length; i++)
        {
            if (i > 0)
            {
                info.Append(',');
            }

            info.Append((hits[i] is SourceHit h ? value(h) : null) ?? ".");
        }
    }

    /// <summary>Writes <c>"frequencies"</c>, <c>"clinvar"</c> and <c>"genes"</c> for allele <paramref name="allele"/>.</summary>
    public void WriteJson(Utf8JsonWriter json, SourceHit?[][] hits, int allele, IEnumerable<string> geneSymbols)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(geneSymbols);
        json.WriteStartObject("frequencies");
        for (int s = 0; s < _sites.Count; s++)
        {
            if (_sites[s].Entry.Kind != SourceKind.Population || hits[s][allele] is not SourceHit h)
            {
                continue;
            }

            json.WriteStartObject(_sites[s].Entry.Name);
            Number(json, "af", h.Get("AF"));
            Number(json, "ac", h.Get("AC"));
            Number(json, "an", h.Get("AN"));
            Number(json, "nhomalt", h.Get("NHOMALT"));
            if (h.Get("GRPMAX") is string grp)
            {
                json.WriteString("grpmax", grp);
            }

            Number(json, "grpmaxAf", h.Get("GRPMAX_AF"));
            json.WriteStartObject("populations");
            foreach (string pop in SiteSourceCompiler.Populations)
            {
                Number(json, pop, h.Get("AF_" + pop));
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("clinvar");
        for (int s = 0; s < _sites.Count; s++)
        {
            if (_sites[s].Entry.Kind != SourceKind.ClinVar || hits[s][allele] is not SourceHit h)
            {
                continue;
            }

            // The first ClinVar source with a record for the allele speaks.
            json.WriteString("source", _sites[s].Entry.Name);
            json.WriteString("variationId", h.Id);
            json.WriteString("significance", h.Get("CLNSIG")?.Replace('_', ' '));
            json.WriteString("reviewStatus", h.Get("CLNREVSTAT")?.Replace('_', ' ').Replace(", ", ",", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal));
            Number(json, "stars", h.Get("STARS"));
            json.WriteStartArray("conditions");
            foreach (string c in (h.Get("CLNDN") ?? string.Empty).Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                json.WriteStringValue(c.Replace('_', ' '));
            }

            json.WriteEndArray();
            break;
        }

        json.WriteEndObject();
        if (_genes.Count > 0)
        {
            json.WriteStartObject("genes");
            foreach (string symbol in geneSymbols.Distinct(StringComparer.Ordinal))
            {
                if (!_genes.TryGetValue(symbol, out GeneInfo? g))
                {
                    continue;
                }

                json.WriteStartObject(symbol);
                if (g.HgncId is not null)
                {
                    json.WriteString("hgncId", g.HgncId);
                }

                Number(json, "pLI", g.Pli);
                Number(json, "loeuf", g.Loeuf);
                Number(json, "missenseZ", g.MissenseZ);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }
    }

    private static void Number(Utf8JsonWriter json, string name, string? text)
    {
        if (text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            json.WriteNumber(name, v);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v)
        {
            json.WriteNumber(name, v);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _sites.ForEach(s => s.Dispose());
}
