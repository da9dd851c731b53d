using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Interpretation.Application.Acmg;
using OpenGms.Interpretation.Domain;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// Genomics England's tiering: tier 1 = high impact, de novo moderate impact or known P/LP, in a green panel gene,
/// segregating with the gene's mode of inheritance; tier 2 = moderate impact in a green gene, segregating; tier 3 =
/// high/moderate impact or P/LP outside the panel's green genes. A single heterozygous variant in a gene that is
/// biallelic only is not tiered.
/// </summary>
internal static class Tiering
{
    public static void Assign(Candidate c, ConsequenceSet high, ConsequenceSet moderate)
    {
        bool isHigh = (c.Consequences.Bits & high.Bits) != 0;
        bool isModerate = (c.Consequences.Bits & moderate.Bits) != 0;
        bool knownPathogenic = c.ClinVar is not null && (c.ClinVar.StartsWith("Pathogenic", StringComparison.Ordinal) || c.ClinVar.StartsWith("Likely_pathogenic", StringComparison.Ordinal));
        SegregationPattern accepted = Inheritance.Accepted(c.GeneInheritance);
        SegregationPattern fitting = c.Patterns & accepted;
        string impact = isHigh ? "high impact" : isModerate ? "moderate impact" : "low impact";
        string moi = c.GeneModeOfInheritance ?? "mode of inheritance unknown";
        if (c.InGreenGene)
        {
            if (fitting == SegregationPattern.None)
            {
                bool singleHet = Inheritance.IsBiallelicOnly(c.GeneInheritance) && c.Genotypes.Count > 0;
                c.Tier = null;
                c.TierReason = singleHet && (c.Patterns & (SegregationPattern.AutosomalDominant | SegregationPattern.DeNovo)) != 0
                    ? $"not tiered: single heterozygous variant in a biallelic gene ({c.Gene}: {moi})"
                    : $"not tiered: segregation ({string.Join(", ", Inheritance.Names(c.Patterns))}) does not fit {c.Gene}'s mode of inheritance ({moi})";
                return;
            }

            bool deNovo = (fitting & SegregationPattern.DeNovo) != 0;
            if (isHigh || (isModerate && deNovo) || knownPathogenic)
            {
                c.Tier = 1;
                c.TierReason = $"tier 1: {(isHigh ? impact : knownPathogenic ? "ClinVar " + c.ClinVar : "de novo " + impact)} in green gene {c.Gene}, segregating as {string.Join(", ", Inheritance.Names(fitting))}";
                return;
            }

            if (isModerate)
            {
                c.Tier = 2;
                c.TierReason = $"tier 2: {impact} in green gene {c.Gene}, segregating as {string.Join(", ", Inheritance.Names(fitting))}";
                return;
            }

            c.Tier = null;
            c.TierReason = "not tiered: low impact";
            return;
        }

        if (isHigh || isModerate || knownPathogenic)
        {
            c.Tier = 3;
            c.TierReason = $"tier 3: {(knownPathogenic && !isHigh && !isModerate ? "ClinVar " + c.ClinVar : impact)} in {c.Gene}, {(c.PanelConfidence is null ? "not in the panel" : c.PanelConfidence + " in the panel")}";
            return;
        }

        c.Tier = null;
        c.TierReason = "not tiered: low impact outside the panel";
    }
}

/// <summary>Combines variant evidence and phenotype into one score and rank, with a one-line explanation per row.</summary>
internal static class Ranking
{
    /// <summary>Weight of the phenotype score when a scorer is given (the rest goes to the variant score).</summary>
    public const double PhenotypeWeight = 0.5;

    public static void Rank(List<Candidate> candidates, IReadOnlyList<string> hpoTerms, Phenotype.IPhenotypeScorer? scorer)
    {
        IReadOnlyDictionary<string, Phenotype.GenePhenotypeScore>? scores = scorer is not null && hpoTerms.Count > 0 ? scorer.ScoreGenes(hpoTerms) : null;
        foreach (Candidate c in candidates)
        {
            double tier = c.Tier switch { 1 => 1.0, 2 => 0.8, 3 => 0.6, _ => 0.2 };
            int points = c.AcmgResult?.Points ?? 0;
            double acmg = Math.Clamp((points + 2) / 12.0, 0, 1);
            c.VariantScore = (tier + acmg) / 2;

            // A compound heterozygous pair is as strong as its weaker member.
            double variant = c.VariantScore;
            if (scores is not null && scores.TryGetValue(c.Gene, out Phenotype.GenePhenotypeScore? p))
            {
                c.PhenotypeScore = p.Score;
                c.PhenotypeExplanation = p.Explanation;
            }

            c.Score = scores is null ? variant : ((1 - PhenotypeWeight) * variant) + (PhenotypeWeight * c.PhenotypeScore);
        }

        foreach (Candidate c in candidates)
        {
            Candidate? partner = c.Partners.Count == 0 ? null : c.Partners.MaxBy(p => p.VariantScore);
            if (partner is not null && (c.Patterns & ~(Domain.SegregationPattern.CompoundHeterozygous | Domain.SegregationPattern.CompoundHeterozygousUnphased)) == 0)
            {
                c.CompoundHetPartner = partner.Variant;
                double pair = Math.Min(c.VariantScore, partner.VariantScore);
                c.Score = scores is null ? pair : ((1 - PhenotypeWeight) * pair) + (PhenotypeWeight * c.PhenotypeScore);
            }
            else if (partner is not null)
            {
                c.CompoundHetPartner = partner.Variant;
            }
        }

        candidates.Sort((a, b) =>
        {
            int byScore = b.Score.CompareTo(a.Score);
            if (byScore != 0)
            {
                return byScore;
            }

            int byPoints = (b.AcmgResult?.Points ?? 0).CompareTo(a.AcmgResult?.Points ?? 0);
            return byPoints != 0 ? byPoints : string.CompareOrdinal(a.Variant, b.Variant);
        });
        for (int i = 0; i < candidates.Count; i++)
        {
            Candidate c = candidates[i];
            c.Rank = i + 1;
            string acmg = c.AcmgResult is null ? "ACMG not evaluated" : $"ACMG {AcmgRules.ShortName(c.AcmgResult.Class)} ({(c.AcmgResult.MetLabels.Count == 0 ? "no criteria met" : string.Join(", ", c.AcmgResult.MetLabels))}; {c.AcmgResult.Points} pts)";
            string pheno = scores is null ? "no phenotype scoring" : $"phenotype {c.PhenotypeScore:0.00}" + (c.PhenotypeExplanation is null ? " (gene has no HPO annotation match)" : ": " + c.PhenotypeExplanation);
            string pair = c.CompoundHetPartner is null ? string.Empty : $"; with {c.CompoundHetPartner}";
            c.Explanation = $"{c.TierReason}; {acmg}; {string.Join(", ", c.Inheritance)}{pair}; {pheno}";
        }
    }
}
