using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Tests.Phenotype;

public sealed class ScoringTests : IDisposable
{
    private static readonly double s_ln2 = Math.Log(2);
    private static readonly double s_ln4 = Math.Log(4);
    private static readonly double s_ln4Over3 = Math.Log(4.0 / 3.0);
    private readonly string _dir = TinyHpo.WriteDirectory();

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    private HpoPhenotypeScorer Load(HpoScoringOptions? options = null)
    {
        Result<HpoPhenotypeScorer> result = HpoPhenotypeScorer.Load(_dir, options);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }

    private static double Ic(HpoPhenotypeScorer s, int number) => s.InformationContent.Values[s.Ontology.IndexOfPrimary(number)];

    [Fact]
    public void InformationContent_tiny_ontology_matches_hand_computation()
    {
        HpoPhenotypeScorer s = Load();

        // By hand (see TinyHpo): diseases reaching each term out of N = 4. The excluded-frequency row (B for D3)
        // and the inheritance row are not annotations.
        Assert.Equal(4, s.InformationContent.ItemCount);
        Assert.Equal("diseases", s.InformationContent.Basis);
        Assert.Equal(0, Ic(s, 1), 12);
        Assert.Equal(0, Ic(s, 118), 12);
        Assert.Equal(s_ln4Over3, Ic(s, 100), 12); // A: D1, D2, D3
        Assert.Equal(s_ln4Over3, Ic(s, 200), 12); // B: D2, D3, D4
        Assert.Equal(s_ln2, Ic(s, 101), 12);      // A1: D1, D3
        Assert.Equal(s_ln4, Ic(s, 102), 12);      // A2: D2
        Assert.Equal(s_ln2, Ic(s, 201), 12);      // B1: D2, D3
        Assert.Equal(s_ln4, Ic(s, 300), 12);      // AB: D3
        Assert.Equal(s_ln4, Ic(s, 6), 12);        // never annotated: treated as one disease in N
    }

    [Theory]
    [InlineData(101, 201, 0.0)]       // A1, B1: only Phenotypic abnormality in common
    [InlineData(300, 101, 0.6931471805599453)]  // AB, A1: A1 itself, ln 2
    [InlineData(300, 201, 0.6931471805599453)]  // AB, B1: B1, ln 2
    [InlineData(102, 101, 0.2876820724517809)]  // A2, A1: A, ln 4/3
    [InlineData(300, 300, 1.3862943611198906)]  // AB with itself: ln 4
    [InlineData(300, 200, 0.2876820724517809)]  // AB, B: B, ln 4/3
    public void Resnik_tiny_ontology_is_ic_of_most_informative_common_ancestor(int patient, int other, double expected)
    {
        HpoPhenotypeScorer s = Load();
        HpoOntology o = s.Ontology;

        using PatientProfile profile = PatientProfile.Create(o, s.InformationContent.Values, [o.IndexOfPrimary(patient)]);

        Assert.Equal(expected, profile.Similarity(0, o.IndexOfPrimary(other)), 12);
    }

    [Fact]
    public void PatientProfile_agrees_with_ancestor_intersection_oracle_on_full_hpo()
    {
        string dir = OpenGms.Testing.SharedData.PathOf("variants/hpo/full/hpo-2026-02-16");
        HpoPhenotypeScorer s = RealData.Scorer(dir);
        HpoOntology o = s.Ontology;
        double[] ic = s.InformationContent.Values;
        int[] patient = [o.IndexOfPrimary(244), o.IndexOfPrimary(1159), o.IndexOfPrimary(316)];
        using PatientProfile profile = PatientProfile.Create(o, ic, patient);
        var random = new Random(6);

        for (int probe = 0; probe < 3000; probe++)
        {
            int t = random.Next(o.Count);
            if (o.IsObsolete[t])
            {
                continue;
            }

            for (int i = 0; i < patient.Length; i++)
            {
                // Reference: the maximum IC over the intersection of the two ancestor sets.
                double expected = o.Ancestors[patient[i]].Intersect(o.Ancestors[t]).Select(a => ic[a]).DefaultIfEmpty(0).Max();
                Assert.Equal(expected, profile.Similarity(i, t), 12);
            }
        }
    }

