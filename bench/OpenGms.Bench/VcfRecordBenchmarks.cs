using System.Text;
using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Bench;

/// <summary>Record parsing on a GATK-style single-sample line: ns per record and bytes allocated per record.</summary>
[MemoryDiagnoser]
public class VcfRecordBenchmarks
{
    private const int Records = 10_000;
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder();
        sb.Append("##fileformat=VCFv4.2\n");
        sb.Append("##INFO=<ID=AC,Number=A,Type=Integer,Description=\"x\">\n##INFO=<ID=AF,Number=A,Type=Float,Description=\"x\">\n");
        sb.Append("##INFO=<ID=AN,Number=1,Type=Integer,Description=\"x\">\n##INFO=<ID=DP,Number=1,Type=Integer,Description=\"x\">\n");
        sb.Append("##INFO=<ID=MQ,Number=1,Type=Float,Description=\"x\">\n##INFO=<ID=QD,Number=1,Type=Float,Description=\"x\">\n");
        sb.Append("##FORMAT=<ID=GT,Number=1,Type=String,Description=\"x\">\n##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"x\">\n");
        sb.Append("##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"x\">\n##FORMAT=<ID=GQ,Number=1,Type=Integer,Description=\"x\">\n");
        sb.Append("##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"x\">\n##contig=<ID=chr1,length=248956422>\n");
        sb.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
        for (int i = 0; i < Records; i++)
        {
            sb.Append("chr1\t").Append(10_000 + (i * 37)).Append("\t.\tA\tG\t812.77\tPASS\tAC=1;AF=0.500;AN=2;DP=31;MQ=60.00;QD=26.22\tGT:AD:DP:GQ:PL\t0/1:12,19:31:99:820,0,410\n");
        }

        _file = Encoding.ASCII.GetBytes(sb.ToString());
    }

    /// <summary>Reads every record and touches POS, ALT, INFO/DP, GT and AD (what a typical consumer does).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long ReadAndAccess()
    {
        using var reader = new VcfReader(new MemoryStream(_file));
        long sum = 0;
        Span<int> ad = stackalloc int[4];
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            sum += r.Position + r.AltCount;
            if (r.TryGetInfoInt32("DP"u8, out int dp))
            {
                sum += dp;
            }

            if (r.TryGetGenotype(0, out VcfGenotype gt) && gt.IsHet)
            {
                sum++;
            }

            sum += r.GetSampleInt32s(0, 1, ad);
        }

        return sum;
    }

    /// <summary>Full validation of every record (all INFO/FORMAT values type- and count-checked).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long Validate()
    {
        using var reader = new VcfReader(new MemoryStream(_file));
        return VcfValidator.Validate(reader, "bench").Records;
    }
}
