using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Hgvs;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// Transcripts on the mitochondrial genome are translated with the vertebrate mitochondrial code (NCBI table 2), as
/// Ensembl and VEP do: TGA is Trp, ATA is Met, AGA/AGG are stops, and ATT/ATC/ATA/GTG start as Met.
/// </summary>
public sealed class MitochondrialCodeTests
{
    // 1-10 flank | 11-40 exon: CDS 11-28 = ATT TGA AGC CGA ATA TAA (table 2: M W S R M *), then 3' UTR | 41-50 flank.
    private const string Sequence = "CCCCCCCCCC" + "ATTTGAAGCCGAATATAA" + "CCCCCCCCCCCC" + "CCCCCCCCCC";

    private static TranscriptAnnotation Run(string chromosome, int position, string alternate) =>
        Assert.Single(Annotate(chromosome, position, Sequence[position - 1].ToString(), alternate).Transcripts);

    private static AlleleAnnotation Annotate(string chromosome, int position, string reference, string alternate)
    {
        var genome = new WindowedSequence();
        genome.Add(chromosome, Sequence.Length, [1], [Sequence.Length], System.Text.Encoding.ASCII.GetBytes(Sequence));
        var transcript = new Transcript("TMT", "1", "GMT", "MT-TEST", "protein_coding", chromosome, Strand.Forward, [11], [40], 11, 28, 0, TranscriptTags.None, "PMT");
        var annotator = new VariantAnnotator(new TranscriptIndex([transcript]), genome);
        return annotator.Annotate(chromosome, position, reference, alternate);
    }

    [Theory]
    [InlineData("MT", 16, "A", "G", "MT:m.16A>G")]
    [InlineData("NC_012920.1", 16, "A", "G", "NC_012920.1:m.16A>G")]
    [InlineData("1", 16, "A", "G", "1:g.16A>G")]
    [InlineData("chrM", 18, "GC", "G", "chrM:m.20del")] // CC run: shifted 3'
    [InlineData("1", 18, "GC", "G", "1:g.20del")]
    public void Genomic_HGVS_on_the_mitochondrial_genome_uses_m(string chromosome, int position, string reference, string alternate, string expected) =>
        Assert.Equal(expected, Annotate(chromosome, position, reference, alternate).HgvsG);

    [Theory]
    [InlineData("MT", 16, "G", ConsequenceTerm.SynonymousVariant, "PMT:p.Trp2=")] // TGA>TGG: Trp either way
    [InlineData("MT", 20, "A", ConsequenceTerm.StopGained, "PMT:p.Arg4Ter")] // CGA>AGA: a stop in table 2
    [InlineData("MT", 25, "G", ConsequenceTerm.SynonymousVariant, "PMT:p.Met5=")] // ATA>ATG: Met either way
    [InlineData("MT", 24, "C", ConsequenceTerm.MissenseVariant, "PMT:p.Met5Thr")] // ATA>ACA
    [InlineData("MT", 13, "C", ConsequenceTerm.StartRetainedVariant, "PMT:p.Met1=")] // ATT>ATC: still an initiator
    [InlineData("MT", 12, "C", ConsequenceTerm.StartLost, "PMT:p.Met1?")] // ATT>ACT
    [InlineData("chrM", 20, "A", ConsequenceTerm.StopGained, "PMT:p.Arg4Ter")]
    [InlineData("NC_012920.1", 20, "A", ConsequenceTerm.StopGained, "PMT:p.Arg4Ter")]
    public void Mitochondrial_transcripts_use_table_2(string chromosome, int position, string alternate, ConsequenceTerm term, string hgvsp)
    {
        TranscriptAnnotation t = Run(chromosome, position, alternate);

        Assert.Equal(term, t.Consequences.MostSevere);
        Assert.Equal(hgvsp, t.HgvsP);
    }

    [Fact]
    public void The_same_change_on_a_nuclear_chromosome_uses_the_standard_code()
    {
        // TGA>TGG: synonymous Trp on MT; on chromosome 1 codon 2 is a stop, so the change loses it.
        TranscriptAnnotation t = Run("1", 16, "G");

        Assert.Equal(ConsequenceTerm.StopLost, t.Consequences.MostSevere);
    }

    [Theory]
    [InlineData("MT", true)]
    [InlineData("chrM", true)]
    [InlineData("chrMT", true)]
    [InlineData("M", true)]
    [InlineData("NC_012920.1", true)]
    [InlineData("NC_001807.4", true)]
    [InlineData("1", false)]
    [InlineData("chr1", false)]
    [InlineData("MTX", false)]
    [InlineData("chrMM", false)]
    public void Mitochondrial_names_are_recognised(string name, bool expected) =>
        Assert.Equal(expected, GeneticCode.IsMitochondrial(name));

    [Theory]
    [InlineData("ATG", false, true)]
    [InlineData("ATT", false, false)]
    [InlineData("GTG", false, false)]
    [InlineData("ATT", true, true)]
    [InlineData("ATC", true, true)]
    [InlineData("ATA", true, true)]
    [InlineData("ATG", true, true)]
    [InlineData("GTG", true, true)]
    [InlineData("GTT", true, false)]
    [InlineData("TTG", true, false)]
    [InlineData("ANG", true, false)]
    public void Initiator_codons_follow_the_code(string codon, bool mitochondrial, bool expected) =>
        Assert.Equal(expected, GeneticCode.IsInitiator(System.Text.Encoding.ASCII.GetBytes(codon), mitochondrial));

    [Fact]
    public void Table_2_differs_from_table_1_in_four_codons_only()
    {
        string[] bases = ["T", "C", "A", "G"];
        var differing = new List<string>();
        foreach (string a in bases)
        {
            foreach (string b in bases)
            {
                foreach (string c in bases)
                {
                    byte[] codon = System.Text.Encoding.ASCII.GetBytes(a + b + c);
                    if (GeneticCode.Translate(codon, mitochondrial: false) != GeneticCode.Translate(codon, mitochondrial: true))
                    {
                        differing.Add($"{a}{b}{c}:{GeneticCode.Translate(codon, mitochondrial: true)}");
                    }
                }
            }
        }

        Assert.Equal(["TGA:W", "ATA:M", "AGA:*", "AGG:*"], differing);
    }
}
