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
    IReadOnlyList<TranscriptAnnotation> Transcripts)
{
    private string? _hgvsG = HgvsG;

    /// <summary>HGVS g. on the chromosome name (3′-shifted on the forward strand), or null.</summary>
    /// <remarks>For a one-base substitution it is formatted when first read: the VCF writer formats it in place instead.</remarks>
    public string? HgvsG
    {
        get => _hgvsG ??= Snv?.ToHgvs();
        init => _hgvsG = value;
    }

    /// <summary>The parts of a one-base substitution's HGVS g. (most alleles), or null for any other change.</summary>
    internal GenomicSnv? Snv { get; init; }

    /// <summary>The substitution when its HGVS g. has not been formatted yet, else null.</summary>
    internal GenomicSnv? PendingSnv => _hgvsG is null ? Snv : null;
}

/// <summary>
/// A one-base substitution on a sequence, for HGVS g.: <c>{Chromosome}:g.{Position}{Ref}&gt;{Alt}</c> (<c>m.</c> on the
/// mitochondrial genome).
/// </summary>
/// <param name="Chromosome">Sequence name (the cache's).</param>
/// <param name="Position">1-based position.</param>
/// <param name="Ref">Reference base.</param>
/// <param name="Alt">Alternate base.</param>
internal readonly record struct GenomicSnv(string Chromosome, int Position, char Ref, char Alt)
{
    public string ToHgvs() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Chromosome}{Separator(Chromosome)}{Position}{Ref}>{Alt}");

    /// <summary>What follows the sequence name in a genomic HGVS description: <c>:m.</c> for mitochondrial DNA, else <c>:g.</c>.</summary>
    /// <param name="chromosome">Sequence name.</param>
    /// <returns>The separator and coordinate type.</returns>
    public static string Separator(string chromosome) => Hgvs.GeneticCode.IsMitochondrial(chromosome) ? ":m." : ":g.";
}
