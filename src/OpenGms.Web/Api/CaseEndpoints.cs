using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Application;
using OpenGms.Cases.Contracts;
using OpenGms.Cases.Domain;
using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Web.Composition;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>
/// Case review (issue 7): attach a VCF to an order's sample, the case worklist, review, four-eyes authorisation, report
/// versions. Every read or change of a case or report is audited with the patient's id; refused attempts too.
/// </summary>
internal static class CaseEndpoints
{
    public sealed record TextBody(string? Summary, string? Conclusion);

    public sealed record SubmitBody(string? ChangeSummary);

    public sealed record ReasonBody(string? Reason);

    public sealed record ReviewBody(string Variant, IReadOnlyList<CriterionChange>? Criteria, string? ClassOverride, bool Reported, string? Reason);

    public static void MapCaseEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder orders = endpoints.MapGroup("/api/orders").WithTags("Cases");
        orders.AddEndpointFilter(OrderInOwnGlhAsync);
        orders.MapPost("/{id:guid}/vcf", async (Guid id, AttachVcfRequest request, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await AnswerAsync(await cases.AttachAsync(id, request, ActorOf(http.User), ct).ConfigureAwait(false), AuditAction.Update, audit, http, ct, created: true).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("AttachVcf")
            .WithSummary("Attach a VCF on the server to an order's sample and queue the test's pipelines (rare disease, PGx or both).");

        orders.MapPost("/{id:guid}/vcf/upload", async (Guid id, HttpRequest request, GmsDataDirectory data, CaseService cases, IAuditLog audit, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                return ErrorResults.Problem(Error.BadInput("CAS041", "Send multipart/form-data with a 'vcf' file (optional: 'ped', 'pipeline', 'probandSample', 'specimenId')."));
            }

            IFormCollection form = await request.ReadFormAsync(ct).ConfigureAwait(false);
            IFormFile? vcf = form.Files["vcf"];
            if (vcf is null || vcf.Length == 0)
            {
                return ErrorResults.Problem(Error.BadInput("CAS041", "No VCF uploaded (form field 'vcf')."));
            }

            if (vcf.Length > PgxEndpoints.MaxUploadBytes)
            {
                return ErrorResults.Problem(Error.BadInput("CAS042", $"The VCF is {vcf.Length} bytes; the web limit is {PgxEndpoints.MaxUploadBytes}."));
            }

            // Kept under the data folder (not a temporary one): the queued job must find it after a restart.
            string folder = Path.Combine(data.Path, "uploads", "cases", id.ToString("N"));
            string vcfPath = await SaveAsync(vcf, folder, vcf.FileName.EndsWith(".gz", StringComparison.Ordinal) ? ".vcf.gz" : ".vcf", ct).ConfigureAwait(false);
            string? pedPath = form.Files["ped"] is { Length: > 0 } ped ? await SaveAsync(ped, folder, ".ped", ct).ConfigureAwait(false) : null;
            var attach = new AttachVcfRequest
            {
                Path = vcfPath,
                PedPath = pedPath,
                Pipeline = Field(form, "pipeline"),
                ProbandSample = Field(form, "probandSample"),
                SpecimenId = Field(form, "specimenId"),
            };
            return await AnswerAsync(await cases.AttachAsync(id, attach, ActorOf(request.HttpContext.User), ct).ConfigureAwait(false), AuditAction.Update, audit, request.HttpContext, ct, created: true).ConfigureAwait(false);
        }).RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).DisableAntiforgery().WithName("UploadVcf")
            .WithSummary("Upload a VCF (and optionally a PED) for an order's sample and queue the test's pipelines.");

