using System.Security.Claims;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Audit.Contracts;
using OpenGms.Consent.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Web.Fhir;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>
/// Authorised reports as FHIR DiagnosticReports (HL7 Genomics Reporting): <c>GET /fhir/DiagnosticReport/{id}</c> and
/// <c>GET /fhir/DiagnosticReport?patient=</c>. Content comes from <see cref="IGenomicReportSource"/>.
/// </summary>
internal static class FhirReportEndpoints
{
    public static void MapFhirReportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/fhir/DiagnosticReport/{id:guid}", async (Guid id, HttpContext http, IGenomicReportSource reports, OrderService orders, IAuditLog audit, CancellationToken ct) =>
        {
            GenomicReportContent? report = await reports.GetAsync(id, ct).ConfigureAwait(false);
            if (report is null)
            {
                return FhirOrderEndpoints.Fhir(OrderBundleReader.Outcome(Error.NotFound("FHIR020", $"No authorised report {id:N}."), "id"), StatusCodes.Status404NotFound);
            }

            if (!await MaySeeAsync(http.User, report, orders, ct).ConfigureAwait(false))
            {
                await AuditAsync(audit, http, AuditAction.Denied, report.Patient.Id, ct).ConfigureAwait(false);
                return FhirOrderEndpoints.Fhir(OrderBundleReader.Outcome(new Error(ErrorKind.Forbidden, "FHIR021", "This report belongs to an order you may not see."), "id"), StatusCodes.Status403Forbidden);
            }

            await AuditAsync(audit, http, AuditAction.Read, report.Patient.Id, ct).ConfigureAwait(false);
            return FhirOrderEndpoints.Fhir(GenomicReportFhirMapper.ToDiagnosticReport(report), StatusCodes.Status200OK);
        }).RequireAuthorization(GmsPolicies.ReadReports).WithMetadata(new PatientDataAttribute("report")).WithTags("FHIR").WithName("FhirReadDiagnosticReport");

        endpoints.MapGet("/fhir/DiagnosticReport", async (string? patient, HttpContext http, IGenomicReportSource reports, OrderService orders, IPatientRegistry patients, IAuditLog audit, CancellationToken ct) =>
        {
            Guid? patientId = await FhirOrderEndpoints.PatientOfAsync(patient, patients, ct).ConfigureAwait(false);
            if (patientId is null)
            {
                return FhirOrderEndpoints.Fhir(OrderBundleReader.Outcome(Error.BadInput("FHIR011", "Search needs patient= with a patient id or an NHS number."), "patient"), StatusCodes.Status400BadRequest);
            }

            IReadOnlyList<GenomicReportContent> found = patientId == Guid.Empty ? [] : await reports.ListForPatientAsync(patientId.Value, ct).ConfigureAwait(false);
            var visible = new List<Resource>();
            foreach (GenomicReportContent report in found)
            {
                if (await MaySeeAsync(http.User, report, orders, ct).ConfigureAwait(false))
                {
                    visible.Add(GenomicReportFhirMapper.ToDiagnosticReport(report));
                }
            }

            if (visible.Count > 0)
            {
                await AuditAsync(audit, http, AuditAction.Search, patientId.Value, ct).ConfigureAwait(false);
            }

            return FhirOrderEndpoints.Fhir(OrderFhirMapper.Searchset(visible), StatusCodes.Status200OK);
        }).RequireAuthorization(GmsPolicies.ReadReports).WithMetadata(new PatientDataAttribute("report")).WithTags("FHIR").WithName("FhirSearchDiagnosticReport");
    }

    /// <summary>
    /// Who sees a report: whoever may see its order (the requester, its GLH's staff, administrators), and pharmacists
    /// for pharmacogenomic reports. A report whose order is missing is shown to administrators only.
    /// </summary>
    private static async Task<bool> MaySeeAsync(ClaimsPrincipal user, GenomicReportContent report, OrderService orders, CancellationToken ct)
    {
        if (user.IsInRole(GmsRoles.Administrator))
        {
            return true;
        }

        if (user.IsInRole(GmsRoles.Pharmacist) && (report.PgxGenes.Count > 0 || report.Drugs.Count > 0))
        {
            return true;
        }

        Result<OrderView> order = await orders.GetAsync(report.OrderId, ct).ConfigureAwait(false);
        return order.IsSuccess && order.Value.PatientId == report.Patient.Id && OrderEndpoints.MaySee(user, order.Value);
    }

    private static System.Threading.Tasks.Task AuditAsync(IAuditLog audit, HttpContext http, AuditAction action, Guid patientId, CancellationToken ct) =>
        audit.WriteAsync(
            new OpenGms.Audit.Contracts.AuditEvent(http.User.FindFirstValue(ClaimTypes.Name) ?? "unknown", action, "report", patientId.ToString("N"), http.Connection.RemoteIpAddress?.ToString() ?? "unknown", $"{http.Request.Method} {http.Request.Path}"),
            ct);
}
