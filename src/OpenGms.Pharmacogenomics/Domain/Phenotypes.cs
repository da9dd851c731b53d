namespace OpenGms.Pharmacogenomics.Domain;

/// <summary>One row of a gene's diplotype table: the alleles (with counts), the phenotype and the guideline lookup key.</summary>
internal sealed record DiplotypePhenotype(IReadOnlyDictionary<string, int> Key, string Phenotype, string LookupKey, string? ActivityScore);

/// <summary>A gene's phenotype file: allele functions, activity values and the diplotype table.</summary>
internal sealed class GenePhenotypeMap
{
    private readonly Dictionary<string, DiplotypePhenotype> _byDiplotype = new(StringComparer.Ordinal);

    public GenePhenotypeMap(string gene, string? version, IReadOnlyDictionary<string, string> functions, IReadOnlyDictionary<string, string> activityValues, IEnumerable<DiplotypePhenotype> diplotypes)
    {
        ArgumentNullException.ThrowIfNull(diplotypes);
        Gene = gene;
        Version = version;
        Functions = functions;
        ActivityValues = activityValues;
        foreach (DiplotypePhenotype row in diplotypes)
        {
            _byDiplotype.TryAdd(KeyOf(row.Key), row);
        }
    }

    public string Gene { get; }

    public string? Version { get; }

    public IReadOnlyDictionary<string, string> Functions { get; }

    public IReadOnlyDictionary<string, string> ActivityValues { get; }

    public int Count => _byDiplotype.Count;

    /// <summary>The row for a diplotype of two haplotypes (or one, for a haploid call); null when the table has none.</summary>
    public DiplotypePhenotype? Lookup(string haplotype1, string? haplotype2)
    {
        var key = new Dictionary<string, int>(StringComparer.Ordinal) { [haplotype1] = 1 };
        if (haplotype2 is not null)
        {
            key[haplotype2] = key.GetValueOrDefault(haplotype2) + 1;
        }

        return _byDiplotype.GetValueOrDefault(KeyOf(key));
    }

    /// <summary>The phenotype the table gives an activity score (compared as numbers), or null.</summary>
    public string? PhenotypeForScore(string score)
    {
        if (!double.TryParse(score, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double wanted))
        {
            return null;
        }

        foreach (DiplotypePhenotype row in _byDiplotype.Values)
        {
            if (row.ActivityScore is not null
                && double.TryParse(row.ActivityScore, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                && Math.Abs(value - wanted) < 1e-9)
            {
                return row.Phenotype;
            }
        }

        return null;
    }

    private static string KeyOf(IReadOnlyDictionary<string, int> key) =>
        string.Join('\u001f', key.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + k.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>One recommendation of a guideline, keyed by gene lookup keys (phenotype, activity score or allele status).</summary>
internal sealed record GuidelineRecommendation(
    IReadOnlyList<string> Drugs,
    string? Population,
    string Classification,
    string Text,
    IReadOnlyList<string> Implications,
    IReadOnlyDictionary<string, string> LookupKey);

/// <summary>A CPIC or DPWG guideline for one or more drugs.</summary>
internal sealed record Guideline(string Source, string Name, string? Url, IReadOnlyList<string> Drugs, IReadOnlyList<string> Genes, IReadOnlyList<GuidelineRecommendation> Recommendations);

/// <summary>Everything the caller and reporter need: allele definitions, exemptions, phenotype tables, guidelines.</summary>
internal sealed class DefinitionSet
{
    public DefinitionSet(
        string version,
        string source,
        IReadOnlyDictionary<string, GeneDefinition> genes,
        IReadOnlyDictionary<string, GeneExemption> exemptions,
        IReadOnlyDictionary<string, GenePhenotypeMap> cpicPhenotypes,
        IReadOnlyDictionary<string, GenePhenotypeMap> dpwgPhenotypes,
        IReadOnlyList<Guideline> guidelines)
    {
        Version = version;
        Source = source;
        Genes = genes;
        Exemptions = exemptions;
        CpicPhenotypes = cpicPhenotypes;
        DpwgPhenotypes = dpwgPhenotypes;
        Guidelines = guidelines;
    }

    /// <summary>The definitions version shown on every report (PharmCAT data version, or <c>demo-…</c>).</summary>
    public string Version { get; }

    /// <summary>Where the set came from (a folder, or the bundled demo resource).</summary>
    public string Source { get; }

    public IReadOnlyDictionary<string, GeneDefinition> Genes { get; }

    public IReadOnlyDictionary<string, GeneExemption> Exemptions { get; }

    public IReadOnlyDictionary<string, GenePhenotypeMap> CpicPhenotypes { get; }

    public IReadOnlyDictionary<string, GenePhenotypeMap> DpwgPhenotypes { get; }

    public IReadOnlyList<Guideline> Guidelines { get; }
}
