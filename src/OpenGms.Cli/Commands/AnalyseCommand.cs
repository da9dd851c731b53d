using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Directory.Contracts;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Interpretation.Phenotype;
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
            @case, vcf, ped, proband, hpo, test, panel, panelGenes, build, cache, hpoData, frequency, frequencyKey, frequencyField, clinvar, scoreField,
            allFilters, minGq, minDp, unconfirmed, overrides, html, output, top, lengths,
        };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            ParseResult p = context.Parse;
            var watch = Stopwatch.StartNew();
            CaseDefinition c = BuildCase(p.GetValue(@case), p.GetValue(vcf), p.GetValue(ped), p.GetValue(proband), p.GetValue(hpo), p.GetValue(test), p.GetValue(build));

            ResolvedPanel? resolved = null;
            if (p.GetValue(panel) is string panelPath)
            {
                resolved = Unwrap(PanelFileReader.ReadPanelApp(panelPath, PanelConfidence.Green));
            }
            else if (p.GetValue(panelGenes) is string genesPath)
            {
                resolved = Unwrap(PanelFileReader.ReadGeneList(genesPath));
            }
            else if (c.TestCode is not null)
            {
                resolved = await PanelForTestAsync(context, c.TestCode, ct).ConfigureAwait(false);
            }

            AnnotationCache? annotationCache = p.GetValue(cache) is string cachePath ? Unwrap(AnnotationCache.Load(cachePath)) : null;
            // Without --frequency/--clinvar, the cache's compiled sources (gms annotation add-source) are used, read
            // through their indexes: the first population source and the first ClinVar source.
            IReadOnlyList<SourceEntry> compiled = p.GetValue(cache) is string dir ? SourceManifest.Read(dir) : [];
            using SiteSource? population = p.GetValue(frequency) is null && compiled.FirstOrDefault(e => e.Kind == SourceKind.Population) is SourceEntry pe
                ? SiteSource.Open(p.GetValue(cache)!, pe) : null;
            using SiteSource? clinvarCompiled = p.GetValue(clinvar) is null && compiled.FirstOrDefault(e => e.Kind == SourceKind.ClinVar) is SourceEntry ce
                ? SiteSource.Open(p.GetValue(cache)!, ce) : null;
            IPhenotypeScorer? scorer = p.GetValue(hpoData) is string hpoPath ? Unwrap(HpoPhenotypeScorer.Load(hpoPath)) : null;
            var options = new AnalysisOptions
            {
                RequirePass = !p.GetValue(allFilters),
                MinGenotypeQuality = p.GetValue(minGq),
                MinDepth = p.GetValue(minDp),
                Frequencies = p.GetValue(frequency) is string f ? Unwrap(FrequencySource.Load(f, p.GetValue(frequencyKey)!))
                    : population is not null ? FrequencySource.FromCache(population) : null,
                FrequencyInfoKey = p.GetValue(frequencyField),
                ClinVar = p.GetValue(clinvar) is string cv ? Unwrap(ClinVarSource.Load(cv))
                    : clinvarCompiled is not null ? ClinVarSource.FromCache(clinvarCompiled) : null,
                ScoreInfoKey = p.GetValue(scoreField),
                ParentageConfirmed = !p.GetValue(unconfirmed),
                Panel = resolved,
                Phenotype = scorer,
                Overrides = ParseOverrides(p.GetValue(overrides) ?? []),
                IgnoreContigLengths = p.GetValue(lengths),
            };

            AnalysisResult result = Unwrap(CaseAnalyser.Analyse(c, annotationCache, options, ct));
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
                    context.Output.WriteLine($"{x.Rank,3}. {x.Gene,-10} {x.Variant,-28} {x.HgvsP ?? x.HgvsC ?? string.Empty,-30} tier {x.Tier?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}  {x.AcmgClass,-3} pheno {(scorer is null ? "-" : x.PhenotypeScore.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))}  score {x.Score:0.000}");
                }

                context.Error.WriteLine($"{result.Candidates.Count} candidate(s) in {watch.Elapsed.TotalSeconds:F1} s");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static CaseDefinition BuildCase(string? casePath, string? vcfPath, string? pedPath, string? probandId, string? hpoText, string? testCode, string? build)
    {
        CaseDefinition? fromPacket = casePath is null ? null : Unwrap(PhenopacketReader.Read(casePath));
        if (fromPacket is null && vcfPath is null)
        {
            throw new UserInputException(Error.BadInput("CLI002", "give --case PHENOPACKET or --vcf FILE"));
        }

        string? vcf = vcfPath ?? fromPacket?.VcfPath;
        if (vcf is null)
        {
            throw new UserInputException(Error.BadInput("INT043", $"{casePath}: the phenopacket names no VCF file; give --vcf"));
        }

        Pedigree? pedigree = pedPath is null ? null : Unwrap(PedReader.Read(pedPath));
        string? chosen = probandId ?? fromPacket?.ProbandId;
        if (pedigree is not null)
        {
            FamilyMember? p = pedigree.ChooseProband(chosen is not null && pedigree.Find(chosen) is not null ? chosen : probandId);
            if (p is null)
            {
                throw new UserInputException(Error.BadInput("INT044", $"{pedPath}: no affected member to take as proband (give --proband)"));
            }

            chosen = p.Id;
        }

        if (chosen is null)
        {
            using Genomics.Vcf.VcfReader reader = Genomics.Vcf.VcfReader.Open(vcf);
            chosen = reader.Header.Samples.Count > 0 ? reader.Header.Samples[0] : "proband";
        }

        pedigree ??= fromPacket?.Pedigree ?? Pedigree.Singleton(chosen, Sex.Unknown);
        var terms = new List<string>(fromPacket?.HpoTerms ?? []);
        foreach (string t in (hpoText ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!PhenopacketReader.IsHpoId(t))
            {
                throw new UserInputException(Error.BadInput("INT012", $"--hpo {t}: not an HPO id (HP:nnnnnnn)"));
            }

            if (!terms.Contains(t, StringComparer.Ordinal))
            {
                terms.Add(t);
            }
        }

        return new CaseDefinition(
            fromPacket?.CaseId ?? pedigree.Members[0].FamilyId, chosen, pedigree, vcf, terms, fromPacket?.ExcludedHpoTerms ?? [], testCode,
            PhenopacketReader.NormaliseBuild(build) ?? fromPacket?.GenomeBuild);
    }

    /// <summary>The green genes of every panel (and single genes) a directory test targets, from the data store.</summary>
    private static async Task<ResolvedPanel> PanelForTestAsync(CliContext context, string code, CancellationToken ct)
    {
        await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        Result<TestView> testView = await scope.ServiceProvider.GetRequiredService<IDirectoryCatalog>().GetTestAsync(code, null, ct).ConfigureAwait(false);
        TestView t = Unwrap(testView);
        IPanelCatalog panels = scope.ServiceProvider.GetRequiredService<IPanelCatalog>();
        var genes = new Dictionary<string, PanelGene>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        var versions = new List<string>();
        int firstId = 0;
        foreach (TargetView target in t.Targets)
        {
            if (target.Kind == "panelapp-panel" && target.PanelId is int id)
            {
                Result<ResolvedPanel> r = await panels.ResolveAsync(id, target.PanelVersion, PanelConfidence.Green, ct).ConfigureAwait(false);
                if (!r.IsSuccess)
                {
                    throw new UserInputException(Error.NotFound("INT045", $"test {code}: panel {id} v{target.PanelVersion ?? "latest"} is not in the panels store ({r.Error!.Message}); import it with 'gms panels import' or give --panel"));
                }

                firstId = firstId == 0 ? id : firstId;
                names.Add(r.Value.Name);
                versions.Add($"{id} v{r.Value.Version}");
                foreach (PanelGene g in r.Value.Genes)
                {
                    genes.TryAdd(g.Symbol, g);
                }
            }
            else if (target.Kind == "gene" && target.Symbol is not null)
            {
                genes.TryAdd(target.Symbol, new PanelGene(target.Symbol, target.HgncId, PanelConfidence.Green, null));
                names.Add(target.Symbol);
            }
        }

        if (genes.Count == 0)
        {
            throw new UserInputException(Error.BadInput("INT046", $"test {code} ({t.Name}) targets no panel or gene that resolves (gene-agnostic tests need --panel or --panel-genes)"));
        }

        return new ResolvedPanel(firstId, $"{code} {t.Name}: {string.Join(" + ", names)}", string.Join(", ", versions), false, genes.Values.OrderBy(g => g.Symbol, StringComparer.Ordinal).ToList());
    }

    private static Dictionary<string, IReadOnlyList<AcmgOverride>> ParseOverrides(string[] values)
    {
        var map = new Dictionary<string, IReadOnlyList<AcmgOverride>>(StringComparer.Ordinal);
        foreach (string value in values)
        {
            int eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new UserInputException(Error.BadInput("INT047", $"--acmg-override {value}: expected VARIANT_OR_GENE=CRIT:STATE"));
            }

            var list = new List<AcmgOverride>();
            foreach (string part in value[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!AcmgRules.TryParseOverride(part, out AcmgOverride o))
                {
                    throw new UserInputException(Error.BadInput("INT047", $"--acmg-override {part}: expected CRIT:on|off|supporting|moderate|strong|verystrong"));
                }

                list.Add(o with { Reason = "--acmg-override " + part });
            }

            string key = value[..eq];
            map[key] = map.TryGetValue(key, out IReadOnlyList<AcmgOverride>? existing) ? [.. existing, .. list] : list;
        }

        return map;
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
