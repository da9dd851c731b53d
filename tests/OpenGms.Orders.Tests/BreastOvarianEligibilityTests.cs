using OpenGms.Orders.Domain.Eligibility;

namespace OpenGms.Orders.Tests;

public sealed class BreastOvarianEligibilityTests
{
    [Theory]
    [InlineData(39, true)]
    [InlineData(40, false)]
    public void Breast_cancer_under_40_meets_a_pathology_criterion(int age, bool eligible) =>
        Assert.Equal(eligible, BreastOvarianEligibility.Check(new BreastOvarianAssessment { BreastCancerAge = age, ManchesterScore = 10, CanRiskProbabilityPercent = 2m }).Eligible);

    [Theory]
    [InlineData(14, false)]
    [InlineData(15, true)]
    public void Manchester_score_of_15_meets_the_family_history_criterion(int score, bool eligible)
    {
        EligibilityResult result = BreastOvarianEligibility.Check(new BreastOvarianAssessment { ManchesterScore = score });

        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(eligible, result.Criteria.Single(c => c.Criterion.Contains("Manchester", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void CanRisk_ten_percent_meets_the_family_history_criterion() =>
        Assert.True(BreastOvarianEligibility.Check(new BreastOvarianAssessment { CanRiskProbabilityPercent = 10m }).Eligible);

    [Fact]
    public void Nothing_recorded_is_not_eligible_and_every_criterion_is_missing()
    {
        EligibilityResult result = BreastOvarianEligibility.Check(new BreastOvarianAssessment());

        Assert.False(result.Eligible);
        Assert.Equal(result.Criteria.Count, result.Missing.Count());
    }

    [Fact]
    public void Triple_negative_under_60_is_met_and_explained()
    {
        EligibilityResult result = BreastOvarianEligibility.Check(new BreastOvarianAssessment { TripleNegativeBreastCancerAge = 55, MaleBreastCancer = false });

        Assert.True(result.Eligible);
        CriterionOutcome tn = result.Criteria.Single(c => c.Met == true);
        Assert.Contains("triple-negative", tn.Criterion, StringComparison.Ordinal);
        Assert.Contains("55", tn.Detail, StringComparison.Ordinal);
        Assert.False(result.Criteria.Single(c => c.Criterion.Contains("male breast", StringComparison.Ordinal)).Met);
    }

    [Fact]
    public void Rules_cover_R134_and_R208_only()
    {
        Assert.NotNull(EligibilityRules.Check("R134", null));
        Assert.NotNull(EligibilityRules.Check("R208", null));
        Assert.Null(EligibilityRules.Check("R59", null));
    }
}
