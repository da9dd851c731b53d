using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Cases.Infrastructure.Persistence;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>
/// A rare-disease trio order and a PGx order walked through the API from request to authorised report: VCF attached,
/// the analysis job run by the web process's worker, review, four eyes, immutability, a corrected version.
/// </summary>
public sealed class CasesApiTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Rare_disease_trio_goes_from_request_to_authorised_and_corrected_report(string provider)
    {
        string dir = SharedData.PathOf("variants/clinical-cases/scout-trio-643594");
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient otherClinician = await service.SignedInClientAsync("dr.other", GmsRoles.RequestingClinician);
        using HttpClient scientist = await service.SignedInClientAsync("sci.both", [GmsRoles.GlhScientist, GmsRoles.GlhAuthoriser], "north-thames");
        using HttpClient authoriser = await service.SignedInClientAsync("auth.ng", [GmsRoles.GlhAuthoriser], "north-thames");
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);
        string orderId = await PlaceAndSequenceAsync(clinician, scientist, "R14.1", "9434765005", ["HP:0001250", "HP:0001263"]);

        JsonElement attached = await SendAsync(scientist, HttpMethod.Post, $"api/orders/{orderId}/vcf", new
        {
            path = Path.Combine(dir, "643594.clinical.vcf.gz"),
            pedPath = Path.Combine(dir, "643594.ped"),
            probandSample = "ADM1059A2",
        }, HttpStatusCode.Created);
        string caseId = attached.GetProperty("case").GetProperty("id").GetString()!;
        Assert.Equal("rare-disease", attached.GetProperty("case").GetProperty("pipelines").GetString());
        Assert.Contains("rare and inherited", attached.GetProperty("pipelineReason").GetString(), StringComparison.Ordinal);

        // GLH staff of another GLH neither see nor open the case (the order went to North Thames, a specialist GLH).
        using HttpClient otherGlh = await service.SignedInClientAsync("sci.elsewhere", [GmsRoles.GlhScientist], "north-west");
        Assert.Empty((await GetAsync(otherGlh, "api/cases")).EnumerateArray());
        await SendAsync(otherGlh, HttpMethod.Post, $"api/cases/{caseId}/retry", new { }, HttpStatusCode.Forbidden, "ORD030");
        using (HttpResponseMessage refusedCase = await otherGlh.GetAsync(new Uri($"api/cases/{caseId}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refusedCase.StatusCode);
        }

        JsonElement ready = await WaitForAsync(scientist, caseId, "ready-for-review");
        Assert.Equal("interpretation", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());
        JsonElement worklist = await GetAsync(scientist, "api/cases?status=ready-for-review");
        Assert.Equal(caseId, Assert.Single(worklist.EnumerateArray()).GetProperty("id").GetString());
        JsonElement top = ready.GetProperty("variants")[0];
        Assert.Equal(1, top.GetProperty("rank").GetInt32());
        Assert.Equal(3, top.GetProperty("genotypes").GetArrayLength());

        // Functional evidence added by the scientist: PS3 at strong adds 4 points and the class follows the points.
        int before = top.GetProperty("automatedPoints").GetInt32();
        bool hadPs3 = top.GetProperty("criteria").EnumerateArray().Any(c => c.GetProperty("criterion").GetString()!.StartsWith("PS3", StringComparison.Ordinal) && c.GetProperty("met").GetBoolean());
        string key = top.GetProperty("key").GetString()!;
        JsonElement reviewed = await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/reviews", new
        {
            variant = key,
            criteria = new[] { new { criterion = "PS3", met = (bool?)true, strength = "Strong" } },
            reported = true,
            reason = "RNA study shows skipping of exon 5",
        }, HttpStatusCode.OK);
        JsonElement after = reviewed.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("key").GetString() == key);
        int expectedPoints = hadPs3 ? before : before + 4;
        Assert.Equal(expectedPoints, after.GetProperty("points").GetInt32());
        Assert.Equal(Tavtigian(expectedPoints), after.GetProperty("class").GetString());
        Assert.Equal("sci.both", after.GetProperty("reviewedBy").GetString());
        Assert.True(after.GetProperty("reported").GetBoolean());

        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { }, HttpStatusCode.BadRequest, "CAS011");
        await SendAsync(scientist, HttpMethod.Put, $"api/cases/{caseId}/report-text", new { summary = "Trio exome reviewed.", conclusion = "A candidate explains the phenotype." }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { }, HttpStatusCode.OK);

        // Four eyes: the submitter holds the authoriser role too, and still may not authorise their own report.
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/authorise", new { }, HttpStatusCode.Forbidden, "CAS021");
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/reviews", new { variant = key, reported = false }, HttpStatusCode.Conflict, "CAS010");
        JsonElement authorised = await SendAsync(authoriser, HttpMethod.Post, $"api/cases/{caseId}/authorise", new { }, HttpStatusCode.OK);
        Assert.Equal("authorised", authorised.GetProperty("case").GetProperty("status").GetString());
        Assert.Equal("report-authorised", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());

        string reportId = authorised.GetProperty("reports")[0].GetProperty("reportId").GetString()!;
        JsonElement report = await GetAsync(clinician, $"api/reports/{reportId}");
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal("auth.ng", report.GetProperty("authorisedBy").GetString());
        JsonElement variant = Assert.Single(report.GetProperty("variants").EnumerateArray());
        Assert.Equal(top.GetProperty("gene").GetString(), variant.GetProperty("gene").GetString());
        Assert.Equal(Tavtigian(expectedPoints), variant.GetProperty("acmgClass").GetString());
        Assert.Contains("PS3", variant.GetProperty("acmgCriteria").EnumerateArray().Select(c => c.GetString()));
        Assert.NotNull(variant.GetProperty("zygosity").GetString());
        using (HttpResponseMessage refused = await otherClinician.GetAsync(new Uri($"api/reports/{reportId}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // The authorised version cannot be changed in the database either.
        using (IServiceScope scope = service.Services.CreateScope())
        {
            CasesDbContext db = scope.ServiceProvider.GetRequiredService<CasesDbContext>();
            Exception update = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("UPDATE cases_report SET \"ChangeSummary\" = 'tampered'", Ct));
            Exception delete = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM cases_report", Ct));
            Assert.Contains("immutable", update.Message, StringComparison.Ordinal);
            Assert.Contains("immutable", delete.Message, StringComparison.Ordinal);
        }

        // A correction is version 2, says what changed and why, and must be authorised itself.
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/corrections", new { reason = "segregation re-checked" }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Put, $"api/cases/{caseId}/report-text", new { summary = "Trio exome reviewed.", conclusion = "The candidate is confirmed de novo." }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { }, HttpStatusCode.BadRequest, "CAS012");
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { changeSummary = "Conclusion reworded after parental samples were re-checked." }, HttpStatusCode.OK);
        Assert.Equal(1, (await GetAsync(clinician, $"api/reports/{reportId}")).GetProperty("version").GetInt32());
        await SendAsync(authoriser, HttpMethod.Post, $"api/cases/{caseId}/authorise", new { }, HttpStatusCode.OK);
        JsonElement v2 = await GetAsync(clinician, $"api/reports/{reportId}");
        JsonElement v1 = await GetAsync(clinician, $"api/reports/{reportId}?version=1");
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Contains("re-checked", v2.GetProperty("changeSummary").GetString(), StringComparison.Ordinal);
        Assert.Equal("The candidate is confirmed de novo.", v2.GetProperty("conclusion").GetString());
        Assert.Equal("A candidate explains the phenotype.", v1.GetProperty("conclusion").GetString());
        Assert.True(v1.GetProperty("superseded").GetBoolean());
        Assert.Equal("report-authorised", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());

        // The same report out as FHIR: a corrected DiagnosticReport (version 2) with the reported variant as a Variant
        // observation, found by id and by the patient's NHS number; another clinician is refused.
        JsonElement fhir = await GetAsync(clinician, $"fhir/DiagnosticReport/{reportId}");
        Assert.Equal("DiagnosticReport", fhir.GetProperty("resourceType").GetString());
        Assert.Equal("corrected", fhir.GetProperty("status").GetString());
        Assert.Contains("de novo", fhir.GetProperty("conclusion").GetString(), StringComparison.Ordinal);
        string fhirText = fhir.GetRawText();
        Assert.Contains(variant.GetProperty("gene").GetString()!, fhirText, StringComparison.Ordinal);
        Assert.Contains("69548-6", fhirText, StringComparison.Ordinal);
        // R14.1 is gene-agnostic: no panel, so no HGNC id for the gene, which then goes out by symbol only (text, no coding).
        Assert.False(variant.TryGetProperty("hgncId", out JsonElement hgnc) && hgnc.ValueKind == JsonValueKind.String, variant.ToString());
        JsonElement gene = fhir.GetProperty("contained").EnumerateArray()
            .SelectMany(o => o.TryGetProperty("component", out JsonElement cs) ? cs.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .First(c => c.GetProperty("code").GetProperty("coding")[0].GetProperty("code").GetString() == "48018-6")
            .GetProperty("valueCodeableConcept");
        Assert.Equal(variant.GetProperty("gene").GetString(), gene.GetProperty("text").GetString());
        Assert.False(gene.TryGetProperty("coding", out _), gene.ToString());
        JsonElement byPatient = await GetAsync(clinician, $"fhir/DiagnosticReport?patient={report.GetProperty("nhsNumber").GetString()!.Replace(" ", string.Empty, StringComparison.Ordinal)}");
        Assert.Equal("Bundle", byPatient.GetProperty("resourceType").GetString());
        Assert.True(byPatient.GetProperty("entry").GetArrayLength() >= 1);
        using (HttpResponseMessage refused = await otherClinician.GetAsync(new Uri($"fhir/DiagnosticReport/{reportId}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        string patient = Guid.Parse(report.GetProperty("patientId").GetString()!).ToString("N");
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={patient}&limit=200", s_json, Ct))!;
        Assert.Contains(log, r => r.Event.Actor == "sci.both" && r.Event.Resource == "case" && r.Event.Action == AuditAction.Read);
        Assert.Contains(log, r => r.Event.Actor == "sci.both" && r.Event.Resource == "case" && r.Event.Action == AuditAction.Denied);
        Assert.Contains(log, r => r.Event.Actor == "auth.ng" && r.Event.Resource == "case" && r.Event.Action == AuditAction.Update);
        Assert.Contains(log, r => r.Event.Actor == "dr.lee" && r.Event.Resource == "report" && r.Event.Action == AuditAction.Read);
        Assert.Contains(log, r => r.Event.Actor == "dr.other" && r.Event.Resource == "report" && r.Event.Action == AuditAction.Denied);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Pgx_order_goes_from_request_to_authorised_report_with_genes_and_drugs(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient scientist = await service.SignedInClientAsync("sci.khan", [GmsRoles.GlhScientist], "north-west");
        using HttpClient authoriser = await service.SignedInClientAsync("auth.ng", [GmsRoles.GlhAuthoriser], "north-west");

        // M1.1 targets DPYD, a gene the PGx definitions call: the pipeline follows from the directory's data.
        string orderId = await PlaceAndSequenceAsync(clinician, scientist, "M1.1", "9434765013", []);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(await File.ReadAllBytesAsync(RepoPaths.TestData("pgx/two-patients.vcf"), Ct));
        form.Add(file, "vcf", "two-patients.vcf");
        form.Add(new StringContent("PATIENT-1"), "probandSample");
        using HttpResponseMessage uploaded = await scientist.PostAsync(new Uri($"api/orders/{orderId}/vcf/upload", UriKind.Relative), form, Ct);
        Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync(Ct));
        JsonElement attached = await ReadAsync(uploaded);
        string caseId = attached.GetProperty("case").GetProperty("id").GetString()!;
        Assert.Equal("pgx", attached.GetProperty("case").GetProperty("pipelines").GetString());
        Assert.Contains("DPYD", attached.GetProperty("pipelineReason").GetString(), StringComparison.Ordinal);

        JsonElement ready = await WaitForAsync(scientist, caseId, "ready-for-review");
        Assert.Contains(ready.GetProperty("pgxGenes").EnumerateArray(), g => g.GetProperty("gene").GetString() == "DPYD" && g.GetProperty("diplotype").GetString() is { Length: > 0 });
        Assert.NotEqual(0, ready.GetProperty("pgxDrugs").GetArrayLength());
        Assert.Equal(0, ready.GetProperty("variants").GetArrayLength());

        await SendAsync(scientist, HttpMethod.Put, $"api/cases/{caseId}/report-text", new { summary = "Pharmacogenomic genotyping.", conclusion = "See the drug recommendations." }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/authorise", new { }, HttpStatusCode.Forbidden);
        JsonElement returned = await SendAsync(authoriser, HttpMethod.Post, $"api/cases/{caseId}/return", new { reason = "add the DPYD dosing sentence" }, HttpStatusCode.OK);
        Assert.Equal("ready-for-review", returned.GetProperty("case").GetProperty("status").GetString());
        await SendAsync(scientist, HttpMethod.Put, $"api/cases/{caseId}/report-text", new { summary = "Pharmacogenomic genotyping.", conclusion = "Follow the fluoropyrimidine dosing recommendation." }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/submit", new { }, HttpStatusCode.OK);
        JsonElement authorised = await SendAsync(authoriser, HttpMethod.Post, $"api/cases/{caseId}/authorise", new { }, HttpStatusCode.OK);
        Assert.Equal("report-authorised", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());

        string patientId = authorised.GetProperty("case").GetProperty("patientId").GetString()!;
        JsonElement reports = await GetAsync(clinician, $"api/reports?patient={patientId}");
        JsonElement report = Assert.Single(reports.EnumerateArray());
        Assert.Equal(1, report.GetProperty("version").GetInt32());
        Assert.Equal("9434765013", report.GetProperty("nhsNumber").GetString());
        Assert.Equal("M1.1", report.GetProperty("testCode").GetString());
        Assert.Contains(report.GetProperty("pgxGenes").EnumerateArray(), g => g.GetProperty("gene").GetString() == "DPYD");
        Assert.NotEqual(0, report.GetProperty("pgxDrugs").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Failed_analysis_says_why_and_is_retried(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient scientist = await service.SignedInClientAsync("sci.khan", [GmsRoles.GlhScientist], "north-west");
        string orderId = await PlaceAndSequenceAsync(clinician, scientist, "M1.1", "9434765021", []);

        // A PGx call of a sample the VCF does not have fails the job with the PGX error.
        JsonElement attached = await SendAsync(scientist, HttpMethod.Post, $"api/orders/{orderId}/vcf", new { path = RepoPaths.TestData("pgx/two-patients.vcf"), probandSample = "NOBODY" }, HttpStatusCode.Created);
        string caseId = attached.GetProperty("case").GetProperty("id").GetString()!;
        JsonElement failed = await WaitForAsync(scientist, caseId, "analysis-failed");
        Assert.Contains("NOBODY", failed.GetProperty("case").GetProperty("analysisError").GetString(), StringComparison.Ordinal);
        Assert.Equal("analysis", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());

        JsonElement retried = await SendAsync(scientist, HttpMethod.Post, $"api/cases/{caseId}/retry", new { }, HttpStatusCode.OK);
        Assert.Equal("awaiting-analysis", retried.GetProperty("case").GetProperty("status").GetString());
        await WaitForAsync(scientist, caseId, "analysis-failed");

        // Attaching the right sample runs again and the order reaches interpretation.
        await SendAsync(scientist, HttpMethod.Post, $"api/orders/{orderId}/vcf", new { path = RepoPaths.TestData("pgx/two-patients.vcf"), probandSample = "PATIENT-2" }, HttpStatusCode.Created);
        await WaitForAsync(scientist, caseId, "ready-for-review");
        Assert.Equal("interpretation", (await GetAsync(scientist, $"api/orders/{orderId}")).GetProperty("status").GetString());
        await SendAsync(scientist, HttpMethod.Post, $"api/orders/{orderId}/vcf", new { path = "/no/such.vcf" }, HttpStatusCode.Conflict, "CAS004");
    }

    private static string Tavtigian(int points) => points switch
    {
        >= 10 => "P",
        >= 6 => "LP",
        >= 0 => "VUS",
        >= -6 => "LB",
        _ => "B",
    };

    private static async Task<string> PlaceAndSequenceAsync(HttpClient clinician, HttpClient scientist, string testCode, string nhs, string[] hpo)
    {
        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", new
        {
            nhsNumber = nhs,
            newPatient = new { nhsNumber = nhs, givenName = "Sam", familyName = "Jones", dateOfBirth = "2015-03-04", sex = "male" },
            testCode,
            organisationOds = "RW3",
            requesterName = "Dr Lee",
            hpoTerms = hpo,
            clinicalNotes = "case review test",
            relatives = Array.Empty<object>(),
            urgency = "Routine",
            justification = "test order",
        }, Ct);
        Assert.True(placed.StatusCode == HttpStatusCode.Created, await placed.Content.ReadAsStringAsync(Ct));
        string id = (await ReadAsync(placed)).GetProperty("id").GetString()!;
        await SendAsync(scientist, HttpMethod.Post, $"api/orders/{id}/transitions", new { to = "accepted" }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/orders/{id}/samples", new { specimenId = "S1", typeCode = "445295009", typeDisplay = "Blood specimen with EDTA", received = true }, HttpStatusCode.OK);
        await SendAsync(scientist, HttpMethod.Post, $"api/orders/{id}/transitions", new { to = "sequencing" }, HttpStatusCode.OK);
        return id;
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string caseId, string status)
    {
        JsonElement found = default;
        for (int i = 0; i < 600; i++)
        {
            found = await GetAsync(client, $"api/cases/{caseId}");
            if (found.GetProperty("case").GetProperty("status").GetString() == status)
            {
                return found;
            }

            await Task.Delay(100, Ct);
        }

        Assert.Fail($"case {caseId} did not reach {status}: {found}");
        return found;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected, string? code = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using HttpResponseMessage response = await client.SendAsync(request, Ct);
        string text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        JsonElement json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal(code, json.GetProperty("code").GetString());
        }

        return json;
    }

    private static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
