using OpenGms.Kernel;

namespace OpenGms.Cases.Contracts;

/// <summary>One reported variant.</summary>
/// <param name="Gene">HGNC symbol.</param>
/// <param name="HgvsG">HGVS genomic.</param>
/// <param name="HgvsC">HGVS coding (with transcript).</param>
/// <param name="HgvsP">HGVS protein.</param>
/// <param name="Transcript">Transcript.</param>
/// <param name="Chrom">Chromosome as in the VCF.</param>
/// <param name="Position">VCF position (1-based).</param>
/// <param name="Ref">Reference allele.</param>
/// <param name="Alt">Alternate allele.</param>
/// <param name="Build">Genome build (GRCh37/GRCh38), when known.</param>
/// <param name="Zygosity">The proband's zygosity (heterozygous, homozygous, hemizygous).</param>
/// <param name="Genotype">The proband's genotype (<c>0/1</c>).</param>
/// <param name="Inheritance">Inheritance patterns the variant fits.</param>
/// <param name="AcmgClass">P, LP, VUS, LB or B (after review).</param>
/// <param name="AcmgPoints">Points after review.</param>
/// <param name="AcmgCriteria">Criteria met, as labels.</param>
/// <param name="ClassOverridden">True when a scientist set the class over the criteria.</param>
/// <param name="ReviewNote">The scientist's reason for a change, if any.</param>
/// <param name="HgncId">HGNC id of <paramref name="Gene"/> (<c>HGNC:6547</c>), from the panel the case was analysed with; null
/// when the panel gave none (and in reports written before it was kept).</param>
public sealed record ReportedVariantView(
    string Gene, string? HgvsG, string? HgvsC, string? HgvsP, string? Transcript, string Chrom, long Position, string Ref, string Alt,
    string? Build, string? Zygosity, string? Genotype, IReadOnlyList<string> Inheritance, string AcmgClass, int AcmgPoints,
    IReadOnlyList<string> AcmgCriteria, bool ClassOverridden, string? ReviewNote, string? HgncId = null);

/// <summary>One pharmacogene's result.</summary>
/// <param name="Gene">Gene.</param>
/// <param name="Diplotype">Diplotype(s), joined.</param>
/// <param name="Phenotype">Phenotype(s), joined.</param>
/// <param name="ActivityScore">Activity score, when the gene has one.</param>
public sealed record PgxGeneResultView(string Gene, string? Diplotype, string? Phenotype, string? ActivityScore);

/// <summary>One drug recommendation.</summary>
/// <param name="Drug">Drug.</param>
/// <param name="Source">CPIC or DPWG.</param>
/// <param name="Recommendation">Recommendation.</param>
/// <param name="Implications">Implications.</param>
/// <param name="Classification">Strength of the recommendation.</param>
public sealed record PgxDrugResultView(string Drug, string Source, string Recommendation, IReadOnlyList<string> Implications, string Classification);

/// <summary>
/// A report version as it was submitted and, once authorised, as it was issued: everything a FHIR DiagnosticReport
/// (HL7 Genomics Reporting) needs.
/// </summary>
/// <param name="ReportId">The report's id (the same for every version).</param>
/// <param name="Version">Version, from 1.</param>
/// <param name="Status"><c>awaiting-authorisation</c>, <c>authorised</c> or <c>returned</c>.</param>
/// <param name="CaseId">The case.</param>
/// <param name="OrderId">The order.</param>
/// <param name="PatientId">The patient (Consent's id).</param>
/// <param name="NhsNumber">NHS number.</param>
/// <param name="PatientName">Name.</param>
/// <param name="TestCode">Directory test code.</param>
/// <param name="GlhCode">The GLH.</param>
/// <param name="Pipelines"><c>rare-disease</c>, <c>pgx</c> or <c>rare-disease+pgx</c>.</param>
/// <param name="Summary">Summary.</param>
/// <param name="Conclusion">Conclusion.</param>
/// <param name="Variants">Reported variants.</param>
/// <param name="PgxGenes">Pharmacogene results (PGx cases).</param>
/// <param name="PgxDrugs">Drug recommendations (PGx cases).</param>
/// <param name="ChangeSummary">For a correction: what changed and why.</param>
/// <param name="SubmittedBy">Scientist who submitted.</param>
/// <param name="SubmittedAt">When.</param>
/// <param name="AuthorisedBy">Authoriser (null until authorised).</param>
/// <param name="Issued">When authorised.</param>
/// <param name="Superseded">True when a later version has been authorised.</param>
public sealed record AuthorisedReportView(
    Guid ReportId, int Version, string Status, Guid CaseId, Guid OrderId, Guid PatientId, string NhsNumber, string PatientName,
    string TestCode, string GlhCode, string Pipelines, string Summary, string Conclusion, IReadOnlyList<ReportedVariantView> Variants,
    IReadOnlyList<PgxGeneResultView> PgxGenes, IReadOnlyList<PgxDrugResultView> PgxDrugs, string? ChangeSummary,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? AuthorisedBy, DateTimeOffset? Issued, bool Superseded);

/// <summary>Reports for other modules and the hosts (the FHIR DiagnosticReport mapper).</summary>
public interface ICaseReports
{
    /// <summary>
    /// A version of a report (CAS040 when none): <paramref name="version"/>, or the latest authorised version when null.
    /// </summary>
    Task<Result<AuthorisedReportView>> GetReportAsync(Guid reportId, int? version, CancellationToken cancellationToken);

    /// <summary>The latest authorised version of every report of a patient, newest first.</summary>
    Task<IReadOnlyList<AuthorisedReportView>> ListReportsForPatientAsync(Guid patientId, CancellationToken cancellationToken);
}
