using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Kernel;
using OpenGms.Web.Identity;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms users add|list</c>: local accounts for the embedded default (production signs in through OpenID Connect).</summary>
internal static class UsersCommands
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "The user name." };
        var roles = new Option<string[]>("--role") { Description = $"A role (repeat for several): {string.Join(", ", GmsRoles.All)}.", Required = true, AllowMultipleArgumentsPerToken = true };
        var glh = new Option<string?>("--glh") { Description = "The GLH a glh-scientist or glh-authoriser works for (a routing-table code, e.g. north-west); they see only its orders." };
        var add = new Command("add", "Create a local account. The password is read from standard input (one line).") { name, roles, glh };
        CommandRunner.SetHandler(add, async (context, ct) =>
        {
            string? password = await Console.In.ReadLineAsync(ct).ConfigureAwait(false);
            if (string.IsNullOrEmpty(password))
            {
                return context.Fail(Error.BadInput("ACC006", "Give the password on standard input, e.g. `./gms users add NAME --role administrator < password.txt`."));
            }

            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            using IServiceScope scope = services.CreateScope();
            string userName = context.Parse.GetValue(name)!;
            Result<string> created = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(userName, password, context.Parse.GetValue(roles) ?? [], context.Parse.GetValue(glh), ct).ConfigureAwait(false);
            if (!created.IsSuccess)
            {
                return context.Fail(created.Error);
            }

            if (context.Json)
            {
                context.WriteJson(new { user = userName, id = created.Value });
            }
            else
            {
                context.Output.WriteLine($"Created {userName}.");
            }

            return ExitCodes.Ok;
        });

        var list = new Command("list", "List local accounts and their roles.");
        CommandRunner.SetHandler(list, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            using IServiceScope scope = services.CreateScope();
            var users = await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync().ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(users.Select(u => new { user = u.UserName, roles = u.Roles }));
            }
            else
            {
                foreach ((string user, IList<string> userRoles) in users)
                {
                    context.Output.WriteLine($"{user}\t{string.Join(", ", userRoles)}");
                }
            }

            return ExitCodes.Ok;
        });
        return new Command("users", "Local accounts and roles.") { add, list };
    }
}
