namespace OpenGms.Interpretation.Domain;

/// <summary>Everything a case brings to analysis: who, which VCF, which phenotype, which test.</summary>
/// <param name="CaseId">An id for reports (PED family id or phenopacket id).</param>
/// <param name="ProbandId">The proband's id (a member of <paramref name="Pedigree"/> and a VCF sample name).</param>
/// <param name="Pedigree">The family.</param>
/// <param name="VcfPath">The VCF (single or multi-sample), or null when the caller gives it separately.</param>
/// <param name="HpoTerms">Observed HPO terms (excluded ones are not here).</param>
/// <param name="ExcludedHpoTerms">HPO terms recorded as excluded (kept for the report only).</param>
/// <param name="TestCode">Directory test code (for example R14.1), or null.</param>
/// <param name="GenomeBuild">Genome build label (GRCh37, GRCh38), or null when unknown.</param>
public sealed record CaseDefinition(
    string CaseId,
    string ProbandId,
    Pedigree Pedigree,
    string? VcfPath,
    IReadOnlyList<string> HpoTerms,
    IReadOnlyList<string> ExcludedHpoTerms,
    string? TestCode,
    string? GenomeBuild);
