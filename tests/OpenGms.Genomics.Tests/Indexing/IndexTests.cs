using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Indexing;

public sealed class IndexTests
{
    private static List<string> Query(string vcfGz, GenomicIndex index, params GenomicRegion[] regions)
    {
        using VcfReader reader = VcfReader.Open(vcfGz);
        var rr = new VcfRegionReader(reader, index, regions);
        var lines = new List<string>();
        while (rr.Read())
        {
            lines.Add(Encoding.UTF8.GetString(rr.Current.Line));
        }

        return lines;
    }

    /// <summary>The oracle: a linear scan of every record, keeping those that overlap.</summary>
    private static List<string> Scan(string vcf, GenomicRegion region)
    {
        using VcfReader reader = VcfReader.Open(vcf);
        var lines = new List<string>();
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            if (Encoding.UTF8.GetString(r.Chrom) == region.Chrom && region.Overlaps(r.Position, VcfWriter.RecordEnd(r.Line, r.Position)))
            {
                lines.Add(Encoding.UTF8.GetString(r.Line));
            }
        }

        return lines;
    }

    [Theory]
    [InlineData(".tbi", "1:1-10000000")]
    [InlineData(".csi", "1:1-10000000")]
    [InlineData(".tbi", "2:5000000-40000000")]
    [InlineData(".csi", "10")]
    [InlineData(".tbi", "10:12345")]
    public void Query_htslib_index_matches_linear_scan(string extension, string regionText)
    {
        string gz = SharedData.PathOf("variants/vcf-conformance/htslib/derived/index.vcf.gz");
        GenomicIndex index = GenomicIndex.Read(gz + extension);
        Assert.True(GenomicRegion.TryParse(regionText, out GenomicRegion region));
        Assert.Equal(extension == ".csi", index.IsCsi);
        Assert.Equal(Scan(gz, region), Query(gz, index, region));
    }

    [Fact]
    public void Query_many_small_regions_matches_linear_scan_of_each()
    {
        string gz = SharedData.PathOf("variants/vcf-conformance/htslib/derived/index.vcf.gz");
        GenomicIndex index = GenomicIndex.Read(gz + ".tbi");
        var regions = new List<GenomicRegion>();
        // The file's records sit around 1:10,000,000, 2:5,000,000 and 10:3,000,000, one every base or so.
        for (long offset = 0; offset < 400; offset += 37)
        {
            regions.Add(new GenomicRegion("1", 9_999_900 + offset, 9_999_910 + offset));
            regions.Add(new GenomicRegion("2", 4_999_900 + offset, 4_999_905 + offset));
            regions.Add(new GenomicRegion("10", 3_000_000 + offset, 3_000_003 + offset));
        }

        regions.Add(new GenomicRegion("1", 9_999_905, 9_999_950)); // overlaps others: merged, nothing twice

        // Regions come back merged and in index order, each record once: the union of the single-region scans.
        string[] contigOrder = ["1", "2", "10"];
        List<string> expected = [.. regions.OrderBy(r => Array.IndexOf(contigOrder, r.Chrom)).ThenBy(r => r.Start).SelectMany(r => Scan(gz, r)).Distinct()];

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Query(gz, index, [.. regions]));
    }

    [Theory]
    [InlineData("1:3000151-3000151", "vcf_file.1.3000151.out")]
    [InlineData("2:3199812-3199812", "vcf_file.2.3199812.out")]
    public void Written_index_answers_like_tabix(string regionText, string expectedFile)
    {
        string vcf = SharedData.PathOf("variants/vcf-conformance/htslib/tabix/vcf_file.vcf");
        string[] expected = File.ReadAllLines(SharedData.PathOf("variants/vcf-conformance/htslib/tabix/" + expectedFile));
        using var dir = new TempDirectory();
        string gz = dir.File("out.vcf.gz");
        using (VcfReader reader = VcfReader.Open(vcf))
        {
            using var writer = new VcfWriter(gz, reader.Header, bgzf: true, writeIndex: true);
            while (reader.Read())
            {
                writer.Write(reader.Current);
            }

            writer.Complete();
        }

        Assert.True(GenomicRegion.TryParse(regionText, out GenomicRegion region));
        GenomicIndex index = GenomicIndex.OpenBeside(gz)!;
        Assert.Equal(expected, Query(gz, index, region));
    }

    [Theory]
    [InlineData("chr1:100-200", "chr1", 100, 200)]
    [InlineData("chr1:1,000-2,000", "chr1", 1000, 2000)]
    [InlineData("chrX", "chrX", 1, long.MaxValue)]
    [InlineData("HLA-A*01:01:1-5", "HLA-A*01:01", 1, 5)]
    public void GenomicRegion_TryParse_reads_user_forms(string text, string chrom, long start, long end)
    {
        Assert.True(GenomicRegion.TryParse(text, out GenomicRegion r));
        Assert.Equal(new GenomicRegion(chrom, start, end), r);
    }

    [Theory]
    [InlineData(0, 1, 4681)]
    [InlineData(0, 16384, 4681)]
    [InlineData(0, 16385, 585)]
    [InlineData(0, 1 << 29, 0)]
    public void RegionToBin_follows_the_sam_specification(long beg, long end, int bin)
    {
        Assert.Equal(bin, Binning.RegionToBin(beg, end, 14, 5));
    }

    [Fact]
    public void Index_built_while_writing_equals_the_index_of_the_written_file()
    {
        var text = new System.Text.StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=1>\n##contig=<ID=2>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        var random = new Random(3);
        for (int i = 0; i < 6000; i++)
        {
            string chrom = i < 3000 ? "1" : "2";
            long pos = (1 + (i % 3000)) * 997L;
            // Some long lines (longer than a block) and some records with END.
            string info = i % 500 == 7 ? "X=" + new string('A', 70_000) : i % 13 == 0 ? $"END={pos + random.Next(1, 50_000)}" : "DP=" + random.Next(100);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{chrom}\t{pos}\t.\tA\tC\t.\tPASS\t{info}\n");
        }

        string dir = Path.Combine(Path.GetTempPath(), "gms-index-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "x.vcf.gz");
            var indexer = new OpenGms.Genomics.Normalisation.BgzfVcfLineIndexer();
            using (var file = File.Create(path))
            using (var writer = new BgzfWriteStream(file, parallelism: 3, onBlock: indexer.AddBlock))
            {
                writer.Write(System.Text.Encoding.UTF8.GetBytes(text.ToString()));
            }

            indexer.Write(Path.Combine(dir, "while.tbi"));
            OpenGms.Genomics.Normalisation.BgzfVcfIndexer.WriteTabix(path);
            Assert.Equal(File.ReadAllBytes(path + ".tbi"), File.ReadAllBytes(Path.Combine(dir, "while.tbi")));
            Assert.True(new FileInfo(path + ".tbi").Length > 100);
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }
}
