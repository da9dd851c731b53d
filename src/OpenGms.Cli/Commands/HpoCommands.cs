using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using OpenGms.Cli.Hosting;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;
using Spectre.Console;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms hpo rank</c>: genes and diseases ranked by phenotype similarity to a patient's HPO terms.</summary>
internal static class HpoCommands
{
    public static Command Create()
    {
        var data = new Option<string>("--hpo-data") { Description = "Folder with hp.obo or hp.json and genes_to_phenotype.txt (or phenotype.hpoa + genes_to_disease.txt); .gz accepted.", Required = true };
        var hpo = new Option<string>("--hpo") { Description = "The patient's HPO terms, comma-separated (HP:0001159,HP:0000486,…).", Required = true };
        var top = new Option<int>("--top") { Description = "How many genes (and diseases) to show.", DefaultValueFactory = _ => 10 };
        var model = new Option<string>("--model") { Description = "best-disease (default: a gene scores as its best disease) or gene (the union of the gene's terms).", DefaultValueFactory = _ => "best-disease" };
        var symmetric = new Option<bool>("--symmetric") { Description = "Average the patient→target and target→patient best-match averages (default: patient→target only)." };
        var hgnc = new Option<string?>("--hgnc") { Description = "HGNC hgnc_complete_set.tsv (.gz accepted): gene symbols brought to the approved ones through NCBI Gene ids." };
        var rank = new Command("rank", "Rank genes and diseases by Resnik best-match-average similarity to the patient's HPO terms.") { data, hpo, top, model, symmetric, hgnc };
        CommandRunner.SetHandler(rank, (context, ct) =>
        {
            int n = context.Parse.GetValue(top);
            if (n <= 0)
            {
                throw new UserInputException(Error.BadInput("HPO020", "--top must be at least 1."));
            }

            GeneScoreModel scoreModel = context.Parse.GetValue(model) switch
            {
                "best-disease" => GeneScoreModel.BestDisease,
                "gene" => GeneScoreModel.GeneAnnotations,
                string other => throw new UserInputException(Error.BadInput("HPO021", $"--model '{other}': use best-disease or gene.")),
                null => GeneScoreModel.BestDisease,
            };
            string[] terms = context.Parse.GetValue(hpo)!.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var load = Stopwatch.StartNew();
            Result<HpoPhenotypeScorer> loaded = HpoPhenotypeScorer.Load(context.Parse.GetValue(data)!, new HpoScoringOptions(scoreModel, context.Parse.GetValue(symmetric)), context.Parse.GetValue(hgnc));
            if (!loaded.IsSuccess)
            {
                return Task.FromResult(context.Fail(loaded.Error));
            }

            load.Stop();
            ct.ThrowIfCancellationRequested();
            HpoPhenotypeScorer scorer = loaded.Value;
            var score = Stopwatch.StartNew();
            PhenotypeRanking ranking = scorer.Rank(terms, n);
            score.Stop();
            foreach (HpoIssue issue in ranking.Issues.Where(i => i.Code != HpoIssueCodes.NoScorableTerms))
            {
                context.Error.WriteLine(issue.ToString());
            }

            if (ranking.Terms.All(t => t.TermId is null))
            {
                return Task.FromResult(context.Fail(Error.BadInput(HpoIssueCodes.NoScorableTerms, "None of the --hpo terms can be scored.")));
            }

            if (context.Json)
            {
                context.WriteJson(new
                {
                    dataVersion = scorer.DataVersion,
                    dataFiles = scorer.DataFiles,
                    terms = ranking.Terms,
                    issues = ranking.Issues.Select(i => new { code = i.Code, severity = i.Severity.ToString().ToLowerInvariant(), message = i.Message }),
                    genes = ranking.Genes.Take(n).Select((g, i) => new { rank = i + 1, gene = g.Gene, score = Math.Round(g.Score, 4), rawScore = Math.Round(g.RawScore, 4), explanation = g.Explanation }),
                    diseases = ranking.Diseases.Select((d, i) => new { rank = i + 1, id = d.DiseaseId, name = d.Name, genes = d.Genes, score = Math.Round(d.Score, 4), rawScore = Math.Round(d.RawScore, 4), explanation = d.Explanation }),
                    loadMs = load.ElapsedMilliseconds,
                    scoreMs = score.Elapsed.TotalMilliseconds,
                });
                return Task.FromResult(ExitCodes.Ok);
            }

            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
            if (Console.IsOutputRedirected)
            {
                // Piped into a file or a pager: Spectre would wrap at 80 columns; the explanations read better wider.
                console.Profile.Width = 200;
            }

            console.MarkupLine($"[grey]{Markup.Escape(scorer.DataVersion)}[/]");
            console.MarkupLine($"[grey]{Markup.Escape(string.Join("; ", scorer.DataFiles))}[/]");
            console.MarkupLine("Patient: " + Markup.Escape(string.Join(", ", ranking.Terms.Where(t => t.TermId is not null).Select(t => $"{t.TermId} {t.Name}"))));
            var genes = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Gene").AddColumn("Score").AddColumn("Raw (nats)").AddColumn("Best matches");
            int rankNo = 0;
            foreach (GenePhenotypeScore g in ranking.Genes.Take(n))
            {
                genes.AddRow((++rankNo).ToString(CultureInfo.InvariantCulture), Markup.Escape(g.Gene), g.Score.ToString("0.000", CultureInfo.InvariantCulture),
                    g.RawScore.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(g.Explanation));
            }

            console.Write(genes);
            var diseases = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Disease").AddColumn("Genes").AddColumn("Score").AddColumn("Raw (nats)");
            rankNo = 0;
            foreach (DiseasePhenotypeScore d in ranking.Diseases)
            {
                diseases.AddRow((++rankNo).ToString(CultureInfo.InvariantCulture), Markup.Escape($"{d.DiseaseId} {d.Name}".Trim()), Markup.Escape(string.Join(", ", d.Genes)),
                    d.Score.ToString("0.000", CultureInfo.InvariantCulture), d.RawScore.ToString("0.000", CultureInfo.InvariantCulture));
            }

            console.Write(diseases);
            console.MarkupLine(CultureInfo.InvariantCulture, $"[grey]{ranking.Genes.Count} genes scored; load {load.ElapsedMilliseconds} ms, scoring {score.Elapsed.TotalMilliseconds:0.0} ms.[/]");
            return Task.FromResult(ExitCodes.Ok);
        });

        return new Command("hpo", "Phenotype (HPO) similarity: rank genes and diseases for a patient's terms.") { rank };
    }
}
