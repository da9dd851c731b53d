using System.IO.Compression;
using System.Text;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Application.Calling;
using OpenGms.Pharmacogenomics.Domain;
using OpenGms.Pharmacogenomics.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Pharmacogenomics.Tests;

public sealed class NamesAndParsersTests
{
    [Theory]
    [InlineData("*2", "*17")]
    [InlineData("*1", "*1x2")]
    [InlineData("c.85T>C (*9A)", "c.1129-5923C>G")]
    [InlineData("Reference", "c.61C>T")]
    [InlineData("c.2846A>T", "[c.61C>T + c.313G>A]")]
    [InlineData("[c.85T>C (*9A) + c.1129-5923C>G]", "[c.85T>C (*9A) + c.496A>G + c.1601G>A (*4)]")]
    public void Compare_orders_names_as_pharmcat(string first, string second)
    {
        Assert.True(HaplotypeNameComparer.Instance.Compare(first, second) < 0);
        Assert.True(HaplotypeNameComparer.Instance.Compare(second, first) > 0);
    }

    [Fact]
    public void OutsideCalls_strip_gene_prefix_and_skip_comments()
    {
        Result<IReadOnlyList<OutsideCall>> calls = OutsideCallReader.Parse(["# comment", "", "CYP2D6\tCYP2D6*3/CYP2D6*4", "HLA-B\t*57:01/*58:01"], "t.tsv");

        Assert.True(calls.IsSuccess);
        Assert.Equal(["*3/*4", "*57:01/*58:01"], calls.Value.Select(c => c.Diplotype));
    }

    [Fact]
    public void OutsideCalls_line_without_call_is_PGX020()
    {
        Result<IReadOnlyList<OutsideCall>> calls = OutsideCallReader.Parse(["CYP2D6"], "t.tsv");

        Assert.Equal("PGX020", calls.Error?.Code);
    }

    [Fact]
    public void Vcf_bad_genotype_is_PGX011()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.vcf");
        File.WriteAllText(path, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\nchr6\t100\t.\tT\tC\t.\tPASS\t.\tGT\t0/7\n");

        Result<IReadOnlyList<SampleGenotypes>> read = PgxVcfReader.Read(path, Sites(("chr6", 100, "T")));

        Assert.Equal("PGX011", read.Error?.Code);
    }

    [Fact]
    public void Vcf_unknown_sample_is_PGX012()
    {
        using var dir = new TempDirectory();
        string path = dir.File("one.vcf");
        File.WriteAllText(path, "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");

        Result<IReadOnlyList<SampleGenotypes>> read = PgxVcfReader.Read(path, Sites(), "S2");

        Assert.Equal("PGX012", read.Error?.Code);
    }

    [Fact]
    public void Vcf_gzip_multi_sample_reads_phase_sets_and_only_wanted_positions()
    {
        using var dir = new TempDirectory();
        string path = dir.File("two.vcf.gz");
        string text = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n"
            + "6\t100\t.\tT\tC\t.\tPASS\t.\tGT:PS\t0|1:7\t1/1:.\n"
            + "6\t150\t.\tT\tC\t.\tPASS\t.\tGT:PS\t0|1:7\t1/1:.\n";
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(text));
        }

        Result<IReadOnlyList<SampleGenotypes>> read = PgxVcfReader.Read(path, Sites(("chr6", 100, "T")));

        Assert.True(read.IsSuccess, read.Error?.ToString());
        Assert.Equal(2, read.Value.Count);
        Assert.True(read.Value[0].TryGet("chr6", 100, out SampleAllele a));
        Assert.Equal(new SampleAllele("T", "C", true, "7"), a);
        Assert.False(read.Value[0].TryGet("chr6", 150, out _));
        Assert.True(read.Value[1].TryGet("chr6", 100, out SampleAllele b));
        Assert.Equal(new SampleAllele("C", "C", false, null), b);
    }

    [Fact]
    public void Definitions_malformed_json_is_PGX002()
    {
        using var dir = new TempDirectory();
        System.IO.Directory.CreateDirectory(Path.Combine(dir.Path, "alleles"));
        File.WriteAllText(Path.Combine(dir.Path, "alleles", "TPMT_translation.json"), "{ \"gene\": ");

        Result<DefinitionSet> set = DefinitionLoader.Load([dir.Path]);

        Assert.Equal("PGX002", set.Error?.Code);
    }

    [Fact]
    public void Definitions_folder_without_translation_files_is_PGX001()
    {
        using var dir = new TempDirectory();

        Result<DefinitionSet> set = DefinitionLoader.Load([dir.Path]);

        Assert.Equal("PGX001", set.Error?.Code);
    }

    [Fact]
    public void Demo_definitions_cover_the_four_demo_genes_with_phenotypes_and_guidelines()
    {
        DefinitionSet demo = DefinitionLoader.LoadDemo();

        Assert.Equal(["CYP2C19", "DPYD", "SLCO1B1", "TPMT"], demo.Genes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(4, demo.CpicPhenotypes.Count);
        Assert.Equal(4, demo.Guidelines.Count);
        Assert.StartsWith("demo-", demo.Version, StringComparison.Ordinal);
    }

    private static PgxSites Sites(params (string Chromosome, int Position, string Ref)[] sites) =>
        PgxSites.FromLoci(sites.Select(s => new VariantLocus(s.Chromosome, s.Position, null, s.Ref, [])));
}
