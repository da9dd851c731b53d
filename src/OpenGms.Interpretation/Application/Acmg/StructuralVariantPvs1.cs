using System.Globalization;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;

namespace OpenGms.Interpretation.Application.Acmg;

/// <summary>
/// PVS1 for copy-number losses and gains on the chosen transcript, by the ClinGen SVI decision tree (Abou Tayoun et al.
/// 2018, the deletion and duplication branches). Deletion: the whole gene, or all of its coding sequence = PVS1; exons
/// deleted out of frame with NMD predicted = PVS1; out of frame escaping NMD, or in frame, = PVS1_Strong when more than
/// 10% of the protein is removed, else PVS1_Moderate (critical regions are not known); a deletion that takes the start
/// codon follows the start-loss branch (PVS1_Moderate). Duplication within the gene, out of frame with NMD predicted =
/// PVS1_Strong (tandem position presumed, not proven); whole-gene, in-frame and NMD-escaping duplications are not
/// loss of function. Inversions are outside the tree.
/// </summary>
internal static class StructuralVariantPvs1
{
    public static CriterionResult? Evaluate(AcmgInput input, StructuralVariantEvent sv, out string? notEvaluatedReason)
    {
        notEvaluatedReason = null;
        Transcript? t = input.Transcript;
        string size = StructuralVariants.Size(sv.Length);
        string mechanism = $"assumes loss of function is a disease mechanism for {input.Gene} (no gene-level LoF or haploinsufficiency data checked)";
        if (sv.Kind == StructuralVariantKind.Inversion)
        {
            notEvaluatedReason = "inversion: the SVI PVS1 tree covers deletions and duplications only";
            return null;
        }

        if (t is null || !t.IsCoding)
        {
            notEvaluatedReason = "structural variant on no protein-coding transcript";
            return null;
        }

        bool forward = t.Strand == Strand.Forward;
        bool whole = sv.Start <= t.Start && sv.End >= t.End;
        string exons = input.Annotation?.ExonText() is string e ? "exons " + e : "no exon";
        int codingTotal = 0;
        int codingHit = 0;
        int n = t.ExonCount;
        for (int i = 0; i < n; i++)
        {
            codingTotal += Overlap(t.ExonStarts[i], t.ExonEnds[i], t.CodingStart, t.CodingEnd);
            int lo = Math.Max(t.ExonStarts[i], Math.Max(t.CodingStart, sv.Start));
            int hi = Math.Min(t.ExonEnds[i], Math.Min(t.CodingEnd, sv.End));
            codingHit += Math.Max(0, hi - lo + 1);
        }

        int startCodon = forward ? t.CodingStart : t.CodingEnd;
        int stopEnd = forward ? t.CodingEnd : t.CodingStart;
        bool takesStart = sv.Start <= startCodon && sv.End >= startCodon;
        bool takesStop = sv.Start <= stopEnd && sv.End >= stopEnd;
        int lastIndex = forward ? n - 1 : 0;
        bool touchesLastExon = sv.Start <= t.ExonEnds[lastIndex] && sv.End >= t.ExonStarts[lastIndex];
        TranscriptGeometry g = TranscriptGeometry.Of(t);
        string on = $"{t.VersionedId} {exons}";

        if (sv.Kind == StructuralVariantKind.Deletion)
        {
            if (whole)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, $"whole-gene deletion ({size}, all {n} exons of {t.VersionedId}); {mechanism}");
            }

            if (codingHit == 0)
            {
                notEvaluatedReason = $"the deletion ({size}) removes no coding sequence of {on}";
                return null;
            }

