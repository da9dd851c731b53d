using System.Security.Claims;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Audit.Contracts;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Directory.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Contracts;
using OpenGms.Web.Fhir;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>
/// FHIR R4 for orders: <c>POST /fhir</c> takes a test-order transaction Bundle (NHS England Genomic Medicine Service IG)
/// and stores the patient (when new), the order and its samples in one transaction; <c>GET /fhir/Task/{id}</c>,
/// <c>GET /fhir/ServiceRequest/{id}</c> and <c>?patient=</c> searches read them back.
/// </summary>
internal static class FhirOrderEndpoints
{
    private const string FhirJson = "application/fhir+json; charset=utf-8";
    private static readonly JsonSerializerOptions s_fhirJson = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);

    public static void MapFhirOrderEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/fhir", async (HttpContext http, OrderService orders, IPatientRegistry patients, ConsentService consent, IDirectoryCatalog directory, IUnitOfWork work, IAuditLog audit, CancellationToken ct) =>
        {
            string body;
            using (var reader = new StreamReader(http.Request.Body))
            {
                body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            }

            (OrderBundle? read, IReadOnlyList<BundleIssue> issues) = OrderBundleReader.Read(body);
            if (read is null)
            {
                return Fhir(OrderBundleReader.Outcome(issues), StatusCodes.Status400BadRequest);
            }

            var notes = new List<string>();
            PlaceOrderRequest request = read.Order;
            if (request.Edition is { } edition)
            {
                IReadOnlyList<EditionView> editions = await directory.ListEditionsAsync(ct).ConfigureAwait(false);
                if (!editions.Any(e => e.Version == edition || e.Key == edition))
                {
                    notes.Add($"The directory edition {edition} named by the order is not stored; the current edition was used.");
                    request = request with { Edition = null };
                }
            }

            OrderView placed;
            bool created;
            await using (IUnitOfWorkTransaction transaction = await work.BeginAsync(ct).ConfigureAwait(false))
            {
                Result<(PatientSummary Patient, bool Created)> patient = await patients.FindOrRegisterAsync(read.Patient, ct).ConfigureAwait(false);
                if (!patient.IsSuccess)
                {
                    return Fhir(OrderBundleReader.Outcome(patient.Error, "Bundle.entry.resource.ofType(Patient)"), StatusCodes.Status400BadRequest);
                }

                Result<OrderView> order = await orders.PlaceAsync(request, OrderEndpoints.ActorOf(http.User), ct).ConfigureAwait(false);
                if (!order.IsSuccess)
                {
                    int status = order.Error.Kind switch
                    {
                        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                        ErrorKind.Conflict => StatusCodes.Status409Conflict,
                        _ => StatusCodes.Status400BadRequest,
                    };
                    return Fhir(OrderBundleReader.Outcome(order.Error, "Bundle.entry.resource.ofType(ServiceRequest)"), status);
                }

                if (read.ResearchDecision is { } research)
                {
                    Result<ConsentStatus> recorded = await consent.RecordDiscussionAsync(patient.Value.Patient.Id, ConsentDecision.Yes, research, UserName(http.User), "From a FHIR Consent in a test order bundle.", ct).ConfigureAwait(false);
                    if (!recorded.IsSuccess)
                    {
                        return Fhir(OrderBundleReader.Outcome(recorded.Error, "Bundle.entry.resource.ofType(Consent)"), StatusCodes.Status400BadRequest);
                    }
                }

                await transaction.CommitAsync(ct).ConfigureAwait(false);
                placed = order.Value;
                created = patient.Value.Created;
            }

            await OrderEndpoints.AuditAsync(audit, http, AuditAction.Create, placed.PatientId, ct).ConfigureAwait(false);
            return Fhir(Response(read, placed, created, notes), StatusCodes.Status200OK);
        }).RequireAuthorization(GmsPolicies.PlaceOrders).WithMetadata(new PatientDataAttribute("order")).WithTags("FHIR").WithName("FhirTransaction");

        endpoints.MapGet("/fhir/Task/{id:guid}", (Guid id, HttpContext http, OrderService orders, IAuditLog audit, CancellationToken ct) =>
            ReadOneAsync(id, http, orders, audit, OrderFhirMapper.ToTask, ct))
            .RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithTags("FHIR").WithName("FhirReadTask");

        endpoints.MapGet("/fhir/ServiceRequest/{id:guid}", (Guid id, HttpContext http, OrderService orders, IAuditLog audit, CancellationToken ct) =>
            ReadOneAsync(id, http, orders, audit, OrderFhirMapper.ToServiceRequest, ct))
            .RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithTags("FHIR").WithName("FhirReadServiceRequest");

        endpoints.MapGet("/fhir/ServiceRequest", (string? patient, HttpContext http, OrderService orders, IPatientRegistry patients, IAuditLog audit, CancellationToken ct) =>
            SearchAsync(patient, http, orders, patients, audit, OrderFhirMapper.ToServiceRequest, ct))
            .RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithTags("FHIR").WithName("FhirSearchServiceRequest");

        endpoints.MapGet("/fhir/Task", (string? patient, HttpContext http, OrderService orders, IPatientRegistry patients, IAuditLog audit, CancellationToken ct) =>
            SearchAsync(patient, http, orders, patients, audit, OrderFhirMapper.ToTask, ct))
            .RequireAuthorization(GmsPolicies.ReadOrders).WithMetadata(new PatientDataAttribute("order")).WithTags("FHIR").WithName("FhirSearchTask");
    }

    private static async Task<IResult> ReadOneAsync(Guid id, HttpContext http, OrderService orders, IAuditLog audit, Func<OrderView, Resource> map, CancellationToken ct)
    {
        Result<OrderView> order = await orders.GetAsync(id, ct).ConfigureAwait(false);
        if (!order.IsSuccess)
        {
            return Fhir(OrderBundleReader.Outcome(order.Error, "id"), StatusCodes.Status404NotFound);
        }

        if (!OrderEndpoints.MaySee(http.User, order.Value))
        {
            await OrderEndpoints.AuditAsync(audit, http, AuditAction.Denied, order.Value.PatientId, ct).ConfigureAwait(false);
            return Fhir(OrderBundleReader.Outcome(OrderEndpoints.NotYours(http.User), "id"), StatusCodes.Status403Forbidden);
        }

        await OrderEndpoints.AuditAsync(audit, http, AuditAction.Read, order.Value.PatientId, ct).ConfigureAwait(false);
        return Fhir(map(order.Value), StatusCodes.Status200OK);
    }

    private static async Task<IResult> SearchAsync(string? patient, HttpContext http, OrderService orders, IPatientRegistry patients, IAuditLog audit, Func<OrderView, Resource> map, CancellationToken ct)
    {
        Guid? patientId = await PatientOfAsync(patient, patients, ct).ConfigureAwait(false);
        if (patientId is null)
        {
            return Fhir(OrderBundleReader.Outcome(Error.BadInput("FHIR011", "Search needs patient= with a patient id or an NHS number."), "patient"), StatusCodes.Status400BadRequest);
        }

        IReadOnlyList<OrderView> found = await orders.ListAsync(new OrderQuery(PatientId: patientId), ct).ConfigureAwait(false);
        var visible = new List<Resource>();
        foreach (OrderView summary in found.Where(o => OrderEndpoints.MaySee(http.User, o)))
        {
            visible.Add(map(summary));
        }

        if (found.Count > 0)
        {
            await OrderEndpoints.AuditAsync(audit, http, AuditAction.Search, patientId.Value, ct).ConfigureAwait(false);
        }

        return Fhir(OrderFhirMapper.Searchset(visible), StatusCodes.Status200OK);
    }

    /// <summary>
    /// The patient a <c>patient=</c> search names: a patient id (<c>Patient/{id}</c> or the bare id) or an NHS number
    /// (optionally as <c>system|value</c>). An NHS number nobody holds gives <see cref="Guid.Empty"/>; an unreadable value null.
    /// </summary>
    internal static async Task<Guid?> PatientOfAsync(string? patient, IPatientRegistry patients, CancellationToken ct)
    {
        string value = (patient ?? string.Empty).Trim();
        value = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
        value = value.StartsWith(OrderBundleReader.NhsNumberSystem + "|", StringComparison.Ordinal) ? value[(OrderBundleReader.NhsNumberSystem.Length + 1)..] : value;
        Guid? patientId = Guid.TryParse(value, out Guid g) ? g : null;
        if (patientId is null && NhsNumber.TryParse(value, out NhsNumber? nhs))
        {
            patientId = (await patients.FindAsync(nhs.Value, ct).ConfigureAwait(false))?.Id.Value ?? Guid.Empty;
        }

        return patientId;
    }

    private static Bundle Response(OrderBundle read, OrderView placed, bool patientCreated, List<string> notes)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.TransactionResponse };
        int specimen = 0;
        foreach (string type in read.Entries)
        {
            var response = new Bundle.ResponseComponent();
            switch (type)
            {
                case "Patient":
                    response.Status = patientCreated ? "201 Created" : "200 OK";
                    response.Location = $"Patient/{placed.PatientId:N}";
                    break;
                case "ServiceRequest":
                    response.Status = "201 Created";
                    response.Location = $"ServiceRequest/{placed.Id:N}";
                    response.Outcome = Info([$"Task/{placed.Id:N} tracks the order; routed to {placed.GlhCode}: {placed.RoutingReason}", .. notes]);
                    break;
                case "Specimen":
                    SampleView sample = placed.Samples[Math.Min(specimen++, placed.Samples.Count - 1)];
                    response.Status = "201 Created";
                    response.Location = $"ServiceRequest/{placed.Id:N}#specimen-{sample.SpecimenId}";
                    break;
                default:
                    // Observations, Conditions, Consent and the PractitionerRole are folded into the order and the
                    // record of discussion; they are not kept as separate resources.
                    response.Status = "200 OK";
                    response.Outcome = Info([$"Recorded on ServiceRequest/{placed.Id:N}; not stored as a separate {type}."]);
                    break;
            }

            bundle.Entry.Add(new Bundle.EntryComponent { Response = response });
        }

        return bundle;
    }

    private static OperationOutcome Info(IEnumerable<string> messages) => new()
    {
        Issue = messages.Select(m => new OperationOutcome.IssueComponent
        {
            Severity = OperationOutcome.IssueSeverity.Information,
            Code = OperationOutcome.IssueType.Informational,
            Diagnostics = m,
        }).ToList(),
    };

    internal static IResult Fhir(Resource resource, int status) =>
        Results.Text(JsonSerializer.Serialize(resource, resource.GetType(), s_fhirJson), FhirJson, statusCode: status);

    private static string UserName(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Name) ?? "unknown";
}
