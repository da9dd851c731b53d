using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Infrastructure;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// Evidence derived from ClinVar P/LP records on the candidate's own transcript, standing in for the protein-domain and
/// hot-spot data OpenGMS does not hold: a P/LP truncating allele 3′ of an NMD-escaping truncating candidate marks the
/// region it removes as critical (PVS1 tree, "truncated region critical to protein function"); P/LP missense alleles at
/// nearby residues mark a missense hot spot (PM1). Both are derived, not curated, and the evidence text says so.
/// </summary>
internal static class ClinVarDerivedEvidence
{
    /// <summary>Residues either side of the candidate's residue searched for P/LP missense (PM1).</summary>
    public const int HotspotResidueWindow = 5;

    /// <summary>
    /// The first ClinVar P/LP stop-gained or frameshift allele downstream (3′, by protein position) of the candidate on its
    /// transcript, as evidence text; null when none.
    /// </summary>
    public static string? DownstreamTruncating(Candidate c, ClinVarSource clinVar, VariantAnnotator annotator, string chrom)
    {
        Transcript? t = c.TranscriptModel;
        int residue = c.TranscriptAnnotation?.ProteinStart ?? 0;
        if (t is null || !t.IsCoding || residue <= 0)
        {
            return null;
        }

        bool forward = t.Strand == Strand.Forward;
        int lo = forward ? c.Position + 1 : t.CodingStart;
        int hi = forward ? t.CodingEnd : c.Position - 1;
        if (hi < lo)
        {
            return null;
        }

        foreach (ClinVarRecord r in clinVar.Range(c.Chrom, lo, hi))
        {
            if (!r.IsPathogenic)
            {
                continue;
            }

            TranscriptAnnotation? a = OnTranscript(annotator, chrom, r, t);
            if (a is not null && a.ProteinStart > residue && (a.Consequences.Contains(ConsequenceTerm.StopGained) || a.Consequences.Contains(ConsequenceTerm.FrameshiftVariant)))
            {
                return $"ClinVar {r.Id} ({r.Significance}) {a.HgvsP ?? a.HgvsC} truncates further 3′ (derived from ClinVar, not a curated critical region)";
            }
        }

        return null;
    }

    /// <summary>ClinVar P/LP missense alleles at other residues within <see cref="HotspotResidueWindow"/> of the candidate's residue, on its transcript.</summary>
    public static List<ClinVarProteinMatch> NearbyMissense(Candidate c, ClinVarSource clinVar, VariantAnnotator annotator, string chrom)
    {
        var result = new List<ClinVarProteinMatch>();
        Transcript? t = c.TranscriptModel;
        int residue = c.TranscriptAnnotation?.ProteinStart ?? 0;
        if (t is null || !t.IsCoding || residue <= 0)
        {
            return result;
        }

        int first = CodingToGenomic(t, ((Math.Max(1, residue - HotspotResidueWindow) - 1) * 3) + 1);
        int last = CodingToGenomic(t, (residue + HotspotResidueWindow) * 3);
        if (first < 0)
        {
            return result;
        }

        if (last < 0)
        {
            last = t.Strand == Strand.Forward ? t.CodingEnd : t.CodingStart;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (ClinVarRecord r in clinVar.Range(c.Chrom, Math.Min(first, last), Math.Max(first, last)))
        {
            if (!r.IsPathogenic)
            {
                continue;
            }

            TranscriptAnnotation? a = OnTranscript(annotator, chrom, r, t);
            if (a is null || !a.Consequences.Contains(ConsequenceTerm.MissenseVariant) || a.HgvsP is null || a.ProteinStart == residue
                || Math.Abs(a.ProteinStart - residue) > HotspotResidueWindow || !seen.Add(a.HgvsP))
            {
                continue;
            }

            result.Add(new ClinVarProteinMatch(r.Id, a.HgvsP, a.ProteinStart, false, r.Significance));
        }

        return result;
    }

    private static TranscriptAnnotation? OnTranscript(VariantAnnotator annotator, string chrom, ClinVarRecord r, Transcript t)
    {
        foreach (TranscriptAnnotation a in annotator.Annotate(chrom, r.Position, r.Reference, r.Alternate).Transcripts)
        {
            if (ReferenceEquals(a.Transcript, t))
            {
                return a;
            }
        }

        return null;
    }

    /// <summary>The genomic position of coding base c.<paramref name="coding"/> (1-based), or -1 beyond the CDS.</summary>
    private static int CodingToGenomic(Transcript t, int coding)
    {
        int remaining = coding;
        int n = t.ExonCount;
        for (int k = 0; k < n; k++)
        {
            int i = t.Strand == Strand.Forward ? k : n - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], t.CodingStart);
            int hi = Math.Min(t.ExonEnds[i], t.CodingEnd);
            if (lo > hi)
            {
                continue;
            }

            int length = hi - lo + 1;
            if (remaining <= length)
            {
                return t.Strand == Strand.Forward ? lo + remaining - 1 : hi - remaining + 1;
            }

            remaining -= length;
        }

        return -1;
    }
}
