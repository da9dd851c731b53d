using System.CommandLine;
using OpenGms.Cli.Hosting;
using OpenGms.Web;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms serve</c>: the web UI and API over the configured store, demo data loaded on first start.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not load the bundled demo data into an empty store." };
        var noJobs = new Option<bool>("--no-jobs") { Description = "Do not run queued analysis jobs in this process (separate 'gms worker' processes run them)." };
        var oidcAuthority = new Option<Uri?>("--oidc-authority") { Description = "Also sign in through this OpenID Connect provider (NHS CIS2 in production); local accounts keep working." };
        var oidcClientId = new Option<string?>("--oidc-client-id") { Description = "This service's client id at the provider." };
        var oidcScopes = new Option<string[]>("--oidc-scope") { Description = "A scope to ask for besides openid (repeat; default: profile).", AllowMultipleArgumentsPerToken = true };
        var oidcRoleClaim = new Option<string?>("--oidc-role-claim") { Description = "The claim that carries role codes (default: nhsid_nrbac_roles)." };
        var oidcRoles = new Option<string[]>("--oidc-role") { Description = "Map a provider role code to OpenGMS roles: CODE=role[,role] (repeat).", AllowMultipleArgumentsPerToken = true };
        var oidcGlhClaim = new Option<string?>("--oidc-glh-claim") { Description = "The claim that carries a GLH code for GLH staff." };
        var command = new Command("serve", "Run the web service (UI, REST API, FHIR) on the embedded store or PostgreSQL. The OpenID Connect client secret is read from GMS_OIDC_CLIENT_SECRET.")
        {
            urls, noDemo, noJobs, oidcAuthority, oidcClientId, oidcScopes, oidcRoleClaim, oidcRoles, oidcGlhClaim,
        };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            OpenGms.Web.Identity.OidcSettings? oidc = null;
            if (context.Parse.GetValue(oidcAuthority) is { } authority)
            {
                if (context.Parse.GetValue(oidcClientId) is not { Length: > 0 } clientId)
                {
                    return context.Fail(Kernel.Error.BadInput("OIDC003", "--oidc-authority needs --oidc-client-id."));
                }

                Kernel.Result<IReadOnlyDictionary<string, IReadOnlyList<string>>> roleMap = OpenGms.Web.Identity.OidcSettings.ParseRoleMap(context.Parse.GetValue(oidcRoles) ?? []);
                if (!roleMap.IsSuccess)
                {
                    return context.Fail(roleMap.Error);
                }

                if (roleMap.Value.Count == 0)
                {
                    return context.Fail(Kernel.Error.BadInput("OIDC004", "--oidc-authority needs at least one --oidc-role CODE=role: without a mapping nobody signing in through the provider gets a role."));
                }

                string[] scopes = context.Parse.GetValue(oidcScopes) ?? [];
                oidc = new OpenGms.Web.Identity.OidcSettings
                {
                    Authority = authority,
                    ClientId = clientId,
                    ClientSecret = Environment.GetEnvironmentVariable("GMS_OIDC_CLIENT_SECRET"),
                    Scopes = scopes.Length > 0 ? scopes : ["profile"],
                    RoleClaim = context.Parse.GetValue(oidcRoleClaim) ?? "nhsid_nrbac_roles",
                    RoleMap = roleMap.Value,
                    GlhClaim = context.Parse.GetValue(oidcGlhClaim),
                };
            }

            var options = new GmsWebOptions
            {
                Oidc = oidc,
                Urls = context.Parse.GetValue(urls)!,
                Database = context.Database,
                DataDirectory = context.DataDirectory,
                SeedDemoData = !context.Parse.GetValue(noDemo),
                RunJobs = !context.Parse.GetValue(noJobs),
            };
            context.Error.WriteLine($"OpenGMS on {options.Urls} ({options.Database.Provider}; data in {options.DataDirectory})");
            await GmsWebApplication.RunAsync(options, context.Error, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
