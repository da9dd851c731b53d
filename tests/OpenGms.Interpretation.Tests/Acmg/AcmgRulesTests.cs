using OpenGms.Interpretation.Application.Acmg;

namespace OpenGms.Interpretation.Tests.Acmg;

public sealed class AcmgRulesTests
{
    private static readonly Dictionary<AcmgCriterion, string> s_none = [];

    [Theory]
    [InlineData(10, AcmgClass.Pathogenic)]
    [InlineData(9, AcmgClass.LikelyPathogenic)]
    [InlineData(6, AcmgClass.LikelyPathogenic)]
    [InlineData(5, AcmgClass.UncertainSignificance)]
    [InlineData(0, AcmgClass.UncertainSignificance)]
    [InlineData(-1, AcmgClass.LikelyBenign)]
    [InlineData(-6, AcmgClass.LikelyBenign)]
    [InlineData(-7, AcmgClass.Benign)]
    public void Classify_uses_tavtigian_thresholds(int points, AcmgClass expected) => Assert.Equal(expected, AcmgRules.Classify(points));

    [Fact]
    public void Combine_pvs1_and_pm2_supporting_is_likely_pathogenic()
    {
        CriterionResult[] rows =
        [
            new(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, "nonsense"),
            new(AcmgCriterion.PM2, true, AcmgStrength.Supporting, "absent"),
        ];

        AcmgResult r = AcmgRules.Combine(rows, s_none, []);

        Assert.Equal(9, r.Points);
        Assert.Equal(AcmgClass.LikelyPathogenic, r.Class);
        Assert.Equal(["PVS1", "PM2_Supporting"], r.MetLabels);
    }

    [Fact]
    public void Combine_override_recomputes_class()
    {
        CriterionResult[] rows =
        [
            new(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, "nonsense"),
            new(AcmgCriterion.PM2, true, AcmgStrength.Supporting, "absent"),
        ];
        Assert.True(AcmgRules.TryParseOverride("PS2:on", out AcmgOverride ps2));
        Assert.True(AcmgRules.TryParseOverride("PVS1:strong", out AcmgOverride pvs1));

        AcmgResult r = AcmgRules.Combine(rows, s_none, [ps2, pvs1]);

        Assert.Equal(4 + 1 + 4, r.Points);
        Assert.Contains("PVS1_Strong", r.MetLabels);
        Assert.Contains("PS2", r.MetLabels);
        Assert.True(r.Criteria.Single(c => c.Criterion == AcmgCriterion.PS2).Overridden);
    }

    [Fact]
    public void Combine_ba1_is_benign_whatever_else()
    {
        CriterionResult[] rows =
        [
            new(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, "nonsense"),
            new(AcmgCriterion.BA1, true, AcmgStrength.StandAlone, "common"),
        ];

        Assert.Equal(AcmgClass.Benign, AcmgRules.Combine(rows, s_none, []).Class);
    }

    [Theory]
    [InlineData("PM2")]
    [InlineData("XX1:on")]
    [InlineData("PM2:sometimes")]
    public void TryParseOverride_rejects_bad_text(string text) => Assert.False(AcmgRules.TryParseOverride(text, out _));
}
