namespace OpenGms.Pharmacogenomics.Domain;

/// <summary>A GRCh38 position, VCF convention (1-based). Chromosome names are held with the <c>chr</c> prefix.</summary>
internal readonly record struct GenomicPosition(string Chromosome, int Position)
{
    /// <summary>Adds the <c>chr</c> prefix when absent, so <c>10</c> and <c>chr10</c> are the same key; the
    /// mitochondrion (<c>MT</c>, <c>chrMT</c>, <c>M</c>) is <c>chrM</c> as in GRCh38 and PharmCAT's definitions.</summary>
    public static string NormaliseChromosome(string chromosome) => chromosome switch
    {
        "MT" or "chrMT" or "M" => "chrM",
        _ => chromosome.StartsWith("chr", StringComparison.Ordinal) ? chromosome : "chr" + chromosome,
    };
}

/// <summary>
/// A sample's genotype at one position: the alleles as VCF allele strings (null for a no-call, <c>.</c>), whether the
/// genotype is phased (<c>|</c>) and its phase set (FORMAT/PS; null when phased data carry none, which means one
/// block for the whole chromosome). A haploid call has <see cref="Allele2"/> null and <see cref="IsHaploid"/> true.
/// </summary>
internal readonly record struct SampleAllele(string? Allele1, string? Allele2, bool IsPhased, string? PhaseSet, bool IsHaploid = false)
{
    /// <summary>True when no allele was called.</summary>
    public bool IsMissing => Allele1 is null && Allele2 is null;

    /// <summary>True when one of two alleles is missing (<c>0/.</c>).</summary>
    public bool IsPartial => !IsHaploid && (Allele1 is null) != (Allele2 is null);
}

/// <summary>All genotypes of one sample at the PGx positions: the matcher's input, independent of where it came from.</summary>
internal sealed class SampleGenotypes
{
    private readonly Dictionary<GenomicPosition, SampleAllele> _alleles;

    public SampleGenotypes(string sampleId, int capacity = 0)
    {
        SampleId = sampleId;
        _alleles = new Dictionary<GenomicPosition, SampleAllele>(capacity);
    }

    public string SampleId { get; }

    public int Count => _alleles.Count;

    public void Set(string chromosome, int position, SampleAllele allele) =>
        _alleles[new GenomicPosition(GenomicPosition.NormaliseChromosome(chromosome), position)] = allele;

    /// <summary>As <see cref="Set"/> for a chromosome already in <c>chrN</c> form.</summary>
    public void SetNormalised(string chromosome, int position, SampleAllele allele) =>
        _alleles[new GenomicPosition(chromosome, position)] = allele;

    public bool TryGet(string chromosome, int position, out SampleAllele allele) =>
        _alleles.TryGetValue(new GenomicPosition(chromosome, position), out allele);
}
