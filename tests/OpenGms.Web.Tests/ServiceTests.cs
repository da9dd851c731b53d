using System.Net;
using System.Text.Json;
using OpenGms.Testing;

namespace OpenGms.Web.Tests;

public sealed class ServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Health_on_started_service_reports_ready(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: TestContext.Current.CancellationToken);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri("health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ready", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_health_route()
    {
        await using RunningService service = await RunningService.StartAsync(ct: TestContext.Current.CancellationToken);

        string json = await service.Client.GetStringAsync(new Uri("openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/health", out _));
    }

    [Fact]
    public async Task Unknown_api_route_answers_problem_details_to_signed_in_user()
    {
        await using RunningService service = await RunningService.StartAsync(ct: TestContext.Current.CancellationToken);
        using HttpClient user = await service.SignedInClientAsync("someone", [Identity.GmsRoles.GlhScientist], "east");

        using HttpResponseMessage response = await user.GetAsync(new Uri("api/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_route_answers_401_to_anonymous_without_redirect()
    {
        await using RunningService service = await RunningService.StartAsync(ct: TestContext.Current.CancellationToken);

        using HttpResponseMessage response = await service.Client.GetAsync(new Uri("api/no-such-thing", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_is_served_with_etag_and_revalidates()
    {
        await using RunningService service = await RunningService.StartAsync(ct: TestContext.Current.CancellationToken);
        using HttpResponseMessage first = await service.Client.GetAsync(new Uri("assets/site.css", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(first.Headers.ETag);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("assets/site.css", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using HttpResponseMessage second = await service.Client.SendAsync(again, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }
}
