using System.IO.Compression;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

/// <summary>
/// Structural variants spiked into the Pfeiffer exome on the real FBN1 and CTNS RefSeq models (GRCh37): a whole-gene
/// deletion and a multi-exon deletion are found and tiered, an intronic deletion is not a candidate.
/// </summary>
[Collection(Grch37Group.Name)]
public sealed class StructuralVariantCaseTests(Grch37Regions regions, ITestOutputHelper output)
{
    private const string Pfeiffer = "variants/clinical-cases/exomiser-pfeiffer/";

    [Fact]
    public void Analyse_finds_and_tiers_whole_gene_and_multi_exon_deletions_but_not_an_intronic_one()
    {
        AnnotationCache cache = regions.Cache;
        Transcript[] fbn1 = cache.Transcripts.OnChromosome("15").ToArray().Where(t => t.GeneName == "FBN1").ToArray();
        Transcript ctns = cache.Transcripts.OnChromosome("17").ToArray().First(x => x.VersionedId == "NM_004937.2" || x.Id == "NM_004937.2");
        Assert.NotEmpty(fbn1);

        // Whole FBN1 (every transcript) with 2 kb either side, heterozygous.
        int wholeStart = fbn1.Min(t => t.Start) - 2000;
        int wholeEnd = fbn1.Max(t => t.End) + 2000;

        // CTNS exons 4-6 (transcript order) from the middle of intron 3 to the middle of intron 6, homozygous.
        (int i3Start, int i3End) = Intron(ctns, 3);
        (int i6Start, int i6End) = Intron(ctns, 6);
        int multiStart = ctns.Strand == Strand.Forward ? (i3Start + i3End) / 2 : (i6Start + i6End) / 2;
        int multiEnd = ctns.Strand == Strand.Forward ? (i6Start + i6End) / 2 : (i3Start + i3End) / 2;

        // 200 bases in the middle of FBN1's longest intron (of the first transcript), heterozygous.
        Transcript f = fbn1[0];
        int longest = Enumerable.Range(1, f.ExonCount - 1).MaxBy(k => Intron(f, k).End - Intron(f, k).Start);
        (int lStart, int lEnd) = Intron(f, longest);
        int intronicStart = ((lStart + lEnd) / 2) - 100;
        int intronicEnd = intronicStart + 199;
        Assert.All(fbn1, t => Assert.True(IsIntronic(t, intronicStart, intronicEnd), t.VersionedId));

        string vcf = Spike(regions.Root, "sv-spike",
            Record(cache, "15", wholeStart, "<DEL>", $"SVTYPE=DEL;END={wholeEnd};SVLEN=-{wholeEnd - wholeStart}", "0/1"),
            Record(cache, "17", multiStart, "<DEL>", $"SVTYPE=DEL;END={multiEnd}", "1/1"),
            Record(cache, "15", intronicStart - 1, "<DEL>", $"SVTYPE=DEL;END={intronicEnd}", "0/1"));
        string genes = Path.Combine(regions.Root, "sv-genes.tsv");
        File.WriteAllText(genes, "CTNS\tBIALLELIC, autosomal or pseudoautosomal\nFBN1\tMONOALLELIC, autosomal or pseudoautosomal, NOT imprinted\n");
        var options = new AnalysisOptions { IgnoreContigLengths = true, Panel = PanelFileReader.ReadGeneList(genes).Value };
        CaseDefinition c = new("sv-spike", "manuel", Pedigree.Singleton("manuel", Sex.Female), vcf, [], [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, options, TestContext.Current.CancellationToken).Value;

        foreach (Candidate x in r.Candidates)
        {
            output.WriteLine($"{x.Rank} {x.Gene} {x.Variant} {x.Consequence} tier {x.Tier} {x.AcmgClass} {string.Join(",", x.AcmgCriteria.Where(k => k.Met).Select(k => k.Criterion))} {x.StructuralVariant}");
        }

        Candidate whole = r.Candidates.Single(x => x.Position == wholeStart);
        Assert.Equal("FBN1", whole.Gene);
        Assert.Equal("transcript_ablation", whole.Consequence);
        Assert.Equal(1, whole.Tier);
        Assert.Equal(wholeEnd - wholeStart, whole.StructuralVariant!.Length);
        Assert.Contains("FBN1", whole.StructuralVariant.Genes);
        Assert.Contains("PVS1", whole.AcmgCriteria.Where(x => x.Met).Select(x => x.Criterion));

        Candidate multi = r.Candidates.Single(x => x.Position == multiStart);
        Assert.Equal("CTNS", multi.Gene);
        Assert.Contains("feature_truncation", multi.Consequence, StringComparison.Ordinal);
        Assert.Contains("coding_sequence_variant", multi.Consequence, StringComparison.Ordinal);
        Assert.Contains("AR_hom", multi.Inheritance);
        Assert.Equal(1, multi.Tier);
        Assert.NotNull(multi.StructuralVariant!.Exons);
        Assert.StartsWith("PVS1", multi.AcmgCriteria.Single(x => x.Criterion.StartsWith("PVS1", StringComparison.Ordinal) && x.Met).Criterion, StringComparison.Ordinal);

        Assert.DoesNotContain(r.Candidates, x => x.Position == intronicStart - 1);

        string json = AnalysisReports.ToJson(r);
        Assert.Contains("\"structuralVariant\"", json, StringComparison.Ordinal);
        string html = AnalysisReports.ToHtml(r, DateTimeOffset.UnixEpoch);
        Assert.Contains("Structural variants and copy-number changes", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_reads_a_copy_number_loss_and_a_long_sequence_resolved_deletion_as_structural_variants()
    {
        AnnotationCache cache = regions.Cache;
        Transcript ctns = cache.Transcripts.OnChromosome("17").ToArray().First(x => x.VersionedId == "NM_004937.2" || x.Id == "NM_004937.2");

        // A <CNV> with CN=0 over the whole of CTNS, and a 60-base sequence-resolved deletion over CTNS exon 5's start.
        int cnvStart = ctns.Start - 500;
        int cnvEnd = ctns.End + 500;
        int exon5 = ctns.Strand == Strand.Forward ? ctns.ExonStarts[4] : ctns.ExonEnds[ctns.ExonCount - 5];
        int delPos = exon5 - 30;
        Span<byte> bases = new byte[61];
        cache.Sequence.TryRead("17", delPos, bases);
        string deleted = System.Text.Encoding.ASCII.GetString(bases);
        string vcf = Spike(regions.Root, "sv-cnv",
            $"17\t{cnvStart}\t.\tN\t<CNV>\t500\tPASS\tSVTYPE=CNV;END={cnvEnd}\tGT:CN:GQ:DP\t1/1:0:99:40",
            $"17\t{delPos}\t.\t{deleted}\t{deleted[0]}\t500\tPASS\tDP=40\tGT:GQ:DP\t1/1:99:40");
        CaseDefinition c = new("sv-cnv", "manuel", Pedigree.Singleton("manuel", Sex.Male), vcf, [], [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, new AnalysisOptions { IgnoreContigLengths = true }, TestContext.Current.CancellationToken).Value;

        Candidate cnv = r.Candidates.Single(x => x.Position == cnvStart);
        Assert.Equal("transcript_ablation", cnv.Consequence);
        Assert.Equal("CNV", cnv.StructuralVariant!.Type);
        Candidate resolved = r.Candidates.Single(x => x.Position == delPos);
        Assert.Equal(60, resolved.StructuralVariant!.Length);
        Assert.Contains("feature_truncation", resolved.Consequence, StringComparison.Ordinal);
        Assert.Equal(3, resolved.Tier); // no panel: high impact outside a panel
    }

    /// <summary>Intron k (transcript order) as genomic start and end.</summary>
    private static (int Start, int End) Intron(Transcript t, int k)
    {
        int n = t.ExonCount;
        int i = t.Strand == Strand.Forward ? k - 1 : n - 1 - k;
        return (t.ExonEnds[i] + 1, t.ExonStarts[i + 1] - 1);
    }

    private static bool IsIntronic(Transcript t, int start, int end)
    {
        if (end < t.Start || start > t.End)
        {
            return true;
        }

        for (int i = 0; i < t.ExonCount; i++)
        {
            if (start <= t.ExonEnds[i] && end >= t.ExonStarts[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Record(AnnotationCache cache, string chrom, int pos, string alt, string info, string gt)
    {
        Span<byte> b = stackalloc byte[1];
        char reference = cache.Sequence.TryRead(chrom, pos, b) ? (char)b[0] : 'N';
        return $"{chrom}\t{pos}\t.\t{reference}\t{alt}\t500\tPASS\t{info}\tGT:GQ:DP\t{gt}:99:40";
    }

    private static string Spike(string root, string name, params string[] lines)
    {
        string path = Path.Combine(root, name + ".vcf");
        using var input = new StreamReader(new GZipStream(File.OpenRead(SharedData.PathOf(Pfeiffer + "Pfeiffer.vcf.gz")), CompressionMode.Decompress));
        using var writer = new StreamWriter(path);
        string? l;
        while ((l = input.ReadLine()) is not null)
        {
            if (!l.StartsWith("10\t123256215\t", StringComparison.Ordinal))
            {
                writer.WriteLine(l);
            }
        }

        foreach (string line in lines)
        {
            writer.WriteLine(line);
        }

        return path;
    }
}
