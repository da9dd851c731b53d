namespace OpenGms.Genomics.Vcf;

/// <summary>What the <c>Number</c> attribute of an INFO or FORMAT definition says (VCF 4.3 section 1.4.2).</summary>
public enum VcfNumberKind
{
    /// <summary>A fixed count, <see cref="VcfNumber.Count"/> (0 for flags).</summary>
    Fixed,

    /// <summary><c>A</c>: one value per alternate allele.</summary>
    PerAltAllele,

    /// <summary><c>R</c>: one value per allele, reference included.</summary>
    PerAllele,

    /// <summary><c>G</c>: one value per possible genotype.</summary>
    PerGenotype,

    /// <summary><c>.</c>: unknown or unbounded.</summary>
    Unbounded,

    /// <summary><c>P</c> (VCF 4.4): one value per allele in the sample's genotype (its ploidy).</summary>
    PerPloidy,

    /// <summary><c>LA</c> (VCF 4.5): one value per local alternate allele.</summary>
    PerLocalAltAllele,

    /// <summary><c>LR</c> (VCF 4.5): one value per local allele, reference included.</summary>
    PerLocalAllele,

    /// <summary><c>LG</c> (VCF 4.5): one value per possible genotype over the local alleles.</summary>
    PerLocalGenotype,
}

/// <summary>The cardinality of an INFO or FORMAT field.</summary>
/// <param name="Kind">The kind of count.</param>
/// <param name="Count">The count when <paramref name="Kind"/> is <see cref="VcfNumberKind.Fixed"/>; otherwise 0.</param>
public readonly record struct VcfNumber(VcfNumberKind Kind, int Count)
{
    /// <summary>Parses the text of a <c>Number</c> attribute; false when it is not valid.</summary>
    public static bool TryParse(string text, out VcfNumber number)
    {
        ArgumentNullException.ThrowIfNull(text);
        number = text switch
        {
            "A" => new VcfNumber(VcfNumberKind.PerAltAllele, 0),
            "R" => new VcfNumber(VcfNumberKind.PerAllele, 0),
            "G" => new VcfNumber(VcfNumberKind.PerGenotype, 0),
            "." => new VcfNumber(VcfNumberKind.Unbounded, 0),
            "P" => new VcfNumber(VcfNumberKind.PerPloidy, 0),
            "LA" => new VcfNumber(VcfNumberKind.PerLocalAltAllele, 0),
            "LR" => new VcfNumber(VcfNumberKind.PerLocalAllele, 0),
            "LG" => new VcfNumber(VcfNumberKind.PerLocalGenotype, 0),
            _ => default,
        };
        if (text is "A" or "R" or "G" or "." or "P" or "LA" or "LR" or "LG")
        {
            return true;
        }

        if (text.Length > 0 && text.Length < 10 && text.All(char.IsAsciiDigit) && int.TryParse(text, out int n))
        {
            number = new VcfNumber(VcfNumberKind.Fixed, n);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The number of values expected for a record with <paramref name="altCount"/> alternate alleles and a sample of
    /// <paramref name="ploidy"/>; -1 when the count is not determined (unbounded, local alleles).
    /// </summary>
    public int ExpectedCount(int altCount, int ploidy) => Kind switch
    {
        VcfNumberKind.Fixed => Count,
        VcfNumberKind.PerAltAllele => altCount,
        VcfNumberKind.PerAllele => altCount + 1,
        VcfNumberKind.PerGenotype => GenotypeCount(altCount + 1, ploidy),
        VcfNumberKind.PerPloidy => ploidy,
        _ => -1,
    };

    /// <summary>The number of unordered genotypes of <paramref name="ploidy"/> over <paramref name="alleles"/> alleles: C(alleles + ploidy - 1, ploidy).</summary>
    public static int GenotypeCount(int alleles, int ploidy)
    {
        if (ploidy <= 0 || alleles <= 0)
        {
            return 0;
        }

        long result = 1;
        for (int i = 1; i <= ploidy; i++)
        {
            result = result * (alleles + i - 1) / i;
            if (result > int.MaxValue)
            {
                return int.MaxValue;
            }
        }

        return (int)result;
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        VcfNumberKind.Fixed => Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        VcfNumberKind.PerAltAllele => "A",
        VcfNumberKind.PerAllele => "R",
        VcfNumberKind.PerGenotype => "G",
        VcfNumberKind.PerPloidy => "P",
        VcfNumberKind.PerLocalAltAllele => "LA",
        VcfNumberKind.PerLocalAllele => "LR",
        VcfNumberKind.PerLocalGenotype => "LG",
        _ => ".",
    };
}
