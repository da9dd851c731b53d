using System.Security.Claims;
using System.Text.Json;

namespace OpenGms.Web.Identity;

/// <summary>
/// Sign-in through an OpenID Connect provider (NHS CIS2 in production): authorisation-code flow with PKCE; the
/// provider's role claim is mapped to <see cref="GmsRoles"/> through <see cref="RoleMap"/>, and its GLH claim (when
/// configured) ties GLH staff to their GLH. Local accounts keep working beside it.
/// </summary>
public sealed record OidcSettings
{
    /// <summary>The provider's issuer URL; discovery is read from <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public required Uri Authority { get; init; }

    /// <summary>This service's client id at the provider.</summary>
    public required string ClientId { get; init; }

    /// <summary>The client secret (from the environment, not the command line, in production).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["profile"];

    /// <summary>
    /// The claim that carries the user's role codes. Values may be plain codes, JSON arrays of codes, or JSON objects
    /// with a <c>role_code</c> (as CIS2's <c>nhsid_nrbac_roles</c> entries are).
    /// </summary>
    public string RoleClaim { get; init; } = "nhsid_nrbac_roles";

    /// <summary>Provider role code → OpenGMS roles. Codes not in the map give no role.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RoleMap { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The claim that carries the user's GLH code, when the provider sends one.</summary>
    public string? GlhClaim { get; init; }

    /// <summary>The claim used as the user name in the audit log.</summary>
    public string NameClaim { get; init; } = "preferred_username";

    /// <summary>The path the provider redirects back to.</summary>
    public string CallbackPath { get; init; } = "/signin-oidc";

    /// <summary>The scheme name.</summary>
    public const string Scheme = "oidc";

    /// <summary>
    /// Parses <c>CODE=role[,role]</c> entries (as <c>gms serve --oidc-role</c> takes them) into a role map; unknown
    /// roles and malformed entries are refused.
    /// </summary>
    public static Kernel.Result<IReadOnlyDictionary<string, IReadOnlyList<string>>> ParseRoleMap(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (string entry in entries)
        {
            int eq = entry.IndexOf('=', StringComparison.Ordinal);
            string code = eq > 0 ? entry[..eq].Trim() : string.Empty;
            string[] roles = eq > 0 ? entry[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (code.Length == 0 || roles.Length == 0)
            {
                return Kernel.Error.BadInput("OIDC001", $"'{entry}' is not CODE=role[,role].");
            }

            if (roles.FirstOrDefault(r => !GmsRoles.All.Contains(r)) is { } unknown)
            {
                return Kernel.Error.BadInput("OIDC002", $"'{unknown}' in '{entry}' is not a role ({string.Join(", ", GmsRoles.All)}).");
            }

            map[code] = map.TryGetValue(code, out IReadOnlyList<string>? earlier) ? [.. earlier.Union(roles)] : roles;
        }

        return map;
    }

    /// <summary>
    /// The identity OpenGMS signs in for a provider's validated claims: the name, the mapped roles and the GLH.
    /// Provider claims are not carried over, so nothing but the mapping grants access.
    /// </summary>
    public ClaimsIdentity MapIdentity(ClaimsPrincipal provider, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(provider);
        string name = provider.FindFirstValue(NameClaim) ?? provider.FindFirstValue("sub") ?? provider.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The identity provider sent neither a user name nor a subject.");
        var identity = new ClaimsIdentity(authenticationType, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, name));
        identity.AddClaim(new Claim("idp", Authority.ToString()));
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Claim claim in provider.FindAll(RoleClaim))
        {
            foreach (string code in RoleCodes(claim.Value))
            {
                if (RoleMap.TryGetValue(code, out IReadOnlyList<string>? mapped))
                {
                    roles.UnionWith(mapped);
                }
            }
        }

        foreach (string role in roles)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        if (GlhClaim is not null && provider.FindFirstValue(GlhClaim) is { Length: > 0 } glh)
        {
            identity.AddClaim(new Claim(GlhScope.ClaimType, glh.Trim().ToLowerInvariant()));
        }

        return identity;
    }

    /// <summary>The role codes in one claim value: a plain code, a JSON array, or JSON object(s) with <c>role_code</c>.</summary>
    public static IEnumerable<string> RoleCodes(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        string trimmed = value.Trim();
        if (trimmed.Length == 0 || (trimmed[0] != '[' && trimmed[0] != '{'))
        {
            return trimmed.Length == 0 ? [] : [trimmed];
        }

        var codes = new List<string>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(trimmed);
            Collect(document.RootElement, codes);
        }
        catch (JsonException)
        {
            // Not JSON after all: no role from it (a refusal, never a guess).
        }

        return codes;

        static void Collect(JsonElement element, List<string> codes)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    codes.Add(element.GetString()!);
                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Collect(item, codes);
                    }

                    break;
                case JsonValueKind.Object when element.TryGetProperty("role_code", out JsonElement code) && code.ValueKind == JsonValueKind.String:
                    // CIS2 gives a colon-separated code (e.g. S8000:G8000:R8000); the job role is the last part.
                    string full = code.GetString()!;
                    codes.Add(full);
                    if (full.LastIndexOf(':') is int colon and > 0)
                    {
                        codes.Add(full[(colon + 1)..]);
                    }

                    break;
            }
        }
    }
}
