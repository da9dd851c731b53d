using System.Globalization;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Domain;

namespace OpenGms.Interpretation.Application.Acmg;

/// <summary>A ClinVar P/LP record near a missense variant, annotated on the same transcript (for PS1/PM5).</summary>
/// <param name="Id">ClinVar variation id.</param>
/// <param name="HgvsP">Its protein change on the transcript.</param>
/// <param name="ProteinPosition">Its residue.</param>
/// <param name="SameNucleotideChange">True when it is the very same nucleotide change as the variant.</param>
/// <param name="Significance">ClinVar's CLNSIG.</param>
public sealed record ClinVarProteinMatch(string Id, string HgvsP, int ProteinPosition, bool SameNucleotideChange, string Significance);

/// <summary>What the evaluator knows about one variant allele on one transcript.</summary>
/// <param name="Gene">Gene symbol.</param>
/// <param name="Consequences">SO terms on the transcript.</param>
/// <param name="Transcript">The transcript, or null when none.</param>
/// <param name="Annotation">The transcript annotation, or null.</param>
/// <param name="Position">VCF position.</param>
/// <param name="Frequency">Population allele frequency, or null when absent from the source.</param>
/// <param name="FrequencySourceGiven">True when a population source was consulted (absence is then evidence).</param>
/// <param name="Patterns">Segregation patterns the variant fits.</param>
/// <param name="ParentageConfirmed">True when the trio's parentage counts as confirmed (PS2 rather than PM6).</param>
/// <param name="InTransWithPathogenic">True when phased in trans with a P/LP variant, false when not, null when unknown.</param>
/// <param name="PartnerText">The partner variant, for evidence text.</param>
/// <param name="InSilicoScore">The missense score (REVEL-calibrated thresholds), or null.</param>
/// <param name="ScoreName">The score's name.</param>
/// <param name="ClinVarMatches">ClinVar P/LP changes at the same residue, or null when no ClinVar source was given.</param>
/// <param name="HealthyCarrier">A description of an unaffected relative with the genotype of disease, or null.</param>
/// <param name="GeneInheritance">The gene's modes of inheritance (panel).</param>
/// <param name="AffectedCarriers">Affected relatives (not the proband) who carry the variant.</param>
/// <param name="AffectedNonCarriers">Affected relatives genotyped without the variant.</param>
public sealed record AcmgInput(
    string Gene,
    ConsequenceSet Consequences,
    Transcript? Transcript,
    TranscriptAnnotation? Annotation,
    int Position,
    double? Frequency,
    bool FrequencySourceGiven,
    SegregationPattern Patterns,
    bool ParentageConfirmed,
    bool? InTransWithPathogenic,
    string? PartnerText,
    double? InSilicoScore,
    string? ScoreName,
    IReadOnlyList<ClinVarProteinMatch>? ClinVarMatches,
    string? HealthyCarrier,
    GeneInheritance GeneInheritance,
    int AffectedCarriers,
    int AffectedNonCarriers)
{
    /// <summary>The largest splice delta score (SpliceAI), or null when no splice predictor was given.</summary>
    public double? SpliceScore { get; init; }

    /// <summary>The splice score's name (the INFO key it came from).</summary>
    public string? SpliceName { get; init; }

    /// <summary>
    /// Derived PVS1 critical-region evidence: a ClinVar P/LP truncating allele 3′ of this NMD-escaping truncating variant,
    /// as text; null when none was found or no ClinVar source was given.
    /// </summary>
    public string? CriticalRegionEvidence { get; init; }

    /// <summary>
    /// ClinVar P/LP missense alleles at other residues near this missense variant (derived PM1 hot-spot evidence); null
    /// when no ClinVar source was given.
    /// </summary>
    public IReadOnlyList<ClinVarProteinMatch>? NearbyPathogenicMissense { get; init; }

    /// <summary>Reference bases the allele spans from <see cref="AcmgInput.Position"/> (VCF REF length; 1 for an SNV).</summary>
    public int ReferenceLength { get; init; } = 1;

    /// <summary>The structural variant, when the allele is one (PVS1 then follows the SVI tree for deletions and duplications).</summary>
    public StructuralVariantEvent? StructuralVariant { get; init; }
}

