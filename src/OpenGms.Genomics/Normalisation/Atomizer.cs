namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// <c>-a</c>: decomposes a biallelic MNP (REF and ALT of equal length over one base) into one SNP record per
/// differing base, each keeping the record's other columns. Complex (length-changing) and multiallelic MNPs are
/// left whole: see docs/normalisation.md.
/// </summary>
internal static class Atomizer
{
    /// <summary>The atoms, or null when the record is not an MNP this decomposes.</summary>
    public static List<NormRecord>? Atomize(NormRecord r, NormaliseOptions options)
    {
        _ = options;
        if (r.Alleles.Count != 2)
        {
            return null;
        }

        string refAllele = r.Alleles[0];
        string alt = r.Alleles[1];
        if (refAllele.Length < 2 || refAllele.Length != alt.Length || Splitter.KindOf(refAllele, alt) != VariantKinds.Mnp)
        {
            return null;
        }

        var atoms = new List<NormRecord>();
        for (int i = 0; i < refAllele.Length; i++)
        {
            if (char.ToUpperInvariant(refAllele[i]) == char.ToUpperInvariant(alt[i]))
            {
                continue;
            }

            NormRecord atom = r.Clone();
            atom.Pos = r.Pos + i;
            atom.Alleles = [refAllele[i].ToString(), alt[i].ToString()];
            atoms.Add(atom);
        }

        return atoms;
    }
}
