using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Annotation.Sequences;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// A hand-made two-exon transcript whose expected consequences and HGVS were worked out by hand (see the layout
/// below). Every case is also run on the reverse-complemented chromosome with the transcript on the minus strand:
/// the transcript-level answers must not change.
/// </summary>
public sealed class VariantAnnotatorTests
{
    // 1-10 upstream | 11-22 exon 1: CC (5'UTR) ATG GCT AAA G | 23-42 intron GT...AG | 43-54 exon 2: GA TGC TAA (stop) CCCC | 55-64
    // CDS 13..50, protein M A K G C *  (c.1 = 13; c.10 = 22; c.11 = 43; c.18 = 50; *1 = 51).
    private const string Chromosome = "TTTTTTTTTT" + "CCATGGCTAAAG" + "GTAAGTTTTTTTTTTTTCAG" + "GATGCTAACCCC" + "TTTTTTTTTT";

    private static (VariantAnnotator Annotator, Func<int, int> Map, Func<string, string> Bases) Setup(bool minus)
    {
        int length = Chromosome.Length;
        string sequence = minus ? Nucleotides.ReverseComplement(Chromosome) : Chromosome;
        var genome = new WindowedSequence();
        genome.Add("s", length, [1], [length], System.Text.Encoding.ASCII.GetBytes(sequence));
        Transcript transcript = minus
            ? new Transcript("T1", "1", "G1", "GENE", "protein_coding", "s", Strand.Reverse, [length + 1 - 54, length + 1 - 22], [length + 1 - 43, length + 1 - 11], length + 1 - 50, length + 1 - 13, 0, TranscriptTags.None, "P1")
            : new Transcript("T1", "1", "G1", "GENE", "protein_coding", "s", Strand.Forward, [11, 43], [22, 54], 13, 50, 0, TranscriptTags.None, "P1");
        var annotator = new VariantAnnotator(new TranscriptIndex([transcript]), genome);
        return (annotator, p => minus ? length + 1 - p : p, b => minus ? Nucleotides.ReverseComplement(b) : b);
    }

