using System.Text.Json.Serialization;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// Everything one analysis needs, as files on the machine that runs it: what <c>gms analyse</c> takes as options and
/// the <c>rare-disease.analyse</c> job takes as its payload (camelCase JSON of these properties). Either
/// <see cref="CasePath"/> (a phenopacket) or <see cref="VcfPath"/> is required.
/// </summary>
public sealed record AnalysisRequest
{
    /// <summary>GA4GH Phenopacket v2 or Family (JSON or YAML).</summary>
    [JsonPropertyName("case")]
    public string? CasePath { get; init; }

    /// <summary>The VCF; overrides the phenopacket's file.</summary>
    [JsonPropertyName("vcf")]
    public string? VcfPath { get; init; }

    /// <summary>PED file of the family.</summary>
    [JsonPropertyName("ped")]
    public string? PedPath { get; init; }

    /// <summary>Proband id (default: the affected member with parents in the PED, else the first sample).</summary>
    [JsonPropertyName("proband")]
    public string? ProbandId { get; init; }

    /// <summary>HPO ids added to the phenopacket's.</summary>
    [JsonPropertyName("hpo")]
    public IReadOnlyList<string> HpoTerms { get; init; } = [];

    /// <summary>Directory test code (R14.1), kept on the case; its panel comes from <see cref="Panel"/> when resolved.</summary>
    [JsonPropertyName("test")]
    public string? TestCode { get; init; }

    /// <summary>GRCh37 or GRCh38.</summary>
    [JsonPropertyName("genomeBuild")]
    public string? GenomeBuild { get; init; }

    /// <summary>PanelApp API panel JSON whose green genes apply.</summary>
    [JsonPropertyName("panel")]
    public string? PanelPath { get; init; }

    /// <summary>Gene list file (symbol, optionally TAB mode of inheritance).</summary>
    [JsonPropertyName("panelGenes")]
    public string? PanelGenesPath { get; init; }

    /// <summary>A panel already resolved (from the directory test at a pinned version); used when no panel file is given.</summary>
    [JsonIgnore]
    public ResolvedPanel? Panel { get; init; }

    /// <summary>Pinned panel versions by PanelApp id (the order's), used when the panel is resolved from the test.</summary>
    [JsonPropertyName("panelVersions")]
    public IReadOnlyDictionary<string, string> PanelVersions { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotation cache folder; its compiled population and ClinVar sources are used when no file is given.</summary>
    [JsonPropertyName("cache")]
    public string? CacheDirectory { get; init; }

    /// <summary>HPO folder for phenotype ranking.</summary>
    [JsonPropertyName("hpoData")]
    public string? HpoDataDirectory { get; init; }

    /// <summary>gnomAD-style sites VCF.</summary>
    [JsonPropertyName("frequency")]
    public string? FrequencyPath { get; init; }

    /// <summary>INFO key of <see cref="FrequencyPath"/> holding the AF.</summary>
    [JsonPropertyName("frequencyKey")]
    public string FrequencyKey { get; init; } = "AF";

    /// <summary>INFO key of the case VCF holding a population AF.</summary>
    [JsonPropertyName("frequencyField")]
    public string? FrequencyField { get; init; }

    /// <summary>ClinVar VCF.</summary>
    [JsonPropertyName("clinvar")]
    public string? ClinVarPath { get; init; }

    /// <summary>INFO key of a missense score on REVEL's scale.</summary>
    [JsonPropertyName("scoreField")]
    public string? ScoreField { get; init; }

    /// <summary>INFO key of a splice prediction (SpliceAI's field or Number=A delta scores).</summary>
    [JsonPropertyName("spliceField")]
    public string? SpliceField { get; init; }

    /// <summary>Keep records whatever their FILTER.</summary>
    [JsonPropertyName("allFilters")]
    public bool AllFilters { get; init; }

    /// <summary>Lowest proband GQ.</summary>
    [JsonPropertyName("minGq")]
    public double MinGenotypeQuality { get; init; } = 20;

    /// <summary>Lowest proband DP.</summary>
    [JsonPropertyName("minDp")]
    public int MinDepth { get; init; } = 10;

    /// <summary>De novo variants get PM6 rather than PS2.</summary>
    [JsonPropertyName("parentageUnconfirmed")]
    public bool ParentageUnconfirmed { get; init; }

    /// <summary>ACMG overrides, <c>VARIANT_OR_GENE=CRIT:STATE[,CRIT:STATE]</c>.</summary>
    [JsonPropertyName("acmgOverrides")]
    public IReadOnlyList<string> AcmgOverrides { get; init; } = [];

    /// <summary>Allow contig lengths that differ from the cache's reference.</summary>
    [JsonPropertyName("ignoreContigLengths")]
    public bool IgnoreContigLengths { get; init; }
}

/// <summary>
/// Turns an <see cref="AnalysisRequest"/> into a case and options, runs <see cref="CaseAnalyser"/> and releases what it
/// opened. The one place that does this, for the CLI and the job alike.
/// </summary>
public static class CaseAnalysisRunner
{
    /// <summary>Runs the analysis; a bad or missing input is an error naming it, not an exception.</summary>
    public static Result<AnalysisResult> Run(AnalysisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return RunOrThrow(request, cancellationToken);
        }
        catch (RequestException e)
        {
            return e.Error;
        }
    }

