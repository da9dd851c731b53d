using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Testing;

namespace OpenGms.Web.Tests;

/// <summary>/api/panels on the real service with the bundled demo panels (docs/demo-data-panels.md).</summary>
public sealed class PanelsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonDocument Body)> GetAsync(RunningService service, string path)
    {
        using HttpResponseMessage response = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Get_panel_returns_green_genes_by_default_and_amber_on_request(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);

        (HttpStatusCode status, JsonDocument green) = await GetAsync(service, "api/panels/772");
        (_, JsonDocument red) = await GetAsync(service, "api/panels/772?version=2.5&confidence=red");

        Assert.Equal(HttpStatusCode.OK, status);
        string[] symbols = [.. green.RootElement.GetProperty("genes").EnumerateArray().Select(g => g.GetProperty("symbol").GetString()!)];
        Assert.Equal(["APOB", "APOE", "LDLR", "LDLRAP1", "PCSK9"], symbols.Order(StringComparer.Ordinal));
        Assert.Equal("green", green.RootElement.GetProperty("genes")[0].GetProperty("confidence").GetString());
        Assert.Contains(red.RootElement.GetProperty("genes").EnumerateArray(), g => g.GetProperty("symbol").GetString() == "GCKR");
    }

    [Fact]
    public async Task List_answers_live_search_hits_by_gene_and_code()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        (_, JsonDocument byGene) = await GetAsync(service, "api/panels?q=LDLR");
        (_, JsonDocument byCode) = await GetAsync(service, "api/panels?q=r208");

        JsonElement hit = Assert.Single(byGene.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Equal(("/panels/772", "772"), (hit.GetProperty("url").GetString(), hit.GetProperty("code").GetString()));
        Assert.Equal("635", Assert.Single(byCode.RootElement.GetProperty("hits").EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("api/panels/99999", HttpStatusCode.NotFound, "PAN020")]
    [InlineData("api/panels/772?version=9.9", HttpStatusCode.NotFound, "PAN021")]
    [InlineData("api/panels/772?confidence=purple", HttpStatusCode.BadRequest, "PAN023")]
    [InlineData("api/panels/503/diff?from=1.2&to=1.13", HttpStatusCode.NotFound, "PAN022")]
    [InlineData("api/panels/503/diff?from=1.2", HttpStatusCode.BadRequest, "PAN023")]
    public async Task Bad_requests_answer_problem_details_with_code(string path, HttpStatusCode expected, string code)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(code, body.RootElement.GetProperty("code").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Versions_and_diff_after_import_of_two_versions(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        await using (AsyncServiceScope scope = service.Services.CreateAsyncScope())
        {
            PanelImportReport report = await scope.ServiceProvider.GetRequiredService<IPanelImporter>().ImportAsync(RepoPaths.TestData("panels/versions"), Ct);
            Assert.True(report.Stored);
        }

        (_, JsonDocument versions) = await GetAsync(service, "api/panels/90001/versions");
        (HttpStatusCode status, JsonDocument diff) = await GetAsync(service, "api/panels/90001/diff?from=1.9&to=1.10");

        Assert.Equal(["1.10", "1.9"], versions.RootElement.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["SYNE5"], diff.RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        JsonElement rating = Assert.Single(diff.RootElement.GetProperty("ratingChanges").EnumerateArray());
        Assert.Equal(("SYNB2", "amber", "green"), (rating.GetProperty("name").GetString(), rating.GetProperty("from").GetString(), rating.GetProperty("to").GetString()));
    }

    [Theory]
    [InlineData("panels", "Familial hypercholesterolaemia (GMS)")]
    [InlineData("panels?q=lynch", "Inherited MMR deficiency (Lynch syndrome)")]
    [InlineData("panels/772", "LDLRAP1")]
    [InlineData("panels/76?confidence=amber", "TRDN")]
    [InlineData("panels/503?version=1.2", "list entry")]
    public async Task Pages_render_panels(string path, string expectedText)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        string html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expectedText, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_page_shows_changes_and_unknown_panel_page_is_404()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        await using (AsyncServiceScope scope = service.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IPanelImporter>().ImportAsync(RepoPaths.TestData("panels/versions"), Ct)).Stored);
        }

        string diff = await service.Client.GetStringAsync(new Uri("panels/90001/diff", UriKind.Relative), Ct);
        using HttpResponseMessage missing = await service.Client.GetAsync(new Uri("panels/99999", UriKind.Relative), Ct);

        Assert.Contains("SYNE5", diff, StringComparison.Ordinal);
        Assert.Contains("BIALLELIC, autosomal or pseudoautosomal", diff, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_panel_routes()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);

        using JsonDocument document = JsonDocument.Parse(await service.Client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), Ct));

        JsonElement paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/panels/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/panels/{id}/diff", out _));
    }
}
