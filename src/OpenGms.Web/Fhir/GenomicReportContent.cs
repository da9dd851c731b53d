namespace OpenGms.Web.Fhir;

/// <summary>
/// What an authorised genomic report says, in plain terms, before it becomes FHIR (<see cref="GenomicReportFhirMapper"/>).
/// The case review that authorises reports fills it; this type knows nothing about how reports are stored.
/// </summary>
/// <param name="ReportId">The report's id; with <paramref name="Version"/> it names one immutable version.</param>
/// <param name="Version">1 for the first authorised report; each correction adds one.</param>
/// <param name="Status">Final, amended or corrected.</param>
/// <param name="Patient">Whom the report is about.</param>
/// <param name="OrderId">The order (ServiceRequest/Task id) the report answers.</param>
/// <param name="TestCode">The directory test, e.g. <c>R134.1</c>.</param>
/// <param name="TestName">The test's name.</param>
/// <param name="Issued">When this version was authorised.</param>
/// <param name="GlhCode">The GLH that did the test (the performer).</param>
/// <param name="ReportedBy">The scientist who prepared the report.</param>
/// <param name="AuthorisedBy">The second scientist who authorised it.</param>
/// <param name="Conclusion">The report's conclusion, as written.</param>
/// <param name="Variants">Variants reported, with their classification.</param>
/// <param name="PgxGenes">Pharmacogenes called, with diplotype and phenotype.</param>
/// <param name="Drugs">Drug guidance derived from the pharmacogenes.</param>
/// <param name="Changes">For an amended or corrected version: what changed, in words.</param>
public sealed record GenomicReportContent(
    Guid ReportId,
    int Version,
    ReportVersionStatus Status,
    ReportPatient Patient,
    Guid OrderId,
    string TestCode,
    string? TestName,
    DateTimeOffset Issued,
    string GlhCode,
    string ReportedBy,
    string AuthorisedBy,
    string? Conclusion,
    IReadOnlyList<ReportedVariant> Variants,
    IReadOnlyList<ReportedPgxGene> PgxGenes,
    IReadOnlyList<ReportedDrug> Drugs,
    string? Changes = null);

/// <summary>The status of one report version.</summary>
public enum ReportVersionStatus
{
    /// <summary>The first authorised version.</summary>
    Final,

    /// <summary>A later version that adds to or changes the interpretation.</summary>
    Amended,

    /// <summary>A later version that fixes an error in an earlier one.</summary>
    Corrected,
}

/// <summary>The patient a report is about.</summary>
/// <param name="Id">OpenGMS patient id.</param>
/// <param name="NhsNumber">NHS number (10 digits).</param>
/// <param name="Name">Name as recorded.</param>
public sealed record ReportPatient(Guid Id, string NhsNumber, string Name);

/// <summary>Reference genome of the coordinates.</summary>
public enum GenomeBuild
{
    /// <summary>GRCh37 (hg19).</summary>
    GRCh37,

    /// <summary>GRCh38 (hg38).</summary>
    GRCh38,
}

/// <summary>How many copies carry the variant.</summary>
public enum Zygosity
{
    /// <summary>One of two copies.</summary>
    Heterozygous,

    /// <summary>Both copies.</summary>
    Homozygous,

    /// <summary>The only copy (X or Y in a male, or a deletion on the other allele).</summary>
    Hemizygous,
}

/// <summary>ACMG/AMP germline classification (Richards et al. 2015).</summary>
public enum AcmgClass
{
    /// <summary>Pathogenic.</summary>
    Pathogenic,

    /// <summary>Likely pathogenic.</summary>
    LikelyPathogenic,

    /// <summary>Uncertain significance.</summary>
    UncertainSignificance,

    /// <summary>Likely benign.</summary>
    LikelyBenign,

    /// <summary>Benign.</summary>
    Benign,
}

/// <summary>A reported variant.</summary>
/// <param name="HgncId">HGNC id, e.g. <c>HGNC:6547</c>; null when not known (the gene then goes out by symbol only).</param>
/// <param name="GeneSymbol">HGNC symbol, e.g. <c>LDLR</c>.</param>
/// <param name="Build">Reference genome of <paramref name="Chromosome"/>/<paramref name="Position"/>.</param>
/// <param name="Chromosome">Chromosome as 1–22, X, Y or MT (a <c>chr</c> prefix is accepted).</param>
/// <param name="Position">VCF position: 1-based, of the first base of <paramref name="Ref"/>.</param>
/// <param name="Ref">Reference allele (VCF).</param>
/// <param name="Alt">Alternate allele (VCF).</param>
/// <param name="GenomicHgvs">g. HGVS with its reference sequence, e.g. <c>NC_000019.10:g.11113376G&gt;A</c>.</param>
/// <param name="CodingHgvs">c. HGVS with its transcript, when the variant is in a transcript.</param>
/// <param name="ProteinHgvs">p. HGVS, when the variant changes a protein.</param>
/// <param name="Zygosity">Zygosity in the patient.</param>
/// <param name="Classification">ACMG class as authorised.</param>
/// <param name="Condition">The condition the classification is for, when named.</param>
public sealed record ReportedVariant(
    string? HgncId,
    string GeneSymbol,
    GenomeBuild Build,
    string Chromosome,
    long Position,
    string Ref,
    string Alt,
    string? GenomicHgvs,
    string? CodingHgvs,
    string? ProteinHgvs,
    Zygosity Zygosity,
    AcmgClass Classification,
    string? Condition = null);

/// <summary>A pharmacogene call.</summary>
/// <param name="HgncId">HGNC id, e.g. <c>HGNC:2621</c>; null when not known.</param>
/// <param name="GeneSymbol">e.g. <c>CYP2C19</c>.</param>
/// <param name="Diplotype">e.g. <c>*1/*2</c>.</param>
/// <param name="Phenotype">CPIC phenotype, e.g. <c>Intermediate Metabolizer</c>.</param>
/// <param name="ActivityScore">Activity score where the gene has one (CYP2D6, CYP2C9, DPYD).</param>
public sealed record ReportedPgxGene(string? HgncId, string GeneSymbol, string Diplotype, string Phenotype, decimal? ActivityScore = null);

/// <summary>CPIC guidance for one drug.</summary>
/// <param name="Drug">Drug name, e.g. <c>clopidogrel</c>.</param>
/// <param name="RxNormCode">RxNorm ingredient code, when known.</param>
/// <param name="Genes">Gene symbols the guidance depends on (each must be in the report's pharmacogenes).</param>
/// <param name="Implication">CPIC implication text.</param>
/// <param name="Recommendation">CPIC recommendation text.</param>
/// <param name="Classification">CPIC strength of the recommendation, e.g. <c>Strong</c>.</param>
/// <param name="Guideline">The CPIC guideline's address.</param>
public sealed record ReportedDrug(string Drug, string? RxNormCode, IReadOnlyList<string> Genes, string Implication, string Recommendation, string? Classification, string? Guideline);

/// <summary>Where the FHIR endpoints read authorised reports from. The case review module provides the real one.</summary>
public interface IGenomicReportSource
{
    /// <summary>The latest version of a report, or null when there is none.</summary>
    Task<GenomicReportContent?> GetAsync(Guid reportId, CancellationToken cancellationToken);

    /// <summary>The latest version of every authorised report for a patient.</summary>
    Task<IReadOnlyList<GenomicReportContent>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken);
}
