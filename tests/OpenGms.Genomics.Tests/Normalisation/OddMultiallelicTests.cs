using System.Globalization;
using System.Text;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Normalisation;

/// <summary>
/// Multiallelic records with value counts that do not fit their ALTs, and sample columns shorter or longer than
/// FORMAT, split (<c>-m -any</c>) and joined (<c>-m +any</c>). Expected outputs are bcftools norm 1.16's on the same
/// input; reference tests/TestData/reference/small.fa (chr2 = TTTTTGGGGGCC).
/// </summary>
public sealed class OddMultiallelicTests
{
    private const string Header =
        "##fileformat=VCFv4.2\n" +
        "##contig=<ID=chr1,length=23>\n" +
        "##contig=<ID=chr2,length=12>\n" +
        "##INFO=<ID=AC,Number=A,Type=Integer,Description=\"AC\">\n" +
        "##INFO=<ID=RS,Number=R,Type=Integer,Description=\"RS\">\n" +
        "##INFO=<ID=GL,Number=G,Type=Integer,Description=\"GL\">\n" +
        "##INFO=<ID=SA,Number=A,Type=String,Description=\"SA\">\n" +
        "##INFO=<ID=END,Number=1,Type=Integer,Description=\"END\">\n" +
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n" +
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n" +
        "##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"PL\">\n" +
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"DP\">\n" +
        "##FORMAT=<ID=FA,Number=A,Type=String,Description=\"FA\">\n" +
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n";

    private static readonly NormaliseOptions s_split = new() { Multiallelics = MultiallelicMode.SplitAny };
    private static readonly NormaliseOptions s_join = new() { Multiallelics = MultiallelicMode.JoinAny };

