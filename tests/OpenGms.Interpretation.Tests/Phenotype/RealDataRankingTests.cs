using OpenGms.Interpretation.Phenotype;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Phenotype;

public sealed class RealDataRankingTests
{
    private const string Pfeiffer = "variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json";

    [Theory]
    [InlineData(RealData.Release2026)]
    [InlineData(RealData.Release2025)]
    public void Rank_pfeiffer_phenopacket_puts_FGFR2_in_top_10(string release)
    {
        HpoPhenotypeScorer scorer = RealData.Scorer(SharedData.PathOf(release));
        RealData.Case pfeiffer = RealData.ReadPhenopacket(SharedData.PathOf(Pfeiffer));

        PhenotypeRanking ranking = scorer.Rank(pfeiffer.Terms);
        int rank = RealData.RankOf(ranking, ["FGFR2"]);
        TestContext.Current.SendDiagnosticMessage($"{release}: FGFR2 rank {rank} of {ranking.Genes.Count}");

        Assert.Equal(6, pfeiffer.Terms.Count);
        Assert.Empty(ranking.Issues);
        Assert.InRange(rank, 1, 10);
    }

    [Fact]
    public void Load_full_2026_release_has_provenance_gene_and_disease_counts()
    {
        HpoPhenotypeScorer scorer = RealData.Scorer(SharedData.PathOf(RealData.Release2026));

        // PROVENANCE.md: 329,339 rows, 5,256 genes, 9,120 diseases, every HPO id present. Genes and diseases with
        // only non-phenotype rows (inheritance, onset) carry no phenotype annotation, so the counts are at most these.
        Assert.Equal(329_339, scorer.Counts["genes.rows"]);
        Assert.InRange(scorer.GeneCount, 4_000, 5_256);
        Assert.InRange(scorer.DiseaseCount, 8_000, 9_120);
        Assert.DoesNotContain(scorer.LoadIssues, i => i.Code == HpoIssueCodes.AnnotationTermUnknown);
        // PROVENANCE.md lists the gzip files' sha256 prefixes: a5b6a4a6 (hp.obo.gz) and 843a4c74 (genes_to_phenotype.txt.gz).
        Assert.Equal(2, scorer.DataFiles.Count);
        Assert.StartsWith("hp.obo.gz sha256:a5b6a4a6", scorer.DataFiles[0], StringComparison.Ordinal);
        Assert.StartsWith("genes_to_phenotype.txt.gz sha256:843a4c74", scorer.DataFiles[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_full_2025_release_skips_NOT_and_non_phenotype_aspects()
    {
        HpoPhenotypeScorer scorer = RealData.Scorer(SharedData.PathOf(RealData.Release2025));

        // PROVENANCE.md: 272,060 rows; by aspect P 254,965, I 8,857, C 8,031, H 130, M 77; 711 NOT.
        Assert.Equal(272_060, scorer.Counts["hpoa.rows"]);
        Assert.Equal(272_060 - 254_965, scorer.Counts["hpoa.skipped.aspect-not-P"]);
        Assert.InRange(scorer.Counts["hpoa.skipped.NOT"], 1, 711);
        Assert.Empty(scorer.LoadIssues);
    }

    /// <summary>
    /// Every phenopacket in phenopacket-store with a causal gene: the gene's rank among all genes by phenotype alone.
    /// The floors are what we measured (docs/phenotype-ranking.md) less a small margin, so a regression fails.
    /// </summary>
    [Theory]
    [InlineData(RealData.Release2026, 0.80, 0.88, 0.90)]
    [InlineData(RealData.Release2025, 0.80, 0.88, 0.90)]
    public void Rank_phenopacket_store_cases_meet_measured_floor(string release, double top1, double top5, double top10)
    {
        HpoPhenotypeScorer scorer = RealData.Scorer(SharedData.PathOf(release));
        string store = SharedData.PathOf("kb/phenopacket-store");
        RealData.Case[] cases = [.. System.IO.Directory.GetFiles(store, "*.json", SearchOption.AllDirectories)
            .Where(p => p.Contains("phenopackets", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(RealData.ReadPhenopacket)
            .Where(c => c.Genes.Count > 0 && c.Terms.Count > 0)];

        int[] ranks = [.. cases.Select(c => RealData.RankOf(scorer.Rank(c.Terms, maxDiseases: 0), c.Genes))];
        foreach ((RealData.Case c, int rank) in cases.Zip(ranks))
        {
            TestContext.Current.SendDiagnosticMessage($"{release} {string.Join('/', c.Genes)} {c.Name}: {c.Terms.Count} terms, rank {rank}");
        }

        double Share(int n) => ranks.Count(r => r >= 1 && r <= n) / (double)ranks.Length;
        TestContext.Current.SendDiagnosticMessage($"{release}: {cases.Length} cases; top1 {Share(1):P0}, top5 {Share(5):P0}, top10 {Share(10):P0}");
        Assert.True(cases.Length >= 40, $"only {cases.Length} phenopackets with a causal gene");
        Assert.True(Share(1) >= top1, $"top1 {Share(1):P1} below {top1:P0}");
        Assert.True(Share(5) >= top5, $"top5 {Share(5):P1} below {top5:P0}");
        Assert.True(Share(10) >= top10, $"top10 {Share(10):P1} below {top10:P0}");
    }

    [Fact]
    public void Load_full_2026_release_with_hgnc_uses_approved_symbols()
    {
        string dir = SharedData.PathOf(RealData.Release2026);
        string hgnc = SharedData.PathOf("variants/hpo/full/hgnc/hgnc_complete_set.tsv.gz");

        HpoPhenotypeScorer scorer = HpoPhenotypeScorer.Load(dir, null, hgnc).Value;

        // genes_to_phenotype still says TRAF3IP1 for NCBI Gene 26146, which HGNC now calls IFT54.
        Assert.Equal("IFT54", scorer.ResolveGeneSymbol("TRAF3IP1"));
        Assert.Equal("FGFR2", scorer.ResolveGeneSymbol("FGFR2"));
        Assert.InRange(scorer.Counts["hgnc.renamed"], 1, 20);
    }

    [Fact]
    public void Load_scout_reduced_reads_legacy_format_gene_table()
    {
        string dir = SharedData.PathOf("variants/hpo/scout-reduced");
        string genesFile = Path.Combine(dir, "genes_to_phenotype_reduced.txt");
        // Oracle: the legacy file's data lines and distinct symbols (second column), read plainly.
        string[] rows = [.. File.ReadLines(genesFile).Where(l => !l.StartsWith('#') && l.Length > 0)];
        int symbols = rows.Select(l => l.Split('\t')[1]).Distinct(StringComparer.Ordinal).Count();

        HpoPhenotypeScorer scorer = HpoPhenotypeScorer.Load(dir).Value;

        Assert.Equal(rows.Length, scorer.Counts["genes.rows"]);
        Assert.InRange(scorer.GeneCount, 1, symbols);
        Assert.Contains("genes_to_phenotype_reduced.txt", scorer.DataVersion, StringComparison.Ordinal);
        Assert.Contains("version 2023-04-05", scorer.DataVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_legacy_phenotype_to_genes_maps_rows_to_genes()
    {
        string dir = SharedData.PathOf("variants/hpo/scout-reduced");
        string p2g = Path.Combine(dir, "phenotype_to_genes_reduced.txt");
        int rows = File.ReadLines(p2g).Count(l => !l.StartsWith('#') && l.Length > 0);

        HpoPhenotypeScorer scorer = HpoPhenotypeScorer.Load(Path.Combine(dir, "reduced.hpo.obo"), null, p2g, null).Value;

        // The file's first row: HP:0000135 Hypogonadism, TP53 (via OMIM:618165).
        Assert.Equal(rows, scorer.Counts["genes.rows"]);
        Assert.True(scorer.ScoreGenes(["HP:0000135"]).TryGetValue("TP53", out GenePhenotypeScore? tp53));
        Assert.True(tp53.RawScore > 0);
    }

    [Fact]
    public void ScoreGenes_concurrent_calls_give_the_same_scores_as_one_call()
    {
        HpoPhenotypeScorer scorer = RealData.Scorer(SharedData.PathOf(RealData.Release2026));
        string[][] patients = [["HP:0001159", "HP:0000244"], ["HP:0001166", "HP:0004970", "HP:0000545"], ["HP:0001250", "HP:0001263"]];
        IReadOnlyDictionary<string, GenePhenotypeScore>[] expected = [.. patients.Select(scorer.ScoreGenes)];

        var results = new IReadOnlyDictionary<string, GenePhenotypeScore>[24];
        Parallel.For(0, results.Length, i => results[i] = scorer.ScoreGenes(patients[i % patients.Length]));

        for (int i = 0; i < results.Length; i++)
        {
            IReadOnlyDictionary<string, GenePhenotypeScore> want = expected[i % patients.Length];
            Assert.Equal(want.Count, results[i].Count);
            Assert.All(want, p => Assert.Equal(p.Value, results[i][p.Key]));
        }
    }
}
