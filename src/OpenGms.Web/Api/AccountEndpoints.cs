using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary>Sign-in for API clients and pages: a JSON login that sets the same cookie the sign-in page sets.</summary>
internal static class AccountEndpoints
{
    public sealed record LoginRequest(string UserName, string Password);

    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/account").WithTags("Account");
        group.MapPost("/login", async (LoginRequest request, SignInManager<IdentityUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(request.UserName) || string.IsNullOrEmpty(request.Password))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "BadInput", detail: "User name and password are required.");
            }

            SignInResult result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
            return result.Succeeded
                ? Results.NoContent()
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                    detail: result.IsLockedOut ? "The account is locked after repeated failures; try again later." : "Wrong user name or password.");
        }).AllowAnonymous().WithName("Login");

        // Sign-in through the identity provider (when one is configured): a browser navigation, so not under /api.
        endpoints.MapGet("/account/oidc", async (HttpContext http, IAuthenticationSchemeProvider schemes, string? returnUrl) =>
        {
            if (await schemes.GetSchemeAsync(OidcSettings.Scheme).ConfigureAwait(false) is null)
            {
                return Results.NotFound();
            }

            string target = returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [OidcSettings.Scheme]);
        }).AllowAnonymous().ExcludeFromDescription().WithName("OidcSignIn");

        group.MapPost("/logout", async (SignInManager<IdentityUser> signIn) =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            return Results.NoContent();
        }).WithName("Logout");

        group.MapGet("/me", (ClaimsPrincipal user) => Results.Ok(new
        {
            userName = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            glh = GlhScope.GlhOf(user),
        })).WithName("Me");
    }
}
