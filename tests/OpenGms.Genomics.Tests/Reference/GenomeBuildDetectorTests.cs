using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Tests.Reference;

public sealed class GenomeBuildDetectorTests
{
    [Fact]
    public void Detect_grch38_lengths_with_chr_names_gives_GRCh38()
    {
        // chr1 and chr2 lengths from the GRCh38 assembly report.
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("chr1", 248956422), new("chr2", 242193529), new("chrM", 16569)]);

        Assert.Equal(GenomeBuild.GRCh38, e.Build);
    }

    [Fact]
    public void Detect_grch37_lengths_with_bare_names_gives_GRCh37()
    {
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("1", 249250621), new("X", 155270560), new("GL000192.1", 547496)]);

        Assert.Equal(GenomeBuild.GRCh37, e.Build);
    }

    [Fact]
    public void Detect_hg19_chrM_votes_GRCh37()
    {
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("chrM", 16571)]);

        Assert.Equal(GenomeBuild.GRCh37, e.Build);
    }

    [Fact]
    public void Detect_accession_without_length_names_its_build()
    {
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("NC_000007.14", null)]);

        Assert.Equal(GenomeBuild.GRCh38, e.Build);
    }

    [Fact]
    public void Detect_mixed_builds_gives_Unknown()
    {
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("chr1", 248956422), new("chr2", 243199373)]);

        Assert.Equal(GenomeBuild.Unknown, e.Build);
    }

    [Fact]
    public void Detect_wrong_length_gives_Unknown()
    {
        GenomeBuildEvidence e = GenomeBuildDetector.Detect([new("chr1", 1000)]);

        Assert.Equal(GenomeBuild.Unknown, e.Build);
        Assert.Equal(1, e.Conflicts);
    }

    [Theory]
    [InlineData("chr1", "1")]
    [InlineData("NC_000023.11", "X")]
    [InlineData("chrM", "MT")]
    [InlineData("M", "MT")]
    public void TryGetChromosome_resolves_aliases(string alias, string name)
    {
        Assert.True(ContigAliases.TryGetChromosome(alias, out HumanChromosome c));

        Assert.Equal(name, c.Name);
    }
}
