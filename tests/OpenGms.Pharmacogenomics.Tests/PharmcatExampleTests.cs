using System.Text.Json;
using OpenGms.Pharmacogenomics.Application.Calling;
using OpenGms.Pharmacogenomics.Application.Matching;
using OpenGms.Pharmacogenomics.Domain;
using OpenGms.Pharmacogenomics.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Pharmacogenomics.Tests;

/// <summary>
/// PharmCAT v3.1.1's published example runs are the oracle: for every gene PharmCAT called from the VCF (or from the
/// outside-call file), our diplotypes must be the ones in its report JSON.
/// </summary>
public sealed class PharmcatExampleTests
{
    [Theory]
    [InlineData("pharmcat.example", true)]
    [InlineData("pharmcat.example2", false)]
    public void Call_matches_pharmcat_report_for_every_gene(string example, bool hasOutsideCalls)
    {
        string examples = SharedData.PathOf("pgx/pharmcat-v3.1.1/docs/examples");
        DefinitionSet definitions = RealDefinitions();
        var caller = new SampleCaller(definitions);
        IReadOnlyList<OutsideCall> outside = hasOutsideCalls ? OutsideCallReader.Read(Path.Combine(examples, example + ".outsideCall.tsv")).Value : [];
        SampleGenotypes sample = PgxVcfReader.Read(Path.Combine(examples, example + ".vcf"), PgxSites.FromLoci(definitions.Genes.Values.SelectMany(g => g.Variants))).Value.Single();

        SampleReport ours = caller.Call(sample, outside, MatcherOptions.Default);

        using JsonDocument report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(examples, example + ".report.json")));
        int compared = 0;
        foreach (JsonProperty gene in report.RootElement.GetProperty("genes").EnumerateObject())
        {
            string source = gene.Value.GetProperty("callSource").GetString()!;
            if (source == "NONE")
            {
                Assert.False(ours.Genes.Single(g => g.Gene == gene.Name).Called, gene.Name);
                continue;
            }

            string[] theirs = [.. gene.Value.GetProperty("sourceDiplotypes").EnumerateArray().Select(d => d.GetProperty("label").GetString()!)];
            GeneResult mine = ours.Genes.Single(g => g.Gene == gene.Name);
            Assert.True(mine.Called, gene.Name);
            Assert.Equal(source == "OUTSIDE" ? "outside" : "matcher", mine.Source);
            Assert.True(theirs.SequenceEqual(mine.Diplotypes) || theirs.SequenceEqual(mine.Labels), $"{gene.Name}: PharmCAT [{string.Join(", ", theirs)}], ours [{string.Join(", ", mine.Diplotypes)}]");
            compared++;
        }

        Assert.True(compared >= 18, $"only {compared} genes compared");
    }

    /// <summary>
    /// PharmCAT's real-sample test VCF (<c>Sample_1.preprocessed.vcf</c>) against the matcher JSON PharmCAT wrote for it
    /// (<c>Sample_1.match.json</c>, named allele matcher 2.0.0 with CPIC definitions v1.21.3, 2023). Every gene it called
    /// must get the same diplotypes from us, and every gene it did not call must stay uncalled, with one documented
    /// change of method: since PharmCAT 2.x the lowest-function genes (DPYD, RYR1) are reported unphased as the
    /// haplotypes found, one per entry, so for those our entries must be exactly the haplotypes that 2.0.0 matched.
    /// </summary>
    [Fact]
    public void Real_sample_1_matches_pharmcat_matcher_output_gene_for_gene()
    {
        string resources = SharedData.PathOf("pgx/pharmcat-v3.1.1/test-resources");
        DefinitionSet definitions = RealDefinitions();
        SampleGenotypes sample = PgxVcfReader.Read(Path.Combine(resources, "Sample_1.preprocessed.vcf"), PgxSites.FromLoci(definitions.Genes.Values.SelectMany(g => g.Variants))).Value.Single();

        SampleReport ours = new SampleCaller(definitions).Call(sample, [], MatcherOptions.Default);

        using JsonDocument match = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(resources, "Sample_1.match.json")));
        var differences = new List<string>();
        int called = 0;
        foreach (JsonElement result in match.RootElement.GetProperty("results").EnumerateArray())
        {
            string gene = result.GetProperty("gene").GetString()!;
            GeneResult mine = ours.Genes.Single(g => g.Gene == gene);
            string[] theirs = [.. result.GetProperty("diplotypes").EnumerateArray().Select(d => d.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
            string[] expected = theirs;
            if (NamedAlleleMatcher.LowestFunctionGenes.Contains(gene))
            {
                // Each haplotype the 2.0.0 matcher found, once (from its diplotypes when it made one, else its haplotype matches).
                expected = theirs.Length > 0
                    ? [.. theirs.SelectMany(d => d.Split('/')).Distinct().Order(StringComparer.Ordinal)]
                    : [.. result.GetProperty("haplotypeMatches").EnumerateArray().Select(h => h.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
            }

            string[] actual = mine.Called ? [.. mine.Diplotypes.Order(StringComparer.Ordinal)] : [];
            called += expected.Length > 0 ? 1 : 0;
            if (!expected.SequenceEqual(actual))
            {
                differences.Add($"{gene}: PharmCAT [{string.Join(", ", expected)}], ours [{string.Join(", ", actual)}]");
            }
        }

        Assert.Empty(differences);
        Assert.True(called >= 8, $"only {called} called genes compared");
    }

    /// <summary>PharmCAT v3.1.1's definitions, with the phenotype and guideline files of the earlier snapshots it lacks.</summary>
    private static DefinitionSet RealDefinitions()
    {
        string pgx = SharedData.PathOf("pgx");
        return DefinitionLoader.Load([
            Path.Combine(pgx, "pharmcat-v3.1.1"),
            Path.Combine(pgx, "pharmcat-v2.15.2-11-gc8100ec8"),
            Path.Combine(pgx, "pharmcat-v2.12.0-20-g30f8cfb7")]).Value;
    }
}