    /// <summary>Runs a forward-strand VCF allele, or its mirror image on the minus-strand set-up.</summary>
    private static TranscriptAnnotation Run(bool minus, int position, string reference, string alternate)
    {
        (VariantAnnotator annotator, Func<int, int> map, Func<string, string> bases) = Setup(minus);
        int pos = position;
        string r = reference;
        string a = alternate;
        if (minus)
        {
            // Mirror the allele; for an indel keep a VCF anchor base on the new left side.
            int end = position + reference.Length - 1;
            pos = map(end);
            r = bases(reference);
            a = bases(alternate);
            if (reference.Length != alternate.Length)
            {
                // Forward anchor is the first base; on the mirror it becomes the last: move it to the front.
                string anchor = Nucleotides.ReverseComplement(Chromosome)[pos - 2].ToString();
                r = anchor + r[..^1];
                a = anchor + a[..^1];
                pos--;
            }
        }

        AlleleAnnotation annotation = annotator.Annotate("s", pos, r, a);
        return Assert.Single(annotation.Transcripts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_missense_gives_cdot_pdot_and_exon(bool minus)
    {
        TranscriptAnnotation t = Run(minus, 16, "G", "A");

        Assert.Equal(ConsequenceTerm.MissenseVariant, t.Consequences.MostSevere);
        Assert.Equal("T1.1:c.4G>A", t.HgvsC);
        Assert.Equal("P1:p.Ala2Thr", t.HgvsP);
        Assert.Equal("1/2", t.ExonText());
    }

    [Theory]
    [InlineData(false, 24, "T", "C", "T1.1:c.10+2T>C", ConsequenceTerm.SpliceDonorVariant)]
    [InlineData(true, 24, "T", "C", "T1.1:c.10+2T>C", ConsequenceTerm.SpliceDonorVariant)]
    [InlineData(false, 40, "C", "T", "T1.1:c.11-3C>T", ConsequenceTerm.SpliceRegionVariant)]
    [InlineData(true, 40, "C", "T", "T1.1:c.11-3C>T", ConsequenceTerm.SpliceRegionVariant)]
    [InlineData(false, 30, "T", "A", "T1.1:c.10+8T>A", ConsequenceTerm.SpliceRegionVariant)]
    [InlineData(false, 32, "T", "A", "T1.1:c.10+10T>A", ConsequenceTerm.SplicePolypyrimidineTractVariant)]
    [InlineData(true, 32, "T", "A", "T1.1:c.10+10T>A", ConsequenceTerm.SplicePolypyrimidineTractVariant)]
    [InlineData(false, 27, "G", "A", "T1.1:c.10+5G>A", ConsequenceTerm.SpliceDonor5thBaseVariant)]
    [InlineData(true, 27, "G", "A", "T1.1:c.10+5G>A", ConsequenceTerm.SpliceDonor5thBaseVariant)]
    [InlineData(false, 25, "A", "G", "T1.1:c.10+3A>G", ConsequenceTerm.SpliceDonorRegionVariant)]
    [InlineData(true, 25, "A", "G", "T1.1:c.10+3A>G", ConsequenceTerm.SpliceDonorRegionVariant)]
    [InlineData(false, 12, "C", "A", "T1.1:c.-1C>A", ConsequenceTerm.FivePrimeUtrVariant)]
    [InlineData(true, 12, "C", "A", "T1.1:c.-1C>A", ConsequenceTerm.FivePrimeUtrVariant)]
    [InlineData(false, 52, "C", "A", "T1.1:c.*2C>A", ConsequenceTerm.ThreePrimeUtrVariant)]
    [InlineData(true, 52, "C", "A", "T1.1:c.*2C>A", ConsequenceTerm.ThreePrimeUtrVariant)]
    public void Annotate_noncoding_positions_give_offsets_and_terms(bool minus, int position, string reference, string alternate, string hgvsc, ConsequenceTerm term)
    {
        TranscriptAnnotation t = Run(minus, position, reference, alternate);

        Assert.Equal(term, t.Consequences.MostSevere);
        Assert.Equal(hgvsc, t.HgvsC);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_stop_codon_change_is_stop_lost_extension(bool minus)
    {
        TranscriptAnnotation t = Run(minus, 48, "T", "G");

        Assert.Equal(ConsequenceTerm.StopLost, t.Consequences.MostSevere);
        Assert.Equal("P1:p.Ter6GluextTer?", t.HgvsP);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_codon_deletion_is_inframe_deletion(bool minus)
    {
        TranscriptAnnotation t = Run(minus, 18, "TAAA", "T");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.InframeDeletion));
        Assert.Equal("T1.1:c.7_9del", t.HgvsC);
        Assert.Equal("P1:p.Lys3del", t.HgvsP);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_left_aligned_insertion_in_run_shifts_3prime_to_dup_and_frameshift(bool minus)
    {
        TranscriptAnnotation t = Run(minus, 18, "T", "TA");

        Assert.Equal(ConsequenceTerm.FrameshiftVariant, t.Consequences.MostSevere);
        Assert.Equal("T1.1:c.9dup", t.HgvsC);
        Assert.Equal("P1:p.Gly4ArgfsTer?", t.HgvsP);
    }

    [Theory]
    [InlineData(false, 22)]
    [InlineData(true, 22)]
    [InlineData(false, 42)]
    [InlineData(true, 42)]
    public void Annotate_insertion_at_exon_intron_junction_is_splice_region_not_splice_site(bool minus, int position)
    {
        // Between exon 1's last base and the G of GT (22|23), or between the G of AG and exon 2 (42|43): both
        // splice-site bases stay in place, so VEP (and bcftools csq) call it splice_region_variant only.
        string reference = Chromosome[position - 1].ToString();
        TranscriptAnnotation t = Run(minus, position, reference, reference + "C");

        Assert.Equal(ConsequenceTerm.SpliceRegionVariant, t.Consequences.MostSevere);
        Assert.False(t.Consequences.Contains(ConsequenceTerm.SpliceDonorVariant));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.SpliceAcceptorVariant));
    }

    [Theory]
    [InlineData(false, 23, ConsequenceTerm.SpliceDonorVariant)]
    [InlineData(true, 23, ConsequenceTerm.SpliceDonorVariant)]
    [InlineData(false, 41, ConsequenceTerm.SpliceAcceptorVariant)]
    [InlineData(true, 41, ConsequenceTerm.SpliceAcceptorVariant)]
    public void Annotate_insertion_between_the_two_splice_site_bases_breaks_the_site(bool minus, int position, ConsequenceTerm term)
    {
        string reference = Chromosome[position - 1].ToString();
        TranscriptAnnotation t = Run(minus, position, reference, reference + "C");

        Assert.Equal(term, t.Consequences.MostSevere);
    }

    [Theory]
    [InlineData(false, 19, false)]
    [InlineData(true, 19, false)]
    [InlineData(false, 20, true)]
    [InlineData(true, 20, true)]
    public void Annotate_exonic_insertion_is_splice_region_only_with_both_flanks_in_the_last_three_exon_bases(bool minus, int position, bool region)
    {
        // Exon 1 ends at 22: its splice region is 20-22. 19|20 has one flank outside (VEP: no), 20|21 has both.
        string reference = Chromosome[position - 1].ToString();
        TranscriptAnnotation t = Run(minus, position, reference, reference + "CCC");

        Assert.True(t.Consequences.Contains(ConsequenceTerm.InframeInsertion));
        Assert.Equal(region, t.Consequences.Contains(ConsequenceTerm.SpliceRegionVariant));
    }

    [Fact]
    public void Annotate_far_upstream_is_intergenic_and_near_is_upstream()
    {
        (VariantAnnotator annotator, _, _) = Setup(minus: false);

        AlleleAnnotation near = annotator.Annotate("s", 5, "T", "A");

        Assert.Equal(ConsequenceTerm.UpstreamGeneVariant, near.MostSevere);
        Assert.Equal(6, near.Transcripts[0].Distance);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Annotate_insertion_in_splice_site_and_next_exons_splice_region_is_site_only(bool minus)
    {
        // Exons 11-20, 41 (one base) and 61-70: the insertion 39|40 sits between intron 1's last two bases (acceptor)
        // and also among the three bases before exon 41's end, next to intron 2 (its splice region). VEP's
        // splice_region predicate returns 0 whenever donor or acceptor applies (VariationEffect.pm), insertions included.
        const int Length = 80;
        string forwardSequence = string.Concat(Enumerable.Repeat("ACGTTGCA", Length / 8));
        string sequence = minus ? Nucleotides.ReverseComplement(forwardSequence) : forwardSequence;
        var genome = new WindowedSequence();
        genome.Add("s", Length, [1], [Length], System.Text.Encoding.ASCII.GetBytes(sequence));
        int[] starts = minus ? [Length + 1 - 70, Length + 1 - 41, Length + 1 - 20] : [11, 41, 61];
        int[] ends = minus ? [Length + 1 - 61, Length + 1 - 41, Length + 1 - 11] : [20, 41, 70];
        var transcript = new Transcript("T9", null, "G9", "GENE9", "lncRNA", "s", minus ? Strand.Reverse : Strand.Forward, starts, ends, 0, 0, 0, TranscriptTags.None, null);
        var annotator = new VariantAnnotator(new TranscriptIndex([transcript]), genome);
        int position = minus ? Length + 1 - 40 : 39; // the base before the insertion, as VCF anchors it
        string anchor = sequence[position - 1].ToString();

        TranscriptAnnotation t = Assert.Single(annotator.Annotate("s", position, anchor, anchor + "C").Transcripts);

        Assert.True(t.Consequences.Contains(ConsequenceTerm.SpliceAcceptorVariant));
        Assert.False(t.Consequences.Contains(ConsequenceTerm.SpliceRegionVariant));
    }

    [Theory]
    [InlineData(22, "G", "splice_donor_variant&non_coding_transcript_variant")] // +2
    [InlineData(23, "C", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // +3
    [InlineData(24, "C", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // +4
    [InlineData(25, "C", "splice_donor_5th_base_variant&intron_variant&non_coding_transcript_variant")] // +5
    [InlineData(26, "C", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // +6
    [InlineData(27, "C", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // +7
    [InlineData(28, "C", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // +8
    [InlineData(29, "C", "intron_variant&non_coding_transcript_variant")] // +9
    [InlineData(63, "C", "intron_variant&non_coding_transcript_variant")] // -18
    [InlineData(64, "C", "splice_polypyrimidine_tract_variant&intron_variant&non_coding_transcript_variant")] // -17
    [InlineData(72, "C", "splice_polypyrimidine_tract_variant&intron_variant&non_coding_transcript_variant")] // -9
    [InlineData(73, "C", "splice_region_variant&splice_polypyrimidine_tract_variant&intron_variant&non_coding_transcript_variant")] // -8
    [InlineData(78, "C", "splice_region_variant&splice_polypyrimidine_tract_variant&intron_variant&non_coding_transcript_variant")] // -3
    [InlineData(79, "C", "splice_acceptor_variant&non_coding_transcript_variant")] // -2
    [InlineData(21, "CGGGG", "splice_donor_variant&intron_variant&non_coding_transcript_variant")] // deletes +2..+5: the site wins
    [InlineData(22, "+", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +2|+3
    [InlineData(23, "+", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +3|+4
    [InlineData(24, "+", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +4|+5: no base is lost, not the 5th's
    [InlineData(25, "+", "splice_donor_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +5|+6
    [InlineData(26, "+", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +6|+7
    [InlineData(27, "+", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // insertion +7|+8
    [InlineData(77, "+", "splice_region_variant&splice_polypyrimidine_tract_variant&intron_variant&non_coding_transcript_variant")] // insertion -4|-3
    [InlineData(78, "+", "splice_region_variant&intron_variant&non_coding_transcript_variant")] // insertion -3|-2
    public void Annotate_intronic_splice_terms_follow_VEP_105(int position, string change, string expected)
    {
        // A non-coding transcript, exons 11-20 and 81-90, intron 21-80 (+k = 20 + k, -k = 81 - k), long enough that the
        // donor and acceptor sides do not meet. Each case runs on the forward strand and mirrored on the reverse strand.
        const int Length = 100;
        string forwardSequence = string.Concat(Enumerable.Repeat("ACGTTGCAAG", Length / 10));
        foreach (bool minus in new[] { false, true })
        {
            string sequence = minus ? Nucleotides.ReverseComplement(forwardSequence) : forwardSequence;
            var genome = new WindowedSequence();
            genome.Add("s", Length, [1], [Length], System.Text.Encoding.ASCII.GetBytes(sequence));
            int[] starts = minus ? [Length + 1 - 90, Length + 1 - 20] : [11, 81];
            int[] ends = minus ? [Length + 1 - 81, Length + 1 - 11] : [20, 90];
            var transcript = new Transcript("T8", null, "G8", "GENE8", "lncRNA", "s", minus ? Strand.Reverse : Strand.Forward, starts, ends, 0, 0, 0, TranscriptTags.None, null);
            var annotator = new VariantAnnotator(new TranscriptIndex([transcript]), genome);

            int pos;
            string reference;
            string alternate;
            if (change == "+")
            {
                // An insertion after forward base `position`; mirrored, it follows base Length - position.
                pos = minus ? Length - position : position;
                reference = sequence[pos - 1].ToString();
                alternate = reference + "T";
            }
            else if (change.Length == 1)
            {
                pos = minus ? Length + 1 - position : position;
                reference = sequence[pos - 1].ToString();
                alternate = reference == "C" ? "A" : "C";
            }
            else
            {
                // A deletion of change.Length - 1 bases after the anchor at `position`; mirrored, the anchor is the
                // base before the deleted run.
                int deleted = change.Length - 1;
                pos = minus ? Length + 1 - (position + deleted) - 1 : position;
                reference = sequence.Substring(pos - 1, deleted + 1);
                alternate = reference[..1];
            }

            TranscriptAnnotation t = Assert.Single(annotator.Annotate("s", pos, reference, alternate).Transcripts);
            Assert.True(expected == t.Consequences.ToString(), $"{(minus ? "reverse" : "forward")} strand: {t.Consequences}");
        }
    }

    [Fact]
    public void Every_consequence_term_has_its_own_SO_name_and_parses_back()
    {
        ConsequenceTerm[] terms = Enum.GetValues<ConsequenceTerm>();
        Assert.Equal(terms.Length, terms.Select(t => t.Name()).Distinct(StringComparer.Ordinal).Count());
        foreach (ConsequenceTerm term in terms)
        {
            Assert.True(ConsequenceTerms.TryParse(term.Name(), out ConsequenceTerm parsed));
            Assert.Equal(term, parsed);
        }

        Assert.Equal("splice_donor_5th_base_variant", ConsequenceTerm.SpliceDonor5thBaseVariant.Name());
        Assert.Equal("splice_polypyrimidine_tract_variant", ConsequenceTerm.SplicePolypyrimidineTractVariant.Name());
    }
}
