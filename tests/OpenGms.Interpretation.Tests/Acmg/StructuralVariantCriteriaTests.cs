using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Domain;

namespace OpenGms.Interpretation.Tests.Acmg;

/// <summary>
/// Structural-variant consequences (VEP's SV conventions), PVS1 for deletions and duplications (ClinGen SVI tree) and
/// deep-intronic BP7 (ClinGen SVI splicing), on a small synthetic transcript whose arithmetic is worked out below.
/// </summary>
public sealed class StructuralVariantCriteriaTests
{
    // Forward transcript with 4 exons: 1000-1099, 2000-2100, 3000-3098, 4000-4199; CDS 1050..4100.
    // Coding bases per exon: 50, 101, 99, 101 (351 = 117 codons, 116 amino acids). Spliced length 500, last exon 200 nt,
    // so the last exon-exon junction is at spliced offset 300 and the NMD boundary at 250.
    private static readonly Transcript s_forward = new("NM_TEST", "1", "G1", "GENE1", "protein_coding", "1", Strand.Forward,
        [1000, 2000, 3000, 4000], [1099, 2100, 3098, 4199], 1050, 4100, 0, TranscriptTags.Canonical, "NP_TEST");

    // The same exons on the reverse strand: genomic exon 1000-1099 is then exon 4 (the last).
    private static readonly Transcript s_reverse = new("NM_REV", "1", "G2", "GENE2", "protein_coding", "2", Strand.Reverse,
        [1000, 2000, 3000, 4000], [1099, 2100, 3098, 4199], 1050, 4100, 0, TranscriptTags.Canonical, "NP_REV");

    private static TranscriptAnnotation Annotate(Transcript t, int start, int end, StructuralVariantKind kind) =>
        new StructuralVariantAnnotator(new TranscriptIndex([t])).Annotate(t.Chromosome, start, end, kind).Single();

    private static AcmgResult Evaluate(Transcript t, int start, int end, StructuralVariantKind kind)
    {
        TranscriptAnnotation a = Annotate(t, start, end, kind);
        var input = new AcmgInput(t.GeneName, a.Consequences, t, a, start - 1, null, false, SegregationPattern.AutosomalDominant, true, null, null, null, null, null, null, GeneInheritance.Monoallelic, 0, 0)
        {
            StructuralVariant = new StructuralVariantEvent(kind, kind == StructuralVariantKind.Deletion ? "DEL" : "DUP", start, end, SequenceResolved: false),
        };
        return AcmgEvaluator.Evaluate(input, []);
    }

    private static AcmgResult Snv(Transcript t, int position, double? spliceAi) =>
        AcmgEvaluator.Evaluate(
            new AcmgInput(t.GeneName, default(ConsequenceSet).With(ConsequenceTerm.IntronVariant), t, null, position, null, false, default, true, null, null, null, null, null, null, GeneInheritance.Unknown, 0, 0)
            {
                SpliceScore = spliceAi,
                SpliceName = spliceAi is null ? null : "SpliceAI",
            },
            []);

    private static CriterionResult? Row(AcmgResult r, AcmgCriterion c) => r.Criteria.SingleOrDefault(x => x.Criterion == c);

    [Theory]
    [InlineData(500, 5000, StructuralVariantKind.Deletion, "transcript_ablation")]
    [InlineData(500, 5000, StructuralVariantKind.Duplication, "transcript_amplification")]
    [InlineData(1500, 2500, StructuralVariantKind.Deletion, "feature_truncation&coding_sequence_variant&intron_variant")]
    [InlineData(1500, 2500, StructuralVariantKind.Duplication, "feature_elongation&coding_sequence_variant&intron_variant")]
    [InlineData(1500, 2500, StructuralVariantKind.Inversion, "feature_truncation&coding_sequence_variant&intron_variant")]
    [InlineData(2200, 2800, StructuralVariantKind.Deletion, "intron_variant")]
    [InlineData(900, 1020, StructuralVariantKind.Deletion, "feature_truncation&5_prime_UTR_variant")]
    [InlineData(300, 400, StructuralVariantKind.Deletion, "upstream_gene_variant")]
    public void Annotate_follows_vep_structural_variant_terms(int start, int end, StructuralVariantKind kind, string expected)
    {
        TranscriptAnnotation a = Annotate(s_forward, start, end, kind);

        Assert.Equal(expected, a.Consequences.ToString());
    }

    [Fact]
    public void Annotate_an_inversion_holding_the_whole_transcript_gives_no_consequence()
    {
        List<TranscriptAnnotation> hits = new StructuralVariantAnnotator(new TranscriptIndex([s_forward])).Annotate("1", 500, 5000, StructuralVariantKind.Inversion);

        Assert.Empty(hits);
    }

