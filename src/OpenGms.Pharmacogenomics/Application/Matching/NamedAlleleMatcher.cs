using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Application.Matching;

/// <summary>
/// Calls diplotypes from a sample's genotypes at a gene's defining positions, following PharmCAT's named-allele
/// matcher: positions with no data are never assumed reference (they are dropped from every allele and reported);
/// a named allele must match the sample at every remaining column (a blank column is the reference allele);
/// a diplotype is a pair of named alleles that together explain the genotype at every column, honouring phase
/// (phased genotypes in one phase set keep their strands together; unphased heterozygous positions are free);
/// its score is the number of defined columns of both alleles, and diplotypes are listed best score first.
/// DPYD and RYR1 are called by their individual variants (PharmCAT's lowest-function genes).
/// </summary>
internal static class NamedAlleleMatcher
{
    /// <summary>Genes reported as a list of haplotypes when unphased, and as combinations when phased.</summary>
    public static readonly IReadOnlySet<string> LowestFunctionGenes = new HashSet<string>(StringComparer.Ordinal) { "DPYD", "RYR1" };

    /// <summary>
    /// Toxicity genes where an allele the definitions do not use is read as reference instead of blocking the call,
    /// as PharmCAT does.
    /// </summary>
    public static readonly IReadOnlySet<string> UnknownAsReferenceGenes = new HashSet<string>(StringComparer.Ordinal) { "DPYD", "RYR1", "CACNA1S", "TPMT" };

    private const int MaxPhaseBlocks = 16;

    /// <summary>Calls kept per gene; beyond this (a very diverse cohort) calls are simply not kept.</summary>
    private const int MaxCachedCalls = 4096;

    private static readonly ConditionalWeakTable<GeneDefinition, ConcurrentDictionary<string, Prepared>> s_prepared = new();
    private static readonly ConditionalWeakTable<GeneDefinition, ConcurrentDictionary<string, GeneCall>> s_calls = new();
    private static readonly ConditionalWeakTable<GeneExemption, string> s_exemptionKeys = new();

    [ThreadStatic]
    private static StringBuilder? s_signature;

    /// <summary>
    /// Calls one gene. The result depends only on the gene's definition, exemption, options and the sample's
    /// genotypes at the gene's positions, so it is kept per such signature (up to <see cref="MaxCachedCalls"/> per
    /// gene): a cohort's samples mostly share a few genotypes per gene, and each is matched once.
    /// </summary>
    public static GeneCall Call(GeneDefinition definition, GeneExemption? exemption, SampleGenotypes sample, MatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(options);
        string key = Signature(definition, exemption, sample, options);
        ConcurrentDictionary<string, GeneCall> calls = s_calls.GetValue(definition, static _ => new ConcurrentDictionary<string, GeneCall>(StringComparer.Ordinal));
        if (calls.TryGetValue(key, out GeneCall? known))
        {
            return known;
        }

        GeneCall call = CallUncached(definition, exemption, sample, options);
        if (calls.Count < MaxCachedCalls)
        {
            calls.TryAdd(key, call);
        }

        return call;
    }

    /// <summary>Everything the call depends on, as text: options, exemption, and each position's genotype.</summary>
    private static string Signature(GeneDefinition definition, GeneExemption? exemption, SampleGenotypes sample, MatcherOptions options)
    {
        StringBuilder sb = s_signature ??= new StringBuilder(1024);
        sb.Clear();
        sb.Append(options.TopCandidateOnly ? 'T' : 'A').Append('\u001e');
        if (exemption is not null)
        {
            sb.Append(s_exemptionKeys.GetValue(exemption, static e => string.Join('\u001f', e.IgnoredAlleles.Order(StringComparer.Ordinal))));
        }

        foreach (VariantLocus locus in definition.Variants)
        {
            sb.Append('\u001e');
            if (!sample.TryGet(locus.Chromosome, locus.Position, out SampleAllele a))
            {
                continue;
            }

            sb.Append(a.Allele1 ?? ".").Append('\u001f').Append(a.Allele2 ?? ".").Append('\u001f')
                .Append(a.IsHaploid ? 'h' : a.IsPhased ? '|' : '/').Append(a.PhaseSet);
        }

        return sb.ToString();
    }

