using System.Globalization;
using System.Text;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Normalisation;

/// <summary>
/// Oracle test for the byte path (<see cref="ByteRealigner"/> and the line copy in <see cref="VcfNormaliser"/>):
/// the same seeded random files are normalised with and without it, and the outputs (bytes, counts and any coded
/// error) must be identical. The reference has repeats, soft-masked (lower-case) stretches, N runs and IUPAC codes;
/// records include indels at the contig start, N bases, lower-case alleles, REF mismatches, symbolic alleles,
/// <c>*</c>, breakends, INFO/END, empty INFO values and short sample columns.
/// </summary>
public sealed class ByteRealignerOracleTests
{
    private const string Header =
        "##fileformat=VCFv4.2\n" +
        "##INFO=<ID=AC,Number=A,Type=Integer,Description=\"AC\">\n" +
        "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"DP\">\n" +
        "##INFO=<ID=END,Number=1,Type=Integer,Description=\"END\">\n" +
        "##INFO=<ID=SVLEN,Number=1,Type=Integer,Description=\"SVLEN\">\n" +
        "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"GT\">\n" +
        "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"AD\">\n" +
        "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"DP\">\n" +
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\n";

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Byte_path_writes_what_the_general_path_writes(int seed)
    {
        var random = new Random(seed);
        using var temp = new TempDirectory();
        string fasta = temp.File("oracle.fa");
        Dictionary<string, string> contigs = WriteReference(random, fasta);
        using ReferenceGenome reference = ReferenceGenome.Open(fasta).Value;
        NormaliseOptions[] modes =
        [
            new NormaliseOptions(),
            new NormaliseOptions { RefCheck = RefCheckMode.Warn },
            new NormaliseOptions { RefCheck = RefCheckMode.Exclude },
            new NormaliseOptions { RefCheck = RefCheckMode.Fix },
            new NormaliseOptions { Multiallelics = MultiallelicMode.SplitAny, RefCheck = RefCheckMode.Warn },
            new NormaliseOptions { Multiallelics = MultiallelicMode.JoinAny, RefCheck = RefCheckMode.Warn },
            new NormaliseOptions { Duplicates = DuplicateMode.Exact, SortLexically = true, RefCheck = RefCheckMode.Warn },
            new NormaliseOptions { SiteWindow = 3, RefCheck = RefCheckMode.Warn, Force = true },
        ];
        int byteChanged = 0;
        for (int file = 0; file < 400; file++)
        {
            string vcf = Header + RandomRecords(random, contigs, 25);
            NormaliseOptions options = modes[file % modes.Length];
            (string general, NormaliseSummary? generalSummary, string? generalError) = Run(vcf, options, reference, bytePath: false);
            (string bytes, NormaliseSummary? byteSummary, string? byteError) = Run(vcf, options, reference, bytePath: true);

            Assert.True(general == bytes, $"outputs differ (seed {seed}, file {file}, {options}):\n{Diff(general, bytes)}\ninput:\n{vcf}");
            Assert.Equal(generalError, byteError);
            Assert.Equal(generalSummary?.Realigned, byteSummary?.Realigned);
            Assert.Equal(generalSummary?.RecordsOut, byteSummary?.RecordsOut);
            byteChanged += (int)(byteSummary?.Realigned ?? 0);
        }

        Assert.True(byteChanged > 300, $"only {byteChanged} records were realigned: the inputs do not exercise the byte path");
    }

    [Theory]
    [InlineData("c1\t3\t.\tAG\tA\t.\t.\tDP=3\tGT:AD\t0/1:1,2\t1/1:0,4")]
    [InlineData("c1\t1\t.\tAA\tA\t.\t.\t.\tGT\t0/1\t0/1")]
    [InlineData("c1\t2\t.\tAA\tA\t.\t.\t.")]
    [InlineData("c1\t1\t.\tA\tAA\t.\t.\t.")]
    [InlineData("c1\t12\t.\tnn\tn\t.\t.\t.")]
    [InlineData("c1\t17\t.\tccc\tcc\t.\t.\tAC=1")]
    [InlineData("c1\t10\t.\tNC\tN\t.\t.\t.")]
    public void Byte_path_edge_cases_match_the_general_path(string record)
    {
        // c1: AAAAAcccccNNNNNrycccggggAAAA (soft-masked run, N run, IUPAC codes, homopolymers).
        using var temp = new TempDirectory();
        string fasta = temp.File("edge.fa");
        File.WriteAllText(fasta, ">c1\nAAAAAcccccNNNNNrycccggggAAAA\n");
        using ReferenceGenome reference = ReferenceGenome.Open(fasta).Value;
        var options = new NormaliseOptions { RefCheck = RefCheckMode.Warn };

        (string general, _, string? generalError) = Run(Header + record + "\n", options, reference, bytePath: false);
        (string bytes, _, string? byteError) = Run(Header + record + "\n", options, reference, bytePath: true);

        Assert.Equal(general, bytes);
        Assert.Equal(generalError, byteError);
    }