    [Fact]
    public void Annotate_numbers_exons_and_introns_in_transcript_order_on_both_strands()
    {
        TranscriptAnnotation forward = Annotate(s_forward, 1500, 3500, StructuralVariantKind.Deletion);
        TranscriptAnnotation reverse = Annotate(s_reverse, 1500, 3500, StructuralVariantKind.Deletion);

        Assert.Equal("2-3/4", forward.ExonText());
        Assert.Equal("1-3/3", forward.IntronText());
        Assert.Equal("2-3/4", reverse.ExonText());
        Assert.Equal("1-3/3", reverse.IntronText());
    }

    [Theory]
    [InlineData(500, 5000, AcmgStrength.VeryStrong, "whole-gene deletion")]
    [InlineData(1500, 2500, AcmgStrength.VeryStrong, "NMD predicted")] // exon 2: 101 nt out of frame, upstream of the NMD boundary
    [InlineData(2500, 3500, AcmgStrength.Strong, "in-frame")] // exon 3: 99 nt, 33 of 116 amino acids
    [InlineData(3500, 4049, AcmgStrength.Strong, "NMD is not predicted")] // 50 nt of the last exon: frameshift from codon 84
    [InlineData(500, 1500, AcmgStrength.Moderate, "start codon")]
    public void Pvs1_for_deletions_follows_the_svi_tree(int start, int end, AcmgStrength strength, string evidence)
    {
        AcmgResult r = Evaluate(s_forward, start, end, StructuralVariantKind.Deletion);

        CriterionResult pvs1 = Row(r, AcmgCriterion.PVS1)!;
        Assert.True(pvs1.Met);
        Assert.Equal(strength, pvs1.Strength);
        Assert.Contains(evidence, pvs1.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Pvs1_is_not_given_for_an_intronic_deletion()
    {
        AcmgResult r = Evaluate(s_forward, 2200, 2800, StructuralVariantKind.Deletion);

        Assert.Null(Row(r, AcmgCriterion.PVS1));
        Assert.Contains(AcmgCriterion.PVS1, r.NotEvaluated.Keys);
    }

    [Fact]
    public void Pvs1_for_an_out_of_frame_intragenic_duplication_is_strong_and_not_for_a_whole_gene_one()
    {
        AcmgResult exon2 = Evaluate(s_forward, 1500, 2500, StructuralVariantKind.Duplication);
        AcmgResult exon3 = Evaluate(s_forward, 2500, 3500, StructuralVariantKind.Duplication);
        AcmgResult whole = Evaluate(s_forward, 500, 5000, StructuralVariantKind.Duplication);

        Assert.Equal(AcmgStrength.Strong, Row(exon2, AcmgCriterion.PVS1)!.Strength);
        Assert.Null(Row(exon3, AcmgCriterion.PVS1)); // in frame
        Assert.Null(Row(whole, AcmgCriterion.PVS1));
        Assert.Contains(AcmgCriterion.PVS1, whole.NotEvaluated.Keys);
    }

    [Theory]
    [InlineData(1106, 0.05, true)] // +7
    [InlineData(1106, 0.3, false)] // +7 but a predicted splice change
    [InlineData(1979, 0.05, true)] // -21
    [InlineData(1500, 0.1, true)] // deep in intron 1
    public void Bp7_for_a_deep_intronic_variant_follows_the_splice_prediction(int position, double spliceAi, bool met)
    {
        AcmgResult r = Snv(s_forward, position, spliceAi);

        Assert.Equal(met, Row(r, AcmgCriterion.BP7)!.Met);
    }

    [Theory]
    [InlineData(1105)] // +6: donor motif
    [InlineData(1980)] // -20: acceptor region
    public void Bp7_is_not_given_within_the_donor_or_acceptor_region(int position)
    {
        AcmgResult r = Snv(s_forward, position, 0.01);

        Assert.Null(Row(r, AcmgCriterion.BP7));
        Assert.Contains("region", r.NotEvaluated[AcmgCriterion.BP7], StringComparison.Ordinal);
    }

    [Fact]
    public void Bp7_counts_intron_positions_on_the_transcript_strand()
    {
        // Reverse strand: the donor of the intron 1100-1999 is at 1999 (+1), the acceptor at 1100 (-1).
        AcmgResult nearDonor = Snv(s_reverse, 1995, 0.01); // +5
        AcmgResult deep = Snv(s_reverse, 1993, 0.01); // +7 and -894

        Assert.Null(Row(nearDonor, AcmgCriterion.BP7));
        Assert.True(Row(deep, AcmgCriterion.BP7)!.Met);
        Assert.Contains("+7", Row(deep, AcmgCriterion.BP7)!.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Bp7_for_a_deep_intronic_variant_needs_a_splice_predictor()
    {
        AcmgResult r = Snv(s_forward, 1500, null);

        Assert.Null(Row(r, AcmgCriterion.BP7));
        Assert.Contains("--splice-field", r.NotEvaluated[AcmgCriterion.BP7], StringComparison.Ordinal);
    }
}
