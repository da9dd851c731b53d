using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// Deletions across the UTR/CDS boundary through the start or stop codon, judged as VEP does: the spliced sequence is
/// edited and the start codon (with the whole CDS after it) or the stop codon must still be in place, else
/// start_lost/stop_lost. Each case runs on the forward strand and mirrored on the minus strand.
/// </summary>
public sealed class BoundaryCodonTests
{
    // 1-10 upstream | 11-25 exon 1: CCATG (5'UTR) ATG GCT AAA G | 26-45 intron | 46-59 exon 2: GA TGC TAA (stop) TAACCC
    // CDS 16..53: M A K G C *.
    private const string Chromosome = "TTTTTTTTTT" + "CCATGATGGCTAAAG" + "GTAAGTTTTTTTTTTTTCAG" + "GATGCTAATAACCC" + "TTTTTTTTTT";

    // The same layout with exon 1's CDS ATG GTG AAA G: deleting GGT (18-20) or G (18) rebuilds an ATG in place.
    private const string RebuildsAtg = "TTTTTTTTTT" + "CCATGATGGTGAAAG" + "GTAAGTTTTTTTTTTTTCAG" + "GATGCTAATAACCC" + "TTTTTTTTTT";

    private static TranscriptAnnotation Run(bool minus, int position, string reference, string alternate, string chromosome = Chromosome)
    {
        int length = chromosome.Length;
        string sequence = minus ? Nucleotides.ReverseComplement(chromosome) : chromosome;
        var genome = new WindowedSequence();
        genome.Add("s", length, [1], [length], System.Text.Encoding.ASCII.GetBytes(sequence));
        int M(int p) => length + 1 - p;
        Transcript transcript = minus
            ? new Transcript("T1", "1", "G1", "GENE", "protein_coding", "s", Strand.Reverse, [M(59), M(25)], [M(46), M(11)], M(53), M(16), 0, TranscriptTags.None, "P1")
            : new Transcript("T1", "1", "G1", "GENE", "protein_coding", "s", Strand.Forward, [11, 46], [25, 59], 16, 53, 0, TranscriptTags.None, "P1");
        var annotator = new VariantAnnotator(new TranscriptIndex([transcript]), genome);
        int pos = position;
        string r = reference;
        string a = alternate;
        if (minus && alternate.Length > reference.Length)
        {
            // Mirror the insertion: the anchor is the base after it on the forward strand.
            pos = M(position + 1);
            r = sequence[pos - 1].ToString();
            a = r + Nucleotides.ReverseComplement(alternate[1..]);
        }
        else if (minus)
        {
            // Mirror the deletion and put a VCF anchor base on its new left side.
            pos = M(position + reference.Length - 1) - 1;
            r = sequence[pos - 1] + Nucleotides.ReverseComplement(reference[1..]);
            a = sequence[pos - 1].ToString();
        }

        return Assert.Single(annotator.Annotate("s", pos, r, a).Transcripts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_deletion_across_stop_that_rebuilds_it_is_stop_retained(bool minus)
    {
        // Deletes AAT (52-54): T + AA from the UTR is TAA again.
        TranscriptAnnotation t = Run(minus, 51, "TAAT", "T");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.StopRetainedVariant));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.StopLost));
        Assert.True(t.Consequences.Contains(ConsequenceTerm.ThreePrimeUtrVariant));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_deletion_across_stop_that_breaks_it_is_stop_lost(bool minus)
    {
        // Deletes AATAA (52-56): T + CC is TCC.
        TranscriptAnnotation t = Run(minus, 51, "TAATAA", "T");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.StopLost));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.StopRetainedVariant));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_deletion_across_start_equal_to_a_utr_deletion_is_start_retained(bool minus)
    {
        // Deletes TGA (14-16): CCA + TGGCT... still ends with the whole CDS ATGGCT...
        TranscriptAnnotation t = Run(minus, 13, "ATGA", "A");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.StartRetainedVariant));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.StartLost));
        Assert.True(t.Consequences.Contains(ConsequenceTerm.FivePrimeUtrVariant));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_deletion_across_start_that_breaks_it_is_start_lost(bool minus)
    {
        // Deletes GATG (15-18): CCAT + GCTAAAG... no longer ends with ATGGCT...
        TranscriptAnnotation t = Run(minus, 14, "TGATG", "T");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.StartLost));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.StartRetainedVariant));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_inframe_deletion_in_start_codon_is_start_lost_even_when_atg_is_rebuilt(bool minus)
    {
        // Deletes GGT (18-20): AT + G is ATG again, but VEP calls any in-frame deletion touching codon 1 start_lost.
        TranscriptAnnotation t = Run(minus, 17, "TGGT", "T", RebuildsAtg);

        Assert.Equal(ConsequenceTerm.StartLost, t.Consequences.MostSevere);
        Assert.True(t.Consequences.Contains(ConsequenceTerm.InframeDeletion));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_frameshift_in_start_codon_is_start_lost_even_when_atg_is_rebuilt(bool minus)
    {
        TranscriptAnnotation t = Run(minus, 17, "TG", "T", RebuildsAtg);

        Assert.Equal(ConsequenceTerm.FrameshiftVariant, t.Consequences.MostSevere);
        Assert.True(t.Consequences.Contains(ConsequenceTerm.StartLost));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_codon_inserted_in_stop_codon_keeping_it_is_inframe_insertion_and_stop_retained(bool minus)
    {
        // T|AA + AAT: TAA TAA.
        TranscriptAnnotation t = Run(minus, 51, "T", "TAAT");

        Assert.Equal(ConsequenceTerm.InframeInsertion, t.Consequences.MostSevere);
        Assert.True(t.Consequences.Contains(ConsequenceTerm.StopRetainedVariant));
    }
}
