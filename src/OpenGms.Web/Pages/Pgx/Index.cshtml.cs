using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Contracts;
using OpenGms.Web.Api;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Pages.Pgx;

/// <summary>
/// <c>/pgx</c>: upload a VCF and read the pharmacogenomic report (the same report as <c>gms pgx call --html</c>).
/// Pharmacists and GLH scientists only (policy set on the folder); every report shown is audited.
/// </summary>
[PatientData(PgxUploads.AuditResource)]
[RequestSizeLimit(PgxEndpoints.MaxUploadBytes + (1024 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = PgxEndpoints.MaxUploadBytes + (1024 * 1024))]
public sealed class IndexModel(PgxServiceLoader loader, IAuditLog audit) : PageModel
{
    /// <summary>The sample asked for (empty: every sample in the file).</summary>
    [BindProperty]
    public string? Sample { get; set; }

    /// <summary>The reports to show, one per sample.</summary>
    public IReadOnlyList<PgxReport> Reports { get; private set; } = [];

    /// <summary>What went wrong with the upload, with its code.</summary>
    public Error? Problem { get; private set; }

    /// <summary>The definitions version in use (shown beside the form), or null when they cannot be opened.</summary>
    public string? DefinitionsVersion => loader.Get() is { IsSuccess: true } s ? s.Value.DefinitionsVersion : null;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Calls the uploaded VCF and shows the reports.</summary>
    public async Task<IActionResult> OnPostAsync(IFormFile? vcf, IFormFile? outsideCalls, CancellationToken cancellationToken)
    {
        Result<IReadOnlyList<PgxReport>> reports = await PgxUploads.CallAsync(loader, vcf, outsideCalls, Sample, cancellationToken).ConfigureAwait(false);
        if (!reports.IsSuccess)
        {
            Problem = reports.Error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        foreach (PgxReport report in reports.Value)
        {
            await PgxUploads.AuditAsync(audit, HttpContext, report.Sample, cancellationToken).ConfigureAwait(false);
        }

        Reports = reports.Value;
        return Page();
    }
}
