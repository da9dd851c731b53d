using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Contracts;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>
/// <c>POST /api/pgx/report</c>: the report <c>gms pgx call --json</c> prints, for an uploaded VCF. Pharmacists and GLH
/// scientists only; every report is audited (the sample id is the audited subject).
/// </summary>
public static class PgxEndpoints
{
    /// <summary>Largest VCF accepted through the web (a PGx-targeted or exome VCF; a WGS file belongs on the CLI).</summary>
    public const long MaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapPgxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/pgx/report", async (HttpRequest request, PgxServiceLoader loader, IAuditLog audit, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return ErrorResults.Problem(Error.BadInput("PGX040", "send multipart/form-data with a 'vcf' file (optional: 'sample', 'outsideCalls' file)."));
            }

            IFormCollection form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            Result<IReadOnlyList<PgxReport>> reports = await PgxUploads.CallAsync(loader, form.Files["vcf"], form.Files["outsideCalls"], form["sample"].ToString(), ct).ConfigureAwait(false);
            if (!reports.IsSuccess)
            {
                return ErrorResults.Problem(reports.Error);
            }

            if (reports.Value.Count != 1)
            {
                return ErrorResults.Problem(Error.BadInput("PGX014", $"the VCF has {reports.Value.Count} samples; name one in 'sample' ({string.Join(", ", reports.Value.Select(r => r.Sample).Take(20))})."));
            }

            PgxReport report = reports.Value[0];
            await PgxUploads.AuditAsync(audit, request.HttpContext, report.Sample, ct).ConfigureAwait(false);
            return Results.Json(report, PgxJsonContext.Default.PgxReport);
        })
            .RequireAuthorization(GmsPolicies.ReadPharmacogenomics)
            .WithMetadata(new PatientDataAttribute(PgxUploads.AuditResource))
            // The auth cookie is SameSite=Strict, so a cross-site form cannot post here with the user's session.
            .DisableAntiforgery()
            .WithTags("Pharmacogenomics").WithName("PgxReport")
            .WithSummary("Upload a GRCh38 VCF (multipart 'vcf'; optional 'sample' and 'outsideCalls' TSV) and get the PharmCAT-concordant report: diplotypes, phenotypes, CPIC/DPWG recommendations.")
            .Produces<PgxReport>().ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }
}

/// <summary>What the API and the page share: uploads to temporary files, the call, the audit line.</summary>
public static class PgxUploads
{
    /// <summary>The audited resource name.</summary>
    public const string AuditResource = "pgx-report";

    /// <summary>Saves the uploads to temporary files, calls the VCF and deletes the files.</summary>
    public static async Task<Result<IReadOnlyList<PgxReport>>> CallAsync(PgxServiceLoader loader, IFormFile? vcf, IFormFile? outsideCalls, string? sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(loader);
        if (vcf is null || vcf.Length == 0)
        {
            return Error.BadInput("PGX041", "no VCF uploaded (form field 'vcf').");
        }

        if (vcf.Length > PgxEndpoints.MaxUploadBytes)
        {
            return Error.BadInput("PGX042", $"the VCF is {vcf.Length} bytes; the web limit is {PgxEndpoints.MaxUploadBytes} (use 'gms pgx call' for larger files).");
        }

        Result<PgxService> service = loader.Get();
        if (!service.IsSuccess)
        {
            return service.Error;
        }

        string folder = Path.Combine(Path.GetTempPath(), "opengms-pgx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            string vcfPath = Path.Combine(folder, "upload.vcf");
            await SaveAsync(vcf, vcfPath, ct).ConfigureAwait(false);
            string? outsidePath = null;
            if (outsideCalls is { Length: > 0 })
            {
                outsidePath = Path.Combine(folder, "outside-calls.tsv");
                await SaveAsync(outsideCalls, outsidePath, ct).ConfigureAwait(false);
            }

            string? sampleId = string.IsNullOrWhiteSpace(sample) ? null : sample.Trim();
            Result<IReadOnlyList<PgxReport>> reports = service.Value.CallVcf(vcfPath, sampleId, outsidePath);
            // Messages name the temporary file; say what the user uploaded instead.
            return reports.IsSuccess ? reports : new Error(reports.Error.Kind, reports.Error.Code, reports.Error.Message.Replace(folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace("upload.vcf", vcf.FileName, StringComparison.Ordinal));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>One audit line per report shown: who, which sample, from where.</summary>
    public static Task AuditAsync(IAuditLog audit, HttpContext http, string sample, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(http);
        return audit.WriteAsync(
            new AuditEvent(
                http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown",
                AuditAction.Create,
                AuditResource,
                sample,
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                $"{http.Request.Method} {http.Request.Path}"),
            ct);
    }

    private static async Task SaveAsync(IFormFile file, string path, CancellationToken ct)
    {
        FileStream output = File.Create(path);
        await using (output.ConfigureAwait(false))
        {
            await file.CopyToAsync(output, ct).ConfigureAwait(false);
        }
    }
}
