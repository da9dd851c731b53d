using OpenGms.Genomics.Annotation.GeneModels;

namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>The kind of a structural variant, as far as transcript consequences are concerned.</summary>
public enum StructuralVariantKind
{
    /// <summary>Bases removed (<c>&lt;DEL&gt;</c>, a copy-number loss, a long sequence-resolved deletion).</summary>
    Deletion,

    /// <summary>Bases copied (<c>&lt;DUP&gt;</c>, <c>&lt;DUP:TANDEM&gt;</c>, a copy-number gain).</summary>
    Duplication,

    /// <summary>Bases reversed in place (<c>&lt;INV&gt;</c>).</summary>
    Inversion,
}

/// <summary>
/// Transcript consequences of a structural variant by Ensembl VEP's structural-variant conventions: a deletion covering a
/// whole transcript is <c>transcript_ablation</c> and a duplication covering one <c>transcript_amplification</c>; a
/// deletion or inversion that reaches exonic sequence is <c>feature_truncation</c> and a duplication that does
/// <c>feature_elongation</c> (VEP gives these only when exonic sequence is hit, not for an SV wholly in an intron), with
/// <c>coding_sequence_variant</c>, UTR or non-coding exon terms for the parts overlapped; an SV inside an intron is
/// <c>intron_variant</c>; within the flank, upstream/downstream. The exon and intron ranges overlapped are set on the
/// result (transcript numbering). An inversion that holds a whole transcript leaves it intact and gets no consequence.
/// </summary>
/// <remarks>Kept apart from <see cref="VariantAnnotator"/> so the small-variant path is unchanged. Not thread-safe.</remarks>
public sealed class StructuralVariantAnnotator
{
    private readonly TranscriptIndex _index;
    private readonly int _flank;
    private readonly List<Transcript> _hits = new(64);

    /// <summary>Creates an annotator.</summary>
    /// <param name="index">Transcripts.</param>
    /// <param name="upDownstreamDistance">Distance for upstream/downstream_gene_variant (VEP: 5000).</param>
    public StructuralVariantAnnotator(TranscriptIndex index, int upDownstreamDistance = 5000)
    {
        ArgumentNullException.ThrowIfNull(index);
        _index = index;
        _flank = upDownstreamDistance;
    }

    /// <summary>Annotates one structural variant.</summary>
    /// <param name="chromosome">Sequence name as the transcripts use it.</param>
    /// <param name="start">First affected base (1-based; for a VCF symbolic allele, POS + 1, after the padding base).</param>
    /// <param name="end">Last affected base (1-based, closed; VCF END). Invariant: end >= start.</param>
    /// <param name="kind">Deletion, duplication or inversion.</param>
    /// <returns>One annotation per transcript with a consequence.</returns>
    public List<TranscriptAnnotation> Annotate(string chromosome, int start, int end, StructuralVariantKind kind)
    {
        ArgumentNullException.ThrowIfNull(chromosome);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        _hits.Clear();
        _index.Query(chromosome, start - _flank, end + _flank, _hits);
        var results = new List<TranscriptAnnotation>(_hits.Count);
        foreach (Transcript t in _hits)
        {
            TranscriptAnnotation? a = AnnotateTranscript(t, start, end, kind);
            if (a is not null && !a.Consequences.IsEmpty)
            {
                results.Add(a);
            }
        }

        return results;
    }

    private TranscriptAnnotation? AnnotateTranscript(Transcript t, int start, int end, StructuralVariantKind kind)
    {
        bool forward = t.Strand == Strand.Forward;
        if (end < t.Start || start > t.End)
        {
            bool before = end < t.Start;
            int distance = before ? t.Start - end : start - t.End;
            if (distance > _flank)
            {
                return null;
            }

            ConsequenceTerm term = before == forward ? ConsequenceTerm.UpstreamGeneVariant : ConsequenceTerm.DownstreamGeneVariant;
            return new TranscriptAnnotation(t, default(ConsequenceSet).With(term)) { Distance = distance };
        }

        if (start <= t.Start && end >= t.End)
        {
            return kind switch
            {
                StructuralVariantKind.Deletion => new TranscriptAnnotation(t, default(ConsequenceSet).With(ConsequenceTerm.TranscriptAblation)) { Exon = 1, ExonLast = t.ExonCount },
                StructuralVariantKind.Duplication => new TranscriptAnnotation(t, default(ConsequenceSet).With(ConsequenceTerm.TranscriptAmplification)) { Exon = 1, ExonLast = t.ExonCount },
                _ => null,
            };
        }

        ConsequenceSet set = default;
        ReadOnlySpan<int> starts = t.ExonStarts;
        ReadOnlySpan<int> ends = t.ExonEnds;
        int n = starts.Length;
        int firstExon = 0, lastExon = 0, firstIntron = 0, lastIntron = 0;
        for (int i = 0; i < n; i++)
        {
            int es = starts[i];
            int ee = ends[i];
            if (start <= ee && end >= es)
            {
                int number = t.ExonNumber(i);
                firstExon = firstExon == 0 ? number : Math.Min(firstExon, number);
                lastExon = Math.Max(lastExon, number);
                int lo = Math.Max(es, start);
                int hi = Math.Min(ee, end);
                if (!t.IsCoding)
                {
                    set = set.With(ConsequenceTerm.NonCodingTranscriptExonVariant);
                    continue;
                }

                if (hi >= t.CodingStart && lo <= t.CodingEnd)
                {
                    set = set.With(ConsequenceTerm.CodingSequenceVariant);
                }

                if (lo < t.CodingStart)
                {
                    set = set.With(forward ? ConsequenceTerm.FivePrimeUtrVariant : ConsequenceTerm.ThreePrimeUtrVariant);
                }

                if (hi > t.CodingEnd)
                {
                    set = set.With(forward ? ConsequenceTerm.ThreePrimeUtrVariant : ConsequenceTerm.FivePrimeUtrVariant);
                }
            }

            // Intron i lies between genomic exons i and i + 1.
            if (i + 1 < n && start <= starts[i + 1] - 1 && end >= ee + 1)
            {
                int number = forward ? i + 1 : n - 1 - i;
                firstIntron = firstIntron == 0 ? number : Math.Min(firstIntron, number);
                lastIntron = Math.Max(lastIntron, number);
                set = set.With(ConsequenceTerm.IntronVariant);
            }
        }

        if (firstExon > 0)
        {
            set = set.With(kind == StructuralVariantKind.Duplication ? ConsequenceTerm.FeatureElongation : ConsequenceTerm.FeatureTruncation);
        }

        return new TranscriptAnnotation(t, set) { Exon = firstExon, ExonLast = lastExon, Intron = firstIntron, IntronLast = lastIntron };
    }
}
