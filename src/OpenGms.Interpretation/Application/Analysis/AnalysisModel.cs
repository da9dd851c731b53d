using System.Text.Json.Serialization;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>Settings of one analysis.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Keep only records whose FILTER is PASS or missing.</summary>
    public bool RequirePass { get; init; } = true;

    /// <summary>Lowest proband genotype quality (FORMAT GQ) kept; records without GQ pass.</summary>
    public double MinGenotypeQuality { get; init; } = 20;

    /// <summary>Lowest proband read depth (FORMAT DP) kept; records without DP pass.</summary>
    public int MinDepth { get; init; } = 10;

    /// <summary>Highest population AF for dominant patterns (de novo, AD, XLD): Genomics England's 0.1%.</summary>
    public double DominantMaxFrequency { get; init; } = 0.001;

    /// <summary>Highest population AF for recessive patterns: Genomics England's 1%.</summary>
    public double RecessiveMaxFrequency { get; init; } = 0.01;

    /// <summary>An INFO key of the case VCF holding a population AF (for example <c>gnomAD_AF</c>), or null.</summary>
    public string? FrequencyInfoKey { get; init; }

    /// <summary>A population sites VCF, or null.</summary>
    public FrequencySource? Frequencies { get; init; }

    /// <summary>A ClinVar VCF for known P/LP, PS1 and PM5, or null.</summary>
    public ClinVarSource? ClinVar { get; init; }

    /// <summary>An INFO key of the case VCF holding a missense score on REVEL's scale (PP3/BP4), or null.</summary>
    public string? ScoreInfoKey { get; init; }

    /// <summary>
    /// An INFO key of the case VCF holding a splice prediction, or null: SpliceAI's own field
    /// (<c>ALT|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|…</c>, the largest delta score of the allele is used) or a Number=A field of
    /// delta scores (ClinGen SVI splicing thresholds, Walker et al. 2023: PP3 at 0.2 or more, BP4 and BP7 at 0.1 or less).
    /// </summary>
    public string? SpliceInfoKey { get; init; }

    /// <summary>Treat trio parentage as confirmed (PS2 rather than PM6 for de novo variants).</summary>
    public bool ParentageConfirmed { get; init; } = true;

    /// <summary>The panel applied (green genes for tiers 1 and 2), or null for no panel.</summary>
    public ResolvedPanel? Panel { get; init; }

    /// <summary>The phenotype scorer, or null to rank on variant evidence alone.</summary>
    public IPhenotypeScorer? Phenotype { get; init; }

    /// <summary>ACMG overrides by variant key (<c>CHROM-POS-REF-ALT</c>) or by gene symbol.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<AcmgOverride>> Overrides { get; init; } = new Dictionary<string, IReadOnlyList<AcmgOverride>>(StringComparer.Ordinal);

    /// <summary>Allow VCF contig lengths that differ from the cache's reference (excerpt references); off by default.</summary>
    public bool IgnoreContigLengths { get; init; }
}

/// <summary>One filter step: how many alleles came in and how many went on.</summary>
/// <param name="Step">Name of the step.</param>
/// <param name="In">Alleles in.</param>
/// <param name="Out">Alleles kept.</param>
/// <param name="Rule">What the step keeps.</param>
public sealed record FilterStep(string Step, long In, long Out, string Rule);

/// <summary>A family member's genotype for one allele.</summary>
/// <param name="Member">Individual id.</param>
/// <param name="Genotype">The VCF GT text.</param>
/// <param name="Call">hom_ref, het, hom_alt, hemi, missing.</param>
/// <param name="Quality">FORMAT GQ, when given.</param>
/// <param name="Depth">FORMAT DP, when given.</param>
/// <param name="Affected">Affected status.</param>
public sealed record MemberGenotype(string Member, string Genotype, string Call, double? Quality, int? Depth, string Affected)
{
    /// <summary>True when the member carries the allele.</summary>
    [JsonIgnore]
    public bool Carries => Call is "het" or "hom_alt" or "hemi";
}

/// <summary>One ACMG criterion in the report.</summary>
/// <param name="Criterion">Label (<c>PM2_Supporting</c>).</param>
/// <param name="Met">Whether met.</param>
/// <param name="Strength">Strength.</param>
/// <param name="Evidence">Evidence text.</param>
/// <param name="Overridden">Set by a scientist.</param>
public sealed record CriterionView(string Criterion, bool Met, string Strength, string Evidence, bool Overridden);

/// <summary>One candidate variant allele in one gene, with everything a scientist needs to review it.</summary>
public sealed class Candidate
{
    /// <summary>Rank (1 = most likely causal).</summary>
    public int Rank { get; internal set; }

    /// <summary>HGNC symbol.</summary>
    public required string Gene { get; init; }

    /// <summary>HGNC id (<c>HGNC:6547</c>) of <see cref="Gene"/>, from the panel gene when the panel gives one; null otherwise.</summary>
    public string? HgncId { get; internal set; }

    /// <summary>Variant key <c>CHROM-POS-REF-ALT</c>.</summary>
    public required string Variant { get; init; }

    /// <summary>Contig as in the VCF.</summary>
    public required string Chrom { get; init; }

    /// <summary>VCF position.</summary>
    public required int Position { get; init; }

    /// <summary>REF.</summary>
    public required string Ref { get; init; }

    /// <summary>ALT.</summary>
    public required string Alt { get; init; }

    /// <summary>Transcript chosen (MANE Select, else canonical, else the most severe).</summary>
    public string? Transcript { get; init; }

    /// <summary>HGVS c.</summary>
    public string? HgvsC { get; init; }

    /// <summary>HGVS p.</summary>
    public string? HgvsP { get; init; }

    /// <summary>HGVS g.</summary>
    public string? HgvsG { get; init; }

