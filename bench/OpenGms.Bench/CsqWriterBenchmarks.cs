using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using OpenGms.Genomics.Annotation;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Bench;

/// <summary>
/// The CSQ value of annotated records (issue 5): the byte writer (<see cref="CsqWriter"/>) against the string-built
/// writer it replaced (a StringBuilder, then UTF-16 to UTF-8). ns and bytes allocated per record.
/// </summary>
[MemoryDiagnoser]
public class CsqWriterBenchmarks
{
    private const int Records = 4_000;
    private static readonly System.Buffers.SearchValues<char> s_escaped = System.Buffers.SearchValues.Create(",;=| \t%");
    private readonly List<List<AlleleAnnotation>> _records = [];
    private readonly CsqWriter _writer = new();
    private readonly ByteSink _sink = new(1 << 16);
    private readonly StringBuilder _builder = new(1024);

    [GlobalSetup]
    public void Setup()
    {
        // Three overlapping transcripts (two coding) on a 20 kb irregular sequence; SNVs and small deletions over them.
        const int Length = 20_000;
        var bases = new byte[Length];
        for (int i = 0; i < Length; i++)
        {
            bases[i] = (byte)"ACGT"[((i * 37) ^ (i >> 3)) & 3];
        }

        var genome = new WindowedSequence();
        genome.Add("chr1", Length, [1], [Length], bases);
        Transcript[] transcripts =
        [
            new("T1", "2", "G1", "GENE1", "protein_coding", "chr1", Strand.Forward, [1001, 3001, 6001], [1300, 3200, 6400], 1101, 6201, 0, TranscriptTags.Canonical | TranscriptTags.ManeSelect, "P1"),
            new("T2", "1", "G2", "GENE2", "lncRNA", "chr1", Strand.Reverse, [5001, 9001], [5600, 9800], 0, 0, 0, TranscriptTags.None, null),
            new("T3", "1", "G1", "GENE1", "protein_coding", "chr1", Strand.Forward, [1001, 6001], [1300, 6400], 1101, 6201, 0, TranscriptTags.None, "P3"),
        ];
        var annotator = new VariantAnnotator(new TranscriptIndex(transcripts), genome);
        var random = new Random(3);
        for (int i = 0; i < Records; i++)
        {
            int position = random.Next(500, 10_500);
            string reference = ((char)bases[position - 1]).ToString();
            string alternate = i % 10 == 9 ? reference[..1] : reference == "A" ? "G" : "A";
            if (i % 10 == 9)
            {
                reference = Encoding.ASCII.GetString(bases, position - 1, 3);
            }

            _records.Add([annotator.Annotate("chr1", position, reference, alternate)]);
        }
    }

    /// <summary>UTF-8 bytes straight into the output buffer.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int Bytes()
    {
        _sink.Clear();
        foreach (List<AlleleAnnotation> record in _records)
        {
            _writer.Write(_sink, record);
        }

        return _sink.WrittenCount;
    }

    /// <summary>The replaced writer: a StringBuilder per record with escaped strings, then encoded.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int StringBuilt()
    {
        _sink.Clear();
        foreach (List<AlleleAnnotation> record in _records)
        {
            StringBuilder csq = _builder.Clear();
            foreach (AlleleAnnotation a in record)
            {
                foreach (TranscriptAnnotation t in a.Transcripts)
                {
                    Transcript tx = t.Transcript;
                    (csq.Length > 0 ? csq.Append(',') : csq).Append(Escape(a.Alternate)).Append('|')
                        .Append(t.Consequences.ToString()).Append('|').Append(Escape(tx.GeneName)).Append('|')
                        .Append(Escape(tx.GeneId)).Append('|').Append(Escape(tx.VersionedId)).Append('|')
                        .Append(Escape(tx.Biotype)).Append('|').Append(tx.Strand == Strand.Forward ? "1" : "-1").Append('|')
                        .Append(t.ExonText()).Append('|').Append(t.IntronText()).Append('|')
                        .Append(Escape(t.HgvsC)).Append('|').Append(Escape(t.HgvsP)).Append('|')
                        .Append(t.ProteinStart > 0 ? t.ProteinStart.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('|')
                        .Append(Escape(t.AminoAcids)).Append('|')
                        .Append(t.Distance > 0 ? t.Distance.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('|')
                        .Append((tx.Tags & TranscriptTags.ManeSelect) != 0 ? "YES" : string.Empty).Append('|')
                        .Append((tx.Tags & TranscriptTags.Canonical) != 0 ? "YES" : string.Empty).Append('|')
                        .Append(Escape(a.HgvsG));
                }
            }

            foreach (ReadOnlyMemory<char> chunk in csq.GetChunks())
            {
                Span<byte> span = _sink.GetSpan(Encoding.UTF8.GetMaxByteCount(chunk.Length));
                _sink.Advance(Encoding.UTF8.GetBytes(chunk.Span, span));
            }
        }

        return _sink.WrittenCount;
    }

    private static string Escape(string? value) =>
        string.IsNullOrEmpty(value) || value.AsSpan().IndexOfAny(s_escaped) < 0 ? value ?? string.Empty
        : value.Replace("%", "%25", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
