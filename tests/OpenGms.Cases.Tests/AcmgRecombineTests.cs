using OpenGms.Interpretation.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Cases.Tests;

/// <summary>The override recompute the case review uses (Interpretation's contract).</summary>
public sealed class AcmgRecombineTests
{
    private static readonly AcmgCriterionInput[] s_evaluated =
    [
        new("PS2", true, "Strong"),
        new("PM2_Supporting", true, "Supporting"),
        new("PP3", false, "Supporting"),
    ];

    [Fact]
    public void Combine_without_changes_keeps_points()
    {
        AcmgCombination result = AcmgCombiner.Combine(s_evaluated, []).Value;

        Assert.Equal(5, result.Points);
        Assert.Equal("VUS", result.Class);
    }

    [Fact]
    public void Combine_adding_ps3_strong_makes_likely_pathogenic()
    {
        AcmgCombination result = AcmgCombiner.Combine(s_evaluated, [new AcmgCriterionChange("PS3", true, "Strong")]).Value;

        Assert.Equal(9, result.Points);
        Assert.Equal("LP", result.Class);
        Assert.True(result.Criteria.Single(c => c.Criterion == "PS3").Overridden);
    }

    [Fact]
    public void Combine_switching_off_and_downgrading_recomputes()
    {
        AcmgCombination result = AcmgCombiner.Combine(s_evaluated, [new AcmgCriterionChange("PS2", null, "Moderate"), new AcmgCriterionChange("PM2", false, null)]).Value;

        Assert.Equal(2, result.Points);
        Assert.Equal("VUS", result.Class);
        Assert.Contains(result.Criteria, c => c.Criterion == "PS2_Moderate" && c.Met);
    }

    [Fact]
    public void Combine_standalone_benign_makes_benign()
    {
        AcmgCombination result = AcmgCombiner.Combine(s_evaluated, [new AcmgCriterionChange("BA1", true, null)]).Value;

        Assert.Equal("B", result.Class);
    }

    [Theory]
    [InlineData("XX9", null, "INT060")]
    [InlineData("PS3", "huge", "INT061")]
    public void Combine_bad_change_is_refused_with_code(string criterion, string? strength, string code)
    {
        Result<AcmgCombination> result = AcmgCombiner.Combine(s_evaluated, [new AcmgCriterionChange(criterion, true, strength)]);

        Assert.Equal(code, result.Error!.Code);
    }
}