    /// <summary>SO consequence terms, most severe first.</summary>
    public required string Consequence { get; init; }

    /// <summary>Genotypes of every family member in the VCF.</summary>
    public required IReadOnlyList<MemberGenotype> Genotypes { get; init; }

    /// <summary>Population AF, when known.</summary>
    public double? Frequency { get; internal set; }

    /// <summary>Segregation patterns the variant fits (after the frequency rule per mode).</summary>
    public IReadOnlyList<string> Inheritance => Domain.Inheritance.Names(Patterns);

    /// <summary>The panel gene's mode of inheritance (PanelApp text), when in the panel.</summary>
    public string? GeneModeOfInheritance { get; internal set; }

    /// <summary>Panel rating of the gene (green, amber, red), or null when not in the panel.</summary>
    public string? PanelConfidence { get; internal set; }

    /// <summary>Genomics England tier (1, 2, 3) or null when not tiered.</summary>
    public int? Tier { get; internal set; }

    /// <summary>Why this tier (or why none).</summary>
    public string TierReason { get; internal set; } = string.Empty;

    /// <summary>ACMG class (P, LP, VUS, LB, B).</summary>
    public string AcmgClass => AcmgRules.ShortName(AcmgResult?.Class ?? AcmgRules.Classify(0));

    /// <summary>Tavtigian points.</summary>
    public int AcmgPoints => AcmgResult?.Points ?? 0;

    /// <summary>Criteria evaluated, met or not.</summary>
    public IReadOnlyList<CriterionView> AcmgCriteria => AcmgResult is null ? [] : AcmgResult.Criteria.Select(c => new CriterionView(c.Label, c.Met, c.Strength.ToString(), c.Evidence, c.Overridden)).ToList();

    /// <summary>Criteria the data could not decide, with reasons.</summary>
    public IReadOnlyDictionary<string, string> AcmgNotEvaluated => AcmgResult is null ? new Dictionary<string, string>() : AcmgResult.NotEvaluated.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value, StringComparer.Ordinal);

    /// <summary>ClinVar significance of this exact allele, when a ClinVar source was given and lists it.</summary>
    public string? ClinVar { get; internal set; }

    /// <summary>Phenotype score of the gene (0..1).</summary>
    public double PhenotypeScore { get; internal set; }

    /// <summary>Why the gene's phenotype matches.</summary>
    public string? PhenotypeExplanation { get; internal set; }

    /// <summary>Variant evidence score (0..1) from tier and ACMG points.</summary>
    public double VariantScore { get; internal set; }

    /// <summary>Combined score used for the rank.</summary>
    public double Score { get; internal set; }

    /// <summary>One line on why this row ranks where it does.</summary>
    public string Explanation { get; internal set; } = string.Empty;

    /// <summary>The other variant of a compound heterozygous pair, when there is one.</summary>
    public string? CompoundHetPartner { get; internal set; }

    /// <summary>For a structural variant or copy-number change: its type, extent, size and genes; null for a small variant.</summary>
    public StructuralVariantView? StructuralVariant { get; init; }

    [JsonIgnore]
    internal StructuralVariantEvent? StructuralVariantEvent { get; init; }

    [JsonIgnore]
    internal string? CriticalRegionEvidence { get; set; }

    [JsonIgnore]
    internal IReadOnlyList<ClinVarProteinMatch>? NearbyPathogenicMissense { get; set; }

    [JsonIgnore]
    internal SegregationPattern Patterns { get; set; }

    [JsonIgnore]
    internal AcmgResult? AcmgResult { get; set; }

    [JsonIgnore]
    internal ConsequenceSet Consequences { get; init; }

    [JsonIgnore]
    internal Transcript? TranscriptModel { get; init; }

    [JsonIgnore]
    internal TranscriptAnnotation? TranscriptAnnotation { get; init; }

    [JsonIgnore]
    internal double? InSilicoScore { get; init; }

    [JsonIgnore]
    internal double? SpliceScore { get; init; }

    [JsonIgnore]
    internal bool IsX { get; init; }

    [JsonIgnore]
    internal bool IsMito { get; init; }

    [JsonIgnore]
    internal int[] Haplotypes { get; init; } = [];

    [JsonIgnore]
    internal string?[] PhaseSets { get; init; } = [];

    [JsonIgnore]
    internal GeneInheritance GeneInheritance { get; set; }

    [JsonIgnore]
    internal bool InGreenGene { get; set; }

    [JsonIgnore]
    internal List<Candidate> Partners { get; } = [];
}

/// <summary>The outcome of one case analysis.</summary>
/// <param name="CaseId">Case id.</param>
/// <param name="Proband">Proband id.</param>
/// <param name="Family">Family members with sex and affected status.</param>
/// <param name="HpoTerms">Observed HPO terms used.</param>
/// <param name="ExcludedHpoTerms">Excluded HPO terms (not used for scoring).</param>
/// <param name="TestCode">Directory test code, when given.</param>
/// <param name="GenomeBuild">Genome build.</param>
/// <param name="Panel">Panel applied (name, version, genes), or null.</param>
/// <param name="Filters">Counts at each filter step.</param>
/// <param name="Candidates">Ranked candidates.</param>
/// <param name="NotTested">What this analysis did not look at.</param>
/// <param name="DataVersions">Sources and versions used.</param>
public sealed record AnalysisResult(
    string CaseId,
    string Proband,
    IReadOnlyList<FamilyMember> Family,
    IReadOnlyList<string> HpoTerms,
    IReadOnlyList<string> ExcludedHpoTerms,
    string? TestCode,
    string? GenomeBuild,
    ResolvedPanel? Panel,
    IReadOnlyList<FilterStep> Filters,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> NotTested,
    IReadOnlyDictionary<string, string> DataVersions);