    private static GeneCall CallUncached(GeneDefinition definition, GeneExemption? exemption, SampleGenotypes sample, MatcherOptions options)
    {
        string gene = definition.Gene;
        bool lowestFunction = LowestFunctionGenes.Contains(gene);
        bool unknownAsReference = UnknownAsReferenceGenes.Contains(gene);

        // 1. Columns with data; everything else is reported missing.
        var columns = new List<int>(definition.Variants.Count);
        var genotypes = new List<SampleAllele>(definition.Variants.Count);
        var halfCalls = new List<int>();
        var missing = new List<string>();
        for (int i = 0; i < definition.Variants.Count; i++)
        {
            // Exemption "ignoredPositions" are not dropped here: PharmCAT v3.1.1 still calls alleles defined there
            // (G6PD Chatham, ToxicGenesTest), so they only matter for its positions file.
            VariantLocus locus = definition.Variants[i];
            if (!sample.TryGet(locus.Chromosome, locus.Position, out SampleAllele call) || call.IsMissing)
            {
                missing.Add(locus.Label);
                continue;
            }

            int half = 0;
            if (call.IsPartial)
            {
                if (!lowestFunction)
                {
                    missing.Add(locus.Label);
                    continue;
                }

                // A half call in a lowest-function gene: the missing strand is read as reference, unless that leaves a
                // variant on that strand unexplained (DecomposeWithUnknowns); 1 = first allele missing, 2 = second.
                half = call.Allele1 is null ? 1 : 2;
                string reference = definition.ReferenceAlleleAt(i);
                call = call with { Allele1 = call.Allele1 ?? reference, Allele2 = call.Allele2 ?? reference };
            }

            halfCalls.Add(half);
            columns.Add(i);
            genotypes.Add(call);
        }

        if (columns.Count == 0)
        {
            return NotCalled(gene, missing, "no data at any defining position");
        }

        // 2. Alleles as bit masks per column: the same for every sample with data at the same columns, so prepared once
        // per column set and kept (a cohort's samples mostly share one).
        int n = columns.Count;
        Prepared prepared = Prepare(definition, exemption, columns);
        List<string>[] known = prepared.Known;
        int[] refIndex = prepared.RefIndex;
        List<AlleleRow> rows = prepared.Rows;
        ulong[] used = prepared.Used;

        // 3. The sample's alleles as indexes; alleles no definition uses block the call except in toxicity genes.
        var s1 = new int[n];
        var s2 = new int[n];
        bool haploid = true;
        for (int c = 0; c < n; c++)
        {
            SampleAllele call = genotypes[c];
            haploid &= call.IsHaploid;
            s1[c] = SampleIndexOf(known[c], call.Allele1!);
            s2[c] = call.IsHaploid ? s1[c] : SampleIndexOf(known[c], call.Allele2!);
            if (!Usable(s1[c], used[c]) || !Usable(s2[c], used[c]))
            {
                if (!unknownAsReference)
                {
                    string value = Usable(s1[c], used[c]) ? call.Allele2! : call.Allele1!;
                    return NotCalled(gene, missing, $"allele {value} at {definition.Variants[columns[c]].Label} is not part of any {gene} named allele");
                }

                if (!Usable(s1[c], used[c]))
                {
                    s1[c] = refIndex[c];
                }

                if (!Usable(s2[c], used[c]))
                {
                    s2[c] = call.IsHaploid ? s1[c] : refIndex[c];
                }
            }
        }

        var sampleData = new SampleData(n, s1, s2, genotypes, haploid, [.. halfCalls]);
        if (lowestFunction && !haploid)
        {
            return CallLowestFunction(definition, rows, sampleData, refIndex, missing);
        }

        List<DiplotypeMatch> matches = haploid ? MatchHaploid(rows, sampleData) : MatchDiplotypes(rows, sampleData);
        matches.Sort(CompareMatches);
        if (options.TopCandidateOnly && matches.Count > 0)
        {
            int top = matches[0].Score;
            matches.RemoveAll(m => m.Score != top);
        }

        return matches.Count == 0
            ? NotCalled(gene, missing, "no combination of named alleles matches the genotype")
            : new GeneCall(gene, true, CallShape.Diplotypes, matches, [], missing, null);
    }

