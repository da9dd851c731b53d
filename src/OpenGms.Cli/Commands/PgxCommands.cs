using System.CommandLine;
using OpenGms.Cli.Hosting;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms pgx call</c> and <c>gms pgx import-definitions</c>: pharmacogenomic calls and recommendations from a VCF.</summary>
internal static class PgxCommands
{
    public static Command Create()
    {
        var vcf = new Option<string>("--vcf") { Description = "VCF (plain or bgzip), GRCh38.", Required = true };
        var sample = new Option<string?>("--sample") { Description = "Call only this sample (default: every sample, one JSON document per line)." };
        var outside = new Option<string?>("--outside-calls") { Description = "TSV of gene, diplotype, phenotype, activity score that overrides the matcher (CYP2D6, HLA-A/B, any gene)." };
        var definitions = new Option<string?>("--definitions") { Description = "PharmCAT-format definitions folder (default: the imported set, else the bundled demo)." };
        var topOnly = new Option<bool>("--top-candidate-only") { Description = "Keep only the best-scoring diplotypes, ties kept (the default; stated for clarity)." };
        var allMatches = new Option<bool>("--all-matches") { Description = "List every diplotype that fits, best score first, not only the top-scoring ones." };
        var reference = new Option<string?>("--reference") { Description = "GRCh38 FASTA (.fai beside it; bgzipped needs .gzi too): left-align and trim indels at the PGx positions, set REF from it." };
        var html = new Option<string?>("--html") { Description = "Also write the HTML report to this file (with several samples, one file per sample: NAME.SAMPLE.html)." };
        var call = new Command("call", "Call star-allele diplotypes, phenotypes and CPIC/DPWG recommendations for the samples of a VCF.")
        {
            vcf, sample, outside, definitions, topOnly, allMatches, reference, html,
        };
        CommandRunner.SetHandler(call, (context, ct) =>
        {
            if (context.Parse.GetValue(topOnly) && context.Parse.GetValue(allMatches))
            {
                throw new UserInputException(Error.BadInput("PGX030", "--top-candidate-only and --all-matches contradict each other."));
            }

            PgxService service = Unwrap(PgxService.Open(context.Parse.GetValue(definitions), context.DataDirectory));
            IReadOnlyList<PgxReport> reports = Unwrap(service.CallVcf(
                context.Parse.GetValue(vcf)!,
                context.Parse.GetValue(sample),
                context.Parse.GetValue(outside),
                topCandidateOnly: !context.Parse.GetValue(allMatches),
                referencePath: context.Parse.GetValue(reference)));
            string? htmlPath = context.Parse.GetValue(html);
            if (context.Json)
            {
                WriteJsonLines(context.Output, reports, ct);
            }

            foreach (PgxReport report in reports)
            {
                ct.ThrowIfCancellationRequested();
                if (!context.Json)
                {
                    WriteText(context.Output, report);
                }

                if (htmlPath is not null)
                {
                    WriteAtomically(reports.Count == 1 ? htmlPath : PerSample(htmlPath, report.Sample), PgxService.ToHtml(report));
                }
            }
            return Task.FromResult(ExitCodes.Ok);
        });

        var sources = new Argument<string[]>("DIR") { Description = "PharmCAT-format folders (definition/alleles, phenotype, guidelines); the first one wins for a file.", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import-definitions", "Validate PharmCAT-format definitions and make them the set every report uses.") { sources };
        CommandRunner.SetHandler(import, (context, ct) =>
        {
            string version = Unwrap(PgxService.ImportDefinitions(context.Parse.GetValue(sources)!, context.DataDirectory));
            PgxService service = Unwrap(PgxService.Open(null, context.DataDirectory));
            if (context.Json)
            {
                context.WriteJson(new { definitionsVersion = version, genes = service.Genes });
            }
            else
            {
                context.Output.WriteLine($"Imported definitions {version}: {service.Genes.Count} genes ({string.Join(", ", service.Genes)}).");
            }

            return Task.FromResult(ExitCodes.Ok);
        });

        return new Command("pgx", "Pharmacogenomics: PharmCAT-concordant calls and prescribing recommendations.") { call, import };
    }

    /// <summary>
    /// One JSON document per line, in sample order. A cohort's reports run to megabytes, so they are serialised to
    /// UTF-8 in parallel and written to standard output as bytes (no UTF-16 detour) when the output is the console.
    /// </summary>
    private static void WriteJsonLines(TextWriter output, IReadOnlyList<PgxReport> reports, CancellationToken ct)
    {
        var lines = new byte[reports.Count][];
        Parallel.For(0, reports.Count, new ParallelOptions { CancellationToken = ct }, i => lines[i] = PgxService.ToJsonLine(reports[i]));
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            using Stream stdout = Console.OpenStandardOutput();
            foreach (byte[] line in lines)
            {
                stdout.Write(line);
            }

            stdout.Flush();
            return;
        }

        foreach (byte[] line in lines)
        {
            output.Write(System.Text.Encoding.UTF8.GetString(line));
        }
    }

    private static T Unwrap<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new UserInputException(result.Error);

    private static string PerSample(string path, string sample)
    {
        string safe = string.Concat(sample.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(path)}.{safe}{Path.GetExtension(path)}");
    }

    /// <summary>Writes to a temporary file beside the target and renames it, so a report is never half-written.</summary>
    private static void WriteAtomically(string path, string content)
    {
        string full = Path.GetFullPath(path);
        string temp = full + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, full, overwrite: true);
    }

    private static void WriteText(TextWriter output, PgxReport report)
    {
        output.WriteLine($"Sample {report.Sample} (definitions {report.DefinitionsVersion})");
        foreach (PgxGene gene in report.Genes)
        {
            string call = gene.Called ? string.Join(" | ", gene.Labels) : "not called" + (gene.Note is null ? string.Empty : $" ({gene.Note})");
            string phenotype = gene.Phenotypes.Count == 0 ? string.Empty : "  " + string.Join(" | ", gene.Phenotypes);
            string missing = gene.MissingPositions.Count == 0 ? string.Empty : $"  [{gene.MissingPositions.Count} positions missing]";
            output.WriteLine($"  {gene.Gene,-8} {call}{phenotype}{missing}");
        }

        foreach (PgxDrug drug in report.Drugs)
        {
            output.WriteLine($"  {drug.Drug} ({drug.Source}, {drug.Action}): {drug.Recommendation.Replace('\n', ' ')}");
        }
    }
}
