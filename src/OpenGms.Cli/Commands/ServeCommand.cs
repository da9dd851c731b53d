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
        var command = new Command("serve", "Run the web service (UI, REST API, FHIR) on the embedded store or PostgreSQL.") { urls, noDemo, noJobs };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            var options = new GmsWebOptions
            {
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
