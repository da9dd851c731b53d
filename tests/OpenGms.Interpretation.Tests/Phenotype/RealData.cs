using System.Collections.Concurrent;
using System.Text.Json;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Phenotype;

/// <summary>Loads each full HPO release once per test run, and reads phenopackets for the rank checks.</summary>
internal static class RealData
{
    public const string Release2026 = "variants/hpo/full/hpo-2026-02-16";
    public const string Release2025 = "variants/hpo/full/hpo-2025-05-06";

    private static readonly ConcurrentDictionary<(string, HpoScoringOptions), Lazy<HpoPhenotypeScorer>> s_scorers = new();

    public static HpoPhenotypeScorer Scorer(string directory, HpoScoringOptions? options = null)
    {
        HpoScoringOptions o = options ?? HpoScoringOptions.Default;
        return s_scorers.GetOrAdd((directory, o), key => new Lazy<HpoPhenotypeScorer>(() =>
        {
            Kernel.Result<HpoPhenotypeScorer> result = HpoPhenotypeScorer.Load(key.Item1, key.Item2);
            Assert.True(result.IsSuccess, result.Error?.ToString());
            return result.Value;
        })).Value;
    }

    /// <summary>A phenopacket's observed (not excluded) HPO terms and the genes of its causative interpretations.</summary>
    public sealed record Case(string Name, IReadOnlyList<string> Terms, IReadOnlyList<string> Genes);

    public static Case ReadPhenopacket(string path)
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
        JsonElement root = doc.RootElement;
        var terms = new List<string>();
        if (root.TryGetProperty("phenotypicFeatures", out JsonElement features))
        {
            foreach (JsonElement f in features.EnumerateArray())
            {
                bool excluded = f.TryGetProperty("excluded", out JsonElement e) && e.ValueKind == JsonValueKind.True;
                if (!excluded)
                {
                    terms.Add(f.GetProperty("type").GetProperty("id").GetString()!);
                }
            }
        }

        var genes = new SortedSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("interpretations", out JsonElement interpretations))
        {
            foreach (JsonElement i in interpretations.EnumerateArray())
            {
                if (!i.TryGetProperty("diagnosis", out JsonElement diagnosis) || !diagnosis.TryGetProperty("genomicInterpretations", out JsonElement gis))
                {
                    continue;
                }

                foreach (JsonElement gi in gis.EnumerateArray())
                {
                    if (gi.TryGetProperty("variantInterpretation", out JsonElement vi)
                        && vi.GetProperty("variationDescriptor").TryGetProperty("geneContext", out JsonElement gene))
                    {
                        genes.Add(gene.GetProperty("symbol").GetString()!);
                    }
                    else if (gi.TryGetProperty("gene", out JsonElement g) && g.TryGetProperty("symbol", out JsonElement symbol))
                    {
                        genes.Add(symbol.GetString()!);
                    }
                }
            }
        }

        return new Case(Path.GetFileNameWithoutExtension(path), terms, [.. genes]);
    }

    /// <summary>1-based rank of the first of <paramref name="genes"/> in the ranking (ties share the better rank), or 0 when absent.</summary>
    public static int RankOf(PhenotypeRanking ranking, IReadOnlyList<string> genes)
    {
        for (int i = 0; i < ranking.Genes.Count; i++)
        {
            if (genes.Contains(ranking.Genes[i].Gene))
            {
                double raw = ranking.Genes[i].RawScore;
                int rank = i;
                while (rank > 0 && ranking.Genes[rank - 1].RawScore == raw)
                {
                    rank--;
                }

                return rank + 1;
            }
        }

        return 0;
    }
}
