namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// <c>-a</c>: decomposes a biallelic MNP (REF and ALT of equal length over one base) into one SNP record per
/// differing base, each keeping the record's other columns. Complex (length-changing) and multiallelic MNPs are
/// left whole: see docs/normalisation.md.
/// </summary>
internal static class Atomizer
{
    /// <summary>The atoms, or null when the record is not an MNP this decomposes.</summary>
    public static List<NormRecord>? Atomize(NormRecord r, NormaliseOptions options, Splitter splitter, NormHeader header)
    {
        if (r.Alleles.Count > 2)
        {
            return AtomizeMultiallelic(r, options, splitter, header);
        }

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

    /// <summary>
    /// A multiallelic record (bcftools 1.16's <c>-a</c> without <c>-m-</c>): each ALT is cut into its changes (SNVs
    /// where it has REF's length, or a whole anchored insertion/deletion); one record per distinct change, ordered by
    /// position, then REF, then ALT. A sample allele becomes 1 when it carries that change, 0 when its allele changes
    /// nothing there, and, when its allele has another change overlapping this one, the <c>*</c> allele (added to ALT,
    /// with <c>.</c> for its A/R/G values) or <c>.</c>, per <c>--atom-overlaps</c>. Records with symbolic, <c>*</c>
    /// or complex length-changing ALTs are left whole (null).
    /// </summary>
    private static List<NormRecord>? AtomizeMultiallelic(NormRecord r, NormaliseOptions options, Splitter splitter, NormHeader header)
    {
        string reference = r.Alleles[0];
        if (!IsBases(reference))
        {
            return null;
        }

        var changes = new List<(long Start, long End, string Ref, string Alt, int Allele)>();
        for (int k = 1; k < r.Alleles.Count; k++)
        {
            string alt = r.Alleles[k];
            if (!IsBases(alt))
            {
                return null;
            }

            if (alt.Length == reference.Length)
            {
                for (int i = 0; i < alt.Length; i++)
                {
                    if (char.ToUpperInvariant(alt[i]) != char.ToUpperInvariant(reference[i]))
                    {
                        changes.Add((r.Pos + i, r.Pos + i, reference[i].ToString(), alt[i].ToString(), k));
                    }
                }
            }
            else if ((alt.Length == 1 || reference.Length == 1) && char.ToUpperInvariant(alt[0]) == char.ToUpperInvariant(reference[0]))
            {
                // An anchored insertion or deletion stays whole; it covers REF's bases.
                changes.Add((r.Pos, r.Pos + reference.Length - 1, reference, alt, k));
            }
            else
            {
                return null;
            }
        }

        // One record per distinct change, in position, REF, ALT order; the first ALT that makes it gives its values.
        var distinct = new List<(long Start, long End, string Ref, string Alt, int Allele)>();
        foreach (var c in changes)
        {
            if (!distinct.Exists(d => d.Start == c.Start && string.Equals(d.Ref, c.Ref, StringComparison.OrdinalIgnoreCase) && string.Equals(d.Alt, c.Alt, StringComparison.OrdinalIgnoreCase)))
            {
                distinct.Add(c);
            }
        }

        distinct.Sort((a, b) =>
        {
            int byPos = a.Start.CompareTo(b.Start);
            if (byPos != 0)
            {
                return byPos;
            }

            int byRef = string.CompareOrdinal(a.Ref, b.Ref);
            return byRef != 0 ? byRef : string.CompareOrdinal(a.Alt, b.Alt);
        });

        List<NormRecord> parts = splitter.Split(r);
        int gtIndex = r.FormatIndex("GT");
        int atomGt = parts.Count > 0 ? parts[0].FormatIndex("GT") : -1;
        bool star = options.AtomOverlaps == "*";
        var atoms = new List<NormRecord>(distinct.Count);
        foreach (var d in distinct)
        {
            // For each original allele: 1 (carries this change), 0 (nothing here), or -2 (another change overlaps).
            int[] map = new int[r.Alleles.Count];
            bool overlapped = false;
            for (int k = 1; k < r.Alleles.Count; k++)
            {
                bool carries = false;
                bool overlaps = false;
                foreach (var c in changes)
                {
                    if (c.Allele != k || c.End < d.Start || c.Start > d.End)
                    {
                        continue;
                    }

                    if (c.Start == d.Start && string.Equals(c.Ref, d.Ref, StringComparison.OrdinalIgnoreCase) && string.Equals(c.Alt, d.Alt, StringComparison.OrdinalIgnoreCase))
                    {
                        carries = true;
                    }
                    else
                    {
                        overlaps = true;
                    }
                }

                map[k] = carries ? 1 : overlaps ? -2 : 0;
                // As bcftools 1.16 does, another ALT with a change here adds '*' even when it also carries this one.
                overlapped |= k != d.Allele && (overlaps || carries);
            }

            bool addStar = star && overlapped;
            int overlapAllele = addStar ? 2 : -1;
            NormRecord atom = parts[d.Allele - 1].Clone();
            atom.Pos = d.Start;
            atom.Alleles = addStar ? [d.Ref, d.Alt, "*"] : [d.Ref, d.Alt];
            if (addStar)
            {
                for (int i = 0; i < atom.Info.Count; i++)
                {
                    KeyValuePair<string, string?> kv = atom.Info[i];
                    if (kv.Value is not null && r.GetInfo(kv.Key) != "." && header.Info.TryGetValue(kv.Key, out FieldDefinition? def) && def.Cardinality is FieldCardinality.PerAlt or FieldCardinality.PerAllele)
                    {
                        atom.Info[i] = new(kv.Key, kv.Value + ",.");
                    }
                }
            }

            for (int s = 0; s < atom.Samples.Count; s++)
            {
                string[] values = (string[])atom.Samples[s].Clone();
                int ploidy = gtIndex >= 0 ? Genotypes.Ploidy(r.Samples[s][gtIndex]) : 0;
                for (int f = 0; f < values.Length; f++)
                {
                    if (atom.Format is not null && atom.Format[f] == "AD" && values[f] != "." && header.Format.TryGetValue("AD", out FieldDefinition? ad) && ad.Cardinality == FieldCardinality.PerAllele)
                    {
                        values[f] = SumCarriers(values[f], r.Samples[s][Array.IndexOf(r.Format!, "AD")], map);
                    }

                    if (f == atomGt && gtIndex >= 0 && gtIndex < r.Samples[s].Length)
                    {
                        int unused = 0;
                        values[f] = Genotypes.Remap(r.Samples[s][gtIndex], a => a <= 0 || a >= map.Length ? a : map[a] == -2 ? overlapAllele : map[a], ref unused);
                    }
                    else if (addStar && atom.Format is not null && r.Samples[s][Array.IndexOf(r.Format!, atom.Format[f])] != "." && header.Format.TryGetValue(atom.Format[f], out FieldDefinition? def))
                    {
                        values[f] = def.Cardinality switch
                        {
                            FieldCardinality.PerAlt or FieldCardinality.PerAllele => values[f] + ",.",
                            FieldCardinality.PerGenotype => values[f] + (ploidy == 1 ? ",." : ",.,.,."),
                            _ => values[f],
                        };
                    }
                }

                atom.Samples[s] = values;
            }

            atoms.Add(atom);
        }

        return atoms;
    }

    /// <summary>
    /// FORMAT/AD of a change several ALTs carry: the reads of all of them (bcftools 1.16 sums AD, and only AD, there).
    /// When one of those values is missing the sum is '.' (bcftools adds its missing-value sentinel and writes a large
    /// negative number).
    /// </summary>
    private static string SumCarriers(string atomValue, string originalValue, int[] map)
    {
        int carriers = 0;
        foreach (int m in map)
        {
            carriers += m == 1 ? 1 : 0;
        }

        string[] original = originalValue.Split(',');
        if (carriers < 2 || original.Length != map.Length)
        {
            return atomValue;
        }

        long sum = 0;
        bool missing = false;
        for (int k = 1; k < map.Length; k++)
        {
            if (map[k] != 1)
            {
                continue;
            }

            if (long.TryParse(original[k], System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long v))
            {
                sum += v;
            }
            else
            {
                missing = true;
            }
        }

        string[] parts = atomValue.Split(',');
        parts[1] = missing ? "." : sum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Join(',', parts);
    }

    private static bool IsBases(string allele)
    {
        if (allele.Length == 0)
        {
            return false;
        }

        foreach (char c in allele)
        {
            if (char.ToUpperInvariant(c) is not ('A' or 'C' or 'G' or 'T' or 'N'))
            {
                return false;
            }
        }

        return true;
    }
}
