using System.Runtime.CompilerServices;
using System.Text;
using OpenGms.Genomics.Reference;

namespace OpenGms.Genomics.Normalisation;

/// <summary>What <see cref="Realigner.Realign"/> did to a record.</summary>
internal enum RealignOutcome
{
    Unchanged,
    Changed,
    RefMismatch,
    DuplicateAllele,
    Symbolic,
    SpanningDeletion,
}

/// <summary>
/// Left-aligns and trims a record's alleles against the reference with bcftools norm's semantics:
/// REF must match the reference (case-insensitive; IUPAC codes in the FASTA read as N); while every allele
/// ends in the same base, drop it, padding all alleles on the left with reference bases (kept in the FASTA's
/// case) whenever one becomes empty; then drop shared leading bases while every allele keeps at least one.
/// Symbolic <c>&lt;DEL&gt;</c> alleles move with their deletion and shift INFO/END; other symbolic alleles,
/// breakends and <c>*</c> leave the record as it is.
/// </summary>
internal sealed class Realigner(ReferenceGenome reference, NormaliseOptions options)
{
    /// <summary>Reference bases fetched per left pad (bcftools' alignment window).</summary>
    private const int PadWindow = 100;

    public RefCheckMode RefCheck => options.RefCheck;

    /// <summary>Messages for <c>-c w</c>, in bcftools' REF_MISMATCH style.</summary>
    public List<string> Warnings { get; } = [];

    public long RefFixed { get; private set; }

    public RealignOutcome Realign(NormRecord r)
    {
        long fixedBefore = RefFixed;
        RealignOutcome outcome = RealignCore(r);
        return outcome == RealignOutcome.Unchanged && RefFixed != fixedBefore ? RealignOutcome.Changed : outcome;
    }

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RealignOutcome RealignCore(NormRecord r)
    {
        string refAllele = r.Alleles[0];
        if (refAllele.Length == 0 || refAllele == "." || refAllele[0] == '<')
        {
            return RefMissing(r);
        }

        long pos0 = r.Pos - 1;
        if (!reference.TryFetchRaw(r.Chrom, pos0, pos0 + refAllele.Length, out ReadOnlySpan<byte> refRaw))
        {
            throw new NormaliseException("NORM010", r.LineNumber, $"sequence '{r.Chrom}' is not in the reference {reference.Path}");
        }

        string refSeq = IupacToN(refRaw);
        if (refSeq.Length < refAllele.Length)
        {
            return Mismatch(r, "REF runs past the end of the reference sequence", refSeq);
        }

        if (HasNonAcgtn(refAllele) || !string.Equals(refSeq, refAllele, StringComparison.OrdinalIgnoreCase))
        {
            if (options.RefCheck != RefCheckMode.Fix)
            {
                return Mismatch(r, HasNonAcgtn(refAllele) ? "non-ACGTN REF" : "REF does not match the reference", refSeq);
            }

            if (!FixRef(r, refSeq))
            {
                return RealignOutcome.Changed;
            }
        }

        if (options.DoNotNormalise)
        {
            return RealignOutcome.Unchanged;
        }

        if (r.Alleles.Count == 1)
        {
            if (r.Alleles[0].Length > 1)
            {
                r.Alleles[0] = r.Alleles[0][..1];
                return RealignOutcome.Changed;
            }

            return RealignOutcome.Unchanged;
        }

        for (int i = 1; i < r.Alleles.Count; i++)
        {
            string a = r.Alleles[i];
            if (a.Contains('[', StringComparison.Ordinal) || a.Contains(']', StringComparison.Ordinal)
                || (a.Length > 1 && (a[0] == '.' || a[^1] == '.')))
            {
                return RealignOutcome.Symbolic;
            }
        }

        return AlignAndTrim(r);
    }

