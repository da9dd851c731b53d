using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using OpenGms.Kernel;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>Sign-in through a real OpenID Connect round trip (the ASP.NET Core handler against a loopback provider).</summary>
public sealed class OidcSignInTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OidcSettings Settings(string authority) => new()
    {
        Authority = new Uri(authority),
        ClientId = TestIdentityProvider.ClientId,
        ClientSecret = TestIdentityProvider.ClientSecret,
        RoleClaim = "nhsid_nrbac_roles",
        GlhClaim = "gms_glh",
        RoleMap = OidcSettings.ParseRoleMap(["R8000=requesting-clinician", "R8008=glh-scientist", "R8013=glh-scientist,glh-authoriser"]).Value,
    };

    [Fact]
    public async Task Provider_user_signs_in_with_mapped_roles_and_glh_and_reaches_glh_routes()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: true, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = "555000111222",
            ["preferred_username"] = "j.bloggs@nhs.net",
            // CIS2-style role entries: JSON objects whose role_code ends in the job role.
            ["nhsid_nrbac_roles"] = new object[] { new Dictionary<string, object> { ["role_code"] = "S8000:G8000:R8013", ["org_code"] = "RW3" } },
            ["gms_glh"] = "north-west",
        };
        using HttpClient browser = Browser(service);

        HttpStatusCode landed = await SignInAsync(browser, "/api/account/me");
        JsonElement me = JsonDocument.Parse(await browser.GetStringAsync(new Uri("api/account/me", UriKind.Relative), Ct)).RootElement;
        using HttpResponseMessage worklist = await browser.GetAsync(new Uri("api/orders/worklist", UriKind.Relative), Ct);
        using HttpResponseMessage otherGlh = await browser.GetAsync(new Uri("api/orders/worklist?glh=east", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, landed);
        Assert.Equal("j.bloggs@nhs.net", me.GetProperty("userName").GetString());
        Assert.Equal(["glh-authoriser", "glh-scientist"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("north-west", me.GetProperty("glh").GetString());
        Assert.Equal(HttpStatusCode.OK, worklist.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherGlh.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_provider_session_with_the_id_token_hint_and_comes_back_signed_out()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        idp.AdvertiseEndSession = true;
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "3", ["preferred_username"] = "dr.out", ["nhsid_nrbac_roles"] = "R8000" };
        using HttpClient browser = Browser(service);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(browser, "/api/account/me"));

        using HttpResponseMessage signOut = await PostSignOutAsync(browser);
        Uri toProvider = signOut.Headers.Location!;
        using HttpResponseMessage atProvider = await browser.GetAsync(toProvider, Ct);
        Uri callback = atProvider.Headers.Location!;
        using HttpResponseMessage back = await browser.GetAsync(callback, Ct);
        using HttpResponseMessage me = await browser.GetAsync(new Uri("api/account/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.StartsWith(idp.Issuer + "/endsession?", toProvider.AbsoluteUri, StringComparison.Ordinal);
        IQueryCollection request = Assert.Single(idp.EndSessionRequests);
        Assert.Equal(idp.LastIdToken, request["id_token_hint"].ToString());
        Assert.Equal(new Uri(service.BaseAddress, "signout-callback-oidc").AbsoluteUri, request["post_logout_redirect_uri"].ToString());
        Assert.False(string.IsNullOrEmpty(request["state"].ToString()));
        Assert.Equal(callback.GetLeftPart(UriPartial.Path), request["post_logout_redirect_uri"].ToString());
        Assert.Equal("/", back.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Sign_out_without_an_end_session_endpoint_ends_the_local_session_only()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "4", ["preferred_username"] = "dr.local-out", ["nhsid_nrbac_roles"] = "R8000" };
        using HttpClient browser = Browser(service);
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(browser, "/api/account/me"));

        using HttpResponseMessage signOut = await PostSignOutAsync(browser);
        using HttpResponseMessage me = await browser.GetAsync(new Uri("api/account/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/", signOut.Headers.Location?.OriginalString);
        Assert.Empty(idp.EndSessionRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Roles_changed_at_the_provider_apply_at_the_next_sign_in()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "5", ["preferred_username"] = "a.mover", ["nhsid_nrbac_roles"] = "R8000", ["gms_glh"] = "east" };
        using HttpClient browser = Browser(service);
        await SignInAsync(browser, "/api/account/me");
        string[] before = await RolesAsync(browser);

        // The user moves from a clinic to the GLH: the provider now gives another role. The session keeps the old one
        // until the user signs in again.
        idp.NextUser["nhsid_nrbac_roles"] = "R8008";
        string[] stillBefore = await RolesAsync(browser);
        using (HttpResponseMessage logout = await browser.PostAsync(new Uri("api/account/logout", UriKind.Relative), null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        await SignInAsync(browser, "/api/account/me");
        string[] after = await RolesAsync(browser);

        Assert.Equal([GmsRoles.RequestingClinician], before);
        Assert.Equal(before, stillBefore);
        Assert.Equal([GmsRoles.GlhScientist], after);
    }

    [Fact]
    public async Task Provider_user_without_a_mapped_role_is_refused()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "1", ["preferred_username"] = "visitor", ["nhsid_nrbac_roles"] = "R9999" };
        using HttpClient browser = Browser(service);

        string? end = await SignInEndAsync(browser, "/api/account/me");
        using HttpResponseMessage me = await browser.GetAsync(new Uri("api/account/me", UriKind.Relative), Ct);

        Assert.StartsWith("/account/denied", end, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Id_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        await using TestIdentityProvider idp = await TestIdentityProvider.StartAsync(Ct);
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, o => o with { Oidc = Settings(idp.Issuer) }, Ct);
        idp.NextUser = new Dictionary<string, object>(StringComparer.Ordinal) { ["sub"] = "2", ["preferred_username"] = "forger", ["nhsid_nrbac_roles"] = "R8000" };
        idp.SignWithUnpublishedKey = true;
        using HttpClient browser = Browser(service);

        string? end = await SignInEndAsync(browser, "/api/account/me");
        using HttpResponseMessage me = await browser.GetAsync(new Uri("api/account/me", UriKind.Relative), Ct);

        Assert.StartsWith("/account/denied", end, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Without_a_provider_the_oidc_sign_in_route_is_not_there_and_local_accounts_work()
    {
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: false, Ct);
        using HttpClient local = await service.SignedInClientAsync("dr.local", GmsRoles.RequestingClinician);

        using HttpResponseMessage oidc = await service.Client.GetAsync(new Uri("account/oidc", UriKind.Relative), Ct);
        using HttpResponseMessage me = await local.GetAsync(new Uri("api/account/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, oidc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Theory]
    [InlineData("R8000", new[] { "R8000" })]
    [InlineData("[\"R8000\",\"R8008\"]", new[] { "R8000", "R8008" })]
    [InlineData("{\"role_code\":\"S8000:G8000:R8013\"}", new[] { "S8000:G8000:R8013", "R8013" })]
    [InlineData("[{\"role_code\":\"S1:G1:R8000\"},{\"org_code\":\"RW3\"}]", new[] { "S1:G1:R8000", "R8000" })]
    [InlineData("{not json", new string[0])]
    public void RoleCodes_reads_plain_array_and_cis2_object_values(string value, string[] expected) =>
        Assert.Equal(expected, OidcSettings.RoleCodes(value).ToArray());

    [Fact]
    public void MapIdentity_keeps_only_mapped_roles_name_and_glh()
    {
        OidcSettings settings = Settings("https://idp.example");
        var provider = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "42"), new Claim("preferred_username", "a.user"), new Claim("nhsid_nrbac_roles", "R8000"),
            new Claim("nhsid_nrbac_roles", "R7777"), new Claim("gms_glh", " East "), new Claim(ClaimTypes.Role, GmsRoles.Administrator),
        ], "test"));

        ClaimsIdentity mapped = settings.MapIdentity(provider, "cookie");

        Assert.Equal("a.user", mapped.Name);
        Assert.Equal([GmsRoles.RequestingClinician], mapped.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray());
        Assert.Equal("east", mapped.FindFirst(GlhScope.ClaimType)?.Value);
    }

    [Theory]
    [InlineData("R8000", "OIDC001")]
    [InlineData("=glh-scientist", "OIDC001")]
    [InlineData("R8000=superuser", "OIDC002")]
    public void ParseRoleMap_refuses_bad_entries(string entry, string code)
    {
        Result<IReadOnlyDictionary<string, IReadOnlyList<string>>> parsed = OidcSettings.ParseRoleMap([entry]);

        Assert.False(parsed.IsSuccess);
        Assert.Equal(code, parsed.Error!.Code);
    }

    private static async Task<string[]> RolesAsync(HttpClient browser)
    {
        JsonElement me = JsonDocument.Parse(await browser.GetStringAsync(new Uri("api/account/me", UriKind.Relative), Ct)).RootElement;
        return [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];
    }

    /// <summary>Presses the page's "Sign out" button: the form post with the page's antiforgery token.</summary>
    private static async Task<HttpResponseMessage> PostSignOutAsync(HttpClient browser)
    {
        string page = await browser.GetStringAsync(new Uri("account/login", UriKind.Relative), Ct);
        Match token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"");
        Assert.True(token.Success, "The sign-in page carries no antiforgery token.");
        using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]);
        return await browser.PostAsync(new Uri("account/login?handler=logout", UriKind.Relative), form, Ct);
    }

    private static HttpClient Browser(RunningService service) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = service.BaseAddress };

    /// <summary>Follows the sign-in redirects as a browser would; returns the status of the page it ends on.</summary>
    private static async Task<HttpStatusCode> SignInAsync(HttpClient browser, string returnUrl)
    {
        string? end = await SignInEndAsync(browser, returnUrl);
        Assert.Equal(returnUrl, end);
        using HttpResponseMessage final = await browser.GetAsync(new Uri(end!, UriKind.Relative), Ct);
        return final.StatusCode;
    }

    /// <summary>Follows redirects (service → provider → service callback) and returns the local path it is sent to last.</summary>
    private static async Task<string?> SignInEndAsync(HttpClient browser, string returnUrl)
    {
        var next = new Uri(browser.BaseAddress!, $"account/oidc?returnUrl={Uri.EscapeDataString(returnUrl)}");
        for (int hop = 0; hop < 6; hop++)
        {
            using HttpResponseMessage response = await browser.GetAsync(next, Ct);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther))
            {
                Assert.Fail($"{next}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            }

            Uri location = response.Headers.Location!;
            if (!location.IsAbsoluteUri)
            {
                return location.OriginalString;
            }

            next = location;
        }

        Assert.Fail("Too many redirects.");
        return null;
    }
}