/// <summary>
/// Evaluates the ACMG/AMP criteria the data allow, with the ClinGen SVI refinements (PVS1 decision tree of Abou Tayoun
/// et al. 2018, PM2 at supporting strength, PP3/BP4 thresholds of Pejaver et al. 2022 for REVEL, PM3 points) and
/// the points combination of Tavtigian et al. 2020. See docs/interpretation.md for each rule and what is left out.
/// </summary>
public static class AcmgEvaluator
{
    /// <summary>Frequency above which BA1 applies (5%).</summary>
    public const double Ba1Threshold = 0.05;

    /// <summary>Frequency above which BS1 applies (1%, Genomics England's recessive filter).</summary>
    public const double Bs1Threshold = 0.01;

    /// <summary>Splice delta score at or above which PP3 applies (SpliceAI, ClinGen SVI 2023).</summary>
    public const double SplicePathogenic = 0.2;

    /// <summary>Splice delta score at or below which BP4 and BP7 apply (SpliceAI, ClinGen SVI 2023).</summary>
    public const double SpliceBenign = 0.1;

    /// <summary>Other-residue ClinVar P/LP missense alleles nearby from which derived PM1 applies at supporting strength.</summary>
    public const int Pm1SupportingCount = 2;

    /// <summary>Other-residue ClinVar P/LP missense alleles nearby from which derived PM1 applies at moderate strength.</summary>
    public const int Pm1ModerateCount = 4;

    /// <summary>First intron position past the donor motif where deep-intronic BP7 may apply (+7, ClinGen SVI splicing).</summary>
    public const int Bp7DonorOffset = 7;

    /// <summary>First intron position before the acceptor region where deep-intronic BP7 may apply (-21, ClinGen SVI splicing).</summary>
    public const int Bp7AcceptorOffset = 21;

    /// <summary>Frequency at or below which PM2_Supporting applies (0.01%).</summary>
    public const double Pm2Threshold = 0.0001;

