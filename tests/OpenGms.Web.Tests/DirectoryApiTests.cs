using System.Net;
using System.Text.Json;
using CodeSystem = Hl7.Fhir.Model.CodeSystem;
using ModelInfo = Hl7.Fhir.Model.ModelInfo;
using Hl7.Fhir.Serialization;
using OpenGms.Testing;

namespace OpenGms.Web.Tests;

/// <summary>The directory API, FHIR export and pages on the real service over the bundled demo data.</summary>
public sealed class DirectoryApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonDocument Body, string? MediaType)> GetJsonAsync(RunningService service, string path)
    {
        using HttpResponseMessage response = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string text = await response.Content.ReadAsStringAsync(Ct);
        return (response.StatusCode, JsonDocument.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Search_by_name_links_to_indication_page(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);

        (HttpStatusCode status, JsonDocument body, _) = await GetJsonAsync(service, "api/directory/search?q=hypercholesterolaemia&limit=20");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement first = body.RootElement.GetProperty("hits")[0];
        Assert.Equal("R134", first.GetProperty("code").GetString());
        Assert.Equal("/directory/indications/R134", first.GetProperty("url").GetString());
        Assert.Equal("Familial hypercholesterolaemia", first.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Search_by_gene_finds_named_gene_test()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (_, JsonDocument body, _) = await GetJsonAsync(service, "api/directory/search?q=LDLR");

        List<string?> codes = body.RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("code").GetString()).ToList();
        Assert.Contains("R134.2", codes);
        Assert.DoesNotContain("R127.1", codes);
    }

    [Fact]
    public async Task Search_without_query_is_problem_with_code()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (HttpStatusCode status, JsonDocument body, string? type) = await GetJsonAsync(service, "api/directory/search?q=");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("DIR022", body.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Indication_lists_tests_with_methods_and_targets(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);

        (HttpStatusCode status, JsonDocument body, _) = await GetJsonAsync(service, "api/directory/indications/R134");

        Assert.Equal(HttpStatusCode.OK, status);
        JsonElement tests = body.RootElement.GetProperty("tests");
        Assert.Equal(["R134.1", "R134.2"], tests.EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        Assert.Equal(772, tests[0].GetProperty("targets")[0].GetProperty("panelId").GetInt32());
        Assert.Equal("LDLR", tests[1].GetProperty("genes")[0].GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task Unknown_test_is_404_problem_with_code()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (HttpStatusCode status, JsonDocument body, string? type) = await GetJsonAsync(service, "api/directory/tests/R999.1");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal("DIR021", body.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Editions_lists_demo_editions_as_current()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (_, JsonDocument body, _) = await GetJsonAsync(service, "api/directory/editions");

        var current = body.RootElement.GetProperty("editions").EnumerateArray()
            .Where(e => e.GetProperty("isCurrent").GetBoolean()).Select(e => e.GetProperty("key").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["cancer-demo", "rd-demo"], current);
    }

    [Fact]
    public async Task Diff_without_editions_is_bad_request_and_same_edition_is_empty()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (HttpStatusCode missing, _, _) = await GetJsonAsync(service, "api/directory/diff?from=rd-demo");
        (HttpStatusCode same, JsonDocument body, _) = await GetJsonAsync(service, "api/directory/diff?from=rd-demo&to=rd-demo");

        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.Equal(HttpStatusCode.OK, same);
        Assert.Equal(0, body.RootElement.GetProperty("changedTests").GetArrayLength());
    }

    [Fact]
    public async Task CodeSystem_uses_nhs_system_and_nests_tests_under_indications()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpResponseMessage response = await service.Client.GetAsync(new Uri("fhir/CodeSystem/england-genomic-test-directory?version=rd-demo", UriKind.Relative), Ct);
        string json = await response.Content.ReadAsStringAsync(Ct);

        CodeSystem system = JsonSerializer.Deserialize<CodeSystem>(json, new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector))!;

        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        // The system the NHS England genomics IG's NamingSystem and ServiceRequest examples use.
        Assert.Equal("https://fhir.nhs.uk/CodeSystem/England-GenomicTestDirectory", system.Url);
        CodeSystem.ConceptDefinitionComponent r134 = Assert.Single(system.Concept, c => c.Code == "R134");
        Assert.Equal("Familial hypercholesterolaemia", r134.Display);
        Assert.Equal(["R134.1", "R134.2"], r134.Concept.Select(c => c.Code));
        Assert.Equal(system.Concept.Count + system.Concept.Sum(c => c.Concept.Count), system.Count);
    }

    [Fact]
    public async Task CodeSystem_unknown_version_is_operation_outcome_404()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (HttpStatusCode status, JsonDocument body, _) = await GetJsonAsync(service, "fhir/CodeSystem/england-genomic-test-directory?version=nope");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("OperationOutcome", body.RootElement.GetProperty("resourceType").GetString());
    }

    [Theory]
    [InlineData("directory/indications/R134", "R134.1")]
    [InlineData("directory/tests/R134.2", "LDLR")]
    [InlineData("directory?q=LDLR", "R134.2")]
    [InlineData("directory/editions", "rd-demo")]
    [InlineData("directory/diff?from=rd-demo&to=rd-demo", "rd-demo")]
    public async Task Page_renders_directory_content(string path, string expected)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_for_unknown_indication_is_404()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri("directory/indications/R999", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_lists_directory_routes()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        string json = await service.Client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct);

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/directory/search", out _));
        Assert.True(paths.TryGetProperty("/fhir/CodeSystem/england-genomic-test-directory", out _));
    }
}
