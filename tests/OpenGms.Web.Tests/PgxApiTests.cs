using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenGms.Audit.Contracts;
using OpenGms.Pharmacogenomics.Contracts;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>
/// <c>POST /api/pgx/report</c> on the real service with the bundled demo definitions (a fresh data folder has no
/// imported set) and a hand-written two-patient VCF (tests/TestData/pgx/two-patients.vcf).
/// </summary>
public sealed class PgxApiTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Vcf => RepoPaths.TestData("pgx/two-patients.vcf");

    private static MultipartFormDataContent Upload(string? sample, string? outsideCalls = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(Vcf));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "vcf", "two-patients.vcf");
        if (sample is not null)
        {
            form.Add(new StringContent(sample), "sample");
        }

        if (outsideCalls is not null)
        {
            form.Add(new StringContent(outsideCalls), "outsideCalls", "outside.tsv");
        }

        return form;
    }

    [Fact]
    public async Task Report_for_pharmacist_has_genes_phenotypes_and_drug_recommendations()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);

        using MultipartFormDataContent form = Upload("PATIENT-1");
        using HttpResponseMessage response = await pharmacist.PostAsync(new Uri("api/pgx/report", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        JsonElement root = body.RootElement;
        Assert.Equal("PATIENT-1", root.GetProperty("sample").GetString());
        Assert.StartsWith("demo-", root.GetProperty("definitionsVersion").GetString(), StringComparison.Ordinal);
        JsonElement cyp2c19 = root.GetProperty("genes").EnumerateArray().Single(g => g.GetProperty("gene").GetString() == "CYP2C19");
        Assert.True(cyp2c19.GetProperty("called").GetBoolean());
        Assert.Equal(["*2/*2"], cyp2c19.GetProperty("diplotypes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Poor Metabolizer"], cyp2c19.GetProperty("phenotypes").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("matcher", cyp2c19.GetProperty("source").GetString());
        Assert.Empty(cyp2c19.GetProperty("missingPositions").EnumerateArray());
        JsonElement clopidogrel = root.GetProperty("drugs").EnumerateArray().Single(d => d.GetProperty("drug").GetString() == "clopidogrel");
        Assert.Equal("CPIC", clopidogrel.GetProperty("source").GetString());
        Assert.Equal("change", clopidogrel.GetProperty("action").GetString());
        Assert.Contains("alternative", clopidogrel.GetProperty("recommendation").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Poor Metabolizer", clopidogrel.GetProperty("genes").GetProperty("CYP2C19").GetString());
    }

    [Fact]
    public async Task Report_is_the_same_json_the_cli_prints()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient scientist = await service.SignedInClientAsync("glh.jones", [GmsRoles.GlhScientist], "north-west");
        PgxReport cli = PgxService.Open(null, null).Value.CallVcf(Vcf, "PATIENT-2", null).Value.Single();

        using MultipartFormDataContent form = Upload("PATIENT-2");
        using HttpResponseMessage response = await scientist.PostAsync(new Uri("api/pgx/report", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PgxService.ToJson(cli), await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Outside_call_overrides_the_matcher()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);

        using MultipartFormDataContent form = Upload("PATIENT-1", "CYP2C19\t*1/*1\n");
        using HttpResponseMessage response = await pharmacist.PostAsync(new Uri("api/pgx/report", UriKind.Relative), form, Ct);

        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        JsonElement cyp2c19 = body.RootElement.GetProperty("genes").EnumerateArray().Single(g => g.GetProperty("gene").GetString() == "CYP2C19");
        Assert.Equal("outside", cyp2c19.GetProperty("source").GetString());
        Assert.Equal(["*1/*1"], cyp2c19.GetProperty("diplotypes").EnumerateArray().Select(d => d.GetString()));
    }

    [Theory]
    [InlineData(null, "PGX014")] // two samples and none named
    [InlineData("NOBODY", "PGX012")]
    public async Task Bad_upload_answers_problem_with_code(string? sample, string code)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);

        using MultipartFormDataContent form = Upload(sample);
        using HttpResponseMessage response = await pharmacist.PostAsync(new Uri("api/pgx/report", UriKind.Relative), form, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, problem.RootElement.GetProperty("code").GetString());
        Assert.DoesNotContain("opengms-pgx-", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_refuses_other_roles_and_audits_access_and_refusal()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);
        using HttpClient researcher = await service.SignedInClientAsync("res.one", GmsRoles.Researcher);
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);

        using MultipartFormDataContent f1 = Upload("PATIENT-1");
        using MultipartFormDataContent f2 = Upload("PATIENT-1");
        using MultipartFormDataContent f3 = Upload("PATIENT-1");
        using HttpResponseMessage anonymous = await service.Client.PostAsync(new Uri("api/pgx/report", UriKind.Relative), f1, Ct);
        using HttpResponseMessage refused = await researcher.PostAsync(new Uri("api/pgx/report", UriKind.Relative), f2, Ct);
        using HttpResponseMessage ok = await pharmacist.PostAsync(new Uri("api/pgx/report", UriKind.Relative), f3, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>("api/audit?actor=rx.patel", s_json, Ct))!;
        AuditRecord line = Assert.Single(log, r => r.Event.Resource == "pgx-report");
        Assert.Equal(("PATIENT-1", AuditAction.Create), (line.Event.PatientId, line.Event.Action));
        AuditRecord[] denied = (await admin.GetFromJsonAsync<AuditRecord[]>("api/audit?actor=res.one", s_json, Ct))!;
        Assert.Contains(denied, r => r.Event.Action == AuditAction.Denied && r.Event.Resource == "pgx-report");
    }
}
