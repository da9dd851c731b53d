using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

public sealed class FhirOrderTests
{
    private const string NonWgsBundle = "fhir/nhse-genomics-ig-examples/Bundle-NonWGSTestOrderForm-Example.json";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Ig_example_bundle_creates_patient_order_and_sample_and_reads_back_as_task(string provider)
    {
        string bundle = await File.ReadAllTextAsync(SharedData.PathOf(NonWgsBundle), Ct);
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.smith", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await PostAsync(clinician, bundle);
        JsonElement body = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("transaction-response", body.GetProperty("type").GetString());
        JsonElement[] entries = body.GetProperty("entry").EnumerateArray().ToArray();
        Assert.Equal(JsonNode.Parse(bundle)!["entry"]!.AsArray().Count, entries.Length);
        JsonElement[] located = entries.Select(e => e.GetProperty("response")).Where(r => r.TryGetProperty("location", out _)).ToArray();
        JsonElement patientEntry = Assert.Single(located, r => r.GetProperty("location").GetString()!.StartsWith("Patient/", StringComparison.Ordinal));
        Assert.Equal("201 Created", patientEntry.GetProperty("status").GetString());
        string serviceRequest = located.Select(r => r.GetProperty("location").GetString()!).Single(l => l.StartsWith("ServiceRequest/", StringComparison.Ordinal) && !l.Contains('#', StringComparison.Ordinal));
        Assert.Contains(located, r => r.GetProperty("location").GetString()!.EndsWith("#specimen-RGT03135", StringComparison.Ordinal));
        string id = serviceRequest["ServiceRequest/".Length..];

        JsonElement task = await GetAsync(clinician, $"fhir/Task/{id}");
        Assert.Equal("Task", task.GetProperty("resourceType").GetString());
        Assert.Equal("requested", task.GetProperty("status").GetString());
        Assert.Equal("east", task.GetProperty("owner").GetProperty("identifier").GetProperty("value").GetString());
        JsonElement request = await GetAsync(clinician, $"fhir/ServiceRequest/{id}");
        Assert.Equal("R67.2", request.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString());
        JsonElement search = await GetAsync(clinician, "fhir/ServiceRequest?patient=9449307873");
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        JsonElement order = await GetAsync(clinician, $"api/orders/{id}");
        Assert.Equal("RGT03135", order.GetProperty("samples")[0].GetProperty("specimenId").GetString());
        Assert.Equal("fhir", order.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Invalid_bundle_names_each_problem_and_stores_nothing()
    {
        JsonNode bundle = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.PathOf(NonWgsBundle), Ct))!;
        foreach (JsonNode? entry in bundle["entry"]!.AsArray())
        {
            JsonNode resource = entry!["resource"]!;
            switch (resource["resourceType"]!.GetValue<string>())
            {
                case "ServiceRequest":
                    resource["code"]!["coding"]![0]!["system"] = "http://example.org/not-the-directory";
                    break;
                case "Patient":
                    resource["identifier"]![0]!["value"] = "9449307874";
                    break;
                case "PractitionerRole":
                    resource.AsObject().Remove("organization");
                    break;
            }
        }

        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.smith", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await PostAsync(clinician, bundle.ToJsonString());
        JsonElement outcome = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        string[] codes = outcome.GetProperty("issue").EnumerateArray().Select(i => i.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["FHIR005", "FHIR008", "NHS004"], codes);
        Assert.All(outcome.GetProperty("issue").EnumerateArray(), i => Assert.StartsWith("Bundle.entry", i.GetProperty("expression")[0].GetString(), StringComparison.Ordinal));
        Assert.Equal(0, (await GetAsync(clinician, "api/orders/mine")).GetArrayLength());
    }

    [Fact]
    public async Task Bundle_whose_order_fails_rolls_back_the_new_patient()
    {
        JsonNode bundle = JsonNode.Parse(await File.ReadAllTextAsync(SharedData.PathOf(NonWgsBundle), Ct))!;
        foreach (JsonNode? entry in bundle["entry"]!.AsArray())
        {
            if (entry!["resource"]!["resourceType"]!.GetValue<string>() == "ServiceRequest")
            {
                entry["resource"]!["code"]!["coding"]![0]!["code"] = "R999.9";
            }
        }

        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.smith", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await PostAsync(clinician, bundle.ToJsonString());
        JsonElement outcome = await ReadAsync(response);
        using HttpResponseMessage patient = await clinician.GetAsync(new Uri("api/patients?nhsNumber=9449307873", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ORD002", outcome.GetProperty("issue")[0].GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, patient.StatusCode);
    }

    [Fact]
    public async Task Malformed_fhir_is_refused_by_the_strict_parser()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.smith", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await PostAsync(clinician, """{"resourceType":"Bundle","type":"transaction","entry":[{"resource":{"resourceType":"Patient","birthDate":"not-a-date","unknownField":1}}]}""");
        JsonElement outcome = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(outcome.GetProperty("issue").GetArrayLength() >= 2, outcome.ToString());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string json) =>
        client.PostAsync(new Uri("fhir", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/fhir+json"), Ct);

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await ReadAsync(response);
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