    /// <summary>The case a request describes (phenopacket, VCF, PED, proband, HPO terms, test, build).</summary>
    public static Result<CaseDefinition> BuildCase(AnalysisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return BuildCaseOrThrow(request);
        }
        catch (RequestException e)
        {
            return e.Error;
        }
    }

    /// <summary>Parses ACMG overrides (<c>VARIANT_OR_GENE=CRIT:STATE[,CRIT:STATE]</c>) into the options' map.</summary>
    public static Result<Dictionary<string, IReadOnlyList<AcmgOverride>>> ParseOverrides(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var map = new Dictionary<string, IReadOnlyList<AcmgOverride>>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return Error.BadInput("INT047", $"ACMG override {value}: expected VARIANT_OR_GENE=CRIT:STATE");
            }

            var list = new List<AcmgOverride>();
            foreach (string part in value[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!AcmgRules.TryParseOverride(part, out AcmgOverride o))
                {
                    return Error.BadInput("INT047", $"ACMG override {part}: expected CRIT:on|off|supporting|moderate|strong|verystrong");
                }

                list.Add(o with { Reason = "override " + part });
            }

            string key = value[..eq];
            map[key] = map.TryGetValue(key, out IReadOnlyList<AcmgOverride>? existing) ? [.. existing, .. list] : list;
        }

        return map;
    }

    private static AnalysisResult RunOrThrow(AnalysisRequest request, CancellationToken cancellationToken)
    {
        CaseDefinition c = BuildCaseOrThrow(request);
        ResolvedPanel? panel = request.PanelPath is string panelPath ? Unwrap(PanelFileReader.ReadPanelApp(panelPath, PanelConfidence.Green))
            : request.PanelGenesPath is string genesPath ? Unwrap(PanelFileReader.ReadGeneList(genesPath))
            : request.Panel;

        AnnotationCache? cache = request.CacheDirectory is string dir ? Unwrap(AnnotationCache.Load(dir)) : null;

        // Without a frequency or ClinVar file, the cache's compiled sources (gms annotation add-source) are used, read
        // through their indexes: the first population source and the first ClinVar source.
        IReadOnlyList<SourceEntry> compiled = request.CacheDirectory is string d ? SourceManifest.Read(d) : [];
        using SiteSource? population = request.FrequencyPath is null && compiled.FirstOrDefault(e => e.Kind == SourceKind.Population) is SourceEntry pe
            ? SiteSource.Open(request.CacheDirectory!, pe) : null;
        using SiteSource? clinvar = request.ClinVarPath is null && compiled.FirstOrDefault(e => e.Kind == SourceKind.ClinVar) is SourceEntry ce
            ? SiteSource.Open(request.CacheDirectory!, ce) : null;
        IPhenotypeScorer? scorer = request.HpoDataDirectory is string hpo ? Unwrap(HpoPhenotypeScorer.Load(hpo)) : null;

        var options = new AnalysisOptions
        {
            RequirePass = !request.AllFilters,
            MinGenotypeQuality = request.MinGenotypeQuality,
            MinDepth = request.MinDepth,
            Frequencies = request.FrequencyPath is string f ? Unwrap(FrequencySource.Load(f, request.FrequencyKey))
                : population is not null ? FrequencySource.FromCache(population) : null,
            FrequencyInfoKey = request.FrequencyField,
            ClinVar = request.ClinVarPath is string cv ? Unwrap(ClinVarSource.Load(cv))
                : clinvar is not null ? ClinVarSource.FromCache(clinvar) : null,
            ScoreInfoKey = request.ScoreField,
            SpliceInfoKey = request.SpliceField,
            ParentageConfirmed = !request.ParentageUnconfirmed,
            Panel = panel,
            Phenotype = scorer,
            Overrides = Unwrap(ParseOverrides(request.AcmgOverrides)),
            IgnoreContigLengths = request.IgnoreContigLengths,
        };

        return Unwrap(CaseAnalyser.Analyse(c, cache, options, cancellationToken));
    }

    private static CaseDefinition BuildCaseOrThrow(AnalysisRequest request)
    {
        CaseDefinition? fromPacket = request.CasePath is string casePath ? Unwrap(PhenopacketReader.Read(casePath)) : null;
        string vcf = request.VcfPath ?? fromPacket?.VcfPath ?? throw new RequestException(fromPacket is null
            ? Error.BadInput("INT050", "the analysis names neither a case (phenopacket) nor a VCF")
            : Error.BadInput("INT043", $"{request.CasePath}: the phenopacket names no VCF file; give the VCF"));

        Pedigree? pedigree = request.PedPath is string pedPath ? Unwrap(PedReader.Read(pedPath)) : null;
        string? chosen = request.ProbandId ?? fromPacket?.ProbandId;
        if (pedigree is not null)
        {
            FamilyMember? p = pedigree.ChooseProband(chosen is not null && pedigree.Find(chosen) is not null ? chosen : request.ProbandId)
                ?? throw new RequestException(Error.BadInput("INT044", $"{request.PedPath}: no affected member to take as proband (name the proband)"));
            chosen = p.Id;
        }

        if (chosen is null)
        {
            if (!File.Exists(vcf))
            {
                throw new RequestException(Error.NotFound("INT051", $"{vcf}: VCF not found"));
            }

            using Genomics.Vcf.VcfReader reader = Genomics.Vcf.VcfReader.Open(vcf);
            chosen = reader.Header.Samples.Count > 0 ? reader.Header.Samples[0] : "proband";
        }

        pedigree ??= fromPacket?.Pedigree ?? Pedigree.Singleton(chosen, Sex.Unknown);
        var terms = new List<string>(fromPacket?.HpoTerms ?? []);
        foreach (string t in request.HpoTerms)
        {
            if (!PhenopacketReader.IsHpoId(t))
            {
                throw new RequestException(Error.BadInput("INT012", $"HPO term {t}: not an HPO id (HP:nnnnnnn)"));
            }

            if (!terms.Contains(t, StringComparer.Ordinal))
            {
                terms.Add(t);
            }
        }

        return new CaseDefinition(
            fromPacket?.CaseId ?? pedigree.Members[0].FamilyId, chosen, pedigree, vcf, terms, fromPacket?.ExcludedHpoTerms ?? [],
            request.TestCode ?? fromPacket?.TestCode, PhenopacketReader.NormaliseBuild(request.GenomeBuild) ?? fromPacket?.GenomeBuild);
    }

    private static T Unwrap<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new RequestException(result.Error!);

    private sealed class RequestException(Error error) : Exception(error.Message)
    {
        public Error Error { get; } = error;
    }
}
