using System.Security.Claims;
using OpenGms.Orders.Contracts;

namespace OpenGms.Web.Identity;

/// <summary>
/// GLH staff work for one Genomic Laboratory Hub: a scientist or authoriser account carries its GLH code as a claim
/// (set when a local account is made, or mapped from the identity provider), and sees and moves only orders routed to
/// that GLH. Administrators are not scoped. An unscoped GLH account (no claim) sees nothing: the rule fails closed.
/// </summary>
public static class GlhScope
{
    /// <summary>The claim that names the user's GLH (a routing-table code such as <c>north-west</c>).</summary>
    public const string ClaimType = "gms:glh";

    /// <summary>Whether the user's order access is limited to one GLH.</summary>
    public static bool IsScoped(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return !user.IsInRole(GmsRoles.Administrator) && (user.IsInRole(GmsRoles.GlhScientist) || user.IsInRole(GmsRoles.GlhAuthoriser));
    }

    /// <summary>The user's GLH code, or null.</summary>
    public static string? GlhOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string? glh = user.FindFirstValue(ClaimType);
        return string.IsNullOrWhiteSpace(glh) ? null : glh.Trim().ToLowerInvariant();
    }

    /// <summary>Whether GLH staff may see and work on <paramref name="order"/> (true for anyone not scoped).</summary>
    public static bool Covers(ClaimsPrincipal user, OrderView order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return !IsScoped(user) || (GlhOf(user) is { } glh && string.Equals(glh, order.GlhCode, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether the roles need a GLH code on the account.</summary>
    public static bool NeedsGlh(IEnumerable<string> roles) =>
        roles.Any(r => r is GmsRoles.GlhScientist or GmsRoles.GlhAuthoriser) && !roles.Contains(GmsRoles.Administrator);
}
