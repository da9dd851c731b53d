using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Kernel;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>GLH staff see and move only the orders routed to their own GLH; administrators see all.</summary>
public sealed class GlhScopeTests
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Staff_of_another_glh_cannot_read_list_or_move_the_order_and_each_refusal_is_audited(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient east = await service.SignedInClientAsync("sci.east", [GmsRoles.GlhScientist], "east");
        using HttpClient eastAuthoriser = await service.SignedInClientAsync("auth.east", [GmsRoles.GlhAuthoriser], "east");
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);
        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", OrdersApiTests.FhOrder(), Ct);
        JsonElement order = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
        string id = order.GetProperty("id").GetString()!;
        Assert.Equal("north-west", order.GetProperty("glhCode").GetString());

        using HttpResponseMessage read = await east.GetAsync(new Uri($"api/orders/{id}", UriKind.Relative), Ct);
        using HttpResponseMessage task = await east.GetAsync(new Uri($"fhir/Task/{id}", UriKind.Relative), Ct);
        using HttpResponseMessage moved = await east.PostAsJsonAsync($"api/orders/{id}/transitions", new { to = "accepted" }, Ct);
        using HttpResponseMessage sample = await eastAuthoriser.PostAsJsonAsync($"api/orders/{id}/samples", new { specimenId = "S1", typeCode = "445295009", typeDisplay = "Blood", received = true }, Ct);
        using HttpResponseMessage otherWorklist = await east.GetAsync(new Uri("api/orders/worklist?glh=north-west", UriKind.Relative), Ct);
        JsonElement ownWorklist = await east.GetFromJsonAsync<JsonElement>("api/orders/worklist", Ct);
        JsonElement all = await admin.GetFromJsonAsync<JsonElement>("api/orders/worklist", Ct);
        JsonElement unchanged = await admin.GetFromJsonAsync<JsonElement>($"api/orders/{id}", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal("ORD030", JsonDocument.Parse(await read.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, task.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, moved.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sample.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherWorklist.StatusCode);
        Assert.Empty(ownWorklist.EnumerateArray());
        Assert.Contains(all.EnumerateArray(), o => o.GetProperty("id").GetString() == id);
        Assert.Equal("requested", unchanged.GetProperty("status").GetString());
        Assert.Empty(unchanged.GetProperty("samples").EnumerateArray());
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={Guid.Parse(order.GetProperty("patientId").GetString()!):N}&limit=100", s_json, Ct))!;
        Assert.Equal(3, log.Count(r => r.Event.Actor == "sci.east" && r.Event.Action == AuditAction.Denied));
        Assert.Single(log, r => r.Event.Actor == "auth.east" && r.Event.Action == AuditAction.Denied);
    }

    [Fact]
    public async Task Staff_of_the_orders_glh_get_it_on_their_worklist_without_naming_the_glh()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.lee", GmsRoles.RequestingClinician);
        using HttpClient northWest = await service.SignedInClientAsync("sci.nw", [GmsRoles.GlhScientist], "north-west");
        using HttpResponseMessage placed = await clinician.PostAsJsonAsync("api/orders", OrdersApiTests.FhOrder(), Ct);
        string id = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()!;

        JsonElement worklist = await northWest.GetFromJsonAsync<JsonElement>("api/orders/worklist", Ct);
        using HttpResponseMessage moved = await northWest.PostAsJsonAsync($"api/orders/{id}/transitions", new { to = "accepted" }, Ct);

        Assert.Equal(id, Assert.Single(worklist.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task Worklist_page_shows_only_the_users_glh_and_refuses_another()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient east = await service.SignedInClientAsync("sci.east", [GmsRoles.GlhScientist], "east");

        string own = await east.GetStringAsync(new Uri("orders/worklist", UriKind.Relative), Ct);
        string other = await east.GetStringAsync(new Uri("orders/worklist?glh=north-west", UriKind.Relative), Ct);

        Assert.Contains("value=\"east\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"north-west\"", own, StringComparison.Ordinal);
        Assert.Contains("ORD030", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GmsRoles.GlhScientist, null, "ACC007")]
    [InlineData(GmsRoles.GlhAuthoriser, "  ", "ACC007")]
    [InlineData(GmsRoles.GlhScientist, "atlantis", "ACC008")]
    [InlineData(GmsRoles.GlhScientist, "North West", "ACC008")]
    public async Task Glh_account_needs_a_known_glh(string role, string? glh, string code)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using IServiceScope scope = service.Services.CreateScope();

        Result<string> created = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync("sci.nobody", "correct-horse-battery-staple", [role], glh, Ct);

        Assert.False(created.IsSuccess);
        Assert.Equal(code, created.Error.Code);
    }
}
