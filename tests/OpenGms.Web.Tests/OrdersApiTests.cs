using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenGms.Audit.Contracts;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

public sealed class OrdersApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    internal static object FhOrder(string nhs = "9434765919", string ods = "RW3") => new
    {
        nhsNumber = nhs,
        newPatient = new { nhsNumber = nhs, givenName = "Ann", familyName = "Smith", dateOfBirth = "1980-01-02", sex = "female" },
        testCode = "R134.1",
        organisationOds = ods,
        requesterName = "Dr Lee",
        hpoTerms = new[] { "HP:0003124" },
        clinicalNotes = "LDL 8.6 untreated",
        relatives = new[] { new { relationship = "mother", nhsNumber = (string?)null } },
        urgency = "Routine",
        eligibility = new { fh = new { ldlCholesterolMmolPerL = 8.6, tendonXanthomata = true } },
    };

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Clinician_places_and_lab_moves_the_order_to_sent_with_every_access_audited(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient scientist = await service.SignedInClientAsync("sci.khan", [GmsRoles.GlhScientist], "north-west");
        using HttpClient authoriser = await service.SignedInClientAsync("auth.ng", [GmsRoles.GlhAuthoriser], "north-west");
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);

        using HttpResponseMessage preview = await clinician.PostAsJsonAsync("api/orders/preview", new { testCode = "R14.1", organisationOds = "RW3" }, Ct);
        JsonElement previewBody = await ReadAsync(preview);
        Assert.Equal("north-thames", previewBody.GetProperty("routing").GetProperty("glhCode").GetString());

        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", FhOrder(), Ct);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        JsonElement order = await ReadAsync(placed);
        string id = order.GetProperty("id").GetString()!;
        string patient = Guid.Parse(order.GetProperty("patientId").GetString()!).ToString("N");
        Assert.Equal("north-west", order.GetProperty("glhCode").GetString());

        JsonElement mine = await GetAsync(clinician, "api/orders/mine");
        Assert.Equal(id, Assert.Single(mine.EnumerateArray()).GetProperty("id").GetString());
        JsonElement worklist = await GetAsync(scientist, "api/orders/worklist?glh=north-west&status=requested");
        Assert.Single(worklist.EnumerateArray());
        using (HttpResponseMessage otherGlh = await scientist.GetAsync(new Uri("api/orders/worklist?glh=east", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, otherGlh.StatusCode);
        }

        await MoveAsync(scientist, id, "accepted", HttpStatusCode.OK);
        using (HttpResponseMessage sample = await scientist.PostAsJsonAsync($"api/orders/{id}/samples", new { specimenId = "S1", typeCode = "445295009", typeDisplay = "Blood specimen with EDTA", received = true }, Ct))
        {
            Assert.Equal("sample-received", (await ReadAsync(sample)).GetProperty("status").GetString());
        }

        await MoveAsync(scientist, id, "sequencing", HttpStatusCode.OK);
        await MoveAsync(scientist, id, "analysis", HttpStatusCode.OK);
        await MoveAsync(scientist, id, "interpretation", HttpStatusCode.OK);
        await MoveAsync(scientist, id, "report-authorised", HttpStatusCode.Forbidden);
        await MoveAsync(authoriser, id, "report-authorised", HttpStatusCode.OK);
        JsonElement sent = await MoveAsync(authoriser, id, "sent", HttpStatusCode.OK);
        Assert.Equal("completed", sent.GetProperty("task").GetProperty("status").GetString());
        await MoveAsync(authoriser, id, "analysis", HttpStatusCode.Conflict);

        JsonElement turnaround = await GetAsync(admin, "api/orders/turnaround");
        Assert.Equal(1, Assert.Single(turnaround.EnumerateArray()).GetProperty("completed").GetInt32());
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={patient}&limit=100", s_json, Ct))!;
        Assert.Contains(log, r => r.Event.Actor == "dr.lee" && r.Event.Action == AuditAction.Create && r.Event.Resource == "order");
        Assert.Contains(log, r => r.Event.Actor == "sci.khan" && r.Event.Action == AuditAction.Search);
        Assert.Equal(7, log.Count(r => r.Event.Action == AuditAction.Update));
        Assert.Single(log, r => r.Event.Actor == "sci.khan" && r.Event.Action == AuditAction.Denied);
    }

    [Fact]
    public async Task Clinician_cannot_read_another_clinicians_order_and_the_refusal_is_audited()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient other = await service.SignedInClientAsync("dr.other", GmsRoles.RequestingClinician);
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);
        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", FhOrder(), Ct);
        JsonElement order = await ReadAsync(placed);

        using HttpResponseMessage refused = await other.GetAsync(new Uri($"api/orders/{order.GetProperty("id").GetString()}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={Guid.Parse(order.GetProperty("patientId").GetString()!):N}", s_json, Ct))!;
        Assert.Contains(log, r => r.Event.Actor == "dr.other" && r.Event.Action == AuditAction.Denied);
    }

    [Fact]
    public async Task Ineligible_order_is_refused_with_a_problem_code_until_justified()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        string json = JsonSerializer.Serialize(FhOrder(), s_json).Replace("8.6,", "4.1,", StringComparison.Ordinal).Replace("\"tendonXanthomata\":true", "\"tendonXanthomata\":false", StringComparison.Ordinal);

        using HttpResponseMessage refused = await clinician.PostAsync(new Uri("api/orders", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("ORD006", (await ReadAsync(refused)).GetProperty("code").GetString());
    }

    private static async Task<JsonElement> MoveAsync(HttpClient client, string id, string to, HttpStatusCode expected)
    {
        using HttpResponseMessage response = await client.PostAsJsonAsync($"api/orders/{id}/transitions", new { to }, Ct);
        Assert.True(expected == response.StatusCode, $"{to}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        string text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
