using System.CommandLine;
using System.Diagnostics;
using OpenGms.Cli.Hosting;
using OpenGms.Genomics.Annotation;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Vcf;
using OpenGms.Kernel;

namespace OpenGms.Cli.Commands;

/// <summary>
/// <c>gms annotation build-cache</c> (gene model + reference into a binary cache) and <c>gms annotate</c>
/// (VCF in, VCF with CSQ or JSON lines out). See docs/annotation.md.
/// </summary>
internal static class AnnotationCommands
{
    /// <summary>The <c>annotation</c> command group.</summary>
    public static Command Create()
    {
        var gtf = new Option<string?>("--gtf") { Description = "Gene model in GTF (Ensembl/GENCODE; plain, gzip or BGZF)." };
        var gff3 = new Option<string?>("--gff3") { Description = "Gene model in GFF3 (Ensembl/RefSeq; plain, gzip or BGZF)." };
        var reference = new Option<string>("--reference", "-r") { Description = "Reference FASTA the gene model is on.", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Cache folder to create.", Required = true };
        var assembly = new Option<string?>("--assembly") { Description = "Genome build label stored in the manifest (e.g. GRCh38)." };
        var force = new Option<bool>("--force") { Description = "Replace an existing cache folder." };
        var lenient = new Option<bool>("--lenient") { Description = "Skip malformed gene-model lines (each is reported) instead of stopping." };
        var build = new Command("build-cache", "Build a binary annotation cache from a GTF/GFF3 gene model and its reference FASTA.")
        {
            gtf, gff3, reference, output, assembly, force, lenient,
        };
        CommandRunner.SetHandler(build, (context, ct) =>
        {
            ParseResult p = context.Parse;
            string? gtfPath = p.GetValue(gtf);
            string? gffPath = p.GetValue(gff3);
            if ((gtfPath is null) == (gffPath is null))
            {
                throw new UserInputException(Error.BadInput("CLI002", "give exactly one of --gtf FILE or --gff3 FILE"));
            }

            string source = gtfPath ?? gffPath!;
            GeneModelFormat format = gtfPath is not null ? GeneModelFormat.Gtf : GeneModelFormat.Gff3;
            string fasta = p.GetValue(reference)!;
            RequireFile(source, "gene model");
            RequireFile(fasta, "reference FASTA");
            var watch = Stopwatch.StartNew();
            GeneModel model = GeneModelReader.Read(source, format);
            foreach (GeneModelIssue issue in model.Issues.Take(20))
            {
                context.Error.WriteLine(issue.ToString());
            }

            if (model.Issues.Count > 20)
            {
                context.Error.WriteLine($"... {model.Issues.Count - 20} more issue(s)");
            }

            GeneModelIssue? fatal = model.Issues.FirstOrDefault(i => i.Code is "ANN010" or "ANN011");
            if (fatal is not null)
            {
                throw new UserInputException(Error.BadInput(fatal.Code, fatal.ToString()));
            }

            if (model.Issues.Count > 0 && !p.GetValue(lenient))
            {
                GeneModelIssue first = model.Issues[0];
                throw new UserInputException(Error.BadInput(first.Code, $"{first} ({model.Issues.Count} issue(s); --lenient skips the bad lines)"));
            }

            Result<AnnotationCacheManifest> built = AnnotationCache.Build(model, source, format, fasta, p.GetValue(output)!, p.GetValue(assembly), p.GetValue(force), TimeProvider.System);
            if (!built.IsSuccess)
            {
                return Task.FromResult(context.Fail(built.Error));
            }

            AnnotationCacheManifest m = built.Value;
            if (context.Json)
            {
                context.WriteJson(new { cache = p.GetValue(output), m.TranscriptCount, m.TranscriptsDropped, m.MissingSequences, issues = model.Issues.Count, seconds = watch.Elapsed.TotalSeconds });
            }
            else
            {
                context.Output.WriteLine($"Built {p.GetValue(output)}: {m.TranscriptCount} transcripts on {m.Chromosomes.Count} sequence(s), {model.Issues.Count} line(s) skipped, {m.TranscriptsDropped} transcript(s) on sequences absent from the reference ({watch.Elapsed.TotalSeconds:F1} s)");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return new Command("annotation", "Variant annotation: gene-model caches and supplementary sources.") { build, CreateAddSource() };
    }

    /// <summary><c>gms annotation add-source</c>: compile gnomAD, ClinVar or a gene table into a cache.</summary>
    private static Command CreateAddSource()
    {
        var file = new Argument<string>("FILE") { Description = "The source: a gnomAD/ExAC sites VCF, a ClinVar VCF, a gnomAD constraint TSV or the HGNC complete set TSV." };
        var cache = new Option<string>("--cache", "-c") { Description = "Cache folder from 'gms annotation build-cache'.", Required = true };
        var kind = new Option<string>("--kind", "-k") { Description = "population (gnomAD/ExAC), clinvar, constraint or hgnc.", Required = true };
        var name = new Option<string?>("--name", "-n") { Description = "Name to select it by and to prefix its VCF INFO fields (default: gnomad, clinvar, constraint, hgnc)." };
        var version = new Option<string?>("--version") { Description = "Release label (default: the VCF's ##fileDate)." };
        var reference = new Option<string?>("--reference", "-r") { Description = "Reference FASTA to left-align the source's indels against (as gms vcf normalise does)." };
        var command = new Command("add-source", "Compile a population, ClinVar or gene table source into an annotation cache, with its version and checksum in the cache's sources.json.")
        {
            file, cache, kind, name, version, reference,
        };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            ParseResult p = context.Parse;
            string input = p.GetValue(file)!;
            string cacheDir = p.GetValue(cache)!;
            RequireFile(input, "source");
            if (!File.Exists(Path.Combine(cacheDir, "manifest.json")))
            {
                throw new UserInputException(Error.BadInput("ANN021", $"{cacheDir}: not an annotation cache (build one with 'gms annotation build-cache')."));
            }

            (SourceKind k, string defaultName) = p.GetValue(kind) switch
            {
                "population" or "gnomad" => (SourceKind.Population, "gnomad"),
                "clinvar" => (SourceKind.ClinVar, "clinvar"),
                "constraint" => (SourceKind.GeneConstraint, "constraint"),
                "hgnc" => (SourceKind.Hgnc, "hgnc"),
                string other => throw new UserInputException(Error.BadInput("CLI002", $"--kind {other}: use population, clinvar, constraint or hgnc")),
                null => throw new UserInputException(Error.BadInput("CLI002", "--kind is required")),
            };
            string sourceName = p.GetValue(name) ?? defaultName;
            var watch = Stopwatch.StartNew();
            Result<SourceEntry> compiled;
            if (k is SourceKind.Population or SourceKind.ClinVar)
            {
                using Genomics.Reference.ReferenceGenome? genome = VcfCommands.OpenReference(p.GetValue(reference));
                compiled = SiteSourceCompiler.Compile(input, k, sourceName, cacheDir, p.GetValue(version), genome, TimeProvider.System);
            }
            else
            {
                compiled = GeneTable.Compile(input, k, sourceName, cacheDir, p.GetValue(version), TimeProvider.System);
            }

            if (!compiled.IsSuccess)
            {
                return Task.FromResult(context.Fail(compiled.Error));
            }

            SourceEntry e = compiled.Value;
            if (context.Json)
            {
                context.WriteJson(new { e.Name, kind = e.Kind.ToString(), e.File, e.SourceFile, e.SourceSha256, e.Version, e.Records, e.Skipped, seconds = watch.Elapsed.TotalSeconds });
            }
            else
            {
                context.Output.WriteLine($"Added {e.Name} ({e.Kind}, version {e.Version ?? "unknown"}) to {cacheDir}: {e.Records:N0} record(s), {e.Skipped:N0} skipped ({watch.Elapsed.TotalSeconds:F1} s)");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>The top-level <c>annotate</c> command.</summary>
    public static Command CreateAnnotate()
    {
        var vcf = new Option<string>("--vcf", "-i") { Description = "Input VCF (plain, gzip or BGZF; any number of samples).", Required = true };
        var cache = new Option<string>("--cache", "-c") { Description = "Cache folder from 'gms annotation build-cache'.", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (.vcf.gz: BGZF; default stdout)." };
        var format = new Option<string>("--format", "-f") { Description = "vcf (CSQ INFO field) or json (one object per line per allele).", DefaultValueFactory = _ => "vcf" };
        var lengths = new Option<bool>("--ignore-contig-lengths") { Description = "Warn instead of stopping when a VCF contig's length differs from the cache's reference (excerpt references)." };
        var sources = new Option<string?>("--sources", "-s") { Description = "Comma-separated supplementary sources of the cache to add (default: all in its sources.json; 'none' for none)." };
        var threads = new Option<int>("--threads") { Description = "Threads annotating batches of records (default 0: the processor count; 1: one).", DefaultValueFactory = _ => 0 };
        var command = new Command("annotate", "Annotate variants with transcript consequences and HGVS from an annotation cache, plus its supplementary sources.") { vcf, cache, output, format, lengths, sources, threads };
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            ParseResult p = context.Parse;
            string inPath = p.GetValue(vcf)!;
            string? outPath = p.GetValue(output);
            AnnotationOutputFormat shape = p.GetValue(format) switch
            {
                "vcf" => AnnotationOutputFormat.Vcf,
                "json" => AnnotationOutputFormat.Json,
                string other => throw new UserInputException(Error.BadInput("CLI002", $"--format {other}: use vcf or json")),
                null => AnnotationOutputFormat.Vcf,
            };
            RequireFile(inPath, "input VCF");
            Result<AnnotationCache> loaded = AnnotationCache.Load(p.GetValue(cache)!);
            if (!loaded.IsSuccess)
            {
                return Task.FromResult(context.Fail(loaded.Error));
            }

            var watch = Stopwatch.StartNew();
            using VcfReader reader = VcfReader.Open(inPath);
            string? sourceList = p.GetValue(sources);
            SupplementaryAnnotator? supplementary;
            try
            {
                supplementary = sourceList == "none" ? null : SupplementaryAnnotator.Open(p.GetValue(cache)!, sourceList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidDataException)
            {
                throw new UserInputException(Error.BadInput("ANN044", ex.Message));
            }

            using SupplementaryAnnotator? ownedSupplementary = supplementary;
            var annotator = new VcfAnnotator(loaded.Value) { Supplementary = supplementary, Parallelism = p.GetValue(threads) };
            Error? mismatch = annotator.CheckContigs(reader.Header, Path.GetFileName(inPath));
            if (mismatch is not null && mismatch.Code == "ANN031" && p.GetValue(lengths))
            {
                context.Error.WriteLine($"warning {mismatch}");
            }
            else if (mismatch is not null)
            {
                return Task.FromResult(context.Fail(mismatch));
            }

            bool compress = outPath is not null && (outPath.EndsWith(".gz", StringComparison.Ordinal) || outPath.EndsWith(".bgz", StringComparison.Ordinal));
            string? temp = outPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "." + Path.GetFileName(outPath) + ".tmp" + Environment.ProcessId);
            bool showProgress = !Console.IsErrorRedirected && outPath is not null;
            AnnotationSummary summary;
            try
            {
                Stream sink = temp is null ? Console.OpenStandardOutput() : new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                Stream writer = compress ? new BgzfWriteStream(sink, leaveOpen: false) : new BufferedStream(sink, 1 << 16);
                try
                {
                    Action<long>? progress = showProgress ? n => context.Error.Write($"\rannotated {n:N0} records ({watch.Elapsed.TotalSeconds:F0} s)") : null;
                    summary = annotator.Run(reader, writer, shape, progress, ct);
                }
                finally
                {
                    writer.Dispose();
                }

                if (temp is not null)
                {
                    File.Move(temp, outPath!, overwrite: true);
                }
            }
            catch
            {
                if (temp is not null && File.Exists(temp))
                {
                    File.Delete(temp);
                }

                throw;
            }

            if (showProgress)
            {
                context.Error.WriteLine();
            }

            if (context.Json && outPath is not null)
            {
                context.WriteJson(new { summary.Records, summary.Alleles, summary.UnknownContig, seconds = watch.Elapsed.TotalSeconds });
            }
            else if (outPath is not null)
            {
                context.Error.WriteLine($"Annotated {summary.Records} records ({summary.Alleles} alleles; {summary.UnknownContig} on sequences not in the cache) in {watch.Elapsed.TotalSeconds:F1} s");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException(Error.NotFound("CLI404", $"{path}: {what} not found."));
        }
    }
}
