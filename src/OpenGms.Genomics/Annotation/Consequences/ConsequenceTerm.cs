namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>
/// Sequence Ontology consequence terms, declared in Ensembl VEP's order of severity (most severe first), so a lower
/// value is more severe. <see cref="ConsequenceTerms.Name"/> gives the SO term as VEP spells it.
/// </summary>
public enum ConsequenceTerm
{
    /// <summary>SO:0001893 transcript_ablation: the whole transcript is deleted.</summary>
    TranscriptAblation,

    /// <summary>SO:0001574 splice_acceptor_variant: the last two bases of an intron.</summary>
    SpliceAcceptorVariant,

    /// <summary>SO:0001575 splice_donor_variant: the first two bases of an intron.</summary>
    SpliceDonorVariant,

    /// <summary>SO:0001587 stop_gained.</summary>
    StopGained,

    /// <summary>SO:0001589 frameshift_variant.</summary>
    FrameshiftVariant,

    /// <summary>SO:0001578 stop_lost.</summary>
    StopLost,

    /// <summary>SO:0002012 start_lost.</summary>
    StartLost,

    /// <summary>SO:0001889 transcript_amplification: a duplication or copy gain covers the whole transcript (structural variants).</summary>
    TranscriptAmplification,

    /// <summary>SO:0001907 feature_elongation: a duplication overlaps exonic sequence of the transcript (structural variants).</summary>
    FeatureElongation,

    /// <summary>SO:0001906 feature_truncation: a deletion or inversion overlaps exonic sequence of the transcript (structural variants).</summary>
    FeatureTruncation,

    /// <summary>SO:0001821 inframe_insertion.</summary>
    InframeInsertion,

    /// <summary>SO:0001822 inframe_deletion.</summary>
    InframeDeletion,

    /// <summary>SO:0001583 missense_variant.</summary>
    MissenseVariant,

    /// <summary>SO:0001818 protein_altering_variant.</summary>
    ProteinAlteringVariant,

    /// <summary>SO:0001787 splice_donor_5th_base_variant: the fifth base of an intron (donor side).</summary>
    SpliceDonor5thBaseVariant,

    /// <summary>
    /// SO:0001630 splice_region_variant: 1-3 bases into the exon or 3-8 bases into the intron, where no narrower splice
    /// term (donor or acceptor site, donor 5th base, donor region) applies.
    /// </summary>
    SpliceRegionVariant,

    /// <summary>SO:0002170 splice_donor_region_variant: intron bases 3-6 on the donor side, other than the 5th.</summary>
    SpliceDonorRegionVariant,

    /// <summary>SO:0002169 splice_polypyrimidine_tract_variant: intron bases 3-17 counted back from the acceptor.</summary>
    SplicePolypyrimidineTractVariant,

    /// <summary>SO:0001626 incomplete_terminal_codon_variant.</summary>
    IncompleteTerminalCodonVariant,

    /// <summary>SO:0002019 start_retained_variant.</summary>
    StartRetainedVariant,

    /// <summary>SO:0001567 stop_retained_variant.</summary>
    StopRetainedVariant,

    /// <summary>SO:0001819 synonymous_variant.</summary>
    SynonymousVariant,

    /// <summary>SO:0001580 coding_sequence_variant: touches the CDS in a way not classed more precisely.</summary>
    CodingSequenceVariant,

    /// <summary>SO:0001623 5_prime_UTR_variant.</summary>
    FivePrimeUtrVariant,

    /// <summary>SO:0001624 3_prime_UTR_variant.</summary>
    ThreePrimeUtrVariant,

    /// <summary>SO:0001792 non_coding_transcript_exon_variant.</summary>
    NonCodingTranscriptExonVariant,

    /// <summary>SO:0001627 intron_variant.</summary>
    IntronVariant,

    /// <summary>SO:0001621 NMD_transcript_variant.</summary>
    NmdTranscriptVariant,

    /// <summary>SO:0001619 non_coding_transcript_variant.</summary>
    NonCodingTranscriptVariant,

    /// <summary>SO:0001631 upstream_gene_variant (within the upstream distance of the 5' end).</summary>
    UpstreamGeneVariant,

    /// <summary>SO:0001632 downstream_gene_variant (within the downstream distance of the 3' end).</summary>
    DownstreamGeneVariant,

    /// <summary>SO:0001628 intergenic_variant.</summary>
    IntergenicVariant,
}

