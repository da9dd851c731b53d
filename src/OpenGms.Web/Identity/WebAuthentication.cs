using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;

namespace OpenGms.Web.Identity;

/// <summary>
/// Sign-in and authorisation for the web host: Identity's cookie for local accounts; every route needs a signed-in
/// user unless it is marked public (directory, panels, health, sign-in); API routes answer 401/403, never a redirect.
/// </summary>
internal static class WebAuthentication
{
    public static IServiceCollection AddWebAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gms.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
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
