using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Audit.Contracts;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Contracts;
using OpenGms.Web.Composition;
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
        endpoints.MapPost("/api/pgx/jobs", async (HttpRequest request, GmsDataDirectory data, IJobScheduler jobs, IAuditLog audit, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return ErrorResults.Problem(Error.BadInput("PGX040", "send multipart/form-data with a 'vcf' file (optional: 'sample')."));
            }

            IFormCollection form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            IFormFile? vcf = form.Files["vcf"];
            if (vcf is null || vcf.Length == 0)
            {
                return ErrorResults.Problem(Error.BadInput("PGX041", "no VCF uploaded (form field 'vcf')."));
            }

            if (vcf.Length > MaxUploadBytes)
            {
                return ErrorResults.Problem(Error.BadInput("PGX042", $"the VCF is {vcf.Length} bytes; the web limit is {MaxUploadBytes}."));
            }

            // The upload is kept in the data folder (not a temporary one): a queued job must find it after a restart.
            string folder = Path.Combine(data.Path, "uploads", "pgx");
            System.IO.Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + (vcf.FileName.EndsWith(".gz", StringComparison.Ordinal) ? ".vcf.gz" : ".vcf"));
            string temp = path + ".part";
            FileStream output = File.Create(temp);
            await using (output.ConfigureAwait(false))
            {
                await vcf.CopyToAsync(output, ct).ConfigureAwait(false);
            }

            File.Move(temp, path);
            string? sample = string.IsNullOrWhiteSpace(form["sample"]) ? null : form["sample"].ToString().Trim();
            JobInfo job = await jobs.EnqueueAsync(OpenGms.Pharmacogenomics.Contracts.PgxCallJob.JobKind, OpenGms.Pharmacogenomics.Contracts.PgxCallJob.Payload(path, sample, null), sample ?? vcf.FileName, ct).ConfigureAwait(false);
            await PgxUploads.AuditAsync(audit, request.HttpContext, sample ?? vcf.FileName, ct).ConfigureAwait(false);
            return Results.Accepted($"/api/pgx/jobs/{job.Id}", PgxJobView.Of(job));
        })
            .RequireAuthorization(GmsPolicies.ReadPharmacogenomics)
            .WithMetadata(new PatientDataAttribute(PgxUploads.AuditResource))
            .DisableAntiforgery()
            .WithTags("Pharmacogenomics").WithName("PgxJob")
            .WithSummary("Queue a PGx call of an uploaded VCF as a background job; GET /api/pgx/jobs/{id} gives its status and, when done, the reports.");

        endpoints.MapGet("/api/pgx/jobs/{id:guid}", async (Guid id, IJobScheduler jobs, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            Result<JobInfo> job = await jobs.GetAsync(id, ct).ConfigureAwait(false);
            if (!job.IsSuccess || job.Value.Kind != OpenGms.Pharmacogenomics.Contracts.PgxCallJob.JobKind)
            {
                return ErrorResults.Problem(Error.NotFound("PGX051", $"No PGx job {id}."));
            }

            if (job.Value.Status == JobStatus.Succeeded)
            {
                await PgxUploads.AuditAsync(audit, http, job.Value.Subject ?? id.ToString(), ct).ConfigureAwait(false);
            }

            return Results.Ok(PgxJobView.Of(job.Value));
        })
            .RequireAuthorization(GmsPolicies.ReadPharmacogenomics)
            .WithMetadata(new PatientDataAttribute(PgxUploads.AuditResource))
            .WithTags("Pharmacogenomics").WithName("GetPgxJob");
        return endpoints;
    }
}

/// <summary>A PGx job as the API shows it: status, error, and the reports once it has succeeded.</summary>
/// <param name="Id">The job.</param>
/// <param name="Status">Queued, Running, Succeeded or Failed.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Reports">The reports (as <c>gms pgx call --json</c> prints them), when it has succeeded.</param>
public sealed record PgxJobView(Guid Id, JobStatus Status, string? Error, IReadOnlyList<System.Text.Json.JsonElement> Reports)
{
    /// <summary>The view of <paramref name="job"/>.</summary>
    public static PgxJobView Of(JobInfo job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var reports = new List<System.Text.Json.JsonElement>();
        foreach (string line in (job.Result ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            reports.Add(doc.RootElement.Clone());
        }

        return new PgxJobView(job.Id, job.Status, job.Error, reports);
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
