using System.Globalization;
using System.Runtime.CompilerServices;

namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// Splits a multiallelic record into biallelic ones (bcftools norm <c>-m -</c>): Number=A values take the ALT's
/// value, Number=R the REF's and the ALT's, Number=G the genotypes over REF and the ALT (ploidy from GT, or
/// from the value count); GT alleles become 1 for this ALT, 0 for REF and <c>--multi-overlaps</c> for other ALTs.
/// </summary>
internal sealed class Splitter(NormHeader header, NormaliseOptions options)
{
    public bool ShouldSplit(NormRecord r)
    {
        if (r.AltCount < 2)
        {
            return false;
        }

        if (options.Multiallelics == MultiallelicMode.SplitAny)
        {
            return true;
        }

        VariantKinds kinds = VariantKindsOf(r);
        return options.Multiallelics switch
        {
            MultiallelicMode.SplitSnps => (kinds & (VariantKinds.Snp | VariantKinds.Mnp)) != 0,
            MultiallelicMode.SplitIndels => (kinds & VariantKinds.Indel) != 0,
            MultiallelicMode.SplitBoth => (kinds & (VariantKinds.Snp | VariantKinds.Mnp | VariantKinds.Indel)) != 0,
            _ => false,
        };
    }

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public List<NormRecord> Split(NormRecord r)
    {
        var output = new List<NormRecord>(r.AltCount);
        int nAlleles = r.Alleles.Count;
        int gtIndex = r.FormatIndex("GT");
        for (int alt = 1; alt < nAlleles; alt++)
        {
            var s = new NormRecord
            {
                Chrom = r.Chrom,
                Pos = r.Pos,
                Id = r.Id,
                Qual = r.Qual,
                Filter = r.Filter,
                LineNumber = r.LineNumber,
                Alleles = [r.Alleles[0], r.Alleles[alt]],
            };
            foreach (KeyValuePair<string, string?> kv in r.Info)
            {
                if (kv.Value is null || !header.Info.TryGetValue(kv.Key, out FieldDefinition? def))
                {
                    s.Info.Add(kv);
                    continue;
                }

                string? value = SplitValue(kv.Value, def, nAlleles, alt, ploidy: 0, r, isInfo: true);
                if (value is not null)
                {
                    s.Info.Add(new(kv.Key, value));
                }
            }

            if (r.Format is not null)
            {
                bool[]? drop = null;
                s.Format = r.Format;
                string[] format = r.Format;
                foreach (string[] sample in r.Samples)
                {
                    // Invariant: one value per FORMAT key. A sample that drops trailing fields (VCF 4.3 section 1.6.2)
                    // reads them as missing; NormRecord.Parse stops on a sample with more fields than keys.
                    string[] values = new string[format.Length];
                    int ploidy = gtIndex >= 0 && gtIndex < sample.Length ? Genotypes.Ploidy(sample[gtIndex]) : 0;
                    for (int k = 0; k < format.Length; k++)
                    {
                        string key = format[k];
                        string value = k < sample.Length ? sample[k] : ".";
                        if (k == gtIndex)
                        {
                            int unused = 0;
                            int otherAlt = options.MultiOverlaps == "." ? -1 : 0;
                            values[k] = Genotypes.Remap(value, a => a == alt ? 1 : a == 0 ? 0 : otherAlt, ref unused);
                        }
                        else if (header.Format.TryGetValue(key, out FieldDefinition? def))
                        {
                            string? v = SplitValue(value, def, nAlleles, alt, ploidy, r, isInfo: false);
                            if (v is null)
                            {
                                drop ??= new bool[format.Length];
                                drop[k] = true;
                            }

                            values[k] = v ?? ".";
                        }
                        else
                        {
                            values[k] = value;
                        }
                    }

                    s.Samples.Add(values);
                }

                if (drop is not null)
                {
                    // --force: a field with a wrong value count in any sample is dropped from the split records.
                    var keep = new List<int>();
                    for (int k = 0; k < r.Format.Length; k++)
                    {
                        if (!drop[k])
                        {
                            keep.Add(k);
                        }
                    }

                    s.Format = [.. keep.Select(k => r.Format[k])];
                    for (int x = 0; x < s.Samples.Count; x++)
                    {
                        string[] old = s.Samples[x];
                        s.Samples[x] = [.. keep.Select(k => old[k])];
                    }
                }
            }

            output.Add(s);
        }

        return output;
    }