    private static Prepared Prepare(GeneDefinition definition, GeneExemption? exemption, List<int> columns)
    {
        ConcurrentDictionary<string, Prepared> byColumns = s_prepared.GetValue(definition, _ => new ConcurrentDictionary<string, Prepared>(StringComparer.Ordinal));
        string key = string.Join(',', columns) + "|" + (exemption is null ? string.Empty : string.Join(',', exemption.IgnoredAlleles.Order(StringComparer.Ordinal)));
        if (byColumns.TryGetValue(key, out Prepared? found))
        {
            return found;
        }

        int n = columns.Count;
        var known = new List<string>[n];
        var refIndex = new int[n];
        for (int c = 0; c < n; c++)
        {
            VariantLocus locus = definition.Variants[columns[c]];
            known[c] = [locus.Ref, .. locus.Alts];
            refIndex[c] = IndexOf(known[c], definition.ReferenceAlleleAt(columns[c]));
        }

        var rows = new List<AlleleRow>(definition.NamedAlleles.Count);
        foreach (NamedAllele allele in definition.NamedAlleles)
        {
            if (exemption is not null && exemption.IgnoredAlleles.Contains(allele.Name))
            {
                continue;
            }

            var masks = new ulong[n];
            int score = 0;
            for (int c = 0; c < n; c++)
            {
                string? value = allele.Alleles[columns[c]];
                if (value is null)
                {
                    masks[c] = 1UL << refIndex[c];
                    continue;
                }

                score++;
                masks[c] = MaskOf(known[c], value);
            }

            if (score == 0 && !allele.IsReference)
            {
                // Every defining position of this allele is missing: it cannot be told from the reference.
                continue;
            }

            rows.Add(new AlleleRow(allele, masks, score));
        }

        var used = new ulong[n];
        foreach (AlleleRow row in rows)
        {
            for (int c = 0; c < n; c++)
            {
                used[c] |= row.Masks[c];
            }
        }

        return byColumns.GetOrAdd(key, new Prepared(known, refIndex, rows, used));
    }

    /// <summary>
    /// The index of a sample's allele among a column's known alleles, without adding to the shared list: an allele
    /// no definition knows gets an index past the known ones (distinct per value), which no mask uses.
    /// </summary>
    private static int SampleIndexOf(List<string> known, string value)
    {
        int index = known.IndexOf(value);
        if (index >= 0)
        {
            return index;
        }

        // Invariant: masks use at most 64 bits, so an index of 64 or more is never usable.
        return 64 + (value.GetHashCode(StringComparison.Ordinal) & 0x3FFF);
    }

    private static bool Usable(int index, ulong used) => index is >= 0 and < 64 && (used & (1UL << index)) != 0;

    private static GeneCall NotCalled(string gene, List<string> missing, string reason) =>
        new(gene, false, CallShape.Diplotypes, [], [], missing, reason);

    private static int IndexOf(List<string> known, string value)
    {
        int index = known.IndexOf(value);
        if (index < 0 && known.Count < 64)
        {
            known.Add(value);
            index = known.Count - 1;
        }

        return index;
    }

    private static ulong MaskOf(List<string> known, string value)
    {
        ReadOnlySpan<char> bases = value.Length == 1 ? Iupac(value[0]) : default;
        if (bases.IsEmpty)
        {
            return 1UL << IndexOf(known, value);
        }

        ulong mask = 0;
        foreach (char b in bases)
        {
            mask |= 1UL << IndexOf(known, b.ToString());
        }

        return mask;
    }

    /// <summary>IUPAC nucleotide ambiguity codes; empty for a plain base.</summary>
    private static ReadOnlySpan<char> Iupac(char code) => code switch
    {
        'R' => "AG",
        'Y' => "CT",
        'S' => "CG",
        'W' => "AT",
        'K' => "GT",
        'M' => "AC",
        'B' => "CGT",
        'D' => "AGT",
        'H' => "ACT",
        'V' => "ACG",
        'N' => "ACGT",
        _ => default,
    };

