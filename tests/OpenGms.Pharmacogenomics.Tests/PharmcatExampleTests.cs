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
        string pgx = SharedData.PathOf("pgx");
        DefinitionSet definitions = DefinitionLoader.Load([
            Path.Combine(pgx, "pharmcat-v3.1.1"),
            Path.Combine(pgx, "pharmcat-v2.15.2-11-gc8100ec8"),
            Path.Combine(pgx, "pharmcat-v2.12.0-20-g30f8cfb7")]).Value;
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
}
