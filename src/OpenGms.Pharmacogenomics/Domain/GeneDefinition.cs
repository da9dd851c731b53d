namespace OpenGms.Pharmacogenomics.Domain;

/// <summary>
/// One defining position of a gene. Coordinates are GRCh38, VCF convention (1-based, closed); alleles are VCF
/// representations (an insertion or deletion carries its anchor base), as in PharmCAT's translation files.
/// </summary>
internal sealed record VariantLocus(string Chromosome, int Position, string? Rsid, string Ref, IReadOnlyList<string> Alts)
{
    /// <summary>The label used in reports and missing-position lists: <c>chr10:94761900</c>.</summary>
    public string Label => $"{Chromosome}:{Position.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A named allele (haplotype) as a row of the definition table. <see cref="Alleles"/> has one entry per
/// <see cref="GeneDefinition.Variants"/> column; null means "not part of the definition" and is read as the
/// reference allele, which is how PharmCAT's matcher treats it (a sequence must match every column).
/// Single-letter IUPAC ambiguity codes (R, Y, ...) stand for either base.
/// </summary>
internal sealed record NamedAllele(string Name, string? Id, IReadOnlyList<string?> Alleles, bool IsReference);

/// <summary>The PharmCAT exemptions for a gene that change matching.</summary>
internal sealed record GeneExemption(string Gene, IReadOnlySet<int> IgnoredPositions, IReadOnlySet<string> IgnoredAlleles);

/// <summary>The allele definition table of one gene.</summary>
internal sealed class GeneDefinition
{
    public GeneDefinition(string gene, string chromosome, string version, IReadOnlyList<VariantLocus> variants, IReadOnlyList<NamedAllele> namedAlleles, IReadOnlyDictionary<string, string>? suballeles = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(gene);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(namedAlleles);
        Gene = gene;
        Chromosome = chromosome;
        Version = version;
        Variants = variants;
        NamedAlleles = namedAlleles;
        Suballeles = suballeles ?? new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (NamedAllele allele in namedAlleles)
        {
            if (allele.Alleles.Count != variants.Count)
            {
                throw new ArgumentException($"{gene} {allele.Name}: {allele.Alleles.Count} alleles for {variants.Count} positions.", nameof(namedAlleles));
            }

            if (allele.IsReference)
            {
                Reference = allele;
            }
        }

        Reference ??= new NamedAllele("Reference", null, variants.Select(v => (string?)v.Ref).ToArray(), IsReference: true);
    }

    public string Gene { get; }

    public string Chromosome { get; }

    public string Version { get; }

    public IReadOnlyList<VariantLocus> Variants { get; }

    public IReadOnlyList<NamedAllele> NamedAlleles { get; }

    /// <summary>Sub-allele name to the allele name reports use (SLCO1B1 <c>*45.002</c> is reported as <c>*45</c>).</summary>
    public IReadOnlyDictionary<string, string> Suballeles { get; }

    /// <summary>The reference named allele (its row is fully specified).</summary>
    public NamedAllele Reference { get; }

    /// <summary>The reference allele string in column <paramref name="index"/>.</summary>
    public string ReferenceAlleleAt(int index) => Reference.Alleles[index] ?? Variants[index].Ref;
}
