namespace OpenGms.Genomics.Annotation.Consequences;

/// <summary>The annotation of one alternate allele at one VCF position.</summary>
/// <param name="Chromosome">Sequence name.</param>
/// <param name="Position">VCF position (1-based).</param>
/// <param name="Reference">VCF REF.</param>
/// <param name="Alternate">VCF ALT (one allele).</param>
/// <param name="MostSevere">The most severe term over all transcripts (intergenic_variant when none).</param>
/// <param name="HgvsG">HGVS g. on the chromosome name (3′-shifted on the forward strand), or null.</param>
/// <param name="Transcripts">Per-transcript annotations.</param>
public sealed record AlleleAnnotation(
    string Chromosome,
    int Position,
    string Reference,
    string Alternate,
    ConsequenceTerm MostSevere,
    string? HgvsG,
    IReadOnlyList<TranscriptAnnotation> Transcripts);