/// <summary>Names and sets of <see cref="ConsequenceTerm"/>s.</summary>
public static class ConsequenceTerms
{
    private static readonly string[] s_names =
    [
        "transcript_ablation", "splice_acceptor_variant", "splice_donor_variant", "stop_gained", "frameshift_variant",
        "stop_lost", "start_lost", "transcript_amplification", "feature_elongation", "feature_truncation", "inframe_insertion", "inframe_deletion", "missense_variant", "protein_altering_variant",
        "splice_donor_5th_base_variant", "splice_region_variant", "splice_donor_region_variant",
        "splice_polypyrimidine_tract_variant", "incomplete_terminal_codon_variant", "start_retained_variant", "stop_retained_variant",
        "synonymous_variant", "coding_sequence_variant", "5_prime_UTR_variant", "3_prime_UTR_variant",
        "non_coding_transcript_exon_variant", "intron_variant", "NMD_transcript_variant", "non_coding_transcript_variant",
        "upstream_gene_variant", "downstream_gene_variant", "intergenic_variant",
    ];

    /// <summary>The SO term as VEP writes it.</summary>
    /// <param name="term">The term.</param>
    /// <returns>For example <c>missense_variant</c>.</returns>
    public static string Name(this ConsequenceTerm term) => s_names[(int)term];

    /// <summary>Parses an SO term name (case-sensitive, as VEP writes it).</summary>
    /// <param name="name">The name.</param>
    /// <param name="term">The term.</param>
    /// <returns>False when unknown.</returns>
    public static bool TryParse(string name, out ConsequenceTerm term)
    {
        int index = Array.IndexOf(s_names, name);
        term = (ConsequenceTerm)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>The terms in a set, most severe first.</summary>
    /// <param name="set">Bit set (bit i = term i).</param>
    /// <returns>The terms.</returns>
    public static IEnumerable<ConsequenceTerm> Enumerate(ConsequenceSet set)
    {
        for (int i = 0; i < s_names.Length; i++)
        {
            if ((set.Bits & (1UL << i)) != 0)
            {
                yield return (ConsequenceTerm)i;
            }
        }
    }
}

/// <summary>A set of consequence terms held as bits; the lowest set bit is the most severe.</summary>
/// <param name="Bits">Bit i set means term i is present.</param>
public readonly record struct ConsequenceSet(ulong Bits)
{
    /// <summary>True when no term is set.</summary>
    public bool IsEmpty => Bits == 0;

    /// <summary>The most severe term; throws when empty.</summary>
    public ConsequenceTerm MostSevere => IsEmpty
        ? throw new InvalidOperationException("empty consequence set")
        : (ConsequenceTerm)System.Numerics.BitOperations.TrailingZeroCount(Bits);

    /// <summary>Adds a term.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The new set.</returns>
    public ConsequenceSet With(ConsequenceTerm term) => new(Bits | (1UL << (int)term));

    /// <summary>Removes a term.</summary>
    /// <param name="term">The term.</param>
    /// <returns>The new set.</returns>
    public ConsequenceSet Without(ConsequenceTerm term) => new(Bits & ~(1UL << (int)term));

    /// <summary>The union of two sets.</summary>
    /// <param name="left">One set.</param>
    /// <param name="right">The other.</param>
    /// <returns>The union.</returns>
    public static ConsequenceSet operator |(ConsequenceSet left, ConsequenceSet right) => new(left.Bits | right.Bits);

    /// <summary>The union of two sets.</summary>
    /// <param name="other">The other set.</param>
    /// <returns>The union.</returns>
    public ConsequenceSet BitwiseOr(ConsequenceSet other) => this | other;

    /// <summary>True when the term is present.</summary>
    /// <param name="term">The term.</param>
    /// <returns>Whether it is present.</returns>
    public bool Contains(ConsequenceTerm term) => (Bits & (1UL << (int)term)) != 0;

    /// <summary>The terms joined with <c>&amp;</c>, most severe first (VEP's CSQ style).</summary>
    /// <returns>For example <c>splice_region_variant&amp;intron_variant</c>.</returns>
    public override string ToString() => s_text.GetOrAdd(Bits, static bits =>
    {
        var builder = new System.Text.StringBuilder();
        foreach (ConsequenceTerm term in ConsequenceTerms.Enumerate(new ConsequenceSet(bits)))
        {
            builder.Append(builder.Length > 0 ? "&" : string.Empty).Append(term.Name());
        }

        return builder.ToString();
    });

    // Few distinct combinations occur, so their text is built once (output writes it per transcript per variant).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, string> s_text = new();
}
