namespace OpenGms.Pharmacogenomics.Domain;

/// <summary>One row of a gene's diplotype table: the phenotype, the guideline lookup key and the activity score.
/// The row's alleles are its key in <see cref="GenePhenotypeMap"/> (<see cref="GenePhenotypeMap.TableKey"/>).</summary>
internal sealed record DiplotypePhenotype(string Phenotype, string LookupKey, string? ActivityScore);

/// <summary>A gene's phenotype file: allele functions, activity values and the diplotype table.</summary>
internal sealed class GenePhenotypeMap
{
    private readonly Dictionary<string, DiplotypePhenotype> _byDiplotype = new(StringComparer.Ordinal);

    /// <param name="gene">HGNC symbol.</param>
    /// <param name="version">The file's version, when it has one.</param>
    /// <param name="functions">Allele to function.</param>
    /// <param name="activityValues">Allele to activity value.</param>
    /// <param name="diplotypes">Rows keyed by <see cref="TableKey"/>; the first row for a key wins.</param>
    public GenePhenotypeMap(string gene, string? version, IReadOnlyDictionary<string, string> functions, IReadOnlyDictionary<string, string> activityValues, IEnumerable<KeyValuePair<string, DiplotypePhenotype>> diplotypes)
    {
        ArgumentNullException.ThrowIfNull(diplotypes);
        Gene = gene;
        Version = version;
        Functions = functions;
        ActivityValues = activityValues;
        foreach ((string key, DiplotypePhenotype row) in diplotypes)
        {
            _byDiplotype.TryAdd(key, row);
        }
    }

    /// <summary>The rows with their keys, in file order (for the definition cache).</summary>
    public IEnumerable<KeyValuePair<string, DiplotypePhenotype>> Entries => _byDiplotype;

    public string Gene { get; }

    public string? Version { get; }

    public IReadOnlyDictionary<string, string> Functions { get; }

    public IReadOnlyDictionary<string, string> ActivityValues { get; }

    public int Count => _byDiplotype.Count;

    /// <summary>The row for a diplotype of two haplotypes (or one, for a haploid call); null when the table has none.</summary>
    public DiplotypePhenotype? Lookup(string haplotype1, string? haplotype2)
    {
        string key;
        if (haplotype2 is null)
        {
            key = haplotype1 + "=1";
        }
        else if (haplotype1 == haplotype2)
        {
            key = haplotype1 + "=2";
        }
        else
        {
            (string a, string b) = string.CompareOrdinal(haplotype1, haplotype2) < 0 ? (haplotype1, haplotype2) : (haplotype2, haplotype1);
            key = a + "=1\u001f" + b + "=1";
        }

        return _byDiplotype.GetValueOrDefault(key);
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

    /// <summary>A diplotype's table key: its alleles with their counts, in ordinal order.</summary>
    public static string TableKey(IReadOnlyDictionary<string, int> key) =>
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
