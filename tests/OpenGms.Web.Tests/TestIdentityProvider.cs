using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenGms.Web.Tests;

/// <summary>
/// A small OpenID Connect provider on loopback, enough for the real ASP.NET Core handler: discovery, JWKS, an
/// authorisation endpoint that signs in whoever <see cref="NextUser"/> names at once, and a token endpoint that checks
/// the code, the client secret and PKCE, and returns an RS256 ID token.
/// </summary>
internal sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "opengms-test";
    public const string ClientSecret = "test-secret-not-for-production";

    private static readonly string[] s_code = ["code"];
    private static readonly string[] s_public = ["public"];
    private static readonly string[] s_rs256 = ["RS256"];
    private static readonly string[] s_s256 = ["S256"];

    private readonly WebApplication _app;
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, Grant> _grants = new(StringComparer.Ordinal);

    private TestIdentityProvider(WebApplication app) => _app = app;

    /// <summary>The issuer (and authority) URL, without a trailing slash.</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>Claims of the user the next authorisation request signs in (besides iss, aud, sub, nonce, times).</summary>
    public Dictionary<string, object> NextUser { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sign ID tokens with a key the JWKS does not publish (a forged token).</summary>
    public bool SignWithUnpublishedKey { get; set; }

    /// <summary>Advertise an end_session_endpoint in discovery (read once, when the service first asks).</summary>
    public bool AdvertiseEndSession { get; set; }

    /// <summary>The last ID token issued.</summary>
    public string? LastIdToken { get; private set; }

    /// <summary>The query of each request to the end-session endpoint.</summary>
    public ConcurrentQueue<IQueryCollection> EndSessionRequests { get; } = new();

    public static async Task<TestIdentityProvider> StartAsync(CancellationToken ct)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var provider = new TestIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync(ct).ConfigureAwait(false);
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return provider;
    }

    private void Map(WebApplication app)
    {
        var key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        app.MapGet("/.well-known/openid-configuration", () =>
        {
            var discovery = new Dictionary<string, object>
            {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = s_code,
            ["subject_types_supported"] = s_public,
            ["id_token_signing_alg_values_supported"] = s_rs256,
            ["code_challenge_methods_supported"] = s_s256,
            };
            if (AdvertiseEndSession)
            {
                discovery["end_session_endpoint"] = Issuer + "/endsession";
            }

            return Results.Json(discovery);
        });
        app.MapGet("/endsession", (HttpRequest request) =>
        {
            // Ends the provider session and sends the browser back where the client asked, with its state.
            EndSessionRequests.Enqueue(request.Query);
            string back = request.Query["post_logout_redirect_uri"].ToString();
            return string.IsNullOrEmpty(back)
                ? Results.Text("signed out")
                : Results.Redirect($"{back}?state={Uri.EscapeDataString(request.Query["state"].ToString())}");
        });
        app.MapGet("/jwks", () =>
        {
            RSAParameters p = _rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            IQueryCollection q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            {
                return Results.BadRequest("unsupported authorisation request");
            }

            string code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            _grants[code] = new Grant(q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString(), new Dictionary<string, object>(NextUser, StringComparer.Ordinal));
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            IFormCollection form = await request.ReadFormAsync().ConfigureAwait(false);
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
                || !_grants.TryRemove(form["code"].ToString(), out Grant? grant) || form["redirect_uri"] != grant.RedirectUri)
            {
                return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
            }

            string challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
            if (challenge != grant.CodeChallenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE" }, statusCode: StatusCodes.Status400BadRequest);
            }

            var claims = new Dictionary<string, object>(grant.Claims, StringComparer.Ordinal) { ["nonce"] = grant.Nonce };
            SecurityKey signing = SignWithUnpublishedKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId } : key;
            string idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Issuer,
                Audience = ClientId,
                Claims = claims,
                IssuedAt = DateTime.UtcNow,
                NotBefore = DateTime.UtcNow.AddSeconds(-5),
                Expires = DateTime.UtcNow.AddMinutes(5),
                SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
            });
            LastIdToken = idToken;
            return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _rsa.Dispose();
    }

    private sealed record Grant(string Nonce, string CodeChallenge, string RedirectUri, Dictionary<string, object> Claims);
}
