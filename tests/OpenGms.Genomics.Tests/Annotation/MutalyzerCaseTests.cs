using System.Text.Json;
using System.Text.RegularExpressions;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sequences;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// Replays Mutalyzer's test vectors (../shared/data/variants/hgvs/mutalyzer/variants_set.json) whose genomic
/// description is a single literal substitution, deletion, duplication, insertion or delins on a RefSeq
/// reference we hold (FASTA + GFF3 in reference/): the variant goes in as g., and our g., c./n. and p. are
/// compared with Mutalyzer's normalised descriptions. Counts are printed; deviations are in docs/annotation.md.
/// </summary>
public sealed partial class MutalyzerCaseTests(ITestOutputHelper output)
{
    private const string Folder = "variants/hgvs/mutalyzer";

    [Fact]
    public void Genomic_cases_give_Mutalyzer_descriptions()
    {
        string json = SharedData.PathOf(Folder + "/variants_set.json");
        string referenceDir = Path.Combine(Path.GetDirectoryName(json)!, "reference");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var annotators = new Dictionary<string, (VariantAnnotator Annotator, WindowedSequence Sequence)>(StringComparer.Ordinal);
        int cases = 0;
        int gPass = 0, gFail = 0, cPass = 0, cFail = 0, pPass = 0, pFail = 0, skipped = 0;
        var failures = new List<string>();
        foreach (string set in new[] { "M2_TESTS", "TESTS" })
        {
            foreach (JsonElement c in doc.RootElement.GetProperty(set).EnumerateArray())
            {
                if (!c.TryGetProperty("genomic", out JsonElement genomicElement))
                {
                    continue;
                }

                string genomic = genomicElement.GetString()!;
                Match m = GenomicPattern().Match(genomic);
                string reference = genomic.Split(':')[0];
                if (!m.Success || !File.Exists(Path.Combine(referenceDir, reference + ".fasta")))
                {
                    skipped++;
                    continue;
                }

                if (!annotators.TryGetValue(reference, out (VariantAnnotator Annotator, WindowedSequence Sequence) pair))
                {
                    WindowedSequence sequence = FastaWindowReader.ReadAll(Path.Combine(referenceDir, reference + ".fasta"));
                    GeneModel model = GeneModelReader.Read(Path.Combine(referenceDir, reference + ".gff3"), GeneModelFormat.Gff3);
                    pair = (new VariantAnnotator(new TranscriptIndex(model.Transcripts), sequence), sequence);
                    annotators.Add(reference, pair);
                }

                (int pos, string refAllele, string altAllele)? vcf = ToVcf(m, reference, pair.Sequence);
                if (vcf is null)
                {
                    skipped++;
                    continue;
                }

                cases++;
                AlleleAnnotation a = pair.Annotator.Annotate(reference, vcf.Value.pos, vcf.Value.refAllele, vcf.Value.altAllele);
                string input = c.GetProperty("input").GetString()!;
                Compare("g", genomic[(genomic.IndexOf(":g.", StringComparison.Ordinal) + 3)..], a.HgvsG is null ? null : a.HgvsG[(a.HgvsG.IndexOf(":g.", StringComparison.Ordinal) + 3)..], input, ref gPass, ref gFail, failures);
                if (c.TryGetProperty("normalized", out JsonElement normalized) && TranscriptPattern().Match(normalized.GetString()!) is { Success: true } tm)
                {
                    string id = tm.Groups["id"].Value;
                    TranscriptAnnotation? t = a.Transcripts.FirstOrDefault(x => x.Transcript.VersionedId == id || x.Transcript.Id == id);
                    string? ours = t?.HgvsC is null ? null : t.HgvsC[(t.HgvsC.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    Compare("c", tm.Groups["kind"].Value + "." + tm.Groups["body"].Value, ours, input, ref cPass, ref cFail, failures);
                    if (c.TryGetProperty("protein_description", out JsonElement protein) && ProteinPattern().Match(protein.GetString()!) is { Success: true } pm)
                    {
                        string? oursP = t?.HgvsP is null ? null : t.HgvsP[(t.HgvsP.IndexOf(":p.", StringComparison.Ordinal) + 3)..];
                        Compare("p", pm.Groups["body"].Value, oursP, input, ref pPass, ref pFail, failures);
                    }
                }
            }
        }

        output.WriteLine($"Mutalyzer: {cases} genomic cases replayed ({skipped} not applicable: no reference, multi-variant or non-literal); g. {gPass}/{gPass + gFail}, c./n. {cPass}/{cPass + cFail}, p. {pPass}/{pPass + pFail} agree");
        foreach (string f in failures)
        {
            output.WriteLine(f);
        }

        Assert.True(cases >= 50, $"only {cases} cases applicable");
        Assert.True(gPass >= (gPass + gFail) * 8 / 10, $"g. {gPass}/{gPass + gFail}");
        Assert.True(cPass >= (cPass + cFail) * 6 / 10, $"c. {cPass}/{cPass + cFail}");
    }

    private static void Compare(string kind, string expected, string? ours, string input, ref int pass, ref int fail, List<string> failures)
    {
        if (ours is not null && string.Equals(expected.Trim('(', ')'), ours, StringComparison.Ordinal))
        {
            pass++;
        }
        else
        {
            fail++;
            failures.Add($"{kind}: {input}: Mutalyzer {expected}, ours {ours ?? "(none)"}");
        }
    }

    /// <summary>Turns a literal g. description into a VCF-style (POS, REF, ALT) with an anchor base for indels.</summary>
    private static (int, string, string)? ToVcf(Match m, string chromosome, WindowedSequence sequence)
    {
        int a = int.Parse(m.Groups["a"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int b = m.Groups["b"].Success ? int.Parse(m.Groups["b"].Value, System.Globalization.CultureInfo.InvariantCulture) : a;
        string op = m.Groups["op"].Value;
        string seq = m.Groups["seq"].Value;
        string Read(int start, int end)
        {
            byte[] bytes = new byte[end - start + 1];
            return sequence.TryRead(chromosome, start, bytes) ? System.Text.Encoding.ASCII.GetString(bytes) : string.Empty;
        }

        if (a < 2)
        {
            return null;
        }

        switch (op)
        {
            case ">":
                return (a, m.Groups["from"].Value, seq);
            case "del":
                return (a - 1, Read(a - 1, b), Read(a - 1, a - 1));
            case "dup":
                return (b, Read(b, b), Read(b, b) + Read(a, b));
            case "ins":
                return seq.Length == 0 ? null : (a, Read(a, a), Read(a, a) + seq);
            case "delins":
                return seq.Length == 0 ? null : (a, Read(a, b), seq);
            default:
                return null;
        }
    }

    [GeneratedRegex(@":g\.(?<a>\d+)(_(?<b>\d+))?(?:(?<from>[ACGT])(?<op>>)(?<seq>[ACGT])|(?<op>delins|del|dup|ins)(?<seq>[ACGT]*))$")]
    private static partial Regex GenomicPattern();

    [GeneratedRegex(@"\((?<id>N[MR]_\d+\.\d+)\):(?<kind>[cn])\.(?<body>[^;\[\]]+)$")]
    private static partial Regex TranscriptPattern();

    [GeneratedRegex(@"\(NP_\d+\.\d+\):p\.(?<body>.+)$")]
    private static partial Regex ProteinPattern();
}
