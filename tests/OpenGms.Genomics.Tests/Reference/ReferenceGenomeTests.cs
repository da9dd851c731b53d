using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Reference;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Reference;

public sealed class ReferenceGenomeTests
{
    [Fact]
    public void TryFetch_across_lines_returns_uppercase_bases()
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.True(genome.TryFetch("chr1", 8, 14, out ReadOnlySpan<byte> bases));

        Assert.Equal("ACGTAC", Encoding.ASCII.GetString(bases));
    }

    [Fact]
    public void TryFetchRaw_keeps_soft_masked_case()
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.True(genome.TryFetchRaw("chr1", 10, 14, out ReadOnlySpan<byte> bases));

        Assert.Equal("gtac", Encoding.ASCII.GetString(bases));
    }

    [Fact]
    public void Open_without_fai_writes_one_beside_the_fasta()
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.True(File.Exists(temp.File("small.fa.fai")));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("NC_000001.11")]
    [InlineData("NC_000001.10")]
    public void TryResolve_alias_finds_the_chr_named_sequence(string alias)
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.True(genome.TryResolve(alias, out FastaIndexEntry entry));

        Assert.Equal("chr1", entry.Name);
    }

    [Fact]
    public void TryFetch_unknown_contig_returns_false()
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.False(genome.TryFetch("chrUn_x", 0, 1, out _));
    }

    [Theory]
    [InlineData("chr1", 10, "cG", ReferenceMatch.Match)]
    [InlineData("chr1", 9, "CA", ReferenceMatch.Mismatch)]
    [InlineData("chr2", 12, "CCA", ReferenceMatch.BeyondContigEnd)]
    [InlineData("chrZ", 1, "A", ReferenceMatch.UnknownContig)]
    public void CheckRef_compares_case_insensitively(string contig, long position, string refAllele, ReferenceMatch expected)
    {
        using var temp = new TempDirectory();
        using ReferenceGenome genome = OpenCopy(temp, "small.fa");

        Assert.Equal(expected, genome.CheckRef(contig, position, Encoding.ASCII.GetBytes(refAllele)));
    }

    [Fact]
    public void Open_plain_gzip_gives_REF006()
    {
        using var temp = new TempDirectory();
        string path = temp.File("x.fa.gz");
        using (FileStream file = File.Create(path))
        using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
        {
            gz.Write(">x\nACGT\n"u8);
        }

        Result<ReferenceGenome> opened = ReferenceGenome.Open(path);

        Assert.Equal("REF006", opened.Error!.Code);
    }

    [Theory]
    [InlineData(60, "\n")]
    [InlineData(61, "\n")]
    [InlineData(50, "\r\n")]
    [InlineData(80, "\r\n")]
    public void TryFetchRaw_reads_the_bases_the_sequence_holds_across_windows(int lineBases, string newline)
    {
        // Oracle: the fetched bases equal the generated sequence, for fetches anywhere in contigs longer than one
        // decoded window (the line layout from the .fai is used to copy whole lines; CR/LF never reach the bases).
        using var temp = new TempDirectory();
        var random = new Random(lineBases);
        var sequences = new List<string>();
        var fasta = new StringBuilder();
        for (int c = 0; c < 2; c++)
        {
            var sequence = new StringBuilder();
            int length = 2_300_000 + (c * 7_919);
            for (int i = 0; i < length; i++)
            {
                sequence.Append("ACGTacgtNRY"[random.Next(11)]);
            }

            sequences.Add(sequence.ToString());
            fasta.Append(">seq").Append(c).Append(newline);
            for (int i = 0; i < length; i += lineBases)
            {
                fasta.Append(sequence, i, Math.Min(lineBases, length - i)).Append(newline);
            }
        }

        string path = temp.File("g.fa");
        File.WriteAllText(path, fasta.ToString());
        using ReferenceGenome genome = ReferenceGenome.Open(path).Value;
        for (int k = 0; k < 300; k++)
        {
            int contig = random.Next(2);
            int start = random.Next(sequences[contig].Length);
            int end = Math.Min(sequences[contig].Length, start + random.Next(1, 5000));
            Assert.True(genome.TryFetchRaw("seq" + contig, start, end, out ReadOnlySpan<byte> bases));
            Assert.Equal(sequences[contig][start..end], Encoding.ASCII.GetString(bases));
        }
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC\nTTTTTTTTTTTTTTTTTTTTTTTTTTTTT\nGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG\n", 179)]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC\r\nGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG\n", 180)]
    public void TryFetchRaw_with_an_index_that_does_not_fit_the_lines_skips_line_breaks(string body, long length)
    {
        // A .fai claiming 60-base lines of 61 bytes over lines that break elsewhere: the whole-line copy stops at the
        // first line that does not fit and the line scan reads on, so no CR or LF reaches the bases.
        using var temp = new TempDirectory();
        string path = temp.File("odd.fa");
        File.WriteAllText(path, ">c1\n" + body);
        File.WriteAllText(path + ".fai", $"c1\t{length}\t4\t60\t61\n");
        using ReferenceGenome genome = ReferenceGenome.Open(path).Value;

        Assert.True(genome.TryFetchRaw("c1", 0, 170, out ReadOnlySpan<byte> bases));

        string expected = body.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal)[..170];
        Assert.Equal(expected, Encoding.ASCII.GetString(bases));
    }

    [Fact]
    public void Bgzipped_fasta_fetches_the_same_bases_as_plain()
    {
        // Oracle: a multi-block BGZF copy of a generated FASTA must read exactly like the plain file,
        // including regions that straddle block boundaries (the .gzi and .fai are built on open).
        using var temp = new TempDirectory();
        var random = new Random(7);
        var fasta = new StringBuilder();
        for (int c = 0; c < 3; c++)
        {
            fasta.Append(">seq").Append(c).Append('\n');
            int length = 150_000 + (c * 7_919);
            for (int i = 0; i < length; i++)
            {
                fasta.Append("ACGTacgtN"[random.Next(9)]);
                if ((i + 1) % 60 == 0 || i == length - 1)
                {
                    fasta.Append('\n');
                }
            }
        }

        string plainPath = temp.File("g.fa");
        File.WriteAllText(plainPath, fasta.ToString());
        string bgzfPath = temp.File("g.fa.gz");
        using (FileStream file = File.Create(bgzfPath))
        using (var writer = new BgzfWriteStream(file))
        {
            writer.Write(Encoding.ASCII.GetBytes(fasta.ToString()));
        }

        using ReferenceGenome plain = ReferenceGenome.Open(plainPath).Value;
        using ReferenceGenome packed = ReferenceGenome.Open(bgzfPath).Value;
        Assert.True(packed.IsCompressed);
        Assert.True(File.Exists(bgzfPath + ".gzi"));
        for (int k = 0; k < 200; k++)
        {
            string contig = "seq" + random.Next(3);
            long start = random.Next(150_000);
            long end = start + random.Next(1, 3000);
            Assert.True(plain.TryFetchRaw(contig, start, end, out ReadOnlySpan<byte> a));
            string expected = Encoding.ASCII.GetString(a);
            Assert.True(packed.TryFetchRaw(contig, start, end, out ReadOnlySpan<byte> b));
            Assert.Equal(expected, Encoding.ASCII.GetString(b));
        }
    }

    private static ReferenceGenome OpenCopy(TempDirectory temp, string name)
    {
        string copy = temp.File(name);
        File.Copy(RepoPaths.TestData("reference/" + name), copy);
        return ReferenceGenome.Open(copy).Value;
    }
}