    private static List<DiplotypeMatch> MatchHaploid(List<AlleleRow> rows, SampleData sample)
    {
        var matches = new List<DiplotypeMatch>();
        foreach (AlleleRow row in rows)
        {
            bool ok = true;
            for (int c = 0; c < sample.Count && ok; c++)
            {
                ok = (row.Masks[c] & (1UL << sample.Strand1[c])) != 0;
            }

            if (ok)
            {
                matches.Add(new DiplotypeMatch(row.Allele.Name, row.Allele.Name, null, row.Score));
            }
        }

        return matches;
    }

    private static List<DiplotypeMatch> MatchDiplotypes(List<AlleleRow> rows, SampleData sample)
    {
        int n = sample.Count;

        // Candidate alleles: compatible with at least one of the sample's alleles at every column.
        var candidates = new List<AlleleRow>();
        foreach (AlleleRow row in rows)
        {
            bool ok = true;
            for (int c = 0; c < n && ok; c++)
            {
                ok = (row.Masks[c] & ((1UL << sample.Strand1[c]) | (1UL << sample.Strand2[c]))) != 0;
            }

            if (ok)
            {
                candidates.Add(row);
            }
        }

        int[] block = PhaseBlocks(sample, out int blockCount);
        var blockState = new int[Math.Max(blockCount, 1)];
        var matches = new List<DiplotypeMatch>();
        for (int i = 0; i < candidates.Count; i++)
        {
            for (int j = i; j < candidates.Count; j++)
            {
                if (Explains(candidates[i], candidates[j], sample, block, blockState))
                {
                    string a = candidates[i].Allele.Name;
                    string b = candidates[j].Allele.Name;
                    (string h1, string h2) = HaplotypeNameComparer.Instance.Compare(a, b) <= 0 ? (a, b) : (b, a);
                    matches.Add(new DiplotypeMatch(h1 + "/" + h2, h1, h2, candidates[i].Score + candidates[j].Score));
                }
            }
        }

        return matches;
    }

    /// <summary>
    /// Gives each heterozygous column a phase block: phased columns share the block of their phase set (one block
    /// when there is no PS); every unphased heterozygous column is a block of its own. Homozygous columns get -1.
    /// </summary>
    private static int[] PhaseBlocks(SampleData sample, out int blockCount)
    {
        var block = new int[sample.Count];
        var sets = new Dictionary<string, int>(StringComparer.Ordinal);
        blockCount = 0;
        for (int c = 0; c < sample.Count; c++)
        {
            if (sample.Strand1[c] == sample.Strand2[c])
            {
                block[c] = -1;
                continue;
            }

            SampleAllele call = sample.Calls[c];
            if (call.IsPhased)
            {
                string key = call.PhaseSet ?? string.Empty;
                if (!sets.TryGetValue(key, out int id))
                {
                    id = blockCount++;
                    sets[key] = id;
                }

                block[c] = id;
            }
            else
            {
                block[c] = blockCount++;
            }
        }

        return block;
    }

