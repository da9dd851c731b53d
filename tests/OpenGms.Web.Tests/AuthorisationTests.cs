using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

public sealed class AuthorisationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Routes open to anyone: the public directory and panels, health, the API description, assets and sign-in.
    private static readonly string[] s_publicPrefixes =
    [
        "/health", "/openapi/", "/assets/", "/api/directory", "/api/panels", "/fhir/CodeSystem", "/api/account/login",
        "/directory", "/panels", "/account/", "/",
    ];

    [Fact]
    public async Task Every_endpoint_is_public_by_intent_or_names_an_authorisation_rule()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        IEnumerable<RouteEndpoint> endpoints = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

        var problems = new List<string>();
        int checkedCount = 0;
        foreach (RouteEndpoint endpoint in endpoints)
        {
            checkedCount++;
            string route = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            bool anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            IReadOnlyList<IAuthorizeData> rules = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
            bool isPublicRoute = s_publicPrefixes.Any(p => p == "/" ? route == "/" || route == "/Index" : route.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            if (anonymous && !isPublicRoute)
            {
                problems.Add($"{route} allows anonymous access but is not a public route");
            }

            bool patientData = endpoint.Metadata.GetMetadata<PatientDataAttribute>() is not null;
            if (patientData && !rules.Any(r => !string.IsNullOrEmpty(r.Policy)))
            {
                problems.Add($"{route} touches patient data but names no role policy");
            }

            if (route.StartsWith("/api/", StringComparison.Ordinal) && !anonymous && !rules.Any(r => !string.IsNullOrEmpty(r.Policy))
                && !route.StartsWith("/api/account/", StringComparison.Ordinal))
            {
                problems.Add($"{route} is an API route with neither a public mark nor a role policy");
            }
        }

        Assert.True(checkedCount > 5, "No endpoints were found to check.");
        Assert.Empty(problems);
    }

    public static TheoryData<string, string, string> PatientRoutes => new()
    {
        // method, route (with {id}), a role that must be refused
        { "GET", "api/patients/{id}", GmsRoles.Researcher },
        { "GET", "api/patients/{id}/consent", GmsRoles.Researcher },
        { "GET", "api/patients?nhsNumber=9434765919", GmsRoles.DirectoryReviewer },
        { "POST", "api/patients/{id}/discussions", GmsRoles.GlhScientist },
        { "POST", "api/patients", GmsRoles.Pharmacist },
        { "GET", "api/audit", GmsRoles.RequestingClinician },
        { "POST", "api/orders", GmsRoles.GlhScientist },
        { "GET", "api/orders/{id}", GmsRoles.Researcher },
        { "GET", "api/orders/mine", GmsRoles.Pharmacist },
        { "GET", "api/orders/worklist", GmsRoles.RequestingClinician },
        { "POST", "api/orders/{id}/transitions", GmsRoles.Researcher },
        { "POST", "api/orders/{id}/samples", GmsRoles.DirectoryReviewer },
        { "GET", "api/orders/turnaround", GmsRoles.RequestingClinician },
        { "POST", "api/orders/preview", GmsRoles.Researcher },
        { "GET", "api/glh", GmsRoles.Researcher },
        { "POST", "fhir", GmsRoles.GlhScientist },
        { "GET", "fhir/Task/{id}", GmsRoles.Researcher },
        { "GET", "fhir/ServiceRequest/{id}", GmsRoles.Pharmacist },
        { "GET", "fhir/ServiceRequest?patient=9434765919", GmsRoles.Researcher },
        { "GET", "fhir/Task?patient=9434765919", GmsRoles.DirectoryReviewer },
        { "GET", "fhir/DiagnosticReport/{id}", GmsRoles.Researcher },
        { "GET", "fhir/DiagnosticReport?patient=9434765919", GmsRoles.DirectoryReviewer },
        { "POST", "api/orders/{id}/vcf", GmsRoles.GlhAuthoriser },
        { "POST", "api/orders/{id}/vcf/upload", GmsRoles.RequestingClinician },
        { "GET", "api/orders/{id}/case", GmsRoles.RequestingClinician },
        { "GET", "api/cases", GmsRoles.Pharmacist },
        { "GET", "api/cases/{id}", GmsRoles.RequestingClinician },
        { "POST", "api/cases/{id}/retry", GmsRoles.Administrator },
        { "POST", "api/cases/{id}/reviews", GmsRoles.GlhAuthoriser },
        { "PUT", "api/cases/{id}/report-text", GmsRoles.GlhAuthoriser },
        { "POST", "api/cases/{id}/submit", GmsRoles.GlhAuthoriser },
        { "POST", "api/cases/{id}/authorise", GmsRoles.GlhScientist },
        { "POST", "api/cases/{id}/return", GmsRoles.GlhScientist },
        { "POST", "api/cases/{id}/corrections", GmsRoles.RequestingClinician },
        { "GET", "api/reports/{id}", GmsRoles.Researcher },
        { "GET", "api/reports?patient={id}", GmsRoles.Researcher },
    };

    [Theory]
    [MemberData(nameof(PatientRoutes))]
    public async Task Patient_route_refuses_anonymous_and_wrong_role(string method, string route, string refusedRole)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        string id = Guid.NewGuid().ToString();
        string path = route.Replace("{id}", id, StringComparison.Ordinal);

        using HttpResponseMessage anonymous = await SendAsync(service.Client, method, path);
        using HttpClient wrongRole = await service.SignedInClientAsync("someone", [refusedRole], "east");
        using HttpResponseMessage refused = await SendAsync(wrongRole, method, path);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    public static TheoryData<string, string> PatientPages => new()
    {
        // page (with {id}), a signed-in role that must be refused
        { "patients", GmsRoles.Researcher },
        { "patients/{id}", GmsRoles.DirectoryReviewer },
        { "audit", GmsRoles.GlhScientist },
        { "audit", GmsRoles.RequestingClinician },
    };

    [Theory]
    [MemberData(nameof(PatientPages))]
    public async Task Patient_and_audit_pages_send_anonymous_users_to_sign_in_and_refuse_a_wrong_role(string page, string refusedRole)
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        string path = page.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);

        using HttpResponseMessage anonymous = await service.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        using HttpClient wrongRole = await service.SignedInClientAsync("someone", [refusedRole], "east");
        using HttpResponseMessage refused = await wrongRole.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal("/account/login", anonymous.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("/account/denied", refused.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task Clinician_registers_reads_and_records_consent_and_each_access_is_audited()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.khan", GmsRoles.RequestingClinician);
        using HttpClient admin = await service.SignedInClientAsync("admin", GmsRoles.Administrator);
        using HttpClient researcher = await service.SignedInClientAsync("res.one", GmsRoles.Researcher);

        using HttpResponseMessage created = await clinician.PostAsJsonAsync("api/patients", new
        {
            nhsNumber = "943 476 5919", givenName = "Ann", familyName = "Smith", dateOfBirth = "1980-01-02", sex = "Female",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        string id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("id").GetString()!;
        using HttpResponseMessage read = await clinician.GetAsync(new Uri($"api/patients/{id}", UriKind.Relative), Ct);
        using HttpResponseMessage consent = await clinician.PostAsJsonAsync($"api/patients/{id}/discussions", new { clinicalTesting = "Yes", research = "No" }, Ct);
        using HttpResponseMessage denied = await researcher.GetAsync(new Uri($"api/patients/{id}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        AuditRecord[] log = (await admin.GetFromJsonAsync<AuditRecord[]>($"api/audit?patient={id}", JsonOptions, Ct))!;
        Assert.Equal(
            [("res.one", AuditAction.Denied), ("dr.khan", AuditAction.Update), ("dr.khan", AuditAction.Read), ("dr.khan", AuditAction.Create)],
            log.Select(r => (r.Event.Actor, r.Event.Action)).ToArray());
    }

    [Fact]
    public async Task Invalid_nhs_number_is_refused_with_problem_code()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient clinician = await service.SignedInClientAsync("dr.khan", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await clinician.PostAsJsonAsync("api/patients", new
        {
            nhsNumber = "9434765918", givenName = "Ann", familyName = "Smith", dateOfBirth = "1980-01-02", sex = "Female",
        }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("NHS004", problem.RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Login_with_wrong_password_is_unauthorised()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient ok = await service.SignedInClientAsync("dr.khan", GmsRoles.RequestingClinician);

        using HttpResponseMessage response = await service.Client.PostAsJsonAsync("api/account/login", new { userName = "dr.khan", password = "not-the-password" }, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        return client.SendAsync(request, Ct);
    }
}
