using OpenGms.Genomics.Reference;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Reference;

public sealed class FastaIndexTests
{
    [Fact]
    public void Build_small_fasta_gives_samtools_offsets()
    {
        // Worked by hand from the file: ">chr1 test\n" is 11 bytes, so chr1's bases start at 11; chr1 then takes
        // 11 + 11 + 4 bytes, and ">chr2\n" 6 more, so chr2 starts at 43.
        using FileStream fasta = File.OpenRead(RepoPaths.TestData("reference/small.fa"));

        Result<FastaIndex> index = FastaIndex.Build(fasta, "small.fa");

        Assert.True(index.IsSuccess);
        Assert.Equal(
            [new FastaIndexEntry("chr1", 23, 11, 10, 11), new FastaIndexEntry("chr2", 12, 43, 10, 11)],
            index.Value.Entries);
    }

    [Theory]
    [InlineData("norm.atom-split-norm.fa")]
    [InlineData("norm.symbolic.3.fa")]
    public void Build_matches_the_fai_samtools_wrote(string name)
    {
        string fasta = SharedData.PathOf("variants/normalisation/bcftools-norm/" + name);
        using FileStream stream = File.OpenRead(fasta);

        FastaIndex built = FastaIndex.Build(stream, name).Value;
        FastaIndex samtools = FastaIndex.Read(fasta + ".fai").Value;

        Assert.Equal(samtools.Entries, built.Entries);
    }

    [Fact]
    public void Build_ragged_lines_gives_REF003()
    {
        using var stream = new MemoryStream("> x\nACGT\nAC\nACGT\n"u8.ToArray());

        Result<FastaIndex> index = FastaIndex.Build(stream, "ragged.fa");

        Assert.False(index.IsSuccess);
        Assert.Equal("REF003", index.Error!.Code);
    }

    [Fact]
    public void Read_malformed_line_gives_REF002()
    {
        using var temp = new TempDirectory();
        string fai = temp.File("bad.fa.fai");
        File.WriteAllText(fai, "chr1\tnot-a-number\t6\t60\t61\n");

        Result<FastaIndex> index = FastaIndex.Read(fai);

        Assert.Equal("REF002", index.Error!.Code);
    }
}
