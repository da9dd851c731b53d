using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OpenGms.Audit.Contracts;

namespace OpenGms.Web.Identity;

/// <summary>
/// Sign-in and authorisation for the web host: Identity's cookie for local accounts; every route needs a signed-in
/// user unless it is marked public (directory, panels, health, sign-in); API routes answer 401/403, never a redirect.
/// </summary>
internal static class WebAuthentication
{
    public static IServiceCollection AddWebAuthentication(this IServiceCollection services, OidcSettings? oidc = null)
    {
        AuthenticationBuilder authentication = services.AddAuthentication(IdentityConstants.ApplicationScheme);
        authentication.AddIdentityCookies();
        if (oidc is not null)
        {
            authentication.AddGmsOpenIdConnect(oidc);
        }

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gms.auth";
            o.Cookie.HttpOnly = true;
            // Strict, except with an identity provider: the sign-in ends on a redirect from the provider's site, and a
            // Strict cookie would not be sent on it, so the user would land signed out.
            o.Cookie.SameSite = oidc is null ? SameSiteMode.Strict : SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => AnswerApiOr(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => AnswerApiOr(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>
    /// The OpenID Connect handler: code flow with PKCE, the answer by query (so the correlation cookies can be Lax),
    /// and the provider's claims replaced by the mapped OpenGMS identity before the session cookie is written.
    /// </summary>
    private static void AddGmsOpenIdConnect(this AuthenticationBuilder authentication, OidcSettings settings)
    {
        authentication.AddOpenIdConnect(OidcSettings.Scheme, "NHS Care Identity", o =>
        {
            o.SignInScheme = IdentityConstants.ApplicationScheme;
            o.Authority = settings.Authority.ToString().TrimEnd('/');
            // HTTPS metadata everywhere except a provider on this machine (tests, a local development provider).
            o.RequireHttpsMetadata = !settings.Authority.IsLoopback;
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = settings.CallbackPath;
            o.Scope.Clear();
            o.Scope.Add("openid");
            foreach (string scope in settings.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = context =>
                {
                    ClaimsIdentity mapped = settings.MapIdentity(context.Principal!, IdentityConstants.ApplicationScheme);
                    if (!mapped.HasClaim(c => c.Type == ClaimTypes.Role))
                    {
                        context.Fail("The identity provider gave this user no role that OpenGMS maps.");
                        return Task.CompletedTask;
                    }

                    // Roles come from this sign-in's claims alone, so a change at the provider applies at the next sign-in.
                    context.Principal = new ClaimsPrincipal(mapped);
                    // Only the ID token is kept (in the session cookie): it is the id_token_hint of the provider sign-out.
                    if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage?.IdToken) is { Length: > 0 } idToken)
                    {
                        context.Properties!.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
                    }

                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    context.HandleResponse();
                    context.Response.Redirect("/account/denied?reason=" + Uri.EscapeDataString(context.Failure?.Message ?? "sign-in failed"));
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>
    /// Signs the user out of OpenGMS. A user who signed in through the identity provider is also signed out there
    /// (RP-initiated logout: the handler sends the ID token as id_token_hint and this service's signed-out callback as
    /// post_logout_redirect_uri) when the provider's discovery document advertises an end_session_endpoint; the
    /// response is then that redirect and the method returns true. Otherwise (local account, no endpoint, provider
    /// unreachable) only the local session ends and the caller answers.
    /// </summary>
    public static async Task<bool> SignOutAsync(HttpContext http, string redirectUri)
    {
        bool atProvider = http.User.HasClaim(c => c.Type == "idp") && await EndSessionEndpointAsync(http).ConfigureAwait(false) is not null;
        if (atProvider)
        {
            // Before the local sign-out: the handler reads the id_token_hint from the session cookie.
            await http.SignOutAsync(OidcSettings.Scheme, new AuthenticationProperties { RedirectUri = redirectUri }).ConfigureAwait(false);
        }

        await http.RequestServices.GetRequiredService<SignInManager<IdentityUser>>().SignOutAsync().ConfigureAwait(false);
        return atProvider;
    }

    private static async Task<string?> EndSessionEndpointAsync(HttpContext http)
    {
        if (await http.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(OidcSettings.Scheme).ConfigureAwait(false) is null)
        {
            return null;
        }

        OpenIdConnectOptions options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSettings.Scheme);
        if (options.ConfigurationManager is null)
        {
            return null;
        }

        try
        {
            OpenIdConnectConfiguration configuration = await options.ConfigurationManager.GetConfigurationAsync(http.RequestAborted).ConfigureAwait(false);
            return string.IsNullOrEmpty(configuration.EndSessionEndpoint) ? null : configuration.EndSessionEndpoint;
        }
        catch (InvalidOperationException)
        {
            // Discovery cannot be read now: the local session still ends (the provider session lapses on its own).
            return null;
        }
    }

    private static AuthorizationBuilder AddPolicies(this AuthorizationBuilder builder)
    {
        foreach ((string policy, string[] roles) in GmsPolicies.Roles)
        {
            builder.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
        }

        return builder;
    }

    private static Task AnswerApiOr(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        PathString path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/fhir", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Writes a Denied line to the audit log when a signed-in user is refused a patient route.</summary>
    private sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<PatientDataAttribute>() is { } patientData)
            {
                IAuditLog audit = context.RequestServices.GetRequiredService<IAuditLog>();
                await audit.WriteAsync(
                    new AuditEvent(
                        context.User.FindFirstValue(ClaimTypes.Name) ?? "unknown",
                        AuditAction.Denied,
                        patientData.Resource,
                        PatientIdOf(context, patientData.Resource),
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        $"{context.Request.Method} {context.Request.Path}"),
                    context.RequestAborted).ConfigureAwait(false);
            }

            await _default.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        }

        /// <summary>
        /// The patient a refused route names, written as every other audit line writes it (a Guid without dashes), so a
        /// search by patient finds refusals too. Only patient-keyed routes name one: on others (an order) the id in the
        /// route is not a patient's, and the request line in the detail says what was asked for.
        /// </summary>
        private static string? PatientIdOf(HttpContext context, string resource) =>
            resource is "patient" or "family" or "consent"
            && context.Request.RouteValues.TryGetValue("id", out object? id) && Guid.TryParse(id?.ToString(), out Guid patient)
                ? patient.ToString("N")
                : null;
    }
}

/// <summary>Marks an endpoint that reads or changes patient data: every access, and every refusal, is audited.</summary>
/// <param name="resource">The audited resource name, e.g. <c>patient</c>.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class PatientDataAttribute(string resource) : Attribute
{
    /// <summary>The audited resource name.</summary>
    public string Resource { get; } = resource;
}
