using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Annotation.GeneModels;

namespace OpenGms.Bench;

/// <summary>
/// Transcript lookup per variant (issue 5: "does not slow down with 250,000 transcripts"). A GRCh38-sized genome
/// (24 sequences of 130 Mb) carries genes of 1 kb to 2 Mb (log-uniform, so a few very long ones, as real genes), four
/// overlapping isoforms each; 16,000 transcripts (the simulated genome's model) against 250,000 (GENCODE's order of
/// size). Each query is what <c>VariantAnnotator</c> asks for one SNV: every transcript within 5 kb of a random
/// position. Reported per query; the setup prints how many transcripts each query returns on average, since with 16
/// times the transcripts on the same genome each query also finds more. <see cref="SameDensity"/> instead stretches
/// the sequences with the transcript count (250,000 transcripts on sequences 15.6 times longer), so the answers are as
/// large as with 16,000 and only the index's size differs.
/// </summary>
[MemoryDiagnoser]
public class TranscriptIndexBenchmarks
{
    private const int Queries = 100_000;
    private const int Sequences = 24;
    private const int SequenceLength = 130_000_000;
    private const int BaseTranscripts = 16_000;
    private const int Flank = 5_000;
    private const int IsoformsPerGene = 4;

    private readonly List<Transcript> _hits = new(256);
    private TranscriptIndex _index = null!;
    private string[] _names = null!;
    private int[] _queryChromosome = null!;
    private int[] _queryPosition = null!;

    /// <summary>Number of transcripts in the model.</summary>
    [Params(16_000, 250_000)]
    public int Transcripts { get; set; }

    /// <summary>Whether the sequences grow with the transcript count (same transcripts per Mb as 16,000 on 3.1 Gb).</summary>
    [Params(false, true)]
    public bool SameDensity { get; set; }

    /// <summary>Builds the model and the query positions (fixed seeds).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _names = [.. Enumerable.Range(1, Sequences).Select(i => "chr" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        int sequenceLength = SameDensity ? (int)(SequenceLength * (double)Transcripts / BaseTranscripts) : SequenceLength;
        var random = new Random(42);
        var transcripts = new List<Transcript>(Transcripts);
        for (int gene = 0; transcripts.Count < Transcripts; gene++)
        {
            string chromosome = _names[random.Next(Sequences)];
            int length = (int)Math.Exp(Math.Log(1_000) + (random.NextDouble() * (Math.Log(2_000_000) - Math.Log(1_000))));
            int start = random.Next(1, sequenceLength - length);
            for (int i = 0; i < IsoformsPerGene && transcripts.Count < Transcripts; i++)
            {
                // Isoforms start and end within the gene; two exons each (their layout does not matter to the lookup).
                int s = start + random.Next(length / 10);
                int e = start + length - random.Next(length / 10);
                int mid = s + ((e - s) / 2);
                transcripts.Add(new Transcript($"T{gene}.{i}", "1", $"G{gene}", $"GENE{gene}", "lncRNA", chromosome, Strand.Forward, [s, mid + 100], [mid, e], 0, 0, 0, TranscriptTags.None, null));
            }
        }

        _index = new TranscriptIndex(transcripts);
        _queryChromosome = new int[Queries];
        _queryPosition = new int[Queries];
        for (int q = 0; q < Queries; q++)
        {
            _queryChromosome[q] = random.Next(Sequences);
            _queryPosition[q] = random.Next(1, sequenceLength + 1);
        }

        // Chromosome by chromosome, positions ascending within each, as records come in a VCF.
        Array.Sort(_queryPosition);
        Array.Sort(_queryChromosome);
        double hits = QueryAll() / (double)Queries;
        Console.WriteLine($"// {Transcripts} transcripts on {Sequences} x {sequenceLength:N0} bp: {hits:F2} transcripts within {Flank} bp per query");
    }

    /// <summary>One query per simulated SNV: every transcript within the flank.</summary>
    /// <returns>The total hits, so the work is not optimised away.</returns>
    [Benchmark(OperationsPerInvoke = Queries)]
    public long Query() => QueryAll();

    private long QueryAll()
    {
        long total = 0;
        for (int q = 0; q < Queries; q++)
        {
            _hits.Clear();
            int position = _queryPosition[q];
            _index.Query(_names[_queryChromosome[q]], position - Flank, position + Flank, _hits);
            total += _hits.Count;
        }

        return total;
    }
}