    [Fact]
    public void BestMatchAverage_symmetric_matches_hand_computation()
    {
        HpoPhenotypeScorer s = Load();
        HpoOntology o = s.Ontology;
        using PatientProfile profile = PatientProfile.Create(o, s.InformationContent.Values, [o.IndexOfPrimary(101), o.IndexOfPrimary(102)]);
        int[] target = [o.IndexOfPrimary(300)];

        double oneSided = profile.BestMatchAverage(target, symmetric: false, default);
        double symmetric = profile.BestMatchAverage(target, symmetric: true, default);

        // Patient {A1, A2} against {AB}: A1→AB = ln 2, A2→AB = ln 4/3; AB→patient = max(ln 2, ln 4/3) = ln 2.
        Assert.Equal((s_ln2 + s_ln4Over3) / 2, oneSided, 12);
        Assert.Equal((((s_ln2 + s_ln4Over3) / 2) + s_ln2) / 2, symmetric, 12);
    }

    [Fact]
    public void ScoreGenes_best_disease_model_scores_gene_by_its_best_disease()
    {
        HpoPhenotypeScorer s = Load();

        IReadOnlyDictionary<string, GenePhenotypeScore> scores = s.ScoreGenes(["HP:0000300"]);

        // Default: patient→disease BMA. G2 has D2 {A2, B1} (AB→B1 = ln 2) and D3 {AB} (exact: ln 4), so ln 4.
        // G1 (D1 {A1}): AB→A1 = ln 2. G3 (D4 {B}): AB→B = ln 4/3.
        Assert.Equal(s_ln4, scores["G2"].RawScore, 12);
        Assert.Equal(1.0, scores["G2"].Score, 12);
        Assert.Equal(s_ln2, scores["G1"].RawScore, 12);
        Assert.Equal(s_ln2 / s_ln4, scores["G1"].Score, 12);
        Assert.Equal(s_ln4Over3, scores["G3"].RawScore, 12);
        Assert.StartsWith("OMIM:3: AB → AB (IC 1.39)", scores["G2"].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreGenes_gene_model_scores_union_of_gene_terms()
    {
        HpoPhenotypeScorer s = Load(new HpoScoringOptions(GeneScoreModel.GeneAnnotations, Symmetric: true));

        IReadOnlyDictionary<string, GenePhenotypeScore> scores = s.ScoreGenes(["HP:0000300"]);

        // G2's terms {A2, B1, AB}: AB→best = ln 4; back: A2→AB = ln 4/3, B1→AB = ln 2, AB→AB = ln 4.
        double back = (s_ln4Over3 + s_ln2 + s_ln4) / 3;
        Assert.Equal((s_ln4 + back) / 2, scores["G2"].RawScore, 12);
        Assert.Equal("AB → AB (IC 1.39)", scores["G2"].Explanation);
    }

    [Fact]
    public void ScoreGenes_alt_id_and_replaced_term_score_like_primary()
    {
        HpoPhenotypeScorer s = Load();

        IReadOnlyDictionary<string, GenePhenotypeScore> primary = s.ScoreGenes(["HP:0000101", "HP:0000100"]);
        IReadOnlyDictionary<string, GenePhenotypeScore> mapped = s.ScoreGenes(["HP:0000400", "HP:0000199"]);

        Assert.Equal(primary.Keys.Order(), mapped.Keys.Order());
        Assert.All(primary, p => Assert.Equal(p.Value.RawScore, mapped[p.Key].RawScore, 12));
    }

    [Fact]
    public void Rank_reports_each_unusable_patient_term_with_its_code()
    {
        HpoPhenotypeScorer s = Load();

        PhenotypeRanking ranking = s.Rank(["HP:0000101", "HP:0000199", "HP:0000400", "HP:0000401", "HP:9999999", "HP:12x", "HP:0000006"]);

        Assert.Equal(
            [HpoIssueCodes.PatientTermAltId, HpoIssueCodes.PatientTermReplaced, HpoIssueCodes.PatientTermObsolete,
                HpoIssueCodes.PatientTermUnknown, HpoIssueCodes.PatientTermMalformed, HpoIssueCodes.PatientTermNotPhenotype],
            ranking.Issues.Select(i => i.Code));
        Assert.Equal([2, 3, 4, 5, 6, 7], ranking.Issues.Select(i => i.Line));
        Assert.Equal(["HP:0000101", "HP:0000100", "HP:0000101", null, null, null, null], ranking.Terms.Select(t => t.TermId));
        Assert.NotEmpty(ranking.Genes);
    }

    [Fact]
    public void Rank_no_scorable_terms_returns_nothing_with_coded_issue()
    {
        HpoPhenotypeScorer s = Load();

        PhenotypeRanking ranking = s.Rank(["HP:9999999"]);

        Assert.Empty(ranking.Genes);
        Assert.Equal(HpoIssueCodes.NoScorableTerms, ranking.Issues[^1].Code);
        Assert.Empty(s.ScoreGenes(["HP:0000006"]));
    }

    [Fact]
    public void Rank_diseases_best_first_with_their_genes()
    {
        HpoPhenotypeScorer s = Load();

        PhenotypeRanking ranking = s.Rank(["HP:0000102", "HP:0000201"], maxDiseases: 2);

        Assert.Equal(["OMIM:2", "OMIM:3"], ranking.Diseases.Select(d => d.DiseaseId));
        Assert.Equal(["G2"], ranking.Diseases[0].Genes);
        Assert.Equal(1.0, ranking.Diseases[0].Score, 12);
    }

    [Fact]
    public void Load_skips_inheritance_and_excluded_rows_and_counts_them()
    {
        HpoPhenotypeScorer s = Load();

        Assert.Equal(1, s.Counts["annotations.skipped.not-phenotypic-abnormality"]);
        Assert.Equal(1, s.Counts["genes.skipped.frequency-excluded"]);
        Assert.Equal(3, s.GeneCount);
        Assert.Equal(4, s.DiseaseCount);
        Assert.Contains("hp/releases/tiny-1", s.DataVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_with_hgnc_renames_by_ncbi_gene_id_and_resolves_previous_and_alias_symbols()
    {
        string hgnc = Path.Combine(_dir, "hgnc_complete_set.tsv");
        File.WriteAllText(hgnc, "hgnc_id\tsymbol\tstatus\talias_symbol\tprev_symbol\tentrez_id\n"
            + "HGNC:1\tNEW1\tApproved\tALIAS1|SHARED\tG1\t1\n"
            + "HGNC:2\tG2\tApproved\tSHARED\t\t2\n");
        HpoPhenotypeScorer s = Load();

        IReadOnlyDictionary<string, GenePhenotypeScore> scores = s.ScoreGenes(["HP:0000101"]);

        Assert.Contains("NEW1", scores.Keys);
        Assert.DoesNotContain("G1", scores.Keys);
        Assert.Equal(1, s.Counts["hgnc.renamed"]);
        Assert.Equal("NEW1", s.ResolveGeneSymbol("G1"));
        Assert.Equal("NEW1", s.ResolveGeneSymbol("ALIAS1"));
        Assert.Equal("G2", s.ResolveGeneSymbol("G2"));
        Assert.Null(s.ResolveGeneSymbol("SHARED"));
        Assert.Null(s.ResolveGeneSymbol("NOPE"));
        Assert.Contains(s.DataFiles, f => f.StartsWith("hgnc_complete_set.tsv sha256:", StringComparison.Ordinal));
    }
}
