using System.Text;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Vcf;

public sealed class VcfReaderTests
{
    private const string Text =
        "##fileformat=VCFv4.3\n" +
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n" +
        "##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">\n" +
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n" +
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n" +
        "##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Likelihoods\">\n" +
        "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n" +
        "##contig=<ID=chr1,length=1000>\n" +
        "##custom=<line kept, verbatim>\n" +
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n" +
        "chr1\t100\trs1\tA\tG,<DEL>,*\t50.5\tPASS\tDP=30;DB\tGT:AD:PL:PS\t0|1:10,20,0,0:0,10,100,5,5,5,9,9,9,9:100\t./.:.\n" +
        "chr1\t200\t.\tC\tC[2:321[\t.\t.\t.\tGT\t1\t0\n";

    private static VcfReader Open(string text) => new(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Header_parses_definitions_samples_and_keeps_other_lines()
    {
        using VcfReader reader = Open(Text);
        VcfHeader h = reader.Header;
        Assert.Equal(new Version(4, 3), h.Version);
        Assert.Equal(VcfNumberKind.PerAllele, h.Format["AD"].Number.Kind);
        Assert.Equal(VcfValueType.Flag, h.Info["DB"].Type);
        Assert.Equal(1000, h.Contigs[0].Length);
        Assert.Equal(["S1", "S2"], h.Samples);
        Assert.Contains(h.MetaLines, m => m.Text == "##custom=<line kept, verbatim>");
        Assert.Equal(0, reader.Issues.ErrorCount);
    }

    [Fact]
    public void Read_record_gives_columns_info_and_typed_sample_fields()
    {
        using VcfReader reader = Open(Text);
        Assert.True(reader.Read());
        VcfRecord r = reader.Current;
        Assert.Equal("chr1"u8.ToArray(), r.Chrom.ToArray());
        Assert.Equal(100, r.Position);
        Assert.Equal(3, r.AltCount);
        Assert.Equal(50.5f, r.Qual);
        Assert.True(r.TryGetInfoInt32("DP"u8, out int dp));
        Assert.Equal(30, dp);
        Assert.True(r.HasInfo("DB"u8));
        Assert.False(r.HasInfo("XX"u8));
        Assert.Equal(2, r.SampleCount);
        Assert.True(r.TryGetGenotype(0, out VcfGenotype gt));
        Assert.True(gt.IsPhased);
        Assert.True(gt.IsHet);
        Span<int> ad = stackalloc int[8];
        Assert.Equal(4, r.GetSampleInt32s(0, r.FormatIndexOf("AD"u8), ad));
        Assert.Equal(20, ad[1]);
        Assert.Equal(10, r.GetSampleInt32s(0, r.FormatIndexOf("PL"u8), stackalloc int[16]));
        Assert.True(r.TryGetSampleInt32(0, r.FormatIndexOf("PS"u8), out int ps));
        Assert.Equal(100, ps);
        Assert.True(r.TryGetGenotype(1, out VcfGenotype missing));
        Assert.True(missing.IsMissing);
        Assert.Equal(1, r.GetSampleInt32s(1, r.FormatIndexOf("AD"u8), ad));
        Assert.Equal(VcfValues.MissingInt32, ad[0]);
        Assert.True(r.SampleField(1, r.FormatIndexOf("PL"u8)).IsEmpty);
    }

    [Fact]
    public void Classify_alts_symbolic_spanning_and_breakend()
    {
        using VcfReader reader = Open(Text);
        Assert.True(reader.Read());
        var kinds = new List<VcfVariantType>();
        foreach (ReadOnlySpan<byte> alt in reader.Current.Alts)
        {
            kinds.Add(VcfAlleles.Classify(reader.Current.Ref, alt));
        }

        Assert.Equal([VcfVariantType.Snv, VcfVariantType.Symbolic, VcfVariantType.SpanningDeletion], kinds);
        Assert.True(reader.Read());
        Assert.Equal(VcfVariantType.Breakend, VcfAlleles.Classify(reader.Current.Ref, reader.Current.AltText));
        Assert.True(reader.Current.TryGetGenotype(0, out VcfGenotype haploid));
        Assert.Equal(1, haploid.Ploidy);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_line_with_too_few_columns_is_reported_and_counted()
    {
        using VcfReader reader = Open("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nchr1\t5\t.\tA\n");
        Assert.False(reader.Read());
        Assert.Equal(1, reader.SkippedLineCount);
        Assert.True(reader.Issues.Has(VcfIssueCodes.ColumnCount));
    }

    [Fact]
    public void Read_cohort_row_does_not_allocate_per_sample()
    {
        var sb = new StringBuilder("##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int i = 0; i < 2500; i++)
        {
            sb.Append("\tS").Append(i);
        }

        sb.Append("\nchr1\t5\t.\tA\tG\t.\t.\t.\tGT:DP");
        for (int i = 0; i < 2500; i++)
        {
            sb.Append(i % 3 == 0 ? "\t0/1:12" : "\t0/0:30");
        }

        sb.Append('\n');
        using VcfReader reader = Open(sb.ToString());
        Assert.True(reader.Read());
        int het = CountHets(reader); // warm up (first sample access sizes the offsets array)
        long before = GC.GetAllocatedBytesForCurrentThread();
        het = CountHets(reader);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(834, het);
        Assert.True(allocated < 2500, $"allocated {allocated} bytes for 2,500 samples");
    }

    private static int CountHets(VcfReader reader)
    {
        VcfRecord r = reader.Current;
        int het = 0;
        for (int s = 0; s < r.SampleCount; s++)
        {
            if (r.TryGetGenotype(s, out VcfGenotype gt) && gt.IsHet)
            {
                het++;
            }
        }

        return het;
    }

    [Theory]
    [InlineData("formatmissing.vcf")]
    [InlineData("noroundtrip.vcf")]
    [InlineData("vcf44_1.vcf")]
    [InlineData("formatcols.vcf")]
    [InlineData("test-vcf-hdr-in.vcf")]
    [InlineData("vcf_meta_meta.vcf")]
    [InlineData("index.vcf")]
    [InlineData("longrefs/index.vcf")]
    [InlineData("bcf-sr/weird-chr-names.vcf")]
    [InlineData("tabix/large_chr.vcf")]
    [InlineData("tabix/vcf_file.vcf")]
    public void Read_htslib_edge_cases_reads_every_line_as_record(string file)
    {
        string path = SharedData.PathOf("variants/vcf-conformance/htslib/" + file);
        int dataLines = File.ReadLines(path).Count(l => l.Length > 0 && l[0] != '#');
        using VcfReader reader = VcfReader.Open(path);
        long records = 0;
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            for (int s = 0; s < r.SampleCount; s++)
            {
                _ = r.TryGetGenotype(s, out _);
            }

            records++;
        }

        Assert.Equal(dataLines, records);
        Assert.Equal(0, reader.SkippedLineCount);
    }
}
