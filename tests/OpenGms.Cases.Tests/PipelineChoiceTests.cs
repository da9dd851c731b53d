using OpenGms.Cases.Domain;

namespace OpenGms.Cases.Tests;

public sealed class PipelineChoiceTests
{
    private static readonly string[] s_pharmacogenes = ["CYP2C19", "DPYD", "TPMT"];

    [Theory]
    [InlineData("rare-and-inherited", new string[0], Pipelines.RareDisease)]
    [InlineData("cancer", new[] { "KRAS", "DPYD" }, Pipelines.Pgx)]
    [InlineData("rare-and-inherited", new[] { "TPMT" }, Pipelines.RareDisease | Pipelines.Pgx)]
    [InlineData("cancer", new[] { "KRAS" }, Pipelines.None)]
    public void Decide_follows_edition_kind_and_pharmacogene_targets(string kind, string[] genes, Pipelines expected)
    {
        (Pipelines chosen, string reason) = PipelineChoice.Decide(kind, genes, s_pharmacogenes, Pipelines.None);

        Assert.Equal(expected, chosen);
        Assert.False(string.IsNullOrWhiteSpace(reason));
    }

    [Fact]
    public void Decide_explicit_choice_wins()
    {
        (Pipelines chosen, string reason) = PipelineChoice.Decide("cancer", ["KRAS"], s_pharmacogenes, Pipelines.Pgx);

        Assert.Equal(Pipelines.Pgx, chosen);
        Assert.Contains("chosen by the scientist", reason, StringComparison.Ordinal);
    }
}
