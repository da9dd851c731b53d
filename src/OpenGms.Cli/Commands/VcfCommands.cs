using System.CommandLine;
using OpenGms.Cli.Hosting;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;
using Spectre.Console;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms vcf validate|stats|query|view</c>: the VCF engine from the command line.</summary>
internal static class VcfCommands
{
    public static Command Create()
    {
        var command = new Command("vcf", "Read, check and subset VCF files (plain, gzip or BGZF).");
        command.Subcommands.Add(CreateValidate());
        return command;
    }

    private static Command CreateValidate()
    {
        var file = new Argument<string>("FILE") { Description = "The VCF (.vcf, .vcf.gz or BGZF .vcf.gz)." };
        var strict = new Option<bool>("--strict") { Description = "Warnings also make the file invalid (the default)." };
        var lenient = new Option<bool>("--lenient") { Description = "Only errors make the file invalid; warnings are reported." };
        var reference = new Option<string?>("--reference") { Description = "FASTA to check REF against (not yet supported by this build)." };
        var maxIssues = new Option<int>("--max-issues") { Description = "Issues kept per code (all are counted).", DefaultValueFactory = _ => 100 };
        var command = new Command("validate", "Check a VCF against the specification; exit 0 when valid, 3 when not.") { file, strict, lenient, reference, maxIssues };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            string path = RequireFile(context.Parse.GetValue(file)!);
            if (context.Parse.GetValue(strict) && context.Parse.GetValue(lenient))
            {
                throw new UserInputException(Error.BadInput("CLI001", "Give --strict or --lenient, not both."));
            }

            if (context.Parse.GetValue(reference) is not null)
            {
                throw new UserInputException(Error.BadInput("CLI001", "--reference is not supported yet in this build."));
            }

            VcfValidationMode mode = context.Parse.GetValue(lenient) ? VcfValidationMode.Lenient : VcfValidationMode.Strict;
            VcfValidationReport report = WithProgress(context, "Validating", progress => VcfValidator.Validate(path, mode, context.Parse.GetValue(maxIssues), progress));
            if (context.Json)
            {
                context.WriteJson(new
                {
                    file = report.Path,
                    valid = report.IsValid,
                    mode = report.Mode,
                    fileformat = report.FileFormat,
                    summary = new
                    {
                        records = report.Records,
                        skippedLines = report.SkippedLines,
                        samples = report.Samples,
                        contigs = report.Contigs,
                        variantTypes = report.VariantTypes,
                        errors = report.Errors,
                        warnings = report.Warnings,
                        issueCounts = report.IssueCounts,
                    },
                    issues = report.Issues,
                });
            }
            else
            {
                foreach (VcfIssue issue in report.Issues)
                {
                    context.Output.WriteLine(issue.ToString());
                }

                long shown = report.Issues.Count;
                long total = report.IssueCounts.Values.Sum();
                if (total > shown)
                {
                    context.Output.WriteLine($"... {total - shown} more issue(s) counted but not listed (--max-issues).");
                }

                context.Output.WriteLine($"{report.Path}: {(report.IsValid ? "valid" : "INVALID")} ({report.Mode.ToString().ToLowerInvariant()}); {report.FileFormat}; {report.Records} records, {report.Samples} samples, {report.Contigs.Count} contigs; {report.Errors} errors, {report.Warnings} warnings");
                if (report.VariantTypes.Count > 0)
                {
                    context.Output.WriteLine("variant types: " + string.Join(", ", report.VariantTypes.Select(kv => $"{kv.Key}={kv.Value}")));
                }
            }

            return Task.FromResult(report.IsValid ? ExitCodes.Ok : ExitCodes.BadInput);
        });
        return command;
    }

    private static string RequireFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException(Error.NotFound("CLI004", $"File not found: {path}"));
        }

        return Path.GetFullPath(path);
    }

    /// <summary>Runs <paramref name="work"/> with a Spectre progress display on a terminal, plainly when output is redirected.</summary>
    private static T WithProgress<T>(CliContext context, string label, Func<Action<long>?, T> work)
    {
        if (context.Json || Console.IsErrorRedirected || Console.IsOutputRedirected)
        {
            return work(null);
        }

        T result = default!;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(label, maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                result = work(records => task.Description = $"{label}: {records:N0} records");
            });
        return result;
    }
}
