using System.Globalization;
using System.Text;

namespace OpenGms.Genomics.Normalisation;

/// <summary>
/// <c>-m +</c>: joins records at one position into multiallelic records, as bcftools norm does.
/// Records are grouped by class: SNP, MNP, indel (pure insertions/deletions) and other (symbolic and
/// complex); <c>+any</c> joins every record at the position, <c>+both</c> joins within each class, <c>+snps</c> and
/// <c>+indels</c> only that class. Records whose ALTs mix classes are written as they are. Output at a position goes
/// class by class: SNPs, MNPs, indels, others, mixed; within a class, in input order.
/// The longest REF wins (shorter REFs' ALTs get its extra bases); IDs are joined with ';'; QUAL is the highest;
/// FILTER is the union of failures (PASS if none; with <c>-s</c>, PASS if any record passed); Number=A/R/G values
/// are placed at their new allele indexes, '.' where no record gives a value; each record's non-REF GT alleles
/// take their own slot of the joined genotype if it is still REF, otherwise its first REF slot.
/// </summary>
internal static class Joiner
{
    private enum JoinClass
    {
        Snp,
        Mnp,
        Indel,
        Other,
        Mixed,
    }

    public static int JoinAndWrite(VcfNormaliser normaliser, List<VcfNormaliser.Pending> pending, int count)
    {
        int i = 0;
        while (i < count)
        {
            int j = i + 1;
            while (j < count && pending[j].Pos == pending[i].Pos)
            {
                j++;
            }

            if (j - i == 1)
            {
                VcfNormaliser.Pending p = pending[i];
                normaliser.Emit(p.Pos, p.Bytes.AsSpan(0, p.Length));
            }
            else
            {
                JoinPosition(normaliser, pending, i, j);
            }

            for (int k = i; k < j; k++)
            {
                normaliser.ReturnLine(pending[k].Bytes);
            }

            i = j;
        }

        return count;
    }

    private static void JoinPosition(VcfNormaliser normaliser, List<VcfNormaliser.Pending> pending, int from, int to)
    {
        NormaliseOptions options = normaliser.Options;
        var records = new List<NormRecord>(to - from);
        for (int k = from; k < to; k++)
        {
            VcfNormaliser.Pending p = pending[k];
            records.Add(NormRecord.Parse(Encoding.UTF8.GetString(p.Bytes, 0, p.Length), p.Line));
        }

        // Records are written class by class (SNP, MNP, indel, other, mixed), in input order within a class.
        var groups = new List<NormRecord>[5];
        for (int g = 0; g < groups.Length; g++)
        {
            groups[g] = [];
        }

        foreach (NormRecord r in records)
        {
            JoinClass c = options.Multiallelics == MultiallelicMode.JoinAny ? JoinClass.Snp : ClassOf(r);
            groups[(int)c].Add(r);
        }

        var sb = new StringBuilder();
        for (int g = 0; g < groups.Length; g++)
        {
            List<NormRecord> group = groups[g];
            var c = (JoinClass)g;
            bool joinable = options.Multiallelics switch
            {
                MultiallelicMode.JoinAny => true,
                MultiallelicMode.JoinSnps => c == JoinClass.Snp,
                MultiallelicMode.JoinIndels => c == JoinClass.Indel,
                _ => c != JoinClass.Mixed,
            };
            if (joinable && group.Count > 1)
            {
                normaliser.CountJoined(group.Count);
                Write(normaliser, Join(group, normaliser.Header, options), sb);
                continue;
            }

            foreach (NormRecord r in group)
            {
                Write(normaliser, r, sb);
            }
        }
    }

    private static void Write(VcfNormaliser normaliser, NormRecord r, StringBuilder sb)
    {
        sb.Clear();
        r.AppendTo(sb);
        normaliser.Emit(r.Pos, Encoding.UTF8.GetBytes(sb.ToString()));
    }

    private static JoinClass ClassOf(NormRecord r)
    {
        JoinClass? c = null;
        for (int i = 1; i < r.Alleles.Count; i++)
        {
            JoinClass a = ClassOf(r.Alleles[0], r.Alleles[i]);
            if (c is null)
            {
                c = a;
            }
            else if (c != a)
            {
                return JoinClass.Mixed;
            }
        }

        return c ?? JoinClass.Snp;
    }