    /// <summary>Evaluates one variant.</summary>
    /// <param name="input">The variant's data.</param>
    /// <param name="overrides">A scientist's overrides (may be empty).</param>
    /// <returns>The classification with evidence.</returns>
    public static AcmgResult Evaluate(AcmgInput input, IReadOnlyList<AcmgOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rows = new List<CriterionResult>();
        var notEvaluated = new Dictionary<AcmgCriterion, string>
        {
            [AcmgCriterion.PS3] = "functional studies need literature review",
            [AcmgCriterion.PS4] = "case-control data not available",
            [AcmgCriterion.PP2] = "no gene missense-constraint data",
            [AcmgCriterion.PP4] = "left to the scientist (phenotype score is shown separately)",
            [AcmgCriterion.PP5] = "withdrawn by ClinGen SVI (Biesecker & Harrison 2018)",
            [AcmgCriterion.BS3] = "functional studies need literature review",
            [AcmgCriterion.BP1] = "no gene-level truncation mechanism data",
            [AcmgCriterion.BP2] = "needs a known pathogenic variant in trans/cis; not tracked automatically",
            [AcmgCriterion.BP3] = "no repeat-region annotation",
            [AcmgCriterion.BP5] = "needs the case's other findings",
            [AcmgCriterion.BP6] = "withdrawn by ClinGen SVI",
        };

        ConsequenceSet csq = input.Consequences;
        bool missense = csq.Contains(ConsequenceTerm.MissenseVariant);
        string? pvs1Reason = null;
        CriterionResult? pvs1 = input.StructuralVariant is null ? Pvs1(input) : StructuralVariantPvs1.Evaluate(input, input.StructuralVariant, out pvs1Reason);
        if (pvs1 is not null)
        {
            rows.Add(pvs1);
        }
        else
        {
            notEvaluated[AcmgCriterion.PVS1] = pvs1Reason ?? "not a null variant (nonsense, frameshift, canonical splice, start loss, ablation)";
        }

        // Population data.
        if (!input.FrequencySourceGiven && input.Frequency is null)
        {
            notEvaluated[AcmgCriterion.PM2] = "no population frequency source given";
            notEvaluated[AcmgCriterion.BA1] = "no population frequency source given";
            notEvaluated[AcmgCriterion.BS1] = "no population frequency source given";
        }
        else
        {
            double af = input.Frequency ?? 0;
            string afText = input.Frequency is null ? "absent from the population source" : "population AF " + af.ToString("G3", CultureInfo.InvariantCulture);
            rows.Add(new CriterionResult(AcmgCriterion.PM2, af <= Pm2Threshold, AcmgStrength.Supporting, $"{afText}; PM2 at supporting strength (ClinGen SVI 2020) when AF <= {Pm2Threshold.ToString(CultureInfo.InvariantCulture)}"));
            rows.Add(new CriterionResult(AcmgCriterion.BA1, af > Ba1Threshold, AcmgStrength.StandAlone, $"{afText}; BA1 when AF > {Ba1Threshold.ToString(CultureInfo.InvariantCulture)}"));
            rows.Add(new CriterionResult(AcmgCriterion.BS1, af > Bs1Threshold && af <= Ba1Threshold, AcmgStrength.Strong, $"{afText}; BS1 when AF > {Bs1Threshold.ToString(CultureInfo.InvariantCulture)} (no disease-specific maximum credible frequency)"));
        }

        // PM4: in-frame indel or stop loss, when PVS1 does not already count the length change.
        bool lengthChange = csq.Contains(ConsequenceTerm.InframeDeletion) || csq.Contains(ConsequenceTerm.InframeInsertion) || csq.Contains(ConsequenceTerm.StopLost);
        if (lengthChange)
        {
            bool pvs1Met = pvs1 is { Met: true };
            rows.Add(new CriterionResult(AcmgCriterion.PM4, !pvs1Met, AcmgStrength.Moderate, pvs1Met ? "length change already counted by PVS1" : $"{csq} changes the protein length (repeat regions not checked, so BP3 is not applied)"));
        }
        else
        {
            notEvaluated[AcmgCriterion.PM4] = "not an in-frame indel or stop loss";
        }

        // In silico: REVEL for missense (Pejaver et al. 2022) and a splice predictor for any variant PVS1 does not cover
        // (ClinGen SVI splicing, Walker et al. 2023: SpliceAI >= 0.2 supports PP3, <= 0.1 supports BP4). PP3 takes the
        // stronger of the two, never both; BP4 for a missense variant needs both predictions to be benign.
        InSilico(input, missense, pvs1 is not null, rows, notEvaluated);

        // PM1, derived: a cluster of ClinVar P/LP missense at nearby residues stands in for hot-spot/domain data.
        if (!missense)
        {
            notEvaluated[AcmgCriterion.PM1] = "not a missense variant (no protein domain data)";
        }
        else if (input.NearbyPathogenicMissense is not IReadOnlyList<ClinVarProteinMatch> nearby)
        {
            notEvaluated[AcmgCriterion.PM1] = "no protein domain / hot-spot data; derived hot-spot evidence needs a ClinVar source (--clinvar)";
        }
        else
        {
            int k = nearby.Count;
            string listed = k == 0 ? "none" : string.Join(", ", nearby.Take(5).Select(m => $"{ProteinChange(m.HgvsP)} ({m.Id})")) + (k > 5 ? ", ..." : string.Empty);
            rows.Add(new CriterionResult(
                AcmgCriterion.PM1,
                k >= Pm1SupportingCount,
                k >= Pm1SupportingCount && k < Pm1ModerateCount ? AcmgStrength.Supporting : AcmgStrength.Moderate,
                $"derived hot spot: {k.ToString(CultureInfo.InvariantCulture)} ClinVar P/LP missense variant(s) at other residues within {Analysis.ClinVarDerivedEvidence.HotspotResidueWindow.ToString(CultureInfo.InvariantCulture)} residues: {listed}; PM1 moderate at {Pm1ModerateCount.ToString(CultureInfo.InvariantCulture)} or more, supporting at {Pm1SupportingCount.ToString(CultureInfo.InvariantCulture)}-{(Pm1ModerateCount - 1).ToString(CultureInfo.InvariantCulture)} (OpenGMS thresholds, not a ClinGen specification; no domain data)"));
        }

        // PS1 / PM5 from ClinVar (missense only).
        if (!missense)
        {
            notEvaluated[AcmgCriterion.PS1] = "not a missense variant";
            notEvaluated[AcmgCriterion.PM5] = "not a missense variant";
        }
        else if (input.ClinVarMatches is null)
        {
            notEvaluated[AcmgCriterion.PS1] = "no ClinVar source given (--clinvar)";
            notEvaluated[AcmgCriterion.PM5] = "no ClinVar source given (--clinvar)";
        }
        else
        {
            string? hgvsP = input.Annotation?.HgvsP;
            ClinVarProteinMatch? same = input.ClinVarMatches.FirstOrDefault(m => !m.SameNucleotideChange && hgvsP is not null && string.Equals(ProteinChange(m.HgvsP), ProteinChange(hgvsP), StringComparison.Ordinal));
            ClinVarProteinMatch? residue = input.ClinVarMatches.FirstOrDefault(m => !m.SameNucleotideChange && m.ProteinPosition == input.Annotation?.ProteinStart && (hgvsP is null || !string.Equals(ProteinChange(m.HgvsP), ProteinChange(hgvsP), StringComparison.Ordinal)));
            rows.Add(new CriterionResult(AcmgCriterion.PS1, same is not null, AcmgStrength.Strong, same is null ? "no ClinVar P/LP variant with the same amino-acid change" : $"ClinVar {same.Id} ({same.Significance}) gives the same change {same.HgvsP} by another nucleotide change"));
            rows.Add(new CriterionResult(AcmgCriterion.PM5, residue is not null && same is null, AcmgStrength.Moderate, residue is null ? "no other ClinVar P/LP missense at this residue" : $"ClinVar {residue.Id} ({residue.Significance}) {residue.HgvsP} at the same residue"));
        }

        // De novo.
        if ((input.Patterns & SegregationPattern.DeNovo) != 0)
        {
            rows.Add(input.ParentageConfirmed
                ? new CriterionResult(AcmgCriterion.PS2, true, AcmgStrength.Strong, "de novo: absent from both parents sequenced with the proband (parentage taken as confirmed by the trio)")
                : new CriterionResult(AcmgCriterion.PM6, true, AcmgStrength.Moderate, "assumed de novo: absent from both parents, parentage not confirmed"));
        }
        else
        {
            notEvaluated[AcmgCriterion.PS2] = "not de novo in a genotyped trio";
        }

        // PM3 (recessive, in trans with P/LP; SVI: homozygous counts at supporting).
        bool recessiveGene = (input.GeneInheritance & (GeneInheritance.Biallelic | GeneInheritance.XLinkedRecessive)) != 0 || input.GeneInheritance == GeneInheritance.Unknown;
        if (input.InTransWithPathogenic == true && recessiveGene)
        {
            rows.Add(new CriterionResult(AcmgCriterion.PM3, true, AcmgStrength.Moderate, $"in trans with a P/LP variant ({input.PartnerText})"));
        }
        else if ((input.Patterns & SegregationPattern.AutosomalRecessiveHomozygous) != 0 && (input.GeneInheritance & GeneInheritance.Biallelic) != 0)
        {
            rows.Add(new CriterionResult(AcmgCriterion.PM3, true, AcmgStrength.Supporting, "homozygous in the proband in a biallelic gene (ClinGen SVI PM3: homozygous occurrence at supporting)"));
        }
        else
        {
            notEvaluated[AcmgCriterion.PM3] = input.InTransWithPathogenic is null ? "no phased P/LP partner variant" : "partner not P/LP or not in trans";
        }

        // Family data.
        if (input.HealthyCarrier is not null)
        {
            rows.Add(new CriterionResult(AcmgCriterion.BS2, true, AcmgStrength.Strong, input.HealthyCarrier + " (assumes full penetrance)"));
        }

        if (input.AffectedCarriers >= 2)
        {
            rows.Add(new CriterionResult(AcmgCriterion.PP1, true, AcmgStrength.Supporting, $"carried by {input.AffectedCarriers} affected relatives"));
        }

        if (input.AffectedNonCarriers > 0 && (input.Patterns & SegregationPattern.DeNovo) == 0)
        {
            rows.Add(new CriterionResult(AcmgCriterion.BS4, true, AcmgStrength.Strong, $"{input.AffectedNonCarriers} affected relative(s) genotyped without the variant"));
        }

        // BP7: synonymous with no predicted splice impact (SpliceAI <= 0.1, ClinGen SVI splicing); without a predictor,
        // synonymous outside the splice region.
        if (csq.Contains(ConsequenceTerm.SynonymousVariant))
        {
            if (input.SpliceScore is double d)
            {
                rows.Add(new CriterionResult(AcmgCriterion.BP7, d <= SpliceBenign, AcmgStrength.Supporting, $"synonymous; {SpliceText(input, d)}, BP7 when <= {SpliceBenign.ToString(CultureInfo.InvariantCulture)} (conservation not checked)"));
            }
            else
            {
                bool splice = csq.Contains(ConsequenceTerm.SpliceRegionVariant);
                rows.Add(new CriterionResult(AcmgCriterion.BP7, !splice, AcmgStrength.Supporting, splice ? "synonymous but in the splice region (no splice predictor given)" : "synonymous, outside the splice region (no splice predictor given; conservation not checked)"));
            }
        }
        else if (input.StructuralVariant is null && IntronOffsets(input, out int intron, out int donor, out int acceptor))
        {
            // Deep intronic (Walker et al. 2023): at or beyond +7 from the donor and -21 from the acceptor, both counted
            // from the nearest allele end, so the variant lies outside the donor motif and the acceptor region.
            string where = $"intron {intron.ToString(CultureInfo.InvariantCulture)}, +{donor.ToString(CultureInfo.InvariantCulture)} from the donor and -{acceptor.ToString(CultureInfo.InvariantCulture)} from the acceptor";
            if (donor < Bp7DonorOffset || acceptor < Bp7AcceptorOffset)
            {
                notEvaluated[AcmgCriterion.BP7] = $"{where}: within the donor (+1 to +6) or acceptor (-1 to -20) region";
            }
            else if (input.SpliceScore is double d)
            {
                rows.Add(new CriterionResult(AcmgCriterion.BP7, d <= SpliceBenign, AcmgStrength.Supporting, $"intronic at {where} (at or beyond +{Bp7DonorOffset.ToString(CultureInfo.InvariantCulture)}/-{Bp7AcceptorOffset.ToString(CultureInfo.InvariantCulture)}, ClinGen SVI splicing); {SpliceText(input, d)}, BP7 when <= {SpliceBenign.ToString(CultureInfo.InvariantCulture)} (conservation not checked)"));
            }
            else
            {
                notEvaluated[AcmgCriterion.BP7] = $"{where}: deep intronic, but no splice predictor given (--splice-field)";
            }
        }
        else
        {
            notEvaluated[AcmgCriterion.BP7] = "not synonymous and not wholly intronic";
        }

        return AcmgRules.Combine(rows, notEvaluated, overrides);
    }

