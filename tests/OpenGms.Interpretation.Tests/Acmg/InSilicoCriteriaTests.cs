using System.Text;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Domain;

namespace OpenGms.Interpretation.Tests.Acmg;

/// <summary>
/// PP3, BP4 and BP7 from a missense score (REVEL, Pejaver et al. 2022) and a splice prediction (SpliceAI, ClinGen SVI
/// splicing recommendations, Walker et al. 2023).
/// </summary>
public sealed class InSilicoCriteriaTests
{
    private static AcmgInput Variant(ConsequenceTerm term, double? revel, double? spliceAi) =>
        new("GENE1", default(ConsequenceSet).With(term), null, null, 1000, null, false, default, true, null, null, revel, revel is null ? null : "REVEL",
            null, null, GeneInheritance.Unknown, 0, 0)
        {
            SpliceScore = spliceAi,
            SpliceName = spliceAi is null ? null : "SpliceAI",
        };

    private static CriterionResult? Row(AcmgResult r, AcmgCriterion c) => r.Criteria.SingleOrDefault(x => x.Criterion == c);

    [Theory]
    [InlineData(ConsequenceTerm.IntronVariant, 0.35, true, false)]
    [InlineData(ConsequenceTerm.IntronVariant, 0.2, true, false)]
    [InlineData(ConsequenceTerm.IntronVariant, 0.15, false, false)]
    [InlineData(ConsequenceTerm.IntronVariant, 0.1, false, true)]
    [InlineData(ConsequenceTerm.SpliceRegionVariant, 0.02, false, true)]
    public void A_splice_prediction_decides_pp3_and_bp4_for_a_non_coding_change(ConsequenceTerm term, double spliceAi, bool pp3, bool bp4)
    {
        AcmgResult r = AcmgEvaluator.Evaluate(Variant(term, null, spliceAi), []);

        Assert.Equal(pp3, Row(r, AcmgCriterion.PP3)!.Met);
        Assert.Equal(bp4, Row(r, AcmgCriterion.BP4)!.Met);
        Assert.Equal(AcmgStrength.Supporting, Row(r, AcmgCriterion.PP3)!.Strength);
        Assert.Contains("SpliceAI", Row(r, AcmgCriterion.PP3)!.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_any_predictor_pp3_and_bp4_are_listed_as_not_evaluated()
    {
        AcmgResult r = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.IntronVariant, null, null), []);

        Assert.Null(Row(r, AcmgCriterion.PP3));
        Assert.Contains(AcmgCriterion.PP3, r.NotEvaluated.Keys);
        Assert.Contains(AcmgCriterion.BP4, r.NotEvaluated.Keys);
    }

    [Fact]
    public void A_missense_variant_takes_the_stronger_pp3_and_needs_both_predictions_benign_for_bp4()
    {
        AcmgResult strongRevel = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.MissenseVariant, 0.95, 0.5), []);
        AcmgResult spliceOnly = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.MissenseVariant, 0.5, 0.5), []);
        AcmgResult bothBenign = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.MissenseVariant, 0.1, 0.05), []);
        AcmgResult spliceNotBenign = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.MissenseVariant, 0.1, 0.15), []);

        Assert.Equal(AcmgStrength.Strong, Row(strongRevel, AcmgCriterion.PP3)!.Strength);
        Assert.True(Row(spliceOnly, AcmgCriterion.PP3)!.Met);
        Assert.Equal(AcmgStrength.Supporting, Row(spliceOnly, AcmgCriterion.PP3)!.Strength);
        Assert.True(Row(bothBenign, AcmgCriterion.BP4)!.Met);
        Assert.Equal(AcmgStrength.Moderate, Row(bothBenign, AcmgCriterion.BP4)!.Strength);
        Assert.False(Row(spliceNotBenign, AcmgCriterion.BP4)!.Met);
    }

    [Theory]
    [InlineData(0.05, true)]
    [InlineData(0.25, false)]
    public void Bp7_for_a_synonymous_variant_follows_the_splice_prediction(double spliceAi, bool bp7)
    {
        AcmgResult r = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.SynonymousVariant, null, spliceAi), []);

        Assert.Equal(bp7, Row(r, AcmgCriterion.BP7)!.Met);
    }

    [Fact]
    public void A_canonical_splice_variant_is_left_to_pvs1()
    {
        AcmgResult r = AcmgEvaluator.Evaluate(Variant(ConsequenceTerm.SpliceDonorVariant, null, 0.9), []);

        Assert.Null(Row(r, AcmgCriterion.PP3));
        Assert.Contains("PVS1", r.NotEvaluated[AcmgCriterion.PP3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T|GENE1|0.00|0.02|0.31|0.00|-3|10|1|-20", "T", 0, 0.31)]
    [InlineData("C|GENE1|0.90|0.00|0.00|0.00|1|2|3|4,T|GENE1|0.01|0.05|0.00|0.00|1|2|3|4", "T", 1, 0.05)]
    [InlineData("T|GENE1|0.10|0.00|0.00|0.00|1|2|3|4,T|GENE2|0.00|0.00|0.40|0.00|1|2|3|4", "T", 0, 0.40)]
    [InlineData("0.12,0.7", "G", 1, 0.7)]
    [InlineData("C|GENE1|0.90|0.00|0.00|0.00|1|2|3|4", "T", 0, null)]
    [InlineData(".", "T", 0, null)]
    public void Splice_scores_are_read_for_the_allele(string info, string alt, int altIndex, double? expected)
    {
        double? score = SpliceScores.ForAllele(Encoding.UTF8.GetBytes(info), Encoding.UTF8.GetBytes(alt), altIndex);

        if (expected is null)
        {
            Assert.Null(score);
        }
        else
        {
            Assert.Equal(expected.Value, score!.Value, 3);
        }
    }
}