    private static (string Output, NormaliseSummary? Summary, string? Error) Run(string vcf, NormaliseOptions options, ReferenceGenome reference, bool bytePath)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(vcf));
        using var output = new MemoryStream();
        try
        {
            NormaliseSummary summary = new VcfNormaliser(options, reference) { UseBytePath = bytePath }.Run(input, output, CancellationToken.None);
            return (Encoding.UTF8.GetString(output.ToArray()), summary, null);
        }
        catch (NormaliseException ex)
        {
            return (Encoding.UTF8.GetString(output.ToArray()), null, $"{ex.Code} line {ex.Line.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    private static Dictionary<string, string> WriteReference(Random random, string path)
    {
        var contigs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["c1"] = RandomSequence(random, 400),
            ["c2"] = RandomSequence(random, 60),
        };
        var sb = new StringBuilder();
        foreach ((string name, string sequence) in contigs)
        {
            sb.Append('>').Append(name).Append('\n');
            for (int i = 0; i < sequence.Length; i += 50)
            {
                sb.Append(sequence, i, Math.Min(50, sequence.Length - i)).Append('\n');
            }
        }

        File.WriteAllText(path, sb.ToString());
        return contigs;
    }

    /// <summary>Random bases with homopolymers and short tandem repeats; some stretches lower case, some N, a few IUPAC codes.</summary>
    private static string RandomSequence(Random random, int length)
    {
        var sb = new StringBuilder(length);
        while (sb.Length < length)
        {
            string piece = random.Next(6) switch
            {
                0 => new string("ACGT"[random.Next(4)], 2 + random.Next(8)),
                1 => Repeat(RandomBases(random, 1 + random.Next(3)), 2 + random.Next(5)),
                2 when random.Next(4) == 0 => new string('N', 1 + random.Next(4)),
                3 when random.Next(3) == 0 => "RYKMSW"[random.Next(6)].ToString(),
                _ => RandomBases(random, 1 + random.Next(6)),
            };
            sb.Append(random.Next(5) == 0 ? piece.ToLowerInvariant() : piece);
        }

        return sb.ToString(0, length);
    }

    private static string Repeat(string unit, int copies)
    {
        var sb = new StringBuilder(unit.Length * copies);
        for (int i = 0; i < copies; i++)
        {
            sb.Append(unit);
        }

        return sb.ToString();
    }

    private static string RandomBases(Random random, int length)
    {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append("ACGT"[random.Next(4)]);
        }

        return sb.ToString();
    }

    private static string RandomRecords(Random random, Dictionary<string, string> contigs, int count)
    {
        var lines = new List<(string Chrom, int Pos, string Line)>(count);
        foreach ((string chrom, string sequence) in contigs)
        {
            for (int r = 0; r < count / 2; r++)
            {
                // Positions near the contig start often, to reach the no-padding-left rule.
                int pos = random.Next(4) == 0 ? 1 + random.Next(4) : 1 + random.Next(sequence.Length - 1);
                lines.Add((chrom, pos, RandomRecord(random, chrom, sequence, pos)));
            }
        }

        lines.Sort((a, b) => a.Chrom != b.Chrom ? string.CompareOrdinal(a.Chrom, b.Chrom) : a.Pos.CompareTo(b.Pos));
        var sb = new StringBuilder();
        foreach ((_, _, string line) in lines)
        {
            sb.Append(line).Append('\n');
        }

        return sb.ToString();
    }

    private static string RandomRecord(Random random, string chrom, string sequence, int pos)
    {
        if (random.Next(3) == 0)
        {
            return ShiftingRecord(random, chrom, sequence, pos);
        }

        int refLength = Math.Min(1 + random.Next(5), sequence.Length - pos + 1);
        string refAllele = sequence.Substring(pos - 1, refLength);
        refAllele = random.Next(6) switch
        {
            0 => refAllele.ToLowerInvariant(),
            1 => refAllele.ToUpperInvariant(),
            2 when random.Next(3) == 0 => "N" + refAllele[1..],
            3 when random.Next(4) == 0 => RandomBases(random, refLength),
            _ => refAllele.ToUpperInvariant(),
        };
        string alt = random.Next(20) switch
        {
            0 => "*",
            1 => "<DEL>",
            2 => "<INS>",
            3 => "N",
            4 => refAllele[..1] + "[" + chrom + ":5[",
            5 => ".",
            6 => RandomIndel(random, refAllele, sequence, pos) + "," + RandomIndel(random, refAllele, sequence, pos),
            7 => refAllele,
            _ => RandomIndel(random, refAllele, sequence, pos),
        };
        string posText = random.Next(40) == 0 ? "0" + pos.ToString(CultureInfo.InvariantCulture) : pos.ToString(CultureInfo.InvariantCulture);
        string info = random.Next(12) switch
        {
            0 => ".",
            1 => "DP=7;END=" + (pos + refLength + 3).ToString(CultureInfo.InvariantCulture),
            2 => "AC=",
            3 => "DP=4;;AC=1",
            4 => "SVLEN=-3",
            5 => "",
            _ => "AC=1;DP=" + random.Next(100).ToString(CultureInfo.InvariantCulture),
        };
        string samples = random.Next(8) switch
        {
            0 => "",
            1 => "\tGT:AD:DP\t0/1\t1/1:0,5:5",
            2 => "\tGT:AD\t0/1:3,4:9\t1",
            3 => "\tGT",
            _ => "\tGT:AD:DP\t0/1:3,4:7\t1|1:0,9:9",
        };
        return $"{chrom}\t{posText}\tid{pos}\t{refAllele}\t{alt}\t{(random.Next(3) == 0 ? "." : "50.5")}\tPASS\t{info}{samples}";
    }

    /// <summary>
    /// An indel that realignment moves or trims: an insertion repeating the bases that end at POS, or a deletion
    /// (padded or not) of bases that follow POS, with the reference's REF in upper or lower case.
    /// </summary>
    private static string ShiftingRecord(Random random, string chrom, string sequence, int pos)
    {
        int p0 = pos - 1;
        int unit = 1 + random.Next(3);
        string refAllele;
        string alt;
        if (random.Next(2) == 0 && p0 - unit + 1 >= 0)
        {
            refAllele = sequence.Substring(p0, 1);
            alt = string.Concat(refAllele, sequence.AsSpan(p0 - unit + 1, unit));
        }
        else
        {
            int length = Math.Min(unit + 1 + random.Next(2), sequence.Length - p0);
            refAllele = sequence.Substring(p0, length);
            alt = random.Next(3) == 0 && length > 2 ? refAllele[..1] + refAllele[^1..] : refAllele[..1];
        }

        if (random.Next(3) == 0)
        {
            refAllele = refAllele.ToUpperInvariant();
            alt = alt.ToUpperInvariant();
        }

        string samples = random.Next(2) == 0 ? "" : "\tGT:AD:DP\t0/1:3,4:7\t1|1:0,9:9";
        return $"{chrom}\t{pos.ToString(CultureInfo.InvariantCulture)}\trs{pos.ToString(CultureInfo.InvariantCulture)}\t{refAllele}\t{alt}\t60\t.\tAC=1;DP=5{samples}";
    }

    /// <summary>A deletion, an insertion of a nearby repeat unit or of random bases, or a same-length change, in a mix of cases.</summary>
    private static string RandomIndel(Random random, string refAllele, string sequence, int pos)
    {
        string alt = random.Next(5) switch
        {
            0 => refAllele[..1],
            1 => refAllele + sequence.Substring(pos - 1, Math.Min(1 + random.Next(3), sequence.Length - pos + 1)).ToUpperInvariant(),
            2 => refAllele + RandomBases(random, 1 + random.Next(4)),
            3 => RandomBases(random, refAllele.Length),
            _ => refAllele.Length > 1 ? refAllele[..(1 + random.Next(refAllele.Length - 1))] + RandomBases(random, random.Next(3)) : refAllele + "T",
        };
        return random.Next(5) == 0 ? alt.ToLowerInvariant() : alt;
    }

    private static string Diff(string a, string b)
    {
        string[] x = a.Split('\n');
        string[] y = b.Split('\n');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return $"line {i}:\n general: {x[i]}\n bytes:   {y[i]}";
            }
        }

        return $"line counts {x.Length} vs {y.Length}";
    }
}