    /// <summary>
    /// For an allele wholly inside an intron of the transcript: the intron number and its distances from the donor
    /// (+1 = first intron base) and the acceptor (-1 = last intron base), taken from the allele end nearest each.
    /// </summary>
    private static bool IntronOffsets(AcmgInput input, out int intron, out int donor, out int acceptor)
    {
        intron = donor = acceptor = 0;
        Transcript? t = input.Transcript;
        if (t is null || t.ExonCount < 2)
        {
            return false;
        }

        int lo = input.Position;
        int hi = input.Position + Math.Max(1, input.ReferenceLength) - 1;
        int n = t.ExonCount;
        for (int i = 0; i + 1 < n; i++)
        {
            int intronStart = t.ExonEnds[i] + 1;
            int intronEnd = t.ExonStarts[i + 1] - 1;
            if (lo < intronStart || hi > intronEnd)
            {
                continue;
            }

            bool forward = t.Strand == Strand.Forward;
            intron = forward ? i + 1 : n - 1 - i;
            donor = forward ? lo - intronStart + 1 : intronEnd - hi + 1;
            acceptor = forward ? intronEnd - hi + 1 : lo - intronStart + 1;
            return true;
        }

        return false;
    }

    private static string ProteinChange(string hgvsP)
    {
        int colon = hgvsP.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 ? hgvsP[(colon + 1)..] : hgvsP;
    }