    /// <summary>True when haplotype a on one strand and b on the other explain every column, with one orientation per phase block.</summary>
    private static bool Explains(AlleleRow a, AlleleRow b, SampleData sample, int[] block, int[] blockState)
    {
        Array.Fill(blockState, 3);
        for (int c = 0; c < sample.Count; c++)
        {
            ulong x = 1UL << sample.Strand1[c];
            ulong y = 1UL << sample.Strand2[c];
            ulong ma = a.Masks[c];
            ulong mb = b.Masks[c];
            if (block[c] < 0)
            {
                if ((ma & x) == 0 || (mb & x) == 0)
                {
                    return false;
                }

                continue;
            }

            int ok = ((ma & x) != 0 && (mb & y) != 0 ? 1 : 0) | ((ma & y) != 0 && (mb & x) != 0 ? 2 : 0);
            int state = blockState[block[c]] &= ok;
            if (state == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int CompareMatches(DiplotypeMatch x, DiplotypeMatch y)
    {
        int c = y.Score.CompareTo(x.Score);
        if (c != 0)
        {
            return c;
        }

        c = HaplotypeNameComparer.Instance.Compare(x.Haplotype1, y.Haplotype1);
        return c != 0 ? c : HaplotypeNameComparer.Instance.Compare(x.Haplotype2, y.Haplotype2);
    }

    private static GeneCall CallLowestFunction(GeneDefinition definition, List<AlleleRow> rows, SampleData sample, int[] refIndex, List<string> missing)
    {
        int n = sample.Count;
        string referenceName = definition.Reference.Name;

        // The columns each variant allele is defined by (its non-reference columns).
        var variants = new List<(AlleleRow Row, int[] Columns)>();
        foreach (AlleleRow row in rows)
        {
            if (row.Allele.IsReference)
            {
                continue;
            }

            var defining = new List<int>();
            for (int c = 0; c < n; c++)
            {
                if (row.Masks[c] != 1UL << refIndex[c])
                {
                    defining.Add(c);
                }
            }

            if (defining.Count > 0)
            {
                variants.Add((row, defining.ToArray()));
            }
        }

        int het = 0;
        bool unphasedHet = false;
        for (int c = 0; c < n; c++)
        {
            if (sample.Strand1[c] != sample.Strand2[c])
            {
                het++;
                unphasedHet |= !sample.Calls[c].IsPhased;
            }
        }

        if (het >= 2 && unphasedHet)
        {
            var found = new List<(string Name, int[] Columns, bool Homozygous)>();
            foreach ((AlleleRow row, int[] cols) in variants)
            {
                bool present = true;
                bool homozygous = true;
                foreach (int c in cols)
                {
                    bool on1 = (row.Masks[c] & (1UL << sample.Strand1[c])) != 0;
                    bool on2 = (row.Masks[c] & (1UL << sample.Strand2[c])) != 0;
                    present &= on1 || on2;
                    homozygous &= on1 && on2;
                }

                if (present)
                {
                    found.Add((row.Allele.Name, cols, homozygous));
                }
            }

            var names = new List<string>();
            foreach ((string name, int[] cols, bool homozygous) in found)
            {
                bool subsumed = found.Exists(o => o.Columns.Length > cols.Length && cols.All(o.Columns.Contains));
                if (!subsumed)
                {
                    names.Add(homozygous ? name + " (homozygous)" : name);
                }
            }

            names.Sort(HaplotypeNameComparer.Instance);
            return names.Count == 0
                ? NotCalled(definition.Gene, missing, "no named variant matches the genotype")
                : new GeneCall(definition.Gene, true, CallShape.HaplotypeList, [], names, missing, null);
        }

        int[] block = PhaseBlocks(sample, out int blockCount);
        if (blockCount > MaxPhaseBlocks)
        {
            return NotCalled(definition.Gene, missing, "too many independent phase blocks");
        }

        // Decompose larger alleles first so that a multi-variant haplotype (HapB3) wins over its parts.
        variants.Sort((x, y) =>
        {
            int c = y.Columns.Length.CompareTo(x.Columns.Length);
            return c != 0 ? c : HaplotypeNameComparer.Instance.Compare(x.Row.Allele.Name, y.Row.Allele.Name);
        });
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var matches = new List<DiplotypeMatch>();
        int orientations = blockCount == 0 ? 1 : 1 << (blockCount - 1);
        var strandA = new int[n];
        var strandB = new int[n];
        var unknownA = new bool[n];
        var unknownB = new bool[n];
        for (int o = 0; o < orientations; o++)
        {
            for (int c = 0; c < n; c++)
            {
                bool flip = block[c] > 0 && ((o >> (block[c] - 1)) & 1) == 1;
                strandA[c] = flip ? sample.Strand2[c] : sample.Strand1[c];
                strandB[c] = flip ? sample.Strand1[c] : sample.Strand2[c];
                unknownA[c] = sample.HalfCall[c] == (flip ? 2 : 1);
                unknownB[c] = sample.HalfCall[c] == (flip ? 1 : 2);
            }

            string h1 = DecomposeWithUnknowns(strandA, unknownA, strandB, variants, refIndex, referenceName);
            string h2 = DecomposeWithUnknowns(strandB, unknownB, strandA, variants, refIndex, referenceName);
            (string first, string second) = HaplotypeNameComparer.Instance.Compare(h1, h2) <= 0 ? (h1, h2) : (h2, h1);
            string name = first + "/" + second;
            if (seen.Add(name))
            {
                matches.Add(new DiplotypeMatch(name, first, second, 0));
            }
        }

        matches.Sort(CompareMatches);
        return matches.Count == 0
            ? NotCalled(definition.Gene, missing, "the variants on a strand are not a combination of named alleles")
            : new GeneCall(definition.Gene, true, CallShape.Diplotypes, matches, [], missing, null);
    }

    /// <summary>
    /// Names a strand that has missing alleles (<c>T|.</c>): each missing allele may be the reference or the other
    /// strand's allele; the choice that leaves no variant unexplained, then the one with fewest assumed variants, wins
    /// (DpydTest.hapB3AndIntronicC_missing*).
    /// </summary>
    private static string DecomposeWithUnknowns(int[] strand, bool[] unknown, int[] other, List<(AlleleRow Row, int[] Columns)> variants, int[] refIndex, string referenceName)
    {
        var open = new List<int>();
        for (int c = 0; c < strand.Length; c++)
        {
            if (unknown[c] && other[c] != refIndex[c])
            {
                open.Add(c);
            }
        }

        if (open.Count == 0 || open.Count > 10)
        {
            return Decompose(strand, variants, refIndex, referenceName, out _);
        }

        int[] trial = (int[])strand.Clone();
        string best = referenceName;
        (int Leftover, int Filled) bestKey = (int.MaxValue, int.MaxValue);
        for (int mask = 0; mask < 1 << open.Count; mask++)
        {
            for (int k = 0; k < open.Count; k++)
            {
                trial[open[k]] = (mask >> k & 1) == 1 ? other[open[k]] : refIndex[open[k]];
            }

            string name = Decompose(trial, variants, refIndex, referenceName, out int leftover);
            (int, int) key = (leftover, int.PopCount(mask));
            if (key.CompareTo(bestKey) < 0)
            {
                bestKey = key;
                best = name;
            }
        }

        return best;
    }

    /// <summary>Names one strand: the reference, one named allele, or a combination <c>[a + b]</c>.</summary>
    private static string Decompose(int[] strand, List<(AlleleRow Row, int[] Columns)> variants, int[] refIndex, string referenceName, out int leftover)
    {
        leftover = 0;
        var remaining = new HashSet<int>();
        for (int c = 0; c < strand.Length; c++)
        {
            if (strand[c] != refIndex[c])
            {
                remaining.Add(c);
            }
        }

        if (remaining.Count == 0)
        {
            return referenceName;
        }

        var parts = new List<string>();
        foreach ((AlleleRow row, int[] cols) in variants)
        {
            bool fits = true;
            foreach (int c in cols)
            {
                fits &= remaining.Contains(c) && (row.Masks[c] & (1UL << strand[c])) != 0;
            }

            if (fits)
            {
                parts.Add(row.Allele.Name);
                remaining.ExceptWith(cols);
            }
        }

        // Variants left over are not a named allele on their own; PharmCAT names the strand by the alleles it
        // does find (DpydTest.psHapB), and the variants stay visible in the genotype table.
        leftover = remaining.Count;
        if (parts.Count <= 1)
        {
            return parts.Count == 0 ? referenceName : parts[0];
        }

        parts.Sort(HaplotypeNameComparer.Instance);
        return "[" + string.Join(" + ", parts) + "]";
    }

    /// <summary>A gene's allele masks for one set of columns with data; read-only once built (shared across threads).</summary>
    private sealed record Prepared(List<string>[] Known, int[] RefIndex, List<AlleleRow> Rows, ulong[] Used);

    private sealed record AlleleRow(NamedAllele Allele, ulong[] Masks, int Score);

    private sealed record SampleData(int Count, int[] Strand1, int[] Strand2, List<SampleAllele> Calls, bool Haploid, int[] HalfCall);
}