        orders.MapGet("/{id:guid}/case", async (Guid id, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await AnswerAsync(await cases.GetByOrderAsync(id, ct).ConfigureAwait(false), AuditAction.Read, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.ReviewCases).WithMetadata(new PatientDataAttribute("case")).WithName("GetCaseOfOrder");

        RouteGroupBuilder group = endpoints.MapGroup("/api/cases").WithTags("Cases");
        group.AddEndpointFilter(CaseInOwnGlhAsync);
        group.MapGet("/", async (string? status, string? glh, int? limit, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var statuses = new List<CaseStatus>();
            foreach (string part in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!CaseNames.TryParseStatus(part, out CaseStatus s))
                {
                    return ErrorResults.Problem(Error.BadInput("CAS043", $"'{part}' is not a case status ({string.Join(", ", Enum.GetValues<CaseStatus>().Select(CaseNames.Of))})."));
                }

                statuses.Add(s);
            }

            Result<string?> scope = OrderEndpoints.WorklistGlh(http.User, glh);
            if (!scope.IsSuccess)
            {
                return ErrorResults.Problem(scope.Error);
            }

            IReadOnlyList<CaseSummaryView> list = await cases.ListAsync(statuses, scope.Value, null, Math.Clamp(limit ?? 100, 1, 500), ct).ConfigureAwait(false);
            foreach (Guid patient in list.Select(c => c.PatientId).Distinct())
            {
                await AuditAsync(audit, http, AuditAction.Search, "case", patient, ct).ConfigureAwait(false);
            }

            return Results.Ok(list);
        }).RequireAuthorization(GmsPolicies.ReviewCases).WithMetadata(new PatientDataAttribute("case")).WithName("CaseWorklist");

        group.MapGet("/{id:guid}", async (Guid id, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await AnswerAsync(await cases.GetAsync(id, ct).ConfigureAwait(false), AuditAction.Read, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.ReviewCases).WithMetadata(new PatientDataAttribute("case")).WithName("GetCase");

        group.MapPost("/{id:guid}/retry", async (Guid id, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.RetryAsync(id, ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("RetryCaseAnalysis");

        group.MapPost("/{id:guid}/reviews", async (Guid id, ReviewBody body, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.ReviewVariantAsync(id, body.Variant, new VariantReviewRequest(body.Criteria, body.ClassOverride, body.Reported, body.Reason), ActorOf(http.User), ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("ReviewVariant");

        group.MapPut("/{id:guid}/report-text", async (Guid id, TextBody body, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.WriteAsync(id, body.Summary, body.Conclusion, ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("WriteReportText");

        group.MapPost("/{id:guid}/submit", async (Guid id, SubmitBody? body, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.SubmitAsync(id, body?.ChangeSummary, ActorOf(http.User), ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("SubmitReport");

        group.MapPost("/{id:guid}/authorise", async (Guid id, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.AuthoriseAsync(id, ActorOf(http.User), ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.AuthoriseReports).WithMetadata(new PatientDataAttribute("case")).WithName("AuthoriseReport");

        group.MapPost("/{id:guid}/return", async (Guid id, ReasonBody body, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.ReturnAsync(id, body.Reason, ActorOf(http.User), ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.AuthoriseReports).WithMetadata(new PatientDataAttribute("case")).WithName("ReturnReport");

        group.MapPost("/{id:guid}/corrections", async (Guid id, ReasonBody body, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct) =>
            await ChangeAsync(id, await cases.StartCorrectionAsync(id, body.Reason, ct).ConfigureAwait(false), cases, audit, http, ct).ConfigureAwait(false))
            .RequireAuthorization(GmsPolicies.EditCases).WithMetadata(new PatientDataAttribute("case")).WithName("CorrectReport");

        RouteGroupBuilder reports = endpoints.MapGroup("/api/reports").WithTags("Cases");
        reports.MapGet("/{reportId:guid}", async (Guid reportId, int? version, CaseService cases, IOrderWorkflow orderWorkflow, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            Result<AuthorisedReportView> report = await cases.GetReportAsync(reportId, version, ct).ConfigureAwait(false);
            if (!report.IsSuccess)
            {
                return ErrorResults.Problem(report.Error);
            }

            if (!await MayReadAsync(http.User, report.Value, orderWorkflow, ct).ConfigureAwait(false))
            {
                await AuditAsync(audit, http, AuditAction.Denied, "report", report.Value.PatientId, ct).ConfigureAwait(false);
                return ErrorResults.Problem(new Error(ErrorKind.Forbidden, "CAS044", "A requesting clinician reads only the authorised reports of their own orders."));
            }

            await AuditAsync(audit, http, AuditAction.Read, "report", report.Value.PatientId, ct).ConfigureAwait(false);
            return Results.Ok(report.Value);
        }).RequireAuthorization(GmsPolicies.ReadReports).WithMetadata(new PatientDataAttribute("report")).WithName("GetReport");

        reports.MapGet("/", async (Guid patient, CaseService cases, IOrderWorkflow orderWorkflow, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var visible = new List<AuthorisedReportView>();
            foreach (AuthorisedReportView report in await cases.ListReportsForPatientAsync(patient, ct).ConfigureAwait(false))
            {
                if (await MayReadAsync(http.User, report, orderWorkflow, ct).ConfigureAwait(false))
                {
                    visible.Add(report);
                }
            }

            await AuditAsync(audit, http, AuditAction.Search, "report", patient, ct).ConfigureAwait(false);
            return Results.Ok(visible);
        }).RequireAuthorization(GmsPolicies.ReadReports).WithMetadata(new PatientDataAttribute("report")).WithName("ListPatientReports");
    }

    /// <summary>
    /// GLH staff work only on the cases of orders routed to their own GLH (administrators on all): a case route naming
    /// another GLH's case is refused with ORD030 and the refusal audited.
    /// </summary>
    private static async ValueTask<object?> CaseInOwnGlhAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        if (GlhScope.IsScoped(http.User) && http.Request.RouteValues.TryGetValue("id", out object? raw) && Guid.TryParse(raw?.ToString(), out Guid id))
        {
            CaseService cases = http.RequestServices.GetRequiredService<CaseService>();
            if (await cases.GetAsync(id, http.RequestAborted).ConfigureAwait(false) is { IsSuccess: true } found
                && !string.Equals(GlhScope.GlhOf(http.User), found.Value.Case.GlhCode, StringComparison.OrdinalIgnoreCase))
            {
                await AuditAsync(http.RequestServices.GetRequiredService<IAuditLog>(), http, AuditAction.Denied, "case", found.Value.Case.PatientId, http.RequestAborted).ConfigureAwait(false);
                return ErrorResults.Problem(OrderEndpoints.NotYours(http.User));
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The same rule for attaching a VCF to an order, or reading an order's case.</summary>
    private static async ValueTask<object?> OrderInOwnGlhAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        if (GlhScope.IsScoped(http.User) && http.Request.RouteValues.TryGetValue("id", out object? raw) && Guid.TryParse(raw?.ToString(), out Guid id))
        {
            IOrderWorkflow orders = http.RequestServices.GetRequiredService<IOrderWorkflow>();
            if (await orders.GetAsync(id, http.RequestAborted).ConfigureAwait(false) is { IsSuccess: true } order && !GlhScope.Covers(http.User, order.Value))
            {
                await AuditAsync(http.RequestServices.GetRequiredService<IAuditLog>(), http, AuditAction.Denied, "case", order.Value.PatientId, http.RequestAborted).ConfigureAwait(false);
                return ErrorResults.Problem(OrderEndpoints.NotYours(http.User));
            }
        }

        return await next(context).ConfigureAwait(false);
    }

    /// <summary>The acting user as the cases module sees them.</summary>
    public static CaseActor ActorOf(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Name) ?? "unknown", GmsRoles.All.Where(user.IsInRole).ToList());

    internal static async Task<bool> MayReadAsync(ClaimsPrincipal user, AuthorisedReportView report, IOrderWorkflow orders, CancellationToken ct)
    {
        if (user.IsInRole(GmsRoles.Administrator))
        {
            return true;
        }

        if (GlhScope.IsScoped(user))
        {
            return string.Equals(GlhScope.GlhOf(user), report.GlhCode, StringComparison.OrdinalIgnoreCase);
        }

        Result<OrderView> order = await orders.GetAsync(report.OrderId, ct).ConfigureAwait(false);
        return report.Status == "authorised" && order.IsSuccess && order.Value.RequestedBy == (user.FindFirstValue(ClaimTypes.Name) ?? string.Empty);
    }

    private static async Task<IResult> AnswerAsync(Result<CaseView> result, AuditAction action, IAuditLog audit, HttpContext http, CancellationToken ct, bool created = false)
    {
        if (!result.IsSuccess)
        {
            return ErrorResults.Problem(result.Error);
        }

        await AuditAsync(audit, http, action, "case", result.Value.Case.PatientId, ct).ConfigureAwait(false);
        return created ? Results.Created($"/api/cases/{result.Value.Case.Id}", result.Value) : Results.Ok(result.Value);
    }

    private static async Task<IResult> ChangeAsync(Guid id, Result<CaseView> result, CaseService cases, IAuditLog audit, HttpContext http, CancellationToken ct)
    {
        if (!result.IsSuccess)
        {
            // A change the user may not make on this case (four eyes, wrong role) is a refused attempt on patient data.
            if (result.Error.Kind == ErrorKind.Forbidden && await cases.GetAsync(id, ct).ConfigureAwait(false) is { IsSuccess: true } found)
            {
                await AuditAsync(audit, http, AuditAction.Denied, "case", found.Value.Case.PatientId, ct).ConfigureAwait(false);
            }

            return ErrorResults.Problem(result.Error);
        }

        await AuditAsync(audit, http, AuditAction.Update, "case", result.Value.Case.PatientId, ct).ConfigureAwait(false);
        return Results.Ok(result.Value);
    }

    internal static Task AuditAsync(IAuditLog audit, HttpContext http, AuditAction action, string resource, Guid patientId, CancellationToken ct) =>
        audit.WriteAsync(
            new AuditEvent(http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown", action, resource, patientId.ToString("N"), http.Connection.RemoteIpAddress?.ToString() ?? "unknown", $"{http.Request.Method} {http.Request.Path}"),
            ct);

    private static string? Field(IFormCollection form, string name) =>
        string.IsNullOrWhiteSpace(form[name]) ? null : form[name].ToString().Trim();

    private static async Task<string> SaveAsync(IFormFile file, string folder, string extension, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, Guid.NewGuid().ToString("N") + extension);
        string temp = path + ".part";
        FileStream output = File.Create(temp);
        await using (output.ConfigureAwait(false))
        {
            await file.CopyToAsync(output, ct).ConfigureAwait(false);
        }

        File.Move(temp, path);
        return path;
    }
}