    /// <summary>The PVS1 decision tree for null variants; null when the variant is not a null variant.</summary>
    private static void InSilico(AcmgInput input, bool missense, bool nullVariant, List<CriterionResult> rows, Dictionary<AcmgCriterion, string> notEvaluated)
    {
        AcmgStrength? pp3 = null;
        bool? bp4 = null;
        AcmgStrength bp4Strength = AcmgStrength.Supporting;
        var evidence = new List<string>();
        if (missense && input.InSilicoScore is double s)
        {
            evidence.Add($"{input.ScoreName ?? "score"} {s.ToString("0.###", CultureInfo.InvariantCulture)} (Pejaver et al. 2022 REVEL thresholds)");
            pp3 = s >= 0.932 ? AcmgStrength.Strong : s >= 0.773 ? AcmgStrength.Moderate : s >= 0.644 ? AcmgStrength.Supporting : null;
            AcmgStrength? benign = s <= 0.003 ? AcmgStrength.VeryStrong : s <= 0.016 ? AcmgStrength.Strong : s <= 0.183 ? AcmgStrength.Moderate : s <= 0.290 ? AcmgStrength.Supporting : null;
            bp4 = benign is not null;
            bp4Strength = benign ?? AcmgStrength.Supporting;
        }

        // A splice prediction counts for variants PVS1 does not already judge (canonical splice sites, null variants).
        double? splice = nullVariant ? null : input.SpliceScore;
        if (splice is double d)
        {
            evidence.Add(SpliceText(input, d));
            if (d >= SplicePathogenic)
            {
                pp3 ??= AcmgStrength.Supporting;
            }

            // Missense: benign only when both predictions are; otherwise the splice prediction alone decides.
            bool spliceBenign = d <= SpliceBenign;
            if (missense && input.InSilicoScore is null)
            {
                bp4 = null;
            }
            else
            {
                bp4 = (bp4 ?? true) && spliceBenign;
                bp4Strength = missense ? bp4Strength : AcmgStrength.Supporting;
            }
        }

        if (evidence.Count == 0)
        {
            string why = nullVariant ? "a null variant: PVS1 judges it (no in-silico criteria)"
                : missense ? "no in-silico score given (--score-field)" + (input.SpliceName is null ? "; no splice predictor given (--splice-field)" : string.Empty)
                : "no splice predictor score for this variant (--splice-field)";
            notEvaluated[AcmgCriterion.PP3] = why;
            notEvaluated[AcmgCriterion.BP4] = why;
            return;
        }

        string text = string.Join("; ", evidence);
        rows.Add(new CriterionResult(AcmgCriterion.PP3, pp3 is not null, pp3 ?? AcmgStrength.Supporting, text));
        if (bp4 is bool benignMet)
        {
            rows.Add(new CriterionResult(AcmgCriterion.BP4, benignMet && pp3 is null, bp4Strength, text));
        }
        else
        {
            notEvaluated[AcmgCriterion.BP4] = "a missense variant needs a missense score as well as a splice prediction for BP4 (--score-field)";
        }
    }

    private static string SpliceText(AcmgInput input, double d) =>
        $"{input.SpliceName ?? "splice score"} {d.ToString("0.###", CultureInfo.InvariantCulture)} (SpliceAI thresholds of ClinGen SVI, Walker et al. 2023: PP3 >= {SplicePathogenic.ToString(CultureInfo.InvariantCulture)}, BP4/BP7 <= {SpliceBenign.ToString(CultureInfo.InvariantCulture)})";

    private static CriterionResult? Pvs1(AcmgInput input)
    {
        ConsequenceSet csq = input.Consequences;
        Transcript? t = input.Transcript;
        string mechanism = $"assumes loss of function is a disease mechanism for {input.Gene} (no gene-level LoF data checked)";
        if (csq.Contains(ConsequenceTerm.TranscriptAblation))
        {
            return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, "whole transcript deleted; " + mechanism);
        }

        bool nullVariant = csq.Contains(ConsequenceTerm.StopGained) || csq.Contains(ConsequenceTerm.FrameshiftVariant) || csq.Contains(ConsequenceTerm.SpliceDonorVariant) || csq.Contains(ConsequenceTerm.SpliceAcceptorVariant);
        if (t is null && nullVariant)
        {
            return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, "null variant; no transcript model, so NMD and exon skipping cannot be assessed: PVS1_Strong; " + mechanism);
        }

