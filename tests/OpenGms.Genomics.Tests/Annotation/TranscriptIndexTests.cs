using OpenGms.Genomics.Annotation.GeneModels;

namespace OpenGms.Genomics.Tests.Annotation;

public sealed class TranscriptIndexTests
{
    private static Transcript Make(int i, int start, int end) =>
        new($"T{i}", null, "G", "G", "protein_coding", "1", Strand.Forward, [start], [end], 0, 0, 0, TranscriptTags.None, null);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 2)]
    [InlineData(1000, 3)]
    [InlineData(5000, 4)]
    public void Query_matches_linear_scan(int count, int seed)
    {
        var random = new Random(seed);
        var transcripts = new List<Transcript>();
        for (int i = 0; i < count; i++)
        {
            int start = random.Next(1, 1_000_000);
            // Mostly short, some very long (a long gene must not hide later short ones).
            int length = random.Next(10) == 0 ? random.Next(1, 500_000) : random.Next(1, 5_000);
            transcripts.Add(Make(i, start, start + length));
        }

        var index = new TranscriptIndex(transcripts);
        var hits = new List<Transcript>();
        for (int q = 0; q < 300; q++)
        {
            int start = random.Next(1, 1_100_000);
            int end = start + random.Next(0, 20_000);
            hits.Clear();
            index.Query("1", start, end, hits);
            string[] expected = transcripts.Where(t => t.Start <= end && t.End >= start).Select(t => t.Id).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, hits.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray());
        }
    }

    [Theory]
    [InlineData(1, 9, new string[0])]
    [InlineData(21, 29, new string[0])]
    [InlineData(20, 29, new[] { "T0" })]
    [InlineData(21, 30, new[] { "T1" })]
    [InlineData(41, 100, new string[0])]
    [InlineData(15, 35, new[] { "T0", "T1", "T2" })]
    public void Query_between_transcripts_returns_only_overlaps(int start, int end, string[] expected)
    {
        // Two separate spans and a third inside the second: the gaps around them are answered without the tree.
        var index = new TranscriptIndex([Make(0, 10, 20), Make(1, 30, 40), Make(2, 32, 35)]);
        var hits = new List<Transcript>();

        index.Query("1", start, end, hits);

        Assert.Equal(expected, hits.Select(t => t.Id).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Query_unknown_chromosome_returns_nothing()
    {
        var index = new TranscriptIndex([Make(0, 10, 20)]);
        var hits = new List<Transcript>();

        index.Query("2", 1, 100, hits);

        Assert.Empty(hits);
    }
}