    [Fact]
    public void Split_per_alt_info_with_too_few_values_stops_with_NORM020()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise("chr2\t11\ta\tC\tA,G\t.\t.\tAC=1\tGT:AD\t0/1:1,2,3\t1/2:1,2,3\n", s_split));

        Assert.Equal("NORM020", ex.Code);
        Assert.Equal(15, ex.Line);
    }

    [Fact]
    public void Split_per_alt_info_with_too_many_values_and_force_drops_the_field()
    {
        string output = Normalise("chr2\t11\tb\tC\tA,G\t.\t.\tAC=1,2,3\tGT:AD\t0/1:1,2,3\t1/2:1,2,3\n", s_split with { Force = true });

        Assert.Equal(
            ["chr2\t11\tb\tC\tA\t.\t.\t.\tGT:AD\t0/1:1,2\t1/0:1,2", "chr2\t11\tb\tC\tG\t.\t.\t.\tGT:AD\t0/0:1,3\t0/1:1,3"],
            DataLines(output));
    }

    [Fact]
    public void Split_sample_without_trailing_fields_writes_them_missing()
    {
        string output = Normalise("chr2\t11\tc\tC\tA,G\t.\t.\tAC=1,2\tGT:AD:PL:DP\t0/1\t1/2:1,2,3\n", s_split);

        Assert.Equal(
            ["chr2\t11\tc\tC\tA\t.\t.\tAC=1\tGT:AD:PL:DP\t0/1:.:.:.\t1/0:1,2:.:.", "chr2\t11\tc\tC\tG\t.\t.\tAC=2\tGT:AD:PL:DP\t0/0:.:.:.\t0/1:1,3:.:."],
            DataLines(output));
    }

    [Fact]
    public void Split_sample_with_only_missing_gt_writes_missing_fields()
    {
        string output = Normalise("chr2\t11\te\tC\tA,G\t.\t.\tAC=1,2\tGT:AD:PL:DP\t.\t./.:.:.:.\n", s_split);

        Assert.Equal(
            ["chr2\t11\te\tC\tA\t.\t.\tAC=1\tGT:AD:PL:DP\t.:.:.:.\t./.:.:.:.", "chr2\t11\te\tC\tG\t.\t.\tAC=2\tGT:AD:PL:DP\t.:.:.:.\t./.:.:.:."],
            DataLines(output));
    }

    [Fact]
    public void Split_sample_with_more_fields_than_format_stops_with_NORM021()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise("chr2\t11\tf\tC\tA,G\t.\t.\t.\tGT:AD\t0/1:1,2,3:9\t1/2\n", s_split));

        Assert.Equal("NORM021", ex.Code);
        Assert.Equal(15, ex.Line);
    }

    [Theory]
    [InlineData("chr2\t11\tg\tC\tA\t.\t.\t.\tGT:AD\t0/1:1,2:9\n", 15)]
    [InlineData("chr2\t11\tg\tC\tA\t.\t.\tDP=3\tGT:AD\t0/1:1,2\t1/1:0,3:7\n", 15)]
    [InlineData("chr2\t11\tg\tC\tA\t.\t.\t.\tGT\t0/1\nchr2\t12\th\tC\tT\t.\t.\t.\tGT\t0/1:5\n", 16)]
    public void Record_copied_unchanged_with_more_sample_fields_than_format_stops_with_NORM021(string records, long line)
    {
        // A substitution is written through without being parsed; its samples are still checked, as htslib checks every record.
        foreach (NormaliseOptions options in new[] { s_split, new NormaliseOptions() })
        {
            NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise(records, options));

            Assert.Equal("NORM021", ex.Code);
            Assert.Equal(line, ex.Line);
        }
    }

    [Fact]
    public void Record_copied_unchanged_with_fewer_sample_fields_than_format_is_written()
    {
        string output = Normalise("chr2\t11\tg\tC\tA\t.\t.\t.\tGT:AD:DP\t0/1:1,2\t.\n", s_split);

        Assert.Equal(["chr2\t11\tg\tC\tA\t.\t.\t.\tGT:AD:DP\t0/1:1,2\t."], DataLines(output));
    }

    [Fact]
    public void Split_with_force_drops_a_field_whose_count_is_wrong_in_a_later_longer_sample()
    {
        // The first sample is short (its AD is missing), the second has a wrong AD count: AD goes, DP stays.
        string output = Normalise("chr2\t11\td\tC\tA,G\t.\t.\t.\tGT:AD:DP\t0/1\t1/2:1,2,3,4:7\n", s_split with { Force = true });

        Assert.Equal(
            ["chr2\t11\td\tC\tA\t.\t.\t.\tGT:DP\t0/1:.\t1/0:7", "chr2\t11\td\tC\tG\t.\t.\t.\tGT:DP\t0/0:.\t0/1:7"],
            DataLines(output));
    }

    [Fact]
    public void Join_per_alt_info_with_wrong_count_stops_with_NORM020()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise(
            "chr2\t11\tx\tC\tA\t.\t.\tAC=3,4\tGT:AD\t0/1:1\t1\nchr2\t11\ty\tC\tG\t.\t.\tAC=5\tGT:AD\t0/1:1,2\t./.\n", s_join));

        Assert.Equal("NORM020", ex.Code);
        Assert.Equal(15, ex.Line);
    }

    [Fact]
    public void Join_with_force_writes_a_wrong_count_info_value_as_missing()
    {
        string output = Normalise(
            "chr2\t11\tx\tC\tA\t.\t.\tAC=3,4\tGT\t0/1\t1\nchr2\t11\ty\tC\tG\t.\t.\tAC=5\tGT\t0/1\t./.\n", s_join with { Force = true });

        Assert.Equal("chr2\t11\tx;y\tC\tA,G\t.\t.\tAC=.,5\tGT\t2/1\t1", Assert.Single(DataLines(output)));
    }

    [Fact]
    public void Join_format_values_with_wrong_counts_keep_the_values_that_fit()
    {
        string output = Normalise(
            "chr2\t11\tx\tC\tA\t.\t.\tAC=3\tGT:AD\t0/1:1,2,3,4\t1:3,4\nchr2\t11\ty\tC\tG\t.\t.\tAC=5\tGT:AD\t0/1:1,2\t./.:5,6\n", s_join);

        Assert.Equal("chr2\t11\tx;y\tC\tA,G\t.\t.\tAC=3,5\tGT:AD\t2/1:1,2,2\t1:5,4,6", Assert.Single(DataLines(output)));
    }

    [Fact]
    public void Join_sample_with_more_fields_than_format_stops_with_NORM021()
    {
        NormaliseException ex = Assert.Throws<NormaliseException>(() => Normalise(
            "chr2\t11\tx\tC\tA\t.\t.\t.\tGT\t0/1:5\t1\nchr2\t11\ty\tC\tG\t.\t.\t.\tGT\t0/1\t1\n", s_join));

        Assert.Equal("NORM021", ex.Code);
    }

    /// <summary>
    /// Seeded random odd multiallelic records through split, join and atomize: the only exception allowed is the
    /// engine's own coded <see cref="NormaliseException"/>.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fuzz_odd_multiallelic_records_raise_only_coded_errors(int seed)
    {
        var random = new Random(seed);
        using var temp = new TempDirectory();
        using ReferenceGenome reference = OpenReference(temp);
        NormaliseOptions[] modes =
        [
            s_split,
            s_split with { Force = true },
            s_split with { MultiOverlaps = ".", RefCheck = RefCheckMode.Fix },
            s_split with { Atomize = true, RefCheck = RefCheckMode.WarnExclude },
            s_join,
            s_join with { Force = true, RefCheck = RefCheckMode.Warn },
            new NormaliseOptions { Multiallelics = MultiallelicMode.JoinBoth, RefCheck = RefCheckMode.Exclude },
            new NormaliseOptions { Atomize = true, RefCheck = RefCheckMode.Fix },
        ];
        var failures = new List<string>();
        int coded = 0;
        for (int i = 0; i < 1500; i++)
        {
            string records = RandomRecords(random);
            NormaliseOptions options = modes[random.Next(modes.Length)];
            try
            {
                Run(records, options, reference);
            }
            catch (NormaliseException)
            {
                coded++;
            }
#pragma warning disable CA1031 // The fuzz loop records any other exception as a failure, with its input.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Add($"{ex.GetType().Name} ({options.Multiallelics}, force={options.Force}, -a={options.Atomize}, -c {options.RefCheck}): {ex.Message}\n{records}{ex.StackTrace}");
                if (failures.Count >= 5)
                {
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(coded < 1500, "every record stopped with a coded error: the fuzz inputs are too broken to reach splitting");
    }

    private static string RandomRecords(Random random)
    {
        var sb = new StringBuilder();
        bool chr1 = random.Next(2) == 0;
        string chrom = chr1 ? "chr1" : "chr2";
        string sequence = chr1 ? "ACGTACGTACgtacgtNNACACG" : "TTTTTGGGGGCC";
        int pos = 1 + random.Next(sequence.Length);
        int count = 1 + random.Next(3);
        for (int r = 0; r < count; r++)
        {
            string refAllele = RandomRef(random, sequence, pos);
            int nAlt = 1 + random.Next(4);
            var alts = new List<string>(nAlt);
            for (int a = 0; a < nAlt; a++)
            {
                alts.Add(RandomAlt(random, refAllele));
            }

            sb.Append(chrom).Append('\t').Append(pos.ToString(CultureInfo.InvariantCulture)).Append("\tr").Append(r.ToString(CultureInfo.InvariantCulture))
              .Append('\t').Append(refAllele).Append('\t').Append(string.Join(',', alts)).Append("\t.\t.\t");
            AppendInfo(sb, random, nAlt);
            AppendSamples(sb, random, nAlt);
            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static string RandomRef(Random random, string sequence, int pos)
    {
        int length = 1 + random.Next(3);
        string bases = sequence.Substring(pos - 1, Math.Min(length, sequence.Length - pos + 1));
        return random.Next(10) switch
        {
            0 => "N" + bases[1..],
            1 => bases.ToLowerInvariant(),
            2 => "A" + bases,
            _ => bases,
        };
    }

    private static string RandomAlt(Random random, string refAllele)
    {
        switch (random.Next(14))
        {
            case 0:
                return "*";
            case 1:
                return "<DEL>";
            case 2:
                return "<NON_REF>";
            case 3:
                return refAllele;
            case 4:
                return "N";
            case 5:
                return refAllele[..1] + "AC";
            case 6:
                return "A[chr1:5[";
            default:
                int length = 1 + random.Next(4);
                var sb = new StringBuilder(length);
                for (int i = 0; i < length; i++)
                {
                    sb.Append("ACGTacgt"[random.Next(8)]);
                }

                return sb.ToString();
        }
    }

    private static void AppendInfo(StringBuilder sb, Random random, int nAlt)
    {
        var items = new List<string>();
        foreach (string key in (string[])["AC", "RS", "GL", "SA", "END"])
        {
            switch (random.Next(5))
            {
                case 0:
                    continue;
                case 1:
                    items.Add(key);
                    break;
                case 2:
                    items.Add(key + "=");
                    break;
                default:
                    items.Add(key + "=" + RandomList(random, nAlt + 1 + random.Next(3) - 1));
                    break;
            }
        }

        sb.Append(items.Count == 0 ? "." : string.Join(';', items));
    }

    private static void AppendSamples(StringBuilder sb, Random random, int nAlt)
    {
        if (random.Next(8) == 0)
        {
            return;
        }

        string[] pool = ["GT", "AD", "PL", "DP", "FA", "XX"];
        var keys = new List<string>();
        foreach (string key in pool)
        {
            if (random.Next(3) != 0)
            {
                keys.Add(key);
            }
        }

        if (keys.Count == 0)
        {
            keys.Add("GT");
        }

        if (random.Next(4) == 0)
        {
            (keys[0], keys[^1]) = (keys[^1], keys[0]);
        }

        sb.Append('\t').Append(string.Join(':', keys));
        for (int s = 0; s < 2; s++)
        {
            // Trailing fields may be dropped (VCF 4.3 section 1.6.2); now and then a sample has one too many.
            int fields = random.Next(6) == 0 ? keys.Count + 1 : random.Next(3) == 0 ? random.Next(keys.Count + 1) : keys.Count;
            var values = new List<string>(fields);
            for (int k = 0; k < fields; k++)
            {
                string key = k < keys.Count ? keys[k] : "DP";
                values.Add(key == "GT" ? RandomGenotype(random, nAlt) : RandomList(random, random.Next(2 * (nAlt + 2))));
            }

            sb.Append('\t').Append(values.Count == 0 ? "." : string.Join(':', values));
        }
    }

    private static string RandomGenotype(Random random, int nAlt)
    {
        int ploidy = 1 + random.Next(3);
        var sb = new StringBuilder();
        for (int p = 0; p < ploidy; p++)
        {
            if (p > 0)
            {
                sb.Append(random.Next(2) == 0 ? '/' : '|');
            }

            int allele = random.Next(nAlt + 3) - 1;
            sb.Append(allele < 0 ? "." : allele.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string RandomList(Random random, int count)
    {
        if (count <= 0)
        {
            return random.Next(2) == 0 ? "." : "";
        }

        var values = new string[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.Next(6) == 0 ? "." : random.Next(100).ToString(CultureInfo.InvariantCulture);
        }

        return string.Join(',', values);
    }

    private static ReferenceGenome OpenReference(TempDirectory temp)
    {
        string fasta = temp.File("small.fa");
        File.Copy(RepoPaths.TestData("reference/small.fa"), fasta);
        return ReferenceGenome.Open(fasta).Value;
    }

    private static string Normalise(string records, NormaliseOptions options)
    {
        using var temp = new TempDirectory();
        using ReferenceGenome reference = OpenReference(temp);
        return Run(records, options, reference);
    }

    private static string Run(string records, NormaliseOptions options, ReferenceGenome reference)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(Header + records));
        using var output = new MemoryStream();
        new VcfNormaliser(options, reference).Run(input, output, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string[] DataLines(string text) => text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();
}
