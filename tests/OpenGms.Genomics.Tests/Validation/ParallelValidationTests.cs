using System.Globalization;
using System.Text;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Validation;

/// <summary>
/// The parallel record checks give the issue list of the single-threaded pass, issue for issue and in the same
/// order, whatever the thread count and batch size (small batches put many batch edges inside the files).
/// </summary>
public sealed class ParallelValidationTests(ITestOutputHelper output)
{
    private static readonly (int Threads, int Batch)[] s_settings = [(2, 1), (2, 3), (3, 7), (2, 64), (4, VcfValidator.DefaultBatchRecords)];

    [Fact]
    public void Validate_conformance_files_give_the_same_issues_on_any_thread_count()
    {
        string root = SharedData.PathOf("variants/vcf-conformance");
        string[] files = System.IO.Directory.GetFiles(root, "*.vcf*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".vcf", StringComparison.Ordinal) || f.EndsWith(".vcf.gz", StringComparison.Ordinal)).Order().ToArray();
        Assert.True(files.Length > 400, "expected the conformance folders");
        int withIssues = 0;
        foreach (string f in files)
        {
            string single = Render(f, 1, VcfValidator.DefaultBatchRecords);
            withIssues += single.Contains("VCF", StringComparison.Ordinal) ? 1 : 0;
            foreach ((int threads, int batch) in s_settings)
            {
                Assert.True(single == Render(f, threads, batch), $"{f}: {threads} threads, batches of {batch} differ from one thread");
            }
        }

        output.WriteLine($"{files.Length} files, {withIssues} with issues: identical on every setting");
    }

    [Fact]
    public void Validate_bad_file_gives_the_same_issues_on_any_thread_count()
    {
        string path = Path.Combine(Path.GetTempPath(), $"gms-parallel-{Guid.NewGuid():N}.vcf");
        try
        {
            File.WriteAllText(path, BadVcf(4000));
            string single = Render(path, 1, VcfValidator.DefaultBatchRecords);
            // The file must really exercise the merge: many codes, once-per-file notes and reader issues.
            foreach (string code in new[] { VcfIssueCodes.TypeMismatch, VcfIssueCodes.Undefined, VcfIssueCodes.Unsorted, VcfIssueCodes.Duplicate, VcfIssueCodes.MisplacedLine, VcfIssueCodes.InvalidFormat, VcfIssueCodes.GenotypeAlleleRange, VcfIssueCodes.MissingNewline, VcfIssueCodes.CountMismatch })
            {
                Assert.Contains(code, single, StringComparison.Ordinal);
            }

            foreach ((int threads, int batch) in s_settings)
            {
                string parallel = Render(path, threads, batch);
                Assert.True(single == parallel, $"{threads} threads, batches of {batch}: first difference at {FirstDifference(single, parallel)}");
            }

            output.WriteLine($"{single.Split('\n').Length} report lines, identical on every setting");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Render(string path, int threads, int batch)
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
            VcfValidationReport report = VcfValidator.Validate(reader, path, VcfValidationMode.Strict, null, null, threads, batch);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"records {report.Records} skipped {report.SkippedLines} errors {report.Errors} warnings {report.Warnings}\n");
            foreach (VcfContigCount c in report.Contigs)
            {
                text.Append(CultureInfo.InvariantCulture, $"contig {c.Name} {c.Records}\n");
            }

            foreach (KeyValuePair<VcfVariantType, long> t in report.VariantTypes.OrderBy(t => t.Key))
            {
                text.Append(CultureInfo.InvariantCulture, $"type {t.Key} {t.Value}\n");
            }

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

    /// <summary>A single-sample VCF over three contigs with a few percent of records broken in many ways (seeded).</summary>
    private static string BadVcf(int records)
    {
        var random = new Random(7);
        var text = new StringBuilder();
        text.Append("##fileformat=VCFv4.2\n##FILTER=<ID=PASS,Description=\"All filters passed\">\n##FILTER=<ID=LowQual,Description=\"Low quality\">\n");
        text.Append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"Allele count\">\n##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">\n");
        text.Append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n##INFO=<ID=MQ,Number=1,Type=Float,Description=\"Mapping quality\">\n");
        text.Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n");
        text.Append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"Genotype quality\">\n");
        text.Append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"Likelihoods\">\n");
        text.Append("##contig=<ID=chr1,length=10000000>\n##contig=<ID=chr2,length=10000000>\n##contig=<ID=chr3,length=10000000>\n");
        text.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
        string[] bases = ["A", "C", "G", "T"];
        string? previous = null;
        long pos = 100;
        for (int i = 0; i < records; i++)
        {
            string chrom = i < records / 3 ? "chr1" : i < 2 * records / 3 ? "chr2" : "chr3";
            if (i == records / 3 || i == 2 * records / 3)
            {
                pos = 100;
            }

            pos += random.Next(1, 400);
            string reference = bases[random.Next(4)];
            string alt = bases[(Array.IndexOf(bases, reference) + 1 + random.Next(3)) % 4];
            string[] f =
            [
                chrom, pos.ToString(CultureInfo.InvariantCulture), ".", reference, alt, "50.5", "PASS",
                $"AC=1;AF=0.500;DP={random.Next(5, 90)};MQ=60.00", "GT:AD:DP:GQ:PL", $"0/1:{random.Next(20)},{random.Next(20)}:30:99:100,0,{random.Next(900)}",
            ];
            double x = random.NextDouble();
            string? extra = null;
            switch (x)
            {
                case < 0.004: f[7] = f[7].Replace("DP=", "DP=x", StringComparison.Ordinal); break;
                case < 0.008: f[7] += $";NEWKEY{random.Next(8)}=1"; break;
                case < 0.012: f[7] += ";AC=3"; break;
                case < 0.016: f[6] = $"Filt{random.Next(6)}"; break;
                case < 0.020: f[8] += $":XX{random.Next(3)}"; f[9] += ":1"; break;
                case < 0.024: f[9] = f[9].Replace("0/1", "0/3", StringComparison.Ordinal); break;
                case < 0.028: f[4] += ",<DEL>"; break;
                case < 0.032: f[5] = "-3"; break;
                case < 0.036: f[3] = "X"; break;
                case < 0.040: f[1] = (pos - 500).ToString(CultureInfo.InvariantCulture); break;
                case < 0.044: f[8] = "AD:GT"; break;
                case < 0.048: f[7] = f[7].Replace("AF=", "AF=-", StringComparison.Ordinal); break;
                case < 0.052: f[8] = "GT:DP"; f[9] = "0|1:7"; break;
                case < 0.056: f[8] = "GT:1bad"; f[9] = "0/1:3"; break;
                case < 0.060: f[7] += $";{random.Next(3)}bad=2"; break;
                case < 0.064: f[8] = "."; f[9] = "."; break;
                case < 0.068: extra = previous; break;
                case < 0.070: extra = "#misplaced"; break;
                case < 0.072: extra = string.Empty; break;
                case < 0.074: f = f[..5]; break;
            }

            if (extra is not null)
            {
                text.Append(extra).Append('\n');
            }

            previous = string.Join('\t', f);
            text.Append(previous).Append('\n');
        }

        return text.ToString().TrimEnd('\n'); // no final line break: the reader reports it after the last record
    }
}
