using System.CommandLine;

namespace OpenGms.Cli.Hosting;

/// <summary>Runs a command's body at the process boundary: maps user errors and internal faults to exit codes.</summary>
internal static class CommandRunner
{
    /// <summary>Sets <paramref name="body"/> as the action of <paramref name="command"/>.</summary>
    public static void SetHandler(Command command, Func<CliContext, CancellationToken, Task<int>> body)
    {
        command.SetAction((parse, ct) => RunAsync(parse, body, ct));
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<CliContext, CancellationToken, Task<int>> body, CancellationToken ct)
    {
        var context = new CliContext(parse, Console.Out, Console.Error);
        try
        {
            return await body(context, ct).ConfigureAwait(false);
        }
        catch (UserInputException ex)
        {
            return context.Fail(ex.UserError);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            context.Error.WriteLine("cancelled");
            return ExitCodes.InternalError;
        }
#pragma warning disable CA1031 // The process boundary: every fault becomes exit code 1 with its details on stderr.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Error.WriteLine($"internal error: {ex}");
            return ExitCodes.InternalError;
        }
    }
}
