using System.Text;
using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Reference;

namespace OpenGms.Bench;

/// <summary>
/// One-base reference fetches every <see cref="Step"/> bases along a plain FASTA contig with 60-base lines, as
/// normalise's REF check of each SNP makes them: every decoded window is loaded once per pass, so ns per fetch is
/// mostly the window load (read and line copy) spread over the fetches in it.
/// </summary>
[MemoryDiagnoser]
public class ReferenceFetchBenchmarks : ReferenceBenchmark
{
    private const int ContigLength = 8_000_000;
    private const int Step = 700;
    private const int Fetches = ContigLength / Step;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var fasta = new StringBuilder(">chr1\n", ContigLength + (ContigLength / 60) + 16);
        for (int i = 0; i < ContigLength; i++)
        {
            fasta.Append("ACGTACGTacgtN"[random.Next(13)]);
            if ((i + 1) % 60 == 0 || i == ContigLength - 1)
            {
                fasta.Append('\n');
            }
        }

        OpenReference("gms-refbench", fasta.ToString());
    }

    [Benchmark(OperationsPerInvoke = Fetches)]
    public long FetchEveryStep()
    {
        long sum = 0;
        for (int i = 0; i < Fetches; i++)
        {
            long pos = (long)i * Step;
            if (Reference!.TryFetchRaw("chr1", pos, pos + 1, out ReadOnlySpan<byte> b))
            {
                sum += b[0];
            }
        }

        return sum;
    }
}
