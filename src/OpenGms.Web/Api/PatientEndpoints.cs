using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Audit.Contracts;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Consent.Domain;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>Patients, families and records of discussion. Every call is authorised by role and audited.</summary>
internal static class PatientEndpoints
{
    public sealed record RelativeRequest(Guid RelativeId, string Relationship);

    public sealed record DiscussionRequest(ConsentDecision ClinicalTesting, ConsentDecision Research, string? Notes);

    public static void MapPatientEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/patients").WithTags("Patients");

        group.MapPost("/", async (NewPatient request, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await consent.RegisterAsync(request, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            await AuditAsync(audit, http, AuditAction.Create, "patient", result.Value.Id, ct).ConfigureAwait(false);
            return Results.Created($"/api/patients/{result.Value.Id}", result.Value);
        }).RequireAuthorization(GmsPolicies.WritePatients).WithMetadata(new PatientDataAttribute("patient")).WithName("RegisterPatient");

        group.MapGet("/{id:guid}", async (Guid id, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await consent.GetAsync(new PatientId(id), ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            await AuditAsync(audit, http, AuditAction.Read, "patient", result.Value.Id, ct).ConfigureAwait(false);
            return Results.Ok(result.Value);
        }).RequireAuthorization(GmsPolicies.ReadPatients).WithMetadata(new PatientDataAttribute("patient")).WithName("GetPatient");

        group.MapGet("/", async (string nhsNumber, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await consent.FindAsync(nhsNumber, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            await AuditAsync(audit, http, AuditAction.Search, "patient", result.Value.Id, ct).ConfigureAwait(false);
            return Results.Ok(result.Value);
        }).RequireAuthorization(GmsPolicies.ReadPatients).WithMetadata(new PatientDataAttribute("patient")).WithName("FindPatientByNhsNumber");

        group.MapPost("/{id:guid}/relatives", async (Guid id, RelativeRequest request, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var result = await consent.LinkRelativeAsync(new PatientId(id), new PatientId(request.RelativeId), request.Relationship, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            await AuditAsync(audit, http, AuditAction.Update, "family", new PatientId(id), ct).ConfigureAwait(false);
            await AuditAsync(audit, http, AuditAction.Update, "family", new PatientId(request.RelativeId), ct).ConfigureAwait(false);
            return Results.Ok(result.Value);
        }).RequireAuthorization(GmsPolicies.WritePatients).WithMetadata(new PatientDataAttribute("family")).WithName("LinkRelative");

        group.MapPost("/{id:guid}/discussions", async (Guid id, DiscussionRequest request, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            string recordedBy = http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown";
            var result = await consent.RecordDiscussionAsync(new PatientId(id), request.ClinicalTesting, request.Research, recordedBy, request.Notes, ct).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return ErrorResults.Problem(result.Error);
            }

            await AuditAsync(audit, http, AuditAction.Update, "consent", new PatientId(id), ct).ConfigureAwait(false);
            return Results.Ok(result.Value);
        }).RequireAuthorization(GmsPolicies.RecordConsent).WithMetadata(new PatientDataAttribute("consent")).WithName("RecordDiscussion");

        group.MapGet("/{id:guid}/consent", async (Guid id, ConsentService consent, IAuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            var status = await consent.StatusAsync(new PatientId(id), ct).ConfigureAwait(false);
            if (!status.IsSuccess)
            {
                return ErrorResults.Problem(status.Error);
            }

            IReadOnlyList<DiscussionRecord> history = await consent.HistoryAsync(new PatientId(id), ct).ConfigureAwait(false);
            await AuditAsync(audit, http, AuditAction.Read, "consent", new PatientId(id), ct).ConfigureAwait(false);
            return Results.Ok(new
            {
                status = status.Value,
                history = history.Select(h => new { h.RecordedAt, h.RecordedBy, h.ClinicalTesting, h.Research, h.Notes }),
            });
        }).RequireAuthorization(GmsPolicies.ReadPatients).WithMetadata(new PatientDataAttribute("consent")).WithName("GetConsent");

        endpoints.MapGet("/api/audit", async (string? patient, string? actor, DateTimeOffset? from, DateTimeOffset? to, int? limit, IAuditLog audit, CancellationToken ct) =>
            Results.Ok(await audit.SearchAsync(new AuditQuery(patient, actor, from, to, limit ?? 200), ct).ConfigureAwait(false)))
            .RequireAuthorization(GmsPolicies.ReadAudit).WithTags("Audit").WithName("SearchAudit");
    }

    /// <summary>Writes one audit line for a patient resource, as the API and the patient pages do.</summary>
    internal static Task AuditAsync(IAuditLog audit, HttpContext http, AuditAction action, string resource, PatientId patient, CancellationToken ct) =>
        audit.WriteAsync(
            new AuditEvent(
                http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown",
                action,
                resource,
                patient.ToString(),
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                $"{http.Request.Method} {http.Request.Path}"),
            ct);
}
