using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Kernel;
using OpenGms.Orders.Application.Routing;
using OpenGms.Orders.Domain.Routing;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms glh import|show|route</c>: the GLH routing table of the orders module.</summary>
internal static class GlhCommands
{
    public static Command Create() =>
        new("glh", "Genomic Laboratory Hubs: the routing table that decides where orders go.") { Import(), Show(), Route() };

    private static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "CSV or TSV with columns kind, code, name, glh (docs/orders.md)." };
        var command = new Command("import", "Replace the routing table with FILE in one transaction; a file with any problem stores nothing.") { file };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            string path = context.Parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return context.Fail(Error.NotFound("GLH010", $"No file {path}."));
            }

            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            var issues = new List<RoutingIssue>();
            using var reader = new StreamReader(path);
            Result<RoutingService.ImportSummary> result = await scope.ServiceProvider.GetRequiredService<RoutingService>()
                .ImportAsync(reader, Path.GetFileName(path), issues, ct).ConfigureAwait(false);
            foreach (RoutingIssue issue in issues)
            {
                context.Error.WriteLine(issue.ToString());
            }

            if (!result.IsSuccess)
            {
                return context.Fail(result.Error);
            }

            if (context.Json)
            {
                context.WriteJson(result.Value);
            }
            else
            {
                context.Output.WriteLine($"Routing table replaced: {result.Value.Glhs} GLHs, {result.Value.Organisations} referring organisations, {result.Value.SpecialistTests} specialist tests.");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var command = new Command("show", "Print the routing table as TSV (the format import reads).");
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            RoutingTable table = await scope.ServiceProvider.GetRequiredService<RoutingService>().TableAsync(ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(new { glhs = table.Glhs, organisations = table.Organisations, specialistTests = table.SpecialistTests });
            }
            else
            {
                RoutingTableReader.Write(table, context.Output);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Route()
    {
        var ods = new Argument<string>("ODS") { Description = "ODS code of the referring organisation (trust or site), e.g. RW3 or RAX01." };
        var test = new Argument<string>("TEST") { Description = "Directory test code, e.g. R134.1." };
        var command = new Command("route", "Where an order for TEST from ODS would go, and why.") { ods, test };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            await using AsyncServiceScope scope = services.CreateAsyncScope();
            RoutingTable table = await scope.ServiceProvider.GetRequiredService<RoutingService>().TableAsync(ct).ConfigureAwait(false);
            RoutingDecision decision = table.Route(context.Parse.GetValue(ods)!, context.Parse.GetValue(test)!.Trim().ToUpperInvariant());
            if (!decision.Routed)
            {
                return context.Fail(Error.NotFound(decision.ErrorCode ?? "GLH020", decision.Reason));
            }

            if (context.Json)
            {
                context.WriteJson(decision);
            }
            else
            {
                context.Output.WriteLine($"{decision.GlhName} ({decision.GlhCode})");
                context.Output.WriteLine(decision.Reason);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
