using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Directory.Contracts;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Interpretation.Domain;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Cli.Commands;

/// <summary>
/// <c>gms analyse</c>: a rare disease case from VCF to ranked candidates with tiers, ACMG criteria and phenotype
/// scores, as JSON and an HTML report for the MDT. See docs/interpretation.md.
/// </summary>
internal static class AnalyseCommand
{
    public static Command Create()
    {
        var @case = new Option<string?>("--case") { Description = "GA4GH Phenopacket v2 or Family (JSON or YAML): subject, HPO terms, VCF." };
        var vcf = new Option<string?>("--vcf") { Description = "VCF (single or multi-sample); overrides the phenopacket's file." };
        var ped = new Option<string?>("--ped") { Description = "PED file of the family (sample ids = VCF sample names)." };
        var proband = new Option<string?>("--proband") { Description = "Proband id (default: the affected member with parents in the PED, else the only sample)." };
        var hpo = new Option<string?>("--hpo") { Description = "HPO terms, comma-separated (added to the phenopacket's)." };
        var test = new Option<string?>("--test") { Description = "Directory test code (e.g. R14.1): its panels come from the directory and panels data (--data/--db)." };
        var panel = new Option<string?>("--panel") { Description = "PanelApp API panel JSON (offline; green genes applied)." };
        var panelGenes = new Option<string?>("--panel-genes") { Description = "Gene list file: a symbol a line, optionally TAB and PanelApp mode of inheritance." };
        var build = new Option<string?>("--genome-build") { Description = "GRCh37 or GRCh38 (default: from the phenopacket or the cache)." };
        var cache = new Option<string?>("--cache", "-c") { Description = "Annotation cache from 'gms annotation build-cache' (without it the VCF's VEP CSQ field is used)." };
        var hpoData = new Option<string?>("--hpo-data") { Description = "HPO folder (hp.obo/hp.json + genes_to_phenotype.txt or phenotype.hpoa); without it ranking uses variant evidence only." };
        var frequency = new Option<string?>("--frequency") { Description = "gnomAD-style sites VCF with population AF, matched allele-exact." };
        var frequencyKey = new Option<string>("--frequency-key") { Description = "INFO key of --frequency holding the AF.", DefaultValueFactory = _ => "AF" };
        var frequencyField = new Option<string?>("--frequency-field") { Description = "INFO key of the case VCF holding a population AF (e.g. gnomAD_AF)." };
        var clinvar = new Option<string?>("--clinvar") { Description = "ClinVar VCF (known P/LP for tier 1, PS1, PM5)." };
        var scoreField = new Option<string?>("--score-field") { Description = "INFO key of a missense score on REVEL's scale (PP3/BP4)." };
        var spliceField = new Option<string?>("--splice-field") { Description = "INFO key of a splice prediction: SpliceAI's field (ALT|SYMBOL|DS_AG|DS_AL|DS_DG|DS_DL|...) or Number=A delta scores (PP3/BP4/BP7)." };
        var allFilters = new Option<bool>("--all-filters") { Description = "Keep records whatever their FILTER (default: PASS or missing only)." };
        var minGq = new Option<double>("--min-gq") { Description = "Lowest proband GQ.", DefaultValueFactory = _ => 20 };
        var minDp = new Option<int>("--min-dp") { Description = "Lowest proband DP.", DefaultValueFactory = _ => 10 };
        var unconfirmed = new Option<bool>("--parentage-unconfirmed") { Description = "De novo variants get PM6 (assumed) rather than PS2." };
        var overrides = new Option<string[]>("--acmg-override") { Description = "VARIANT_OR_GENE=CRIT:STATE[,CRIT:STATE] with STATE on/off/supporting/moderate/strong/verystrong (e.g. 10-123256215-T-G=PM2:off).", AllowMultipleArgumentsPerToken = true };
        var html = new Option<string?>("--html") { Description = "Write the HTML report for the MDT here." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON result here (default: stdout with --json)." };
        var top = new Option<int>("--top") { Description = "Candidates listed (0 = all).", DefaultValueFactory = _ => 50 };
        var lengths = new Option<bool>("--ignore-contig-lengths") { Description = "Allow contig lengths that differ from the cache's reference (excerpt references)." };
        var command = new Command("analyse", "Rare disease interpretation: filter, segregate, tier, classify (ACMG) and rank a case's variants.")
        {
            @case, vcf, ped, proband, hpo, test, panel, panelGenes, build, cache, hpoData, frequency, frequencyKey, frequencyField, clinvar, scoreField, spliceField,
            allFilters, minGq, minDp, unconfirmed, overrides, html, output, top, lengths,
        };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            ParseResult p = context.Parse;
            var watch = Stopwatch.StartNew();
            var request = new AnalysisRequest
            {
                CasePath = p.GetValue(@case),
                VcfPath = p.GetValue(vcf),
                PedPath = p.GetValue(ped),
                ProbandId = p.GetValue(proband),
                HpoTerms = (p.GetValue(hpo) ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                TestCode = p.GetValue(test),
                GenomeBuild = p.GetValue(build),
                PanelPath = p.GetValue(panel),
                PanelGenesPath = p.GetValue(panelGenes),
                CacheDirectory = p.GetValue(cache),
                HpoDataDirectory = p.GetValue(hpoData),
                FrequencyPath = p.GetValue(frequency),
                FrequencyKey = p.GetValue(frequencyKey)!,
                FrequencyField = p.GetValue(frequencyField),
                ClinVarPath = p.GetValue(clinvar),
                ScoreField = p.GetValue(scoreField),
                SpliceField = p.GetValue(spliceField),
                AllFilters = p.GetValue(allFilters),
                MinGenotypeQuality = p.GetValue(minGq),
                MinDepth = p.GetValue(minDp),
                ParentageUnconfirmed = p.GetValue(unconfirmed),
                AcmgOverrides = p.GetValue(overrides) ?? [],
                IgnoreContigLengths = p.GetValue(lengths),
            };

            if (request.CasePath is null && request.VcfPath is null)
            {
                throw new UserInputException(Error.BadInput("CLI002", "give --case PHENOPACKET or --vcf FILE"));
            }

            // Fail on a bad case before opening the data store for the test's panel.
            CaseDefinition c = Unwrap(CaseAnalysisRunner.BuildCase(request));
            if (request.PanelPath is null && request.PanelGenesPath is null && c.TestCode is string code)
            {
                request = request with { Panel = await PanelForTestAsync(context, code, ct).ConfigureAwait(false) };
            }

            bool phenotype = request.HpoDataDirectory is not null;
            AnalysisResult result = Unwrap(CaseAnalysisRunner.Run(request, ct));
            string json = AnalysisReports.ToJson(result, p.GetValue(top));
            if (p.GetValue(output) is string outPath)
            {
                WriteAtomically(outPath, json + "\n");
            }
            else if (context.Json)
            {
                context.Output.WriteLine(json);
            }

            if (p.GetValue(html) is string htmlPath)
            {
                WriteAtomically(htmlPath, AnalysisReports.ToHtml(result, DateTimeOffset.UtcNow));
            }

            if (!context.Json)
            {
                foreach (FilterStep step in result.Filters)
                {
                    context.Output.WriteLine($"{step.Step,-22} {step.In,10:N0} -> {step.Out,10:N0}  {step.Rule}");
                }

                context.Output.WriteLine();
                foreach (Candidate x in result.Candidates.Take(Math.Max(1, Math.Min(p.GetValue(top), 10))))
                {
                    context.Output.WriteLine($"{x.Rank,3}. {x.Gene,-10} {x.Variant,-28} {x.HgvsP ?? x.HgvsC ?? string.Empty,-30} tier {x.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}  {x.AcmgClass,-3} pheno {(!phenotype ? "-" : x.PhenotypeScore.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))}  score {x.Score:0.000}");
                }

                context.Error.WriteLine($"{result.Candidates.Count} candidate(s) in {watch.Elapsed.TotalSeconds:F1} s");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The green genes of every panel (and single genes) a directory test targets, from the data store.</summary>
    private static async Task<ResolvedPanel> PanelForTestAsync(CliContext context, string code, CancellationToken ct)
    {
        await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        var resolver = new TestPanelResolver(scope.ServiceProvider.GetRequiredService<IDirectoryCatalog>(), scope.ServiceProvider.GetRequiredService<IPanelCatalog>());
        return Unwrap(await resolver.ResolveAsync(code, null, ct).ConfigureAwait(false));
    }

    private static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".tmp" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(temp, text);
        File.Move(temp, full, overwrite: true);
    }

    private static T Unwrap<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new UserInputException(result.Error!);
}
