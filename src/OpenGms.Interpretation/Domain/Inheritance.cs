namespace OpenGms.Interpretation.Domain;

/// <summary>Modes of inheritance a gene is known to follow (from PanelApp's mode-of-inheritance text).</summary>
[Flags]
public enum GeneInheritance
{
    /// <summary>Not known: every pattern is accepted.</summary>
    Unknown = 0,

    /// <summary>Monoallelic (autosomal dominant, imprinted or not).</summary>
    Monoallelic = 1,

    /// <summary>Biallelic (autosomal recessive).</summary>
    Biallelic = 2,

    /// <summary>X-linked, hemizygous in males, biallelic in females.</summary>
    XLinkedRecessive = 4,

    /// <summary>X-linked, monoallelic in females may also cause disease.</summary>
    XLinkedDominant = 8,

    /// <summary>Mitochondrial.</summary>
    Mitochondrial = 16,
}

/// <summary>Genotype patterns a variant (or a pair, for compound heterozygosity) shows in a family.</summary>
[Flags]
public enum SegregationPattern
{
    /// <summary>Fits no pattern.</summary>
    None = 0,

    /// <summary>Heterozygous in the proband, absent from both genotyped parents.</summary>
    DeNovo = 1,

    /// <summary>Carried by every genotyped affected member, by no unaffected member.</summary>
    AutosomalDominant = 2,

    /// <summary>Homozygous in affected members, not in unaffected ones; parents not homozygous reference.</summary>
    AutosomalRecessiveHomozygous = 4,

    /// <summary>Two heterozygous variants of one gene in trans (phased or by parental genotypes).</summary>
    CompoundHeterozygous = 8,

    /// <summary>Two heterozygous variants of one gene whose phase cannot be told (no phase, no parents).</summary>
    CompoundHeterozygousUnphased = 16,

    /// <summary>X-linked: hemizygous/homozygous in affected members; no unaffected male carries it.</summary>
    XLinkedRecessive = 32,

    /// <summary>X-linked: carried by affected members of either sex, no unaffected member carries it.</summary>
    XLinkedDominant = 64,

    /// <summary>On the mitochondrial genome and carried by the proband.</summary>
    Mitochondrial = 128,
}

/// <summary>Parsing of PanelApp's mode-of-inheritance text and the fit between genes and patterns.</summary>
public static class Inheritance
{
    /// <summary>Maps PanelApp's mode-of-inheritance text to flags (unknown or "Other" gives <see cref="GeneInheritance.Unknown"/>).</summary>
    /// <param name="text">For example <c>BIALLELIC, autosomal or pseudoautosomal</c>.</param>
    /// <returns>The flags.</returns>
    public static GeneInheritance Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return GeneInheritance.Unknown;
        }

        string t = text.ToUpperInvariant();
        if (t.StartsWith("BOTH", StringComparison.Ordinal))
        {
            return GeneInheritance.Monoallelic | GeneInheritance.Biallelic;
        }

        if (t.StartsWith("MONOALLELIC", StringComparison.Ordinal) || t is "AD" or "AUTOSOMAL DOMINANT")
        {
            return GeneInheritance.Monoallelic;
        }

        if (t.StartsWith("BIALLELIC", StringComparison.Ordinal) || t is "AR" or "AUTOSOMAL RECESSIVE")
        {
            return GeneInheritance.Biallelic;
        }

        if (t.StartsWith("X-LINKED", StringComparison.Ordinal) || t is "XL" or "XLR" or "XLD")
        {
            // "X-LINKED: hemizygous mutation in males, monoallelic mutations in females may cause disease ..."
            return t.Contains("MONOALLELIC", StringComparison.Ordinal) || t == "XLD"
                ? GeneInheritance.XLinkedRecessive | GeneInheritance.XLinkedDominant
                : GeneInheritance.XLinkedRecessive;
        }

        return t.StartsWith("MITOCHONDRIAL", StringComparison.Ordinal) || t == "MT" ? GeneInheritance.Mitochondrial : GeneInheritance.Unknown;
    }

    /// <summary>The patterns that fit a gene's modes of inheritance.</summary>
    /// <param name="gene">The gene's modes (Unknown accepts all).</param>
    /// <returns>The accepted patterns.</returns>
    public static SegregationPattern Accepted(GeneInheritance gene)
    {
        if (gene == GeneInheritance.Unknown)
        {
            return (SegregationPattern)0xFF;
        }

        SegregationPattern accepted = SegregationPattern.None;
        if ((gene & GeneInheritance.Monoallelic) != 0)
        {
            accepted |= SegregationPattern.DeNovo | SegregationPattern.AutosomalDominant;
        }

        if ((gene & GeneInheritance.Biallelic) != 0)
        {
            accepted |= SegregationPattern.AutosomalRecessiveHomozygous | SegregationPattern.CompoundHeterozygous | SegregationPattern.CompoundHeterozygousUnphased;
        }

        if ((gene & GeneInheritance.XLinkedRecessive) != 0)
        {
            accepted |= SegregationPattern.XLinkedRecessive | SegregationPattern.DeNovo;
        }

        if ((gene & GeneInheritance.XLinkedDominant) != 0)
        {
            accepted |= SegregationPattern.XLinkedDominant | SegregationPattern.DeNovo;
        }

        if ((gene & GeneInheritance.Mitochondrial) != 0)
        {
            accepted |= SegregationPattern.Mitochondrial;
        }

        return accepted;
    }

    /// <summary>True when only biallelic patterns fit (a single heterozygous variant cannot explain disease).</summary>
    /// <param name="gene">The gene's modes.</param>
    /// <returns>Whether the gene is biallelic only.</returns>
    public static bool IsBiallelicOnly(GeneInheritance gene) => gene == GeneInheritance.Biallelic;

    /// <summary>Short names of the patterns, for reports.</summary>
    /// <param name="patterns">The patterns.</param>
    /// <returns>For example <c>de_novo, AD</c>.</returns>
    public static IReadOnlyList<string> Names(SegregationPattern patterns)
    {
        var names = new List<string>();
        if ((patterns & SegregationPattern.DeNovo) != 0) { names.Add("de_novo"); }
        if ((patterns & SegregationPattern.AutosomalDominant) != 0) { names.Add("AD"); }
        if ((patterns & SegregationPattern.AutosomalRecessiveHomozygous) != 0) { names.Add("AR_hom"); }
        if ((patterns & SegregationPattern.CompoundHeterozygous) != 0) { names.Add("AR_comp_het"); }
        if ((patterns & SegregationPattern.CompoundHeterozygousUnphased) != 0) { names.Add("AR_comp_het_unphased"); }
        if ((patterns & SegregationPattern.XLinkedRecessive) != 0) { names.Add("XLR"); }
        if ((patterns & SegregationPattern.XLinkedDominant) != 0) { names.Add("XLD"); }
        if ((patterns & SegregationPattern.Mitochondrial) != 0) { names.Add("MT"); }
        return names;
    }
}