    private static JoinClass ClassOf(string refAllele, string alt)
    {
        VariantKinds k = Splitter.KindOf(refAllele, alt);
        if (k is VariantKinds.Snp or VariantKinds.Ref)
        {
            return JoinClass.Snp;
        }

        if (k is VariantKinds.Mnp)
        {
            return JoinClass.Mnp;
        }

        if (k != VariantKinds.Indel)
        {
            return JoinClass.Other;
        }

        // Pure insertion or deletion: after removing the shared prefix and suffix one side is empty.
        int prefix = 0;
        int min = Math.Min(refAllele.Length, alt.Length);
        while (prefix < min && char.ToUpperInvariant(refAllele[prefix]) == char.ToUpperInvariant(alt[prefix]))
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < min - prefix && char.ToUpperInvariant(refAllele[^(suffix + 1)]) == char.ToUpperInvariant(alt[^(suffix + 1)]))
        {
            suffix++;
        }

        return refAllele.Length - prefix - suffix == 0 || alt.Length - prefix - suffix == 0 ? JoinClass.Indel : JoinClass.Other;
    }

    private static NormRecord Join(List<NormRecord> group, NormHeader header, NormaliseOptions options)
    {
        // REF: the longest; every ALT is extended by the bases its record's REF lacks.
        string refAllele = group[0].Alleles[0];
        foreach (NormRecord r in group)
        {
            if (r.Alleles[0].Length > refAllele.Length)
            {
                refAllele = r.Alleles[0];
            }
        }

        var alleles = new List<string> { refAllele };
        var maps = new List<int[]>(group.Count);
        foreach (NormRecord r in group)
        {
            int[] map = new int[r.Alleles.Count];
            string suffix = refAllele[r.Alleles[0].Length..];
            for (int a = 1; a < r.Alleles.Count; a++)
            {
                string alt = r.Alleles[a];
                string extended = alt.Length > 0 && alt[0] == '<' ? alt : alt + suffix;
                int at = alleles.IndexOf(extended);
                if (at < 0)
                {
                    alleles.Add(extended);
                    at = alleles.Count - 1;
                }

                map[a] = at;
            }

            maps.Add(map);
        }

        int n = alleles.Count;
        NormRecord first = group[0];
        var joined = new NormRecord { Chrom = first.Chrom, Pos = first.Pos, Alleles = alleles };

        // ID, QUAL, FILTER.
        var ids = new List<string>();
        double? qual = null;
        string? qualText = null;
        var filters = new List<string>();
        bool anyPass = false;
        bool anyFilter = false;
        foreach (NormRecord r in group)
        {
            foreach (string id in r.Id.Split(';'))
            {
                if (id != "." && !ids.Contains(id))
                {
                    ids.Add(id);
                }
            }

            if (r.Qual != "." && double.TryParse(r.Qual, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) && (qual is null || q > qual))
            {
                qual = q;
                qualText = r.Qual;
            }

            if (r.Filter != ".")
            {
                anyFilter = true;
                foreach (string f in r.Filter.Split(';'))
                {
                    if (f == "PASS")
                    {
                        anyPass = true;
                    }
                    else if (!filters.Contains(f))
                    {
                        filters.Add(f);
                    }
                }
            }
        }

        joined.Id = ids.Count == 0 ? "." : string.Join(';', ids);
        joined.Qual = qualText ?? ".";
        joined.Filter = !anyFilter ? "." : (options.StrictFilter && anyPass) || filters.Count == 0 ? "PASS" : string.Join(';', filters);

        // INFO: keys in order of first appearance.
        var keys = new List<string>();
        foreach (NormRecord r in group)
        {
            foreach (KeyValuePair<string, string?> kv in r.Info)
            {
                if (!keys.Contains(kv.Key))
                {
                    keys.Add(kv.Key);
                }
            }
        }

        foreach (string key in keys)
        {
            FieldCardinality c = header.Info.TryGetValue(key, out FieldDefinition? def) ? def.Cardinality : FieldCardinality.Unbounded;
            if (c is FieldCardinality.PerAlt or FieldCardinality.PerAllele or FieldCardinality.PerGenotype)
            {
                var values = new List<string?>(group.Count);
                foreach (NormRecord r in group)
                {
                    string? value = r.HasInfo(key) ? r.GetInfo(key) : null;
                    values.Add(CheckInfoCount(r, key, c, value, options));
                }

                joined.Info.Add(new(key, JoinValues(values, maps, c, n, ploidy: 2)));
            }
            else
            {
                foreach (NormRecord r in group)
                {
                    if (r.HasInfo(key))
                    {
                        joined.Info.Add(new(key, r.GetInfo(key)));
                        break;
                    }
                }
            }
        }

        // FORMAT.
        var format = new List<string>();
        foreach (NormRecord r in group)
        {
            foreach (string k in r.Format ?? [])
            {
                if (!format.Contains(k))
                {
                    format.Add(k);
                }
            }
        }

        if (format.Count > 0)
        {
            joined.Format = [.. format];
            int samples = first.Samples.Count;
            for (int s = 0; s < samples; s++)
            {
                string[] values = new string[format.Count];
                string gt = JoinGenotypes(group, maps, s);
                int ploidy = gt.Length == 0 ? 2 : Genotypes.Ploidy(gt);
                for (int k = 0; k < format.Count; k++)
                {
                    string key = format[k];
                    if (key == "GT")
                    {
                        values[k] = gt.Length == 0 ? "." : gt;
                        continue;
                    }

                    FieldCardinality c = header.Format.TryGetValue(key, out FieldDefinition? def) ? def.Cardinality : FieldCardinality.Unbounded;
                    var perRecord = new List<string?>(group.Count);
                    foreach (NormRecord r in group)
                    {
                        int idx = r.FormatIndex(key);
                        perRecord.Add(idx < 0 || s >= r.Samples.Count ? null : r.Samples[s][idx]);
                    }

                    if (c is FieldCardinality.PerAlt or FieldCardinality.PerAllele or FieldCardinality.PerGenotype)
                    {
                        values[k] = JoinValues(perRecord, maps, c, n, ploidy);
                    }
                    else
                    {
                        values[k] = ".";
                        foreach (string? v in perRecord)
                        {
                            if (v is not null)
                            {
                                values[k] = v;
                                break;
                            }
                        }
                    }
                }

                joined.Samples.Add(values);
            }
        }

        return joined;
    }

    /// <summary>
    /// An INFO Number=A/R/G value whose count does not fit its record's alleles: bcftools stops ("number of fields in
    /// first record ... not as expected"), so do we (NORM020, naming line and field); with <c>--force</c> the value is
    /// treated as missing for that record. Number=G counts diploid genotypes, as bcftools' join does for INFO.
    /// </summary>
    private static string? CheckInfoCount(NormRecord r, string key, FieldCardinality c, string? value, NormaliseOptions options)
    {
        if (value is null || value.Length == 0 || value == ".")
        {
            return value;
        }

        int nAlleles = r.Alleles.Count;
        int expected = c switch
        {
            FieldCardinality.PerAlt => nAlleles - 1,
            FieldCardinality.PerAllele => nAlleles,
            _ => nAlleles * (nAlleles + 1) / 2,
        };
        int found = 1;
        foreach (char ch in value)
        {
            if (ch == ',')
            {
                found++;
            }
        }

        if (found == expected)
        {
            return value;
        }

        if (options.Force)
        {
            return null;
        }

        throw new NormaliseException(
            "NORM020",
            r.LineNumber,
            $"wrong number of values in INFO/{key} at {r.Chrom}:{r.Pos.ToString(CultureInfo.InvariantCulture)} for joining: expected {expected.ToString(CultureInfo.InvariantCulture)}, found {found.ToString(CultureInfo.InvariantCulture)} ('{value}'); use --force to treat it as missing");
    }

    /// <summary>Places each record's per-allele values at the joined record's allele indexes.</summary>
    private static string JoinValues(List<string?> values, List<int[]> maps, FieldCardinality c, int n, int ploidy)
    {
        int length = c switch
        {
            FieldCardinality.PerAlt => n - 1,
            FieldCardinality.PerAllele => n,
            _ => ploidy == 1 ? n : n * (n + 1) / 2,
        };
        string[] result = new string[length];
        Array.Fill(result, ".");
        bool any = false;
        for (int r = 0; r < values.Count; r++)
        {
            string? value = values[r];
            if (value is null || value == ".")
            {
                continue;
            }

            string[] v = value.Split(',');
            int[] map = maps[r];
            int rn = map.Length;
            switch (c)
            {
                case FieldCardinality.PerAlt:
                    for (int a = 1; a < rn && a - 1 < v.Length; a++)
                    {
                        if (map[a] == 0)
                        {
                            // An ALT equal to the joined REF has no Number=A slot.
                            continue;
                        }

                        result[map[a] - 1] = v[a - 1];
                        any = true;
                    }

                    break;
                case FieldCardinality.PerAllele:
                    for (int a = 0; a < rn && a < v.Length; a++)
                    {
                        result[map[a]] = v[a];
                        any = true;
                    }

                    break;
                default:
                    if (ploidy == 1 || v.Length == rn)
                    {
                        if (ploidy != 1)
                        {
                            break;
                        }

                        for (int a = 0; a < rn && a < v.Length; a++)
                        {
                            result[map[a]] = v[a];
                            any = true;
                        }

                        break;
                    }

                    for (int b = 0; b < rn; b++)
                    {
                        for (int a = 0; a <= b; a++)
                        {
                            int src = Genotypes.DiploidIndex(a, b);
                            if (src < v.Length)
                            {
                                result[Genotypes.DiploidIndex(map[a], map[b])] = v[src];
                                any = true;
                            }
                        }
                    }

                    break;
            }
        }

        // bcftools leaves a Number=G field that no record gave as a single missing value.
        return !any && c == FieldCardinality.PerGenotype ? "." : string.Join(',', result);
    }

    private static string JoinGenotypes(List<NormRecord> group, List<int[]> maps, int sample)
    {
        string? current = null;
        for (int r = 0; r < group.Count; r++)
        {
            NormRecord rec = group[r];
            int gtIndex = rec.FormatIndex("GT");
            if (gtIndex < 0 || sample >= rec.Samples.Count)
            {
                continue;
            }

            string gt = rec.Samples[sample][gtIndex];
            if (IsMissing(gt))
            {
                continue;
            }

            int[] map = maps[r];
            int unused = 0;
            string mapped = Genotypes.Remap(gt, a => a < map.Length ? map[a] : -1, ref unused);
            if (current is null)
            {
                current = mapped;
                continue;
            }

            // A non-REF allele goes to its own slot when that slot is still REF, else to the first REF slot.
            string[] cur = SplitAlleles(current, out List<char> seps);
            string[] add = SplitAlleles(mapped, out _);
            for (int k = 0; k < add.Length; k++)
            {
                string allele = add[k];
                if (allele is "0" or ".")
                {
                    continue;
                }

                int slot = k < cur.Length && cur[k] == "0" ? k : Array.IndexOf(cur, "0");
                if (slot >= 0)
                {
                    cur[slot] = allele;
                }
            }

            var sb = new StringBuilder();
            for (int k = 0; k < cur.Length; k++)
            {
                if (k > 0)
                {
                    sb.Append(seps[k - 1]);
                }

                sb.Append(cur[k]);
            }

            current = sb.ToString();
        }

        if (current is null)
        {
            foreach (NormRecord rec in group)
            {
                int gtIndex = rec.FormatIndex("GT");
                if (gtIndex >= 0 && sample < rec.Samples.Count)
                {
                    return rec.Samples[sample][gtIndex];
                }
            }

            return "";
        }

        return current;
    }

    private static bool IsMissing(string gt)
    {
        foreach (char ch in gt)
        {
            if (ch is not ('.' or '/' or '|'))
            {
                return false;
            }
        }

        return true;
    }

    private static string[] SplitAlleles(string gt, out List<char> separators)
    {
        separators = [];
        var alleles = new List<string>();
        int start = 0;
        for (int i = 0; i < gt.Length; i++)
        {
            if (gt[i] is '/' or '|')
            {
                alleles.Add(gt[start..i]);
                separators.Add(gt[i]);
                start = i + 1;
            }
        }

        alleles.Add(gt[start..]);
        return [.. alleles];
    }
}