        if (t is null || !t.IsCoding)
        {
            return null;
        }

        TranscriptGeometry g = TranscriptGeometry.Of(t);
        if (csq.Contains(ConsequenceTerm.StopGained) || csq.Contains(ConsequenceTerm.FrameshiftVariant))
        {
            string kind = csq.Contains(ConsequenceTerm.StopGained) ? "nonsense" : "frameshift";
            int spliced = g.SplicedOffset(input.Position);
            if (spliced >= 0 && !g.EscapesNmd(spliced))
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, $"{kind} predicted to cause NMD (more than 50 nt upstream of the last exon-exon junction); {mechanism}");
            }

            int proteinStart = input.Annotation?.ProteinStart ?? 0;
            double removed = g.ProteinLength > 0 && proteinStart > 0 ? (double)(g.ProteinLength - proteinStart + 1) / g.ProteinLength : 0;
            string where = $"{kind} escaping NMD (last exon or last 50 nt of the penultimate); removes {removed:P0} of the protein";
            if (removed > 0.10)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, where + (input.CriticalRegionEvidence is null ? " (>10%: PVS1_Strong; critical regions not known)" : $" (>10%: PVS1_Strong; region critical: {input.CriticalRegionEvidence})"));
            }

            return input.CriticalRegionEvidence is null
                ? new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, where + " (<=10%: PVS1_Moderate; no ClinVar P/LP truncating variant further 3′, so the region is not shown to be critical)")
                : new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, where + $"; the truncated region is critical: {input.CriticalRegionEvidence}: PVS1_Strong (SVI tree)");
        }

        if (csq.Contains(ConsequenceTerm.SpliceDonorVariant) || csq.Contains(ConsequenceTerm.SpliceAcceptorVariant))
        {
            int intron = input.Annotation?.Intron ?? 0;
            if (intron <= 0)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, "canonical splice site; intron unknown so exon skipping not assessed: PVS1_Strong");
            }

            // Donor of intron k: exon k is skipped; acceptor of intron k: exon k+1 (transcript order).
            int exon = csq.Contains(ConsequenceTerm.SpliceDonorVariant) ? intron : intron + 1;
            int codingLength = g.CodingLengthOfExon(exon);
            if (codingLength == 0)
            {
                return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, $"canonical splice site; skipping exon {exon} removes no coding sequence: PVS1_Moderate");
            }

            if (codingLength % 3 != 0)
            {
                bool nmd = exon < t.ExonCount - 1;
                return nmd
                    ? new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.VeryStrong, $"canonical splice site; skipping exon {exon} ({codingLength} coding nt) shifts the frame, NMD predicted; {mechanism}")
                    : new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, $"canonical splice site; skipping exon {exon} shifts the frame near the 3' end (NMD not predicted): PVS1_Strong");
            }

            double fraction = g.ProteinLength > 0 ? codingLength / 3.0 / g.ProteinLength : 0;
            return fraction > 0.10
                ? new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Strong, $"canonical splice site; in-frame skipping of exon {exon} removes {fraction:P0} of the protein: PVS1_Strong")
                : new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, $"canonical splice site; in-frame skipping of exon {exon} removes {fraction:P0} of the protein: PVS1_Moderate");
        }

        if (csq.Contains(ConsequenceTerm.StartLost))
        {
            return new CriterionResult(AcmgCriterion.PVS1, true, AcmgStrength.Moderate, "start codon lost; alternative start codons not assessed: PVS1_Moderate (SVI)");
        }

        return null;
    }
}

