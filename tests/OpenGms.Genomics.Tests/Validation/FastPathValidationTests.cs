using System.Globalization;
using System.Text;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Validation;

/// <summary>
/// The validator's fast paths (INFO values and sample columns checked in one scalar pass, falling back to the full
/// checks on anything unusual) give the issue list of the full checks alone, issue for issue, on files broken at
/// random in every column the fast paths touch.
/// </summary>
public sealed class FastPathValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Validate_mutated_cohort_gives_the_same_issues_with_and_without_fast_paths(int seed)
    {
        string path = Path.Combine(Path.GetTempPath(), $"gms-fastpath-{Guid.NewGuid():N}.vcf");
        try
        {
            File.WriteAllText(path, MutatedVcf(seed, records: 600, samples: 30));
            string full = Render(path, fastPaths: false, threads: 1);
            string fast = Render(path, fastPaths: true, threads: 1);
            Assert.True(full == fast, $"first difference at {FirstDifference(full, fast)}");
            Assert.Equal(full, Render(path, fastPaths: true, threads: 2));

            // The mutations must reach the value checks, not only the structure.
            foreach (string code in new[] { VcfIssueCodes.TypeMismatch, VcfIssueCodes.CountMismatch, VcfIssueCodes.InvalidGenotype, VcfIssueCodes.GenotypeAlleleRange, VcfIssueCodes.SampleFields })
            {
                Assert.Contains(code, full, StringComparison.Ordinal);
            }

            output.WriteLine($"seed {seed}: {full.Split('\n').Length} report lines, identical");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Validate_cohort_broken_from_qual_on_gives_the_same_issues_with_and_without_fast_paths(int seed)
    {
        // Breaks QUAL, FILTER and INFO too, so the one-pass QUAL and INFO checks meet what they must hand over.
        string path = Path.Combine(Path.GetTempPath(), $"gms-fastpath-{Guid.NewGuid():N}.vcf");
        try
        {
            File.WriteAllText(path, MutatedVcf(seed, records: 800, samples: 4, mutateFromColumn: 5));
            string full = Render(path, fastPaths: false, threads: 1);
            string fast = Render(path, fastPaths: true, threads: 1);
            Assert.True(full == fast, $"first difference at {FirstDifference(full, fast)}");
            Assert.Equal(full, Render(path, fastPaths: true, threads: 2));
            foreach (string code in new[] { VcfIssueCodes.InvalidQual, VcfIssueCodes.InvalidInfo, VcfIssueCodes.TypeMismatch, VcfIssueCodes.CountMismatch })
            {
                Assert.Contains(code, full, StringComparison.Ordinal);
            }

            output.WriteLine($"seed {seed}: {full.Split('\n').Length} report lines, identical");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Validate_conformance_files_give_the_same_issues_with_and_without_fast_paths()
    {
        string root = SharedData.PathOf("variants/vcf-conformance");
        string[] files = System.IO.Directory.GetFiles(root, "*.vcf*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".vcf", StringComparison.Ordinal) || f.EndsWith(".vcf.gz", StringComparison.Ordinal)).Order().ToArray();
        Assert.True(files.Length > 400, "expected the conformance folders");
        foreach (string f in files)
        {
            Assert.True(Render(f, fastPaths: false, threads: 1) == Render(f, fastPaths: true, threads: 1), f);
        }
    }

    private static string Render(string path, bool fastPaths, int threads)
    {
        var sink = new VcfIssueSink(100_000);
        VcfReader reader;
        try
        {
            reader = VcfReader.Open(path, sink);
        }
        catch (InvalidDataException ex)
        {
            return "unreadable: " + ex.Message;
        }

        using (reader)
        {
            VcfValidationReport report = VcfValidator.Validate(reader, path, VcfValidationMode.Strict, null, null, threads, 16, fastPaths);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"records {report.Records} errors {report.Errors} warnings {report.Warnings}\n");
            foreach (KeyValuePair<string, long> c in report.IssueCounts.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"count {c.Key} {c.Value}\n");
            }

            foreach (VcfIssue issue in report.Issues)
            {
                text.Append(issue).Append('\n');
            }

            return text.ToString();
        }
    }

    private static string FirstDifference(string a, string b)
    {
        string[] x = a.Split('\n');
        string[] y = b.Split('\n');
        for (int i = 0; i < Math.Min(x.Length, y.Length); i++)
        {
            if (x[i] != y[i])
            {
                return $"line {i}: '{x[i]}' vs '{y[i]}'";
            }
        }

        return $"lengths {x.Length} vs {y.Length}";
    }

    /// <summary>
    /// A multi-sample VCF with Integer, Float, String, Character and undeclared INFO and FORMAT fields of several
    /// Numbers, where half the records have bytes replaced, inserted or deleted from a column on (seeded).
    /// </summary>
    private static string MutatedVcf(int seed, int records, int samples, int mutateFromColumn = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        text.Append("##fileformat=VCFv4.3\n");
        text.Append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count\">\n##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">\n");
        text.Append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n##INFO=<ID=RS,Number=1,Type=Float,Description=\"Rank sum\">\n");
        text.Append("##INFO=<ID=NM,Number=.,Type=String,Description=\"Names\">\n##INFO=<ID=CH,Number=1,Type=Character,Description=\"Char\">\n");
        text.Append("##INFO=<ID=GL,Number=G,Type=Float,Description=\"Likelihoods\">\n##INFO=<ID=DB,Number=0,Type=Flag,Description=\"dbSNP\">\n");
        text.Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n");
        text.Append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype quality\">\n");
        text.Append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Likelihoods\">\n##FORMAT=<ID=VF,Number=A,Type=Float,Description=\"Fraction\">\n");
        text.Append("##FORMAT=<ID=FT,Number=1,Type=String,Description=\"Filter\">\n##FORMAT=<ID=CC,Number=2,Type=Character,Description=\"Chars\">\n");
        text.Append("##FORMAT=<ID=PS,Number=P,Type=Integer,Description=\"Per ploidy\">\n");
        text.Append("##contig=<ID=chr1,length=100000000>\n");
        text.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT");
        for (int s = 0; s < samples; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\tS{s}");
        }

        text.Append('\n');
        const string alphabet = "-.,:/|x0123456789\t;=e+AN ";
        string[] formats = ["GT:AD:DP:GQ:PL", "GT:DP", "GT:AD:VF:FT:CC:PS:ZZ", "DP:GT"];
        long pos = 100;
        var line = new StringBuilder();
        for (int i = 0; i < records; i++)
        {
            pos += random.Next(1, 400);
            int alts = random.Next(1, 4);
            string alt = string.Join(',', Enumerable.Range(0, alts).Select(a => "CGT"[a].ToString()));
            string format = formats[random.Next(formats.Length)];
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"chr1\t{pos}\t.\tA\t{alt}\t{random.Next(1000)}.5\tPASS\t");
            line.Append(CultureInfo.InvariantCulture, $"AC={string.Join(',', Enumerable.Repeat("1", alts))};AF={string.Join(',', Enumerable.Repeat("0.25", alts))};DP={random.Next(100)};RS=-{random.Next(3)}.{random.Next(100)};NM=a,b;CH=x");
            line.Append(random.Next(2) == 0 ? ";DB" : ";GL=" + string.Join(',', Enumerable.Repeat("-1.5", (alts + 1) * (alts + 2) / 2)));
            if (random.Next(8) == 0)
            {
                line.Append(";UNDECLARED=7");
            }

            line.Append('\t').Append(format);
            for (int s = 0; s < samples; s++)
            {
                int a1 = random.Next(alts + 1);
                int a2 = random.Next(alts + 1);
                string gt = random.Next(10) switch { 0 => "./.", 1 => $"{a1}", 2 => $"{a1}|{a2}", _ => $"{a1}/{a2}" };
                int ploidy = gt.Length == 1 ? 1 : 2;
                int genotypes = ploidy == 1 ? alts + 1 : (alts + 1) * (alts + 2) / 2;
                string ad = string.Join(',', Enumerable.Range(0, alts + 1).Select(_ => random.Next(40).ToString(CultureInfo.InvariantCulture)));
                string pl = string.Join(',', Enumerable.Range(0, genotypes).Select(_ => random.Next(900).ToString(CultureInfo.InvariantCulture)));
                string vf = string.Join(',', Enumerable.Range(0, alts).Select(_ => "0." + random.Next(100).ToString(CultureInfo.InvariantCulture)));
                string ps = ploidy == 1 ? "5" : "5,6";
                string value = format switch
                {
                    "GT:AD:DP:GQ:PL" => $"{gt}:{ad}:{random.Next(90)}:{random.Next(99)}:{pl}",
                    "GT:DP" => random.Next(6) == 0 ? gt : $"{gt}:{random.Next(90)}",
                    "GT:AD:VF:FT:CC:PS:ZZ" => $"{gt}:{ad}:{vf}:PASS:a,b:{ps}:anything",
                    _ => $"{random.Next(90)}:{gt}",
                };
                line.Append('\t').Append(value);
            }

            if (random.Next(2) == 0)
            {
                // Mutate from the given column on (by default after FILTER: INFO, FORMAT and the samples).
                int from = IndexOfNth(line, '\t', mutateFromColumn) + 1;
                for (int m = random.Next(1, 12); m > 0; m--)
                {
                    int at = random.Next(from, line.Length + 1);
                    char c = alphabet[random.Next(alphabet.Length)];
                    double op = random.NextDouble();
                    if (op < 0.4 && at < line.Length)
                    {
                        line[at] = c;
                    }
                    else if (op < 0.7)
                    {
                        line.Insert(at, c);
                    }
                    else if (at < line.Length)
                    {
                        line.Remove(at, 1);
                    }
                }
            }

            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private static int IndexOfNth(StringBuilder text, char c, int n)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == c && --n == 0)
            {
                return i;
            }
        }

        return text.Length;
    }
}
