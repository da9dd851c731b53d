using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Kernel;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms db migrate</c>: applies every module's migrations to the configured store.</summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "Apply every module's pending migrations (SQLite under --data, or PostgreSQL with --db).");
        CommandRunner.SetHandler(migrate, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            // Module databases are scoped (they hold a DbContext): list them from a scope, not the root provider.
            using IServiceScope scope = services.CreateScope();
            string[] modules = scope.ServiceProvider.GetServices<IModuleDatabase>().Select(m => m.Module).ToArray();
            if (context.Json)
            {
                context.WriteJson(new { provider = context.Database.Provider, modules });
            }
            else
            {
                context.Output.WriteLine($"Migrated {modules.Length} module(s) on {context.Database.Provider}: {string.Join(", ", modules)}");
            }

            return ExitCodes.Ok;
        });
        return new Command("db", "Database administration.") { migrate };
    }
}