    /// <summary>The value of one field for the biallelic record of ALT <paramref name="alt"/>.</summary>
    private string? SplitValue(string value, FieldDefinition def, int nAlleles, int alt, int ploidy, NormRecord r, bool isInfo)
    {
        FieldCardinality cardinality = def.Cardinality;
        string key = def.Id;
        // bcftools splits INFO strings by index whatever their length; FORMAT strings must have the right count.
        bool isString = isInfo && def.Type == "String";
        if (cardinality is FieldCardinality.Fixed or FieldCardinality.Unbounded || value == ".")
        {
            return value;
        }

        string[] v = value.Split(',');
        switch (cardinality)
        {
            case FieldCardinality.PerAlt:
                if (v.Length != nAlleles - 1 && isString)
                {
                    // bcftools splits a string list by index whatever its length: '.' for the ALTs it lacks.
                    return alt - 1 < v.Length ? v[alt - 1] : ".";
                }

                if (v.Length != nAlleles - 1)
                {
                    return WrongCount(value, r, key, nAlleles - 1, v.Length);
                }

                return v[alt - 1];
            case FieldCardinality.PerAllele:
                if (v.Length != nAlleles && isString)
                {
                    return alt < v.Length ? v[0] + "," + v[alt] : ".";
                }

                if (v.Length != nAlleles)
                {
                    return WrongCount(value, r, key, nAlleles, v.Length);
                }

                return v[0] + "," + v[alt];
            case FieldCardinality.PerGenotype:
                int diploid = nAlleles * (nAlleles + 1) / 2;
                if (ploidy == 1 || (ploidy == 0 && v.Length == nAlleles))
                {
                    if (v.Length != nAlleles && isString)
                    {
                        return alt < v.Length ? v[0] + "," + v[alt] : ".";
                    }

                    if (v.Length != nAlleles)
                    {
                        return WrongCount(value, r, key, nAlleles, v.Length);
                    }

                    return v[0] + "," + v[alt];
                }

                if (v.Length != diploid && isString)
                {
                    int last = Genotypes.DiploidIndex(alt, alt);
                    return last < v.Length ? string.Join(',', v[0], v[Genotypes.DiploidIndex(0, alt)], v[last]) : ".";
                }

                if (v.Length != diploid)
                {
                    return WrongCount(value, r, key, diploid, v.Length);
                }

                return string.Join(',', v[Genotypes.DiploidIndex(0, 0)], v[Genotypes.DiploidIndex(0, alt)], v[Genotypes.DiploidIndex(alt, alt)]);
            default:
                return value;
        }
    }

    private string? WrongCount(string value, NormRecord r, string key, int expected, int found)
    {
        if (options.Force)
        {
            return null;
        }

        throw new NormaliseException(
            "NORM020",
            r.LineNumber,
            $"wrong number of values in {key} at {r.Chrom}:{r.Pos.ToString(CultureInfo.InvariantCulture)}: expected {expected}, found {found} ('{value}'); use --force to drop such fields");
    }

    public static VariantKinds VariantKindsOf(NormRecord r)
    {
        VariantKinds kinds = VariantKinds.None;
        string refAllele = r.Alleles[0];
        for (int i = 1; i < r.Alleles.Count; i++)
        {
            kinds |= KindOf(refAllele, r.Alleles[i]);
        }

        return kinds;
    }

    public static VariantKinds KindOf(string refAllele, string alt)
    {
        if (alt.Length == 0 || alt[0] == '<' || alt == "*" || alt.Contains('[', StringComparison.Ordinal) || alt.Contains(']', StringComparison.Ordinal))
        {
            return VariantKinds.Other;
        }

        if (alt.Length == refAllele.Length)
        {
            if (alt.Length == 1)
            {
                return string.Equals(alt, refAllele, StringComparison.OrdinalIgnoreCase) ? VariantKinds.Ref : VariantKinds.Snp;
            }

            // Count differing bases: one difference is a SNP in a longer context.
            int diff = 0;
            for (int i = 0; i < alt.Length; i++)
            {
                if (char.ToUpperInvariant(alt[i]) != char.ToUpperInvariant(refAllele[i]))
                {
                    diff++;
                }
            }

            return diff == 0 ? VariantKinds.Ref : diff == 1 ? VariantKinds.Snp : VariantKinds.Mnp;
        }

        return VariantKinds.Indel;
    }
}

/// <summary>Variant classes of a record's ALTs, as bcftools' VCF_SNP/VCF_MNP/VCF_INDEL/VCF_OTHER.</summary>
[Flags]
internal enum VariantKinds
{
    None = 0,
    Ref = 1,
    Snp = 2,
    Mnp = 4,
    Indel = 8,
    Other = 16,
}