/// <summary>Transcript positions needed by the PVS1 tree: spliced offsets, the NMD boundary and coding lengths.</summary>
internal readonly struct TranscriptGeometry
{
    private readonly Transcript _t;

    private TranscriptGeometry(Transcript t, int codingLength)
    {
        _t = t;
        ProteinLength = Math.Max(0, (codingLength / 3) - 1);
    }

    /// <summary>Amino acids (stop codon excluded).</summary>
    public int ProteinLength { get; }

    public static TranscriptGeometry Of(Transcript t)
    {
        int coding = 0;
        for (int i = 0; i < t.ExonCount; i++)
        {
            coding += Overlap(t.ExonStarts[i], t.ExonEnds[i], t.CodingStart, t.CodingEnd);
        }

        return new TranscriptGeometry(t, coding);
    }

    /// <summary>0-based offset of a genomic position in the spliced transcript (5' to 3'), or -1 when intronic/outside.</summary>
    public int SplicedOffset(int position)
    {
        int offset = 0;
        int n = _t.ExonCount;
        for (int k = 0; k < n; k++)
        {
            int i = _t.Strand == Strand.Forward ? k : n - 1 - k;
            int s = _t.ExonStarts[i];
            int e = _t.ExonEnds[i];
            if (position >= s && position <= e)
            {
                return offset + (_t.Strand == Strand.Forward ? position - s : e - position);
            }

            offset += e - s + 1;
        }

        return -1;
    }

    /// <summary>
    /// True when a premature stop at this spliced offset is expected to escape nonsense-mediated decay: in the last exon
    /// or within 50 nt of the 3' end of the penultimate exon (the 50-55 nt rule), or in a single-exon transcript.
    /// </summary>
    public bool EscapesNmd(int splicedOffset)
    {
        if (_t.ExonCount == 1)
        {
            return true;
        }

        int lastIndex = _t.Strand == Strand.Forward ? _t.ExonCount - 1 : 0;
        int lastLength = _t.ExonEnds[lastIndex] - _t.ExonStarts[lastIndex] + 1;
        int lastJunction = _t.SplicedLength - lastLength;
        return splicedOffset >= lastJunction - 50;
    }

    /// <summary>Coding bases of exon <paramref name="exonNumber"/> (transcript order, 1-based).</summary>
    public int CodingLengthOfExon(int exonNumber)
    {
        if (exonNumber < 1 || exonNumber > _t.ExonCount)
        {
            return 0;
        }

        int i = _t.Strand == Strand.Forward ? exonNumber - 1 : _t.ExonCount - exonNumber;
        return Overlap(_t.ExonStarts[i], _t.ExonEnds[i], _t.CodingStart, _t.CodingEnd);
    }

    private static int Overlap(int a, int b, int c, int d) => Math.Max(0, Math.Min(b, d) - Math.Max(a, c) + 1);
}
