using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Testing;
using OpenGms.Web.Fhir;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

public sealed class FhirReportApiTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Report_reads_by_id_and_by_patient_for_whoever_may_see_its_order(string provider)
    {
        var source = new FixedReports();
        await using RunningService service = await RunningService.StartAsync(provider, seedDemoData: true, o => o with { ConfigureServices = s => s.AddSingleton<IGenomicReportSource>(source) }, Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient ownGlh = await service.SignedInClientAsync("sci.nw", [GmsRoles.GlhScientist], "north-west");
        using HttpClient otherGlh = await service.SignedInClientAsync("sci.east", [GmsRoles.GlhScientist], "east");
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);
        (Guid orderId, Guid patientId) = await PlaceAsync(clinician);
        GenomicReportContent report = GenomicReportFhirTests.RareDisease(orderId, new ReportPatient(patientId, "9434765919", "Ann Smith"));
        source.Add(report);

        JsonElement read = await GetAsync(clinician, $"fhir/DiagnosticReport/{report.ReportId}", HttpStatusCode.OK);
        await GetAsync(ownGlh, $"fhir/DiagnosticReport/{report.ReportId:N}", HttpStatusCode.OK);
        JsonElement refused = await GetAsync(otherGlh, $"fhir/DiagnosticReport/{report.ReportId}", HttpStatusCode.Forbidden);
        JsonElement search = await GetAsync(clinician, "fhir/DiagnosticReport?patient=9434765919", HttpStatusCode.OK);
        JsonElement hidden = await GetAsync(otherGlh, $"fhir/DiagnosticReport?patient=Patient/{patientId:N}", HttpStatusCode.OK);

        Assert.Equal("DiagnosticReport", read.GetProperty("resourceType").GetString());
        Assert.Equal($"ServiceRequest/{orderId:N}", read.GetProperty("basedOn")[0].GetProperty("reference").GetString());
        Assert.Equal("OperationOutcome", refused.GetProperty("resourceType").GetString());
        Assert.Equal("searchset", search.GetProperty("type").GetString());
        Assert.Equal("DiagnosticReport", Assert.Single(search.GetProperty("entry").EnumerateArray()).GetProperty("resource").GetProperty("resourceType").GetString());
        Assert.Equal(0, hidden.GetProperty("total").GetInt32());
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={patientId:N}&limit=100", s_json, Ct))!;
        Assert.Contains(log, r => r.Event.Actor == "dr.lee" && r.Event.Action == AuditAction.Read && r.Event.Resource == "report");
        Assert.Contains(log, r => r.Event.Actor == "dr.lee" && r.Event.Action == AuditAction.Search && r.Event.Resource == "report");
        Assert.Contains(log, r => r.Event.Actor == "sci.east" && r.Event.Action == AuditAction.Denied && r.Event.Resource == "report");
    }

    [Fact]
    public async Task Pharmacist_reads_pgx_reports_but_not_rare_disease_reports()
    {
        var source = new FixedReports();
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: true, o => o with { ConfigureServices = s => s.AddSingleton<IGenomicReportSource>(source) }, Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);
        (Guid orderId, Guid patientId) = await PlaceAsync(clinician);
        var patient = new ReportPatient(patientId, "9434765919", "Ann Smith");
        GenomicReportContent pgx = GenomicReportFhirTests.Pharmacogenomic(orderId, patient);
        GenomicReportContent rare = GenomicReportFhirTests.RareDisease(orderId, patient);
        source.Add(pgx);
        source.Add(rare);

        await GetAsync(pharmacist, $"fhir/DiagnosticReport/{pgx.ReportId}", HttpStatusCode.OK);
        await GetAsync(pharmacist, $"fhir/DiagnosticReport/{rare.ReportId}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_a_report_source_a_report_is_not_found_and_a_search_is_empty()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);

        JsonElement missing = await GetAsync(clinician, $"fhir/DiagnosticReport/{Guid.NewGuid()}", HttpStatusCode.NotFound);
        JsonElement empty = await GetAsync(clinician, "fhir/DiagnosticReport?patient=9434765919", HttpStatusCode.OK);
        await GetAsync(clinician, "fhir/DiagnosticReport?patient=not-a-patient", HttpStatusCode.BadRequest);

        Assert.Equal("FHIR020", missing.GetProperty("issue")[0].GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(0, empty.GetProperty("total").GetInt32());
    }

    private static async Task<(Guid Order, Guid Patient)> PlaceAsync(HttpClient clinician)
    {
        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", OrdersApiTests.FhOrder(), Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        JsonElement order = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("north-west", order.GetProperty("glhCode").GetString());
        return (Guid.Parse(order.GetProperty("id").GetString()!), Guid.Parse(order.GetProperty("patientId").GetString()!));
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reports held in memory, standing in for the case review module's store.</summary>
    private sealed class FixedReports : IGenomicReportSource
    {
        private readonly List<GenomicReportContent> _reports = [];

        public void Add(GenomicReportContent report)
        {
            lock (_reports)
            {
                _reports.Add(report);
            }
        }

        public Task<GenomicReportContent?> GetAsync(Guid reportId, CancellationToken cancellationToken)
        {
            lock (_reports)
            {
                return Task.FromResult(_reports.LastOrDefault(r => r.ReportId == reportId));
            }
        }

        public Task<IReadOnlyList<GenomicReportContent>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken)
        {
            lock (_reports)
            {
                return Task.FromResult<IReadOnlyList<GenomicReportContent>>(_reports.Where(r => r.Patient.Id == patientId).ToList());
            }
        }
    }
}
