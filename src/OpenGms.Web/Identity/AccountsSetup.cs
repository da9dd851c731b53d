using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Kernel;
using OpenGms.Orders.Application.Routing;
using OpenGms.Persistence;

namespace OpenGms.Web.Identity;

/// <summary>Accounts and roles for both hosts (the CLI manages users; the web host signs them in).</summary>
public static class AccountsSetup
{
    /// <summary>Registers Identity's user and role managers over the accounts tables.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<AccountsDbContext, SqliteAccountsDbContext, PostgresAccountsDbContext>(database);

        services.AddIdentityCore<IdentityUser>(o =>
            {
                o.Password.RequiredLength = 12;
                // Length over composition rules (NCSC password guidance): no digit/case/symbol requirements.
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddScoped<IModuleDatabase, AccountsDatabase>();
        services.AddScoped<AccountService>();
        return services;
    }

    private sealed class AccountsDatabase(AccountsDbContext db, RoleManager<IdentityRole> roles) : IModuleDatabase
    {
        public string Module => "accounts";

        public async Task MigrateAsync(CancellationToken cancellationToken)
        {
            await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            foreach (string role in GmsRoles.All)
            {
                if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
                {
                    await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                }
            }
        }
    }
}

/// <summary>Creates and lists local accounts.</summary>
public sealed class AccountService(UserManager<IdentityUser> users, RoutingService routing)
{
    /// <summary>
    /// Creates a user with roles and, for GLH staff, the GLH they work for; refuses unknown roles, GLH staff without a
    /// GLH (or with one the routing table does not know), weak passwords and taken names.
    /// </summary>
    public async Task<Result<string>> CreateAsync(string userName, string password, IReadOnlyCollection<string> roles, string? glh = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        string? glhCode = string.IsNullOrWhiteSpace(glh) ? null : glh.Trim().ToLowerInvariant();
        string[] unknown = roles.Where(r => !GmsRoles.All.Contains(r)).ToArray();
        if (unknown.Length > 0)
        {
            return Error.BadInput("ACC001", $"Unknown role(s): {string.Join(", ", unknown)}. Roles: {string.Join(", ", GmsRoles.All)}.");
        }

        if (roles.Count == 0)
        {
            return Error.BadInput("ACC002", "At least one role is required.");
        }

        if (glhCode is null && GlhScope.NeedsGlh(roles))
        {
            return Error.BadInput("ACC007", "A GLH scientist or authoriser account needs the GLH it works for (--glh CODE); GLH staff see only their GLH's orders.");
        }

        if (glhCode is not null)
        {
            if (!glhCode.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return Error.BadInput("ACC008", $"'{glhCode}' is not a GLH code (lower-case letters, digits and hyphens, e.g. north-west).");
            }

            // Checked against the routing table once one is loaded (demo data or `gms glh import`).
            IReadOnlyCollection<OpenGms.Orders.Domain.Routing.Glh> glhs = (await routing.TableAsync(cancellationToken).ConfigureAwait(false)).Glhs;
            if (glhs.Count > 0 && !glhs.Any(g => g.Code == glhCode))
            {
                return Error.BadInput("ACC008", $"'{glhCode}' is not a GLH in the routing table ({string.Join(", ", glhs.Select(g => g.Code).Order(StringComparer.Ordinal))}).");
            }
        }

        if (await users.FindByNameAsync(userName).ConfigureAwait(false) is not null)
        {
            return Error.Conflict("ACC003", $"The user name '{userName}' is taken.");
        }

        var user = new IdentityUser(userName);
        IdentityResult created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return Error.BadInput("ACC004", string.Join(" ", created.Errors.Select(e => e.Description)));
        }

        IdentityResult added = await users.AddToRolesAsync(user, roles).ConfigureAwait(false);
        if (added.Succeeded && glhCode is not null)
        {
            // A user claim: Identity puts it in the sign-in cookie's principal with the roles.
            added = await users.AddClaimAsync(user, new Claim(GlhScope.ClaimType, glhCode)).ConfigureAwait(false);
        }

        return added.Succeeded ? user.Id : Error.BadInput("ACC005", string.Join(" ", added.Errors.Select(e => e.Description)));
    }

    /// <summary>Every user with their roles.</summary>
    public async Task<IReadOnlyList<(string UserName, IList<string> Roles)>> ListAsync()
    {
        var result = new List<(string, IList<string>)>();
        foreach (IdentityUser user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            result.Add((user.UserName ?? user.Id, await users.GetRolesAsync(user).ConfigureAwait(false)));
        }

        return result;
    }
}
