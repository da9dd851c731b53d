using System.Text;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Normalisation;

/// <summary>Behaviours on hand-made records; reference tests/TestData/reference/small.fa (chr2 = TTTTTGGGGGCC).</summary>
public sealed class VcfNormaliserTests
{
    [Fact]
    public void WarmUpMethods_every_listed_method_is_found()
    {
        List<System.Reflection.MethodInfo> methods = VcfNormaliser.WarmUpMethods(out int names);

        // Each name is one method (no overloads among them): a renamed method would silently drop out of the warm-up.
        Assert.Equal(names, methods.Count);
        Assert.Equal(names, methods.Select(m => (m.DeclaringType, m.Name)).Distinct().Count());
    }

    private const string Header = "##fileformat=VCFv4.2\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n";

    [Fact]
    public void Run_deletion_at_homopolymer_end_moves_to_its_start()
    {
        // Deleting one G of GGGGG (positions 6-10) is written left-aligned at the T before the run: 5 TG>T.
        string output = Normalise("chr2\t9\t.\tGG\tG\t.\t.\t.\tGT\t0/1\n", new NormaliseOptions());

        Assert.Equal("chr2\t5\t.\tTG\tT\t.\t.\t.\tGT\t0/1", Single(output));
    }

    [Fact]
    public void Run_already_left_aligned_record_is_copied_unchanged()
    {
        const string line = "chr2\t5\t.\ttG\tt\t.\t.\t.\tGT\t0/1";

        string output = Normalise(line + "\n", new NormaliseOptions());

        Assert.Equal(line, Single(output));
    }

    [Fact]
    public void Run_split_with_missing_overlaps_renumbers_genotypes()
    {
        var options = new NormaliseOptions { Multiallelics = MultiallelicMode.SplitAny, MultiOverlaps = "." };

        string output = Normalise("chr2\t11\t.\tC\tA,G\t.\t.\t.\tGT:AD\t1|2:3,4,5\n", options);

        string[] lines = DataLines(output);
        Assert.Equal(["chr2\t11\t.\tC\tA\t.\t.\t.\tGT:AD\t1|.:3,4", "chr2\t11\t.\tC\tG\t.\t.\t.\tGT:AD\t.|1:3,5"], lines);
    }

    [Fact]
    public void Run_ref_mismatch_with_check_error_stops_with_NORM011()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise("chr2\t1\t.\tG\tA\t.\t.\t.\tGT\t0/1\n", new NormaliseOptions()));

        Assert.Equal("NORM011", ex.Code);
    }

    [Fact]
    public void Run_ref_mismatch_with_check_exclude_drops_the_record()
    {
        string output = Normalise("chr2\t1\t.\tG\tA\t.\t.\t.\tGT\t0/1\nchr2\t2\t.\tT\tA\t.\t.\t.\tGT\t0/1\n", new NormaliseOptions { RefCheck = RefCheckMode.Exclude });

        Assert.Equal("chr2\t2\t.\tT\tA\t.\t.\t.\tGT\t0/1", Single(output));
    }

    [Fact]
    public void Run_contig_missing_from_reference_stops_with_NORM010()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise("chrZ\t9\t.\tGG\tG\t.\t.\t.\tGT\t0/1\n", new NormaliseOptions()));

        Assert.Equal("NORM010", ex.Code);
    }

    [Fact]
    public void FormatCommandLine_records_the_command_words_once()
    {
        string line = VcfNormaliser.FormatCommandLine(["/opt/gms/OpenGms.Cli.dll", "vcf", "normalise", "in.vcf.gz", "-m", "-any", "-f", "my ref.fa"]);

        Assert.Equal("gms vcf normalise in.vcf.gz -m -any -f 'my ref.fa'", line);
    }

    [Fact]
    public void Run_with_command_line_writes_one_normCommand_header_line()
    {
        string commandLine = VcfNormaliser.FormatCommandLine(["gms", "vcf", "normalise", "in.vcf", "-m", "-any"]);

        string output = Normalise("chr2\t5\t.\tT\tA\t.\t.\t.\tGT\t0/1\n", new NormaliseOptions(), commandLine);

        string header = Assert.Single(output.Split('\n'), l => l.StartsWith("##gms_normCommand=", StringComparison.Ordinal));
        Assert.Equal("##gms_normCommand=gms vcf normalise in.vcf -m -any", header);
    }

    private static string Normalise(string records, NormaliseOptions options, string? commandLine = null)
    {
        using var temp = new TempDirectory();
        string fasta = temp.File("small.fa");
        File.Copy(RepoPaths.TestData("reference/small.fa"), fasta);
        using ReferenceGenome reference = ReferenceGenome.Open(fasta).Value;
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Header + records));
        using var output = new MemoryStream();
        new VcfNormaliser(options, reference) { CommandLine = commandLine }.Run(input, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string[] DataLines(string text) => text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();

    private static string Single(string text) => Assert.Single(DataLines(text));
}
