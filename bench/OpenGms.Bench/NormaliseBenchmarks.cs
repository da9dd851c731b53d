using System.Text;
using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;

namespace OpenGms.Bench;

/// <summary>
/// Left-align and trim of biallelic GATK-style indel records written at the right end of a repeat (each one moves),
/// with the byte path (<c>ByteRealigner</c>) and without it (every record through <c>NormRecord</c>): ns and bytes
/// allocated per record.
/// </summary>
[MemoryDiagnoser]
public class NormaliseBenchmarks : ReferenceBenchmark
{
    private const int Records = 10_000;
    private const int Spacing = 50;
    private byte[] _file = [];

    /// <summary>True: biallelic records are realigned on their bytes; false: the general (string) path.</summary>
    [Params(true, false)]
    public bool BytePath { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Reference: every Spacing bases a CA repeat (4 copies) between random-looking flanks.
        var sequence = new StringBuilder();
        var random = new Random(7);
        for (int i = 0; i < Records + 2; i++)
        {
            for (int k = 0; k < Spacing - 8; k++)
            {
                sequence.Append("GT"[random.Next(2)]);
            }

            sequence.Append("CACACACA");
        }

        var fa = new StringBuilder(">chr1\n");
        for (int i = 0; i < sequence.Length; i += 60)
        {
            fa.Append(sequence.ToString(i, Math.Min(60, sequence.Length - i))).Append('\n');
        }

        OpenReference("gms-normbench", fa.ToString());

        var sb = new StringBuilder();
        sb.Append("##fileformat=VCFv4.2\n##INFO=<ID=AC,Number=A,Type=Integer,Description=\"x\">\n");
        sb.Append("##INFO=<ID=DP,Number=1,Type=Integer,Description=\"x\">\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"x\">\n");
        sb.Append("##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"x\">\n##FORMAT=<ID=PL,Number=G,Type=Integer,Description=\"x\">\n");
        sb.Append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\n");
        for (int i = 0; i < Records; i++)
        {
            // Deletion of the last CA of the repeat, written at its right end: moves to the base before the repeat.
            int repeatStart = (i * Spacing) + Spacing - 8 + 1;
            int pos = repeatStart + 5;
            string refAllele = sequence.ToString(pos - 1, 3);
            sb.Append("chr1\t").Append(pos).Append("\t.\t").Append(refAllele).Append('\t').Append(refAllele[0])
              .Append("\t812.77\tPASS\tAC=1;DP=31\tGT:AD:PL\t0/1:12,19:820,0,410\n");
        }

        _file = Encoding.ASCII.GetBytes(sb.ToString());
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Normalise()
    {
        var normaliser = new VcfNormaliser(new NormaliseOptions(), Reference!) { UseBytePath = BytePath };
        NormaliseSummary summary = normaliser.Run(new MemoryStream(_file), Stream.Null, CancellationToken.None);
        return summary.Realigned;
    }
}