            if (codingHit == codingTotal)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, $"deletion ({size}) removes the whole coding sequence of {t.VersionedId}; {mechanism}");
            }

            if (takesStart)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, $"deletion ({size}, {on}) removes the start codon; alternative start codons not assessed: PVS1_Moderate as for start loss (SVI)");
            }

            string coding = $"{codingHit.ToString(CultureInfo.InvariantCulture)} coding nt";
            if (codingHit % 3 != 0)
            {
                int first = FivePrimeMost(t, sv);
                int spliced = g.SplicedOffset(first);
                bool nmd = !touchesLastExon && !takesStop && spliced >= 0 && !g.EscapesNmd(spliced);
                if (nmd)
                {
                    return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, $"deletion ({size}, {on}, {coding}) shifts the reading frame upstream of the last 50 nt of the penultimate exon, NMD predicted (the new stop is not located); {mechanism}");
                }

                double removed = RemovedFromCodon(g, t, first);
                string text = $"deletion ({size}, {on}, {coding}) shifts the frame where NMD is not predicted; removes about {removed:P0} of the protein";
                return removed > 0.10
                    ? new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, text + " (>10%: PVS1_Strong; critical regions not known)")
                    : new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, text + " (<=10%: PVS1_Moderate)");
            }

            double fraction = g.ProteinLength > 0 ? codingHit / 3.0 / g.ProteinLength : 0;
            string inFrame = $"in-frame deletion ({size}, {on}, {coding}) removes {fraction:P0} of the protein";
            return fraction > 0.10
                ? new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, inFrame + " (>10%: PVS1_Strong; critical regions not known)")
                : new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, inFrame + " (<=10%: PVS1_Moderate)");
        }

        // Duplication.
        if (whole)
        {
            notEvaluatedReason = $"whole-gene duplication ({size}): not a loss-of-function change in the SVI tree";
            return null;
        }

        if (sv.Start < t.Start || sv.End > t.End)
        {
            notEvaluatedReason = $"duplication ({size}) reaches beyond {t.VersionedId}: an intact copy may remain";
            return null;
        }

        if (codingHit == 0 || takesStart || takesStop)
        {
            notEvaluatedReason = codingHit == 0 ? $"duplication ({size}) copies no coding sequence of {on}" : $"duplication ({size}) copies the start or stop codon of {on}: effect not predictable";
            return null;
        }

        int last = ThreePrimeMost(t, sv);
        int lastSpliced = g.SplicedOffset(last);
        bool dupNmd = codingHit % 3 != 0 && !touchesLastExon && lastSpliced >= 0 && !g.EscapesNmd(lastSpliced);
        if (!dupNmd)
        {
            notEvaluatedReason = codingHit % 3 == 0
                ? $"in-frame duplication ({size}, {on}): PVS1 not applicable (SVI)"
                : $"duplication ({size}, {on}) shifts the frame but NMD is not predicted: PVS1 not applicable (SVI)";
            return null;
        }

        return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, $"intragenic duplication ({size}, {on}, {codingHit.ToString(CultureInfo.InvariantCulture)} coding nt) shifts the frame with NMD predicted, presumed in tandem (not proven): PVS1_Strong (SVI); {mechanism}");
    }

    /// <summary>The first affected coding base in transcript order (5′-most).</summary>
    private static int FivePrimeMost(Transcript t, StructuralVariantEvent sv)
    {
        int n = t.ExonCount;
        for (int k = 0; k < n; k++)
        {
            int i = t.Strand == Strand.Forward ? k : n - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], Math.Max(t.CodingStart, sv.Start));
            int hi = Math.Min(t.ExonEnds[i], Math.Min(t.CodingEnd, sv.End));
            if (lo <= hi)
            {
                return t.Strand == Strand.Forward ? lo : hi;
            }
        }

        return -1;
    }

    /// <summary>The last affected coding base in transcript order (3′-most).</summary>
    private static int ThreePrimeMost(Transcript t, StructuralVariantEvent sv)
    {
        int n = t.ExonCount;
        for (int k = n - 1; k >= 0; k--)
        {
            int i = t.Strand == Strand.Forward ? k : n - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], Math.Max(t.CodingStart, sv.Start));
            int hi = Math.Min(t.ExonEnds[i], Math.Min(t.CodingEnd, sv.End));
            if (lo <= hi)
            {
                return t.Strand == Strand.Forward ? hi : lo;
            }
        }

        return -1;
    }

    /// <summary>The share of the protein from the codon of a coding base to the end.</summary>
    private static double RemovedFromCodon(TranscriptGeometry g, Transcript t, int position)
    {
        int cdsStart = g.SplicedOffset(t.Strand == Strand.Forward ? t.CodingStart : t.CodingEnd);
        int offset = g.SplicedOffset(position);
        if (g.ProteinLength == 0 || cdsStart < 0 || offset < 0)
        {
            return 0;
        }

        int codon = ((offset - cdsStart) / 3) + 1;
        return Math.Clamp((double)(g.ProteinLength - codon + 1) / g.ProteinLength, 0, 1);
    }

    private static int Overlap(int a, int b, int c, int d) => Math.Max(0, Math.Min(b, d) - Math.Max(a, c) + 1);
}
