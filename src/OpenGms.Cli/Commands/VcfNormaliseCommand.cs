using System.CommandLine;
using System.Diagnostics;
using OpenGms.Cli.Hosting;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Kernel;

namespace OpenGms.Cli.Commands;

/// <summary>
/// <c>gms vcf normalise IN -f REF -o OUT</c>: bcftools norm's options and meanings (docs/normalisation.md).
/// Output goes to a temporary file beside OUT and is renamed into place only when complete.
/// </summary>
internal static class VcfNormaliseCommand
{
    /// <summary>Inputs larger than this (compressed or not) start <see cref="VcfNormaliser.StartWarmUp"/>; below it the compile-ahead would mostly be wasted.</summary>
    private const long WarmUpInputBytes = 4 << 20;

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "VCF to normalise (plain, gzip or BGZF)." };
        var fasta = new Option<string?>("--fasta-ref", "-f") { Description = "Reference FASTA (plain or bgzipped, .fai/.gzi built when missing)." };
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: stdout, uncompressed)." };
        var outputType = new Option<string?>("--output-type", "-O") { Description = "v: VCF, z: BGZF-compressed VCF (default from the -o extension)." };
        var multi = new Option<string?>("--multiallelics", "-m") { Description = "-any|-snps|-indels|-both split; +any|+snps|+indels|+both join." };
        var rmdup = new Option<string?>("--rm-dup", "-d") { Description = "snps|indels|both|all|exact|none: remove duplicates." };
        var checkRef = new Option<string>("--check-ref", "-c") { Description = "e: error, w: warn, x: exclude, wx, s: set/fix REF.", DefaultValueFactory = _ => "e" };
        var atomize = new Option<bool>("--atomize", "-a") { Description = "Decompose MNPs into consecutive SNPs." };
        var atomOverlaps = new Option<string>("--atom-overlaps") { Description = "'*' or '.' for overlapping atoms.", DefaultValueFactory = _ => "*" };
        var multiOverlaps = new Option<string>("--multi-overlaps") { Description = "'0' or '.' for other ALTs' genotypes when splitting.", DefaultValueFactory = _ => "0" };
        var oldRecTag = new Option<string?>("--old-rec-tag") { Description = "INFO tag recording the original CHR|POS|REF|ALT|USED_ALT_IDX." };
        var noNorm = new Option<bool>("--do-not-normalize", "-N") { Description = "Do not left-align/trim (REF checks, -m still apply)." };
        var strict = new Option<bool>("--strict-filter", "-s") { Description = "When joining, PASS only if all joined records passed." };
        var window = new Option<int>("--site-win", "-w") { Description = "Sorting window (bp) for records moved by realignment.", DefaultValueFactory = _ => 1000 };
        var force = new Option<bool>("--force") { Description = "Drop fields with unexpected value counts instead of stopping." };
        var threads = new Option<int>("--threads") { Description = "Compression/decompression threads (0: all cores).", DefaultValueFactory = _ => 0 };
        var level = new Option<int>("--compression-level") { Description = "BGZF deflate level 1-9.", DefaultValueFactory = _ => 6 };
        var removeDuplicates = new Option<bool>("--remove-duplicates", "-D") { Description = "Same as -d none (exact duplicates), as in bcftools (deprecated there)." };
        var sort = new Option<string?>("--sort", "-S") { Description = "pos: records at one position in the order they are made (default); lex: by REF, then ALT." };
        var noVersion = new Option<bool>("--no-version") { Description = "Do not add the ##gms_normCommand header line." };

        // bcftools norm options that are declined with a reason rather than silently ignored (docs/normalisation.md).
        (Option<string?> Option, string Why)[] declined =
        [
            (new Option<string?>("--include", "-i"), "filter expressions are not supported; select records first (gms vcf view, or bcftools view -i)"),
            (new Option<string?>("--exclude", "-e"), "filter expressions are not supported; select records first (gms vcf view, or bcftools view -e)"),
            (new Option<string?>("--gff-annot", "-g"), "GFF-directed right-alignment of indels on the reverse strand is not implemented"),
            (new Option<string?>("--keep-sum"), "keeping vector sums (AD) constant when splitting is not implemented"),
            (new Option<string?>("--regions", "-r"), "region selection is not supported here; subset first with gms vcf view --region"),
            (new Option<string?>("--regions-file", "-R"), "region selection is not supported here; subset first with gms vcf view --region"),
            (new Option<string?>("--targets", "-t"), "target selection is not supported here; subset first with gms vcf view --region"),
            (new Option<string?>("--targets-file", "-T"), "target selection is not supported here; subset first with gms vcf view --region"),
        ];

        var command = new Command("normalise", "Left-align and trim indels, split/join multiallelics, remove duplicates (bcftools norm options).")
        {
            input, fasta, output, outputType, multi, rmdup, checkRef, atomize, atomOverlaps, multiOverlaps, oldRecTag, noNorm, strict, window, force, threads, level,
            removeDuplicates, sort, noVersion,
        };
        foreach ((Option<string?> option, string why) in declined)
        {
            option.Description = "Not supported: " + why + ".";
            command.Options.Add(option);
        }

        command.Aliases.Add("norm");
        CommandRunner.SetHandler(command, (context, ct) =>
        {
            ParseResult p = context.Parse;
            foreach ((Option<string?> option, string why) in declined)
            {
                if (p.GetResult(option) is not null)
                {
                    throw new UserInputException(Error.BadInput("CLI003", $"{option.Name}: {why}."));
                }
            }

            NormaliseOptions options = BuildOptions(p, multi, rmdup, checkRef, atomize, atomOverlaps, multiOverlaps, oldRecTag, noNorm, strict, window, force);
            if (p.GetValue(removeDuplicates))
            {
                if (options.Duplicates != DuplicateMode.Off)
                {
                    throw new UserInputException(Error.BadInput("CLI002", "Give -D or -d, not both."));
                }

                options = options with { Duplicates = DuplicateMode.Exact };
            }

            if (p.GetValue(sort) is string sv)
            {
                if (!NormaliseOptionParser.TryParseSort(sv, out bool lexical))
                {
                    throw new UserInputException(Error.BadInput("CLI002", $"-S {sv}: use pos or lex."));
                }

                options = options with { SortLexically = lexical };
            }

            string inPath = p.GetValue(input)!;
            if (!File.Exists(inPath))
            {
                throw new UserInputException(Error.NotFound("CLI404", $"{inPath}: input VCF not found."));
            }

            if (new FileInfo(inPath).Length > WarmUpInputBytes)
            {
                // The second core has nothing to do until the first output block is full: compile ahead there.
                VcfNormaliser.StartWarmUp();
            }

            ReferenceGenome? reference = VcfCommands.OpenReference(p.GetValue(fasta));

            string? outPath = p.GetValue(output);
            string type = p.GetValue(outputType) ?? (outPath is not null && (outPath.EndsWith(".gz", StringComparison.Ordinal) || outPath.EndsWith(".bgz", StringComparison.Ordinal)) ? "z" : "v");
            if (type is not ("v" or "z"))
            {
                throw new UserInputException(Error.BadInput("CLI002", $"-O {type}: use v (VCF) or z (BGZF VCF)."));
            }

            var watch = Stopwatch.StartNew();
            string? temp = outPath is null ? null : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outPath))!, "." + Path.GetFileName(outPath) + ".tmp" + Environment.ProcessId);
            NormaliseSummary summary;
            BgzfVcfLineIndexer? indexer;
            try
            {
                using Stream source = BgzfReadStream.OpenRead(inPath, out _, p.GetValue(threads));
                Stream sink = temp is null ? Console.OpenStandardOutput() : new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
                // Blocks are compressed on every core while this thread parses and normalises; a background thread
                // cuts the blocks, writes them in order and indexes each as it is written (no second pass over the file).
                indexer = type == "z" && temp is not null ? new BgzfVcfLineIndexer() : null;
                Stream writer = new BackgroundWriteStream(type == "z"
                    ? new BgzfWriteStream(sink, leaveOpen: false, level: p.GetValue(level), parallelism: p.GetValue(threads), onBlock: indexer is null ? null : indexer.AddBlock)
                    : sink);
                try
                {
                    var normaliser = new VcfNormaliser(options, reference) { CommandLine = p.GetValue(noVersion) ? null : VcfNormaliser.FormatCommandLine(Environment.GetCommandLineArgs()) };
                    summary = normaliser.Run(source, writer, ct);
                }
                finally
                {
                    writer.Dispose();
                }

                if (temp is not null)
                {
                    File.Move(temp, outPath!, overwrite: true);
                    indexer?.Write(outPath + ".tbi");
                }
            }
            catch (NormaliseException ex)
            {
                DeleteQuietly(temp);
                throw new UserInputException(Error.BadInput(ex.Code, $"{inPath}: {ex.Message}"));
            }
            catch
            {
                DeleteQuietly(temp);
                throw;
            }
            finally
            {
                reference?.Dispose();
            }

            foreach (string warning in summary.Warnings)
            {
                context.Error.WriteLine(warning);
            }

            if (context.Json)
            {
                context.WriteJson(new { summary.RecordsIn, summary.RecordsOut, summary.Realigned, summary.Split, summary.RefMismatches, summary.Excluded, summary.DuplicatesRemoved, seconds = watch.Elapsed.TotalSeconds });
            }
            else if (outPath is not null)
            {
                context.Error.WriteLine($"Lines   total/split/realigned/skipped:\t{summary.RecordsIn}/{summary.Split}/{summary.Realigned}/{summary.Excluded}; written {summary.RecordsOut}, duplicates removed {summary.DuplicatesRemoved} ({watch.Elapsed.TotalSeconds:F1} s)");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static NormaliseOptions BuildOptions(
        ParseResult p, Option<string?> multi, Option<string?> rmdup, Option<string> checkRef, Option<bool> atomize, Option<string> atomOverlaps,
        Option<string> multiOverlaps, Option<string?> oldRecTag, Option<bool> noNorm, Option<bool> strict, Option<int> window, Option<bool> force)
    {
        MultiallelicMode m = MultiallelicMode.None;
        if (p.GetValue(multi) is string mv && !NormaliseOptionParser.TryParseMultiallelic(mv, out m))
        {
            throw new UserInputException(Error.BadInput("CLI002", $"-m {mv}: use -any, -snps, -indels, -both or the same with +."));
        }

        DuplicateMode d = DuplicateMode.Off;
        if (p.GetValue(rmdup) is string dv && !NormaliseOptionParser.TryParseDuplicates(dv, out d))
        {
            throw new UserInputException(Error.BadInput("CLI002", $"-d {dv}: use snps, indels, both, all or exact."));
        }

        string ao = p.GetValue(atomOverlaps)!;
        if (ao is not ("*" or "."))
        {
            throw new UserInputException(Error.BadInput("CLI002", $"--atom-overlaps {ao}: use '*' or '.' (quote the '*' in a shell)."));
        }

        string mo = p.GetValue(multiOverlaps)!;
        if (mo is not ("0" or "."))
        {
            throw new UserInputException(Error.BadInput("CLI002", $"--multi-overlaps {mo}: use 0 or '.'."));
        }

        string cv = p.GetValue(checkRef)!;
        if (!NormaliseOptionParser.TryParseRefCheck(cv, out RefCheckMode c))
        {
            throw new UserInputException(Error.BadInput("CLI002", $"-c {cv}: use e, w, x, wx or s."));
        }

        return new NormaliseOptions
        {
            Multiallelics = m,
            Duplicates = d,
            RefCheck = c,
            Atomize = p.GetValue(atomize),
            AtomOverlaps = p.GetValue(atomOverlaps)!,
            MultiOverlaps = p.GetValue(multiOverlaps)!,
            OldRecTag = p.GetValue(oldRecTag),
            DoNotNormalise = p.GetValue(noNorm),
            StrictFilter = p.GetValue(strict),
            SiteWindow = p.GetValue(window),
            Force = p.GetValue(force),
        };
    }

    private static void DeleteQuietly(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
