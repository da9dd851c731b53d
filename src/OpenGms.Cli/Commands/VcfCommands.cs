using System.Buffers;
using System.CommandLine;
using OpenGms.Cli.Hosting;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Stats;
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
        command.Subcommands.Add(CreateStats());
        command.Subcommands.Add(CreateQuery());
        command.Subcommands.Add(CreateView());
        command.Subcommands.Add(VcfNormaliseCommand.Create());
        return command;
    }

    /// <summary>Opens the FASTA given with <c>--reference</c>, or null when none was given; a bad one is a user error.</summary>
    internal static ReferenceGenome? OpenReference(string? path)
    {
        if (path is null)
        {
            return null;
        }

        Result<ReferenceGenome> opened = ReferenceGenome.Open(path);
        return opened.IsSuccess ? opened.Value : throw new UserInputException(opened.Error!);
    }

    private static Command CreateValidate()
    {
        var file = new Argument<string>("FILE") { Description = "The VCF (.vcf, .vcf.gz or BGZF .vcf.gz)." };
        var strict = new Option<bool>("--strict") { Description = "Warnings also make the file invalid (the default)." };
        var lenient = new Option<bool>("--lenient") { Description = "Only errors make the file invalid; warnings are reported." };
        var reference = new Option<string?>("--reference") { Description = "FASTA (plain or bgzipped; .fai/.gzi built when missing) to check every REF against (VCF037)." };
        var maxIssues = new Option<int>("--max-issues") { Description = "Issues kept per code (all are counted).", DefaultValueFactory = _ => 100 };
        var threads = new Option<int>("--threads") { Description = "Threads checking records (0: one per core). The issues are the same for every value.", DefaultValueFactory = _ => 0 };
        var command = new Command("validate", "Check a VCF against the specification; exit 0 when valid, 3 when not.") { file, strict, lenient, reference, maxIssues, threads };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            string path = RequireFile(context.Parse.GetValue(file)!);
            if (context.Parse.GetValue(strict) && context.Parse.GetValue(lenient))
            {
                throw new UserInputException(Error.BadInput("CLI001", "Give --strict or --lenient, not both."));
            }

            using ReferenceGenome? genome = OpenReference(context.Parse.GetValue(reference));
            VcfValidationMode mode = context.Parse.GetValue(lenient) ? VcfValidationMode.Lenient : VcfValidationMode.Strict;
            int threadCount = context.Parse.GetValue(threads);
            if (threadCount < 0)
            {
                throw new UserInputException(Error.BadInput("CLI001", "--threads must be 0 (one per core) or more."));
            }

            VcfValidationReport report = WithProgress(context, "Validating", progress => VcfValidator.Validate(path, mode, context.Parse.GetValue(maxIssues), progress, genome, threadCount));
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

    private static Command CreateStats()
    {
        var file = new Argument<string>("FILE") { Description = "The VCF." };
        var command = new Command("stats", "Count records by variant type, Ti/Tv, het/hom genotypes and records per contig.") { file };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            string path = RequireFile(context.Parse.GetValue(file)!);
            VcfStats stats = WithProgress(context, "Counting", progress => VcfStats.Compute(path, progress, ct));
            if (context.Json)
            {
                context.WriteJson(stats);
            }
            else
            {
                context.Output.WriteLine($"records\t{stats.Records}");
                context.Output.WriteLine($"samples\t{stats.Samples}");
                foreach (KeyValuePair<string, long> kv in stats.VariantTypes)
                {
                    context.Output.WriteLine($"type\t{kv.Key}\t{kv.Value}");
                }

                context.Output.WriteLine($"transitions\t{stats.Transitions}");
                context.Output.WriteLine($"transversions\t{stats.Transversions}");
                context.Output.WriteLine($"ti/tv\t{(stats.Transversions == 0 ? "NA" : (stats.Transitions / (double)stats.Transversions).ToString("F3", System.Globalization.CultureInfo.InvariantCulture))}");
                context.Output.WriteLine($"genotypes\thom-ref={stats.HomRef}\thet={stats.Het}\thom-alt={stats.HomAlt}\tmissing={stats.Missing}");
                foreach (KeyValuePair<string, long> kv in stats.Contigs)
                {
                    context.Output.WriteLine($"contig\t{kv.Key}\t{kv.Value}");
                }
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command CreateQuery()
    {
        var file = new Argument<string>("FILE") { Description = "A BGZF VCF with a .tbi or .csi index beside it." };
        var region = new Option<string[]>("--region", "-r") { Description = "Region chr, chr:pos or chr:beg-end (1-based, repeatable or comma-free list).", AllowMultipleArgumentsPerToken = true, Required = true };
        var header = new Option<bool>("--header") { Description = "Print the header first." };
        var command = new Command("query", "Print the records overlapping regions, found through the index.") { file, region, header };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            string path = RequireFile(context.Parse.GetValue(file)!);
            List<GenomicRegion> regions = ParseRegions(context.Parse.GetValue(region)!);
            GenomicIndex index = GenomicIndex.OpenBeside(path) ?? throw new UserInputException(Error.NotFound("VCF040", $"No .tbi or .csi index beside {path} (make one with gms vcf view -o OUT.vcf.gz)."));
            using VcfReader reader = OpenReader(path);
            RequireBgzf(reader, path);
            using Stream stdout = Console.OpenStandardOutput();
            using var output = new BufferedStream(stdout, 1 << 16);
            if (context.Parse.GetValue(header))
            {
                output.Write(System.Text.Encoding.UTF8.GetBytes(reader.Header.ToText()));
            }

            var regionReader = new VcfRegionReader(reader, index, regions);
            while (regionReader.Read())
            {
                ct.ThrowIfCancellationRequested();
                output.Write(regionReader.Current.Line);
                output.WriteByte((byte)'\n');
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command CreateView()
    {
        var file = new Argument<string>("FILE") { Description = "The VCF." };
        var output = new Option<string>("--output", "-o") { Description = "Output file (.vcf.gz gets BGZF and a .tbi index; .vcf plain).", Required = true };
        var samples = new Option<string?>("--samples", "-s") { Description = "Comma-separated samples to keep (all when absent)." };
        var region = new Option<string[]>("--region", "-r") { Description = "Regions to keep (needs an index on FILE).", AllowMultipleArgumentsPerToken = true };
        var command = new Command("view", "Write a subset (samples, regions) as VCF or BGZF VCF with an index; written to a temp file then renamed.") { file, output, samples, region };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            string path = RequireFile(context.Parse.GetValue(file)!);
            string outPath = context.Parse.GetValue(output)!;
            bool bgzf = outPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
            string? outDir = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (outDir is not null && !System.IO.Directory.Exists(outDir))
            {
                throw new UserInputException(Error.NotFound("CLI004", $"Output folder not found: {outDir}"));
            }
            using VcfReader reader = OpenReader(path);
            string? sampleList = context.Parse.GetValue(samples);
            int[]? keep = null;
            VcfHeader header = reader.Header;
            if (sampleList is not null)
            {
                string[] names = sampleList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                keep = new int[names.Length];
                for (int i = 0; i < names.Length; i++)
                {
                    keep[i] = header.IndexOfSample(names[i]);
                    if (keep[i] < 0)
                    {
                        throw new UserInputException(Error.BadInput("VCF041", $"Sample '{names[i]}' is not in {path}."));
                    }
                }

                header = header.WithSamples(names);
            }

            string[] regionTexts = context.Parse.GetValue(region) ?? [];
            VcfRegionReader? regionReader = null;
            if (regionTexts.Length > 0)
            {
                GenomicIndex index = GenomicIndex.OpenBeside(path) ?? throw new UserInputException(Error.NotFound("VCF040", $"No .tbi or .csi index beside {path}."));
                RequireBgzf(reader, path);
                regionReader = new VcfRegionReader(reader, index, ParseRegions(regionTexts));
            }

            using var writer = new VcfWriter(outPath, header, bgzf, writeIndex: bgzf);
            var line = new ArrayBufferWriter<byte>(1 << 16);
            while (regionReader?.Read() ?? reader.Read())
            {
                ct.ThrowIfCancellationRequested();
                VcfRecord r = reader.Current;
                if (keep is null)
                {
                    writer.WriteLine(r.Line);
                    continue;
                }

                line.ResetWrittenCount();
                int fixedEnd = r.ColumnCount > 9 ? r.Line.Length - r.SamplesText.Length - 1 : r.Line.Length;
                line.Write(r.Line[..fixedEnd]);
                foreach (int s in keep)
                {
                    line.Write("\t"u8);
                    line.Write(r.Sample(s));
                }

                writer.WriteLine(line.WrittenSpan);
            }

            if (reader.Issues.ErrorCount > 0 && reader.SkippedLineCount > 0)
            {
                context.Error.WriteLine($"warning: {reader.SkippedLineCount} malformed line(s) skipped (run gms vcf validate for details).");
            }

            writer.Complete();
            context.Error.WriteLine($"wrote {writer.RecordCount} records to {outPath}{(bgzf ? " (+ .tbi)" : string.Empty)}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static VcfReader OpenReader(string path)
    {
        try
        {
            return VcfReader.Open(path);
        }
        catch (InvalidDataException ex)
        {
            throw new UserInputException(Error.BadInput("VCF001", $"{path}: {ex.Message}"));
        }
    }

    private static void RequireBgzf(VcfReader reader, string path)
    {
        if (reader.Bgzf is null)
        {
            throw new UserInputException(Error.BadInput("VCF040", $"{path} is not BGZF-compressed; region queries need bgzip/BGZF output with an index."));
        }
    }

    private static List<GenomicRegion> ParseRegions(IEnumerable<string> texts)
    {
        var list = new List<GenomicRegion>();
        foreach (string t in texts)
        {
            if (!GenomicRegion.TryParse(t, out GenomicRegion r))
            {
                throw new UserInputException(Error.BadInput("CLI002", $"'{t}' is not a region (chr, chr:pos or chr:beg-end)."));
            }

            list.Add(r);
        }

        return list;
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
