using OpenGms.Cases.Contracts;

namespace OpenGms.Cases.Application;

/// <summary>A case in a worklist.</summary>
public sealed record CaseSummaryView(
    Guid Id, Guid OrderId, Guid PatientId, string NhsNumber, string PatientName, string TestCode, string GlhCode, string Pipelines,
    string Status, Guid? JobId, string? AnalysisError, int? ReportVersion, DateTimeOffset UpdatedAt);

/// <summary>A member's genotype at a candidate.</summary>
public sealed record GenotypeView(string Member, string Genotype, string Call, string Affected);

/// <summary>One ACMG criterion as shown for review.</summary>
public sealed record CriterionReviewView(string Criterion, bool Met, string Strength, string? Evidence, bool Overridden);

/// <summary>A ranked candidate with its evidence and the scientist's review.</summary>
public sealed record CandidateReviewView(
    string Key, int Rank, string Gene, string Variant, string Chrom, long Position, string Ref, string Alt, string? Transcript,
    string? HgvsG, string? HgvsC, string? HgvsP, string? Consequence, int? Tier, string? TierReason, IReadOnlyList<GenotypeView> Genotypes,
    IReadOnlyList<string> Inheritance, double? PhenotypeScore, double? Score, string AutomatedClass, int AutomatedPoints,
    IReadOnlyList<CriterionReviewView> Criteria, string Class, int Points, string? ClassOverride, bool Reported,
    string? ReviewedBy, string? ReviewReason, string? Explanation, string? HgncId = null);

/// <summary>A report version's header.</summary>
public sealed record ReportVersionView(Guid ReportId, int Version, string Status, string? ChangeSummary, string SubmittedBy, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? ReturnReason);

/// <summary>A case opened for review.</summary>
public sealed record CaseView(
    CaseSummaryView Case, string PipelineReason, string VcfPath, string? SpecimenId, string? ProbandSample, string? GenomeBuild,
    IReadOnlyList<string> HpoTerms, IReadOnlyList<CandidateReviewView> Variants, int CandidateCount, IReadOnlyList<PgxGeneResultView> PgxGenes,
    IReadOnlyList<PgxDrugResultView> PgxDrugs, string? Summary, string? Conclusion, string? CorrectionReason, string AttachedBy,
    IReadOnlyList<ReportVersionView> Reports);

/// <summary>A request to attach a VCF to an order's sample.</summary>
public sealed record AttachVcfRequest
{
    /// <summary>A VCF on the server (or the stored upload).</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The order's specimen the VCF is from (optional when the order has one sample).</summary>
    public string? SpecimenId { get; init; }

    /// <summary><c>rare-disease</c>, <c>pgx</c> or <c>both</c>; when empty the test decides.</summary>
    public string? Pipeline { get; init; }

    /// <summary>The proband's sample name in the VCF (needed for rare disease; picks the PGx sample).</summary>
    public string? ProbandSample { get; init; }

    /// <summary>A PED file for a family VCF (trio).</summary>
    public string? PedPath { get; init; }

    /// <summary>Annotation cache folder (default: the service's).</summary>
    public string? CachePath { get; init; }

    /// <summary>HPO data folder (default: the service's).</summary>
    public string? HpoDataPath { get; init; }
}

/// <summary>A scientist's review of one variant.</summary>
/// <param name="Criteria">Criteria changes: criterion, met (null keeps), strength (null keeps).</param>
/// <param name="ClassOverride">A class to set over the criteria (P, LP, VUS, LB, B), or null.</param>
/// <param name="Reported">Whether to report the variant.</param>
/// <param name="Reason">Why (required for criteria or class changes).</param>
public sealed record VariantReviewRequest(IReadOnlyList<CriterionChange>? Criteria, string? ClassOverride, bool Reported, string? Reason);

/// <summary>One criterion change.</summary>
public sealed record CriterionChange(string Criterion, bool? Met, string? Strength);