    // Per-record general path: optimised from the first call (see VcfNormaliser.ProcessRecord).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RealignOutcome AlignAndTrim(NormRecord r)
    {
        int n = r.Alleles.Count;
        string originalRef = r.Alleles[0];
        long originalPos = r.Pos;
        bool[] symbolicDel = new bool[n];
        long? end = TryGetEnd(r);
        bool endFromSvlen = false;
        if (end is null && r.GetInfo("SVLEN") is string svlen
            && long.TryParse(svlen, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long sv))
        {
            end = r.Pos + Math.Abs(sv);
            endFromSvlen = true;
        }

        var als = new StringBuilder[n];
        for (int i = 0; i < n; i++)
        {
            string a = r.Alleles[i];
            if (a.Length > 0 && a[0] == '<')
            {
                if (!a.Equals("<DEL>", StringComparison.OrdinalIgnoreCase) || end is null || end.Value < r.Pos)
                {
                    return RealignOutcome.Symbolic;
                }

                symbolicDel[i] = true;
                als[i] = new StringBuilder().Append(char.ToUpperInvariant(originalRef[0]));
                continue;
            }

            if (a == "*")
            {
                return RealignOutcome.SpanningDeletion;
            }

            if (i > 0 && HasNonAcgtn(a))
            {
                if (options.RefCheck == RefCheckMode.Fix)
                {
                    return RealignOutcome.Unchanged;
                }

                return Mismatch(r, "non-ACGTN ALT", null);
            }

            als[i] = new StringBuilder(a.ToUpperInvariant());
            if (i > 0 && string.Equals(als[0].ToString(), als[i].ToString(), StringComparison.Ordinal))
            {
                return RealignOutcome.DuplicateAllele;
            }
        }

        bool hasDel = Array.IndexOf(symbolicDel, true) >= 0;
        if (hasDel)
        {
            // A <DEL> stands for REF[pos..END]: lengthen REF to cover it so the deletion moves like a sequence one.
            long delLength = end!.Value - r.Pos + 1;
            if (delLength > als[0].Length)
            {
                if (!reference.TryFetchRaw(r.Chrom, r.Pos - 1 + als[0].Length, r.Pos - 1 + delLength, out ReadOnlySpan<byte> more))
                {
                    return RealignOutcome.Symbolic;
                }

                string extra = IupacToN(more).ToUpperInvariant();
                for (int i = 0; i < n; i++)
                {
                    if (!symbolicDel[i])
                    {
                        als[i].Append(extra);
                    }
                }
            }
        }

        long pos0 = r.Pos - 1;

        // Trim from the right, padding from the left when an allele runs out.
        while (true)
        {
            char last = char.ToUpperInvariant(als[0][als[0].Length - 1]);
            int minLength = als[0].Length;
            bool same = true;
            for (int i = 1; i < n; i++)
            {
                if (char.ToUpperInvariant(als[i][als[i].Length - 1]) != last)
                {
                    same = false;
                    break;
                }

                minLength = Math.Min(minLength, als[i].Length);
            }

            if (!same || (minLength <= 1 && pos0 == 0))
            {
                break;
            }

            bool pad = false;
            for (int i = 0; i < n; i++)
            {
                als[i].Length--;
                if (als[i].Length == 0)
                {
                    pad = true;
                }
            }

            if (pad)
            {
                int npad = (int)Math.Min(PadWindow, pos0);
                if (!reference.TryFetchRaw(r.Chrom, pos0 - npad, pos0, out ReadOnlySpan<byte> padRaw))
                {
                    return RealignOutcome.Unchanged;
                }

                string padding = IupacToN(padRaw);
                for (int i = 0; i < n; i++)
                {
                    als[i].Insert(0, padding);
                }

                pos0 -= npad;
            }
        }

        // Trim from the left while every allele keeps at least one base.
        int trim = 0;
        while (true)
        {
            int minLength = als[0].Length - trim;
            bool same = true;
            for (int i = 1; i < n; i++)
            {
                if (char.ToUpperInvariant(als[0][trim]) != char.ToUpperInvariant(als[i][trim]))
                {
                    same = false;
                    break;
                }

                minLength = Math.Min(minLength, als[i].Length - trim);
            }

            if (!same || minLength <= 1)
            {
                break;
            }

            trim++;
        }

        for (int i = 0; i < n; i++)
        {
            als[i].Remove(0, trim);
        }

        pos0 += trim;
        string newRef = als[0].ToString();
        if (hasDel)
        {
            // Keep REF as long as the sequence ALTs need it (at least the padding base).
            int keep = 1;
            for (int i = 1; i < n; i++)
            {
                if (!symbolicDel[i])
                {
                    keep = Math.Max(keep, Math.Min(newRef.Length, originalRef.Length));
                }
            }

            newRef = newRef[..Math.Min(keep, newRef.Length)];
        }

        if (pos0 + 1 == originalPos && string.Equals(newRef, originalRef, StringComparison.OrdinalIgnoreCase))
        {
            return RealignOutcome.Unchanged;
        }

        long oldEnd = end ?? (originalPos + originalRef.Length - 1);
        r.Pos = pos0 + 1;
        r.Alleles[0] = newRef;
        for (int i = 1; i < n; i++)
        {
            if (!symbolicDel[i])
            {
                r.Alleles[i] = hasDel ? als[i].ToString()[..Math.Max(1, als[i].Length - (als[0].Length - newRef.Length))] : als[i].ToString();
            }
        }

        if (end is not null && !endFromSvlen)
        {
            long shift = hasDel ? r.Pos - originalPos : (r.Pos + newRef.Length) - (originalPos + originalRef.Length);
            r.SetInfo("END", (oldEnd + shift).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return RealignOutcome.Changed;
    }

    private RealignOutcome RefMissing(NormRecord r)
    {
        if (options.RefCheck == RefCheckMode.Fix && r.Alleles[0] == "." && reference.TryFetchRaw(r.Chrom, r.Pos - 1, r.Pos, out ReadOnlySpan<byte> b) && b.Length == 1)
        {
            r.Alleles[0] = ((char)(b[0] & 0xDF)).ToString();
            RefFixed++;
            return RealignOutcome.Changed;
        }

        return RealignOutcome.Symbolic;
    }

    /// <summary>-c s: replace N/IUPAC bases in REF (and the same bases in ALTs) with the reference; swap REF with a matching ALT.</summary>
    /// <returns>True when normalisation should continue on the fixed record.</returns>
    private bool FixRef(NormRecord r, string refSeq)
    {
        string oldRef = r.Alleles[0];
        char[] fixedRef = oldRef.ToCharArray();
        bool replaced = false;
        for (int i = 0; i < fixedRef.Length; i++)
        {
            char c = char.ToUpperInvariant(fixedRef[i]);
            if (c is not ('A' or 'C' or 'G' or 'T') && char.ToUpperInvariant(refSeq[i]) != c)
            {
                fixedRef[i] = refSeq[i];
                replaced = true;
                for (int k = 1; k < r.Alleles.Count; k++)
                {
                    string alt = r.Alleles[k];
                    if (i < alt.Length && alt[i] == oldRef[i])
                    {
                        r.Alleles[k] = string.Concat(alt.AsSpan(0, i), refSeq.AsSpan(i, 1), alt.AsSpan(i + 1));
                    }
                }
            }
        }

        if (replaced)
        {
            r.Alleles[0] = new string(fixedRef);
            RefFixed++;
        }

        if (string.Equals(r.Alleles[0], refSeq, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A real mismatch: is one of the ALTs the reference (compared over the ALT's length)? Then swap it with REF.
        int maxLength = 0;
        foreach (string a in r.Alleles)
        {
            maxLength = Math.Max(maxLength, a.Length);
        }

        string longRef = reference.TryFetchRaw(r.Chrom, r.Pos - 1, r.Pos - 1 + maxLength, out ReadOnlySpan<byte> raw) ? IupacToN(raw) : refSeq;
        int match = -1;
        for (int k = 1; k < r.Alleles.Count; k++)
        {
            string alt = r.Alleles[k];
            if (alt.Length > 0 && alt[0] != '<' && alt.Length <= longRef.Length
                && string.Equals(alt, longRef[..alt.Length], StringComparison.OrdinalIgnoreCase))
            {
                match = k;
                break;
            }
        }

        if (match < 0)
        {
            return true;
        }

        (r.Alleles[0], r.Alleles[match]) = (r.Alleles[match], r.Alleles[0]);
        int gt = r.FormatIndex("GT");
        int refCount = 0;
        if (gt >= 0)
        {
            foreach (string[] s in r.Samples)
            {
                s[gt] = Genotypes.Remap(s[gt], a => a == 0 ? match : a == match ? 0 : a, ref refCount);
            }
        }

        string? ac = r.GetInfo("AC");
        if (ac is not null)
        {
            string[] v = ac.Split(',');
            if (match - 1 < v.Length)
            {
                v[match - 1] = refCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                r.SetInfo("AC", string.Join(',', v));
            }
        }

        RefFixed++;
        return false;
    }

    private RealignOutcome Mismatch(NormRecord r, string what, string? refSeq)
    {
        switch (options.RefCheck)
        {
            case RefCheckMode.Error:
                throw new NormaliseException("NORM011", r.LineNumber, $"{what} at {r.Chrom}:{r.Pos}: reference '{refSeq}' vs VCF '{r.Alleles[0]}' (use -c w, x or s)");
            case RefCheckMode.Warn:
            case RefCheckMode.WarnExclude:
                Warnings.Add($"REF_MISMATCH\t{r.Chrom}\t{r.Pos}\t{r.Alleles[0]}\t{refSeq}");
                break;
            default:
                break;
        }

        return RealignOutcome.RefMismatch;
    }

    private static long? TryGetEnd(NormRecord r)
    {
        string? end = r.GetInfo("END");
        return end is not null && long.TryParse(end, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long e) ? e : null;
    }

    internal static bool HasNonAcgtn(string s)
    {
        foreach (char ch in s)
        {
            char c = char.ToUpperInvariant(ch);
            if (c is not ('A' or 'C' or 'G' or 'T' or 'N'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reference bases as a string, any non-ACGTN code replaced by N (case of ACGTN kept).</summary>
    internal static string IupacToN(ReadOnlySpan<byte> raw)
    {
        return string.Create(raw.Length, raw.ToArray(), static (span, bytes) =>
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                char c = (char)bytes[i];
                span[i] = char.ToUpperInvariant(c) is 'A' or 'C' or 'G' or 'T' or 'N' ? c : 'N';
            }
        });
    }
}
