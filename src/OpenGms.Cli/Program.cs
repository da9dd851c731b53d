using System.CommandLine;
using OpenGms.Cli.Commands;
using OpenGms.Cli.Hosting;

var root = new RootCommand("OpenGMS: the national genomic medicine service platform.");
GlobalOptions.AddTo(root);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(DbCommands.Create());
root.Subcommands.Add(UsersCommands.Create());
root.Subcommands.Add(JobsCommands.CreateWorker());
root.Subcommands.Add(JobsCommands.Create());
// Module command groups, one line each.
root.Subcommands.Add(PanelsCommands.Create());
root.Subcommands.Add(PgxCommands.Create());
root.Subcommands.Add(VcfCommands.Create());
root.Subcommands.Add(AnnotationCommands.Create());
root.Subcommands.Add(AnnotationCommands.CreateAnnotate());
root.Subcommands.Add(DirectoryCommands.Create());
root.Subcommands.Add(HpoCommands.Create());
root.Subcommands.Add(AnalyseCommand.Create());
root.Subcommands.Add(GlhCommands.Create());

ParseResult parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
    {
        Console.Error.WriteLine($"usage: {error.Message}");
    }

    Console.Error.WriteLine("Run 'gms --help' for the commands.");
    return ExitCodes.Usage;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await parse.InvokeAsync(cancellationToken: cancel.Token).ConfigureAwait(false);
