using System.Globalization;
using OpenGms.Cases.Contracts;

namespace OpenGms.Web.Fhir;

/// <summary>
/// The authorised reports of the cases module, as the DiagnosticReport mapper takes them. A later authorised version is
/// a correction (FHIR <c>corrected</c>). A variant's gene carries the HGNC id the case's panel gave it; pharmacogenes
/// (the PGx results keep symbols only) and genes without an id go out by symbol.
/// </summary>
internal sealed class CaseReportSource(ICaseReports reports) : IGenomicReportSource
{
    public async Task<GenomicReportContent?> GetAsync(Guid reportId, CancellationToken cancellationToken)
    {
        Kernel.Result<AuthorisedReportView> found = await reports.GetReportAsync(reportId, null, cancellationToken).ConfigureAwait(false);
        return found.IsSuccess ? ToContent(found.Value) : null;
    }

    public async Task<IReadOnlyList<GenomicReportContent>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken) =>
        (await reports.ListReportsForPatientAsync(patientId, cancellationToken).ConfigureAwait(false)).Select(ToContent).ToList();

    internal static GenomicReportContent ToContent(AuthorisedReportView r) => new(
        r.ReportId,
        r.Version,
        r.Version > 1 ? ReportVersionStatus.Corrected : ReportVersionStatus.Final,
        new ReportPatient(r.PatientId, r.NhsNumber, r.PatientName),
        r.OrderId,
        r.TestCode,
        null,
        r.Issued ?? r.SubmittedAt,
        r.GlhCode,
        r.SubmittedBy,
        r.AuthorisedBy ?? string.Empty,
        string.Join("\n\n", new[] { r.Summary, r.Conclusion }.Where(t => !string.IsNullOrWhiteSpace(t))),
        r.Variants.Select(Variant).ToList(),
        r.PgxGenes.Where(g => g.Diplotype is not null).Select(g => new ReportedPgxGene(null, g.Gene, g.Diplotype!, g.Phenotype ?? "Indeterminate", decimal.TryParse(g.ActivityScore, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal a) ? a : null)).ToList(),
        r.PgxDrugs.Select(d => new ReportedDrug(d.Drug, null, [], string.Join("; ", d.Implications), d.Recommendation, d.Classification, d.Source)).ToList(),
        r.ChangeSummary);

    private static ReportedVariant Variant(ReportedVariantView v) => new(
        v.HgncId,
        v.Gene,
        string.Equals(v.Build, "GRCh37", StringComparison.OrdinalIgnoreCase) ? GenomeBuild.GRCh37 : GenomeBuild.GRCh38,
        v.Chrom,
        v.Position,
        v.Ref,
        v.Alt,
        v.HgvsG,
        v.HgvsC,
        v.HgvsP,
        v.Zygosity switch { "homozygous" => Zygosity.Homozygous, "hemizygous" => Zygosity.Hemizygous, _ => Zygosity.Heterozygous },
        v.AcmgClass switch
        {
            "P" => AcmgClass.Pathogenic,
            "LP" => AcmgClass.LikelyPathogenic,
            "LB" => AcmgClass.LikelyBenign,
            "B" => AcmgClass.Benign,
            _ => AcmgClass.UncertainSignificance,
        });
}
