using OpenGms.Interpretation.Domain;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>
/// Decides which inheritance patterns each candidate fits in the family, assuming full penetrance: affected members
/// must have the disease genotype, unaffected members must not; missing genotypes are not held against a pattern.
/// Compound heterozygosity pairs heterozygous variants of one gene, in trans by phase (same phase set, other
/// haplotype) or by parental genotypes (one from each parent).
/// </summary>
internal static class Segregation
{
    public static void Assign(List<Candidate> candidates, List<FamilyMember> members, int probandIndex)
    {
        FamilyMember proband = members[probandIndex];
        int father = proband.FatherId is null ? -1 : members.FindIndex(m => string.Equals(m.Id, proband.FatherId, StringComparison.Ordinal));
        int mother = proband.MotherId is null ? -1 : members.FindIndex(m => string.Equals(m.Id, proband.MotherId, StringComparison.Ordinal));
        foreach (Candidate c in candidates)
        {
            c.Patterns = Single(c, members, probandIndex, father, mother);
        }

        // Compound heterozygous pairs, gene by gene.
        foreach (IGrouping<string, Candidate> gene in candidates.GroupBy(c => c.Gene, StringComparer.Ordinal))
        {
            List<Candidate> hets = gene.Where(c => !c.IsMito && c.Genotypes[probandIndex].Call == "het" && !(c.IsX && proband.Sex == Sex.Male)).ToList();
            for (int a = 0; a < hets.Count; a++)
            {
                for (int b = a + 1; b < hets.Count; b++)
                {
                    SegregationPattern pair = Pair(hets[a], hets[b], members, probandIndex, father, mother);
                    if (pair == SegregationPattern.None)
                    {
                        continue;
                    }

                    hets[a].Patterns |= pair;
                    hets[b].Patterns |= pair;
                    hets[a].Partners.Add(hets[b]);
                    hets[b].Partners.Add(hets[a]);
                }
            }
        }
    }

    private static SegregationPattern Single(Candidate c, List<FamilyMember> members, int probandIndex, int father, int mother)
    {
        IReadOnlyList<MemberGenotype> g = c.Genotypes;
        if (!g[probandIndex].Carries)
        {
            return SegregationPattern.None;
        }

        if (c.IsMito)
        {
            return SegregationPattern.Mitochondrial;
        }

        SegregationPattern result = SegregationPattern.None;
        bool deNovo = father >= 0 && mother >= 0 && g[father].Call == "hom_ref" && g[mother].Call == "hom_ref" && g[probandIndex].Call is "het" or "hemi";
        if (c.IsX && members[probandIndex].Sex == Sex.Male)
        {
            // A male's X comes from his mother only.
            deNovo = mother >= 0 && g[mother].Call == "hom_ref" && g[probandIndex].Call is "het" or "hemi" or "hom_alt";
        }

        if (deNovo)
        {
            result |= SegregationPattern.DeNovo;
        }

        if (c.IsX)
        {
            if (Fits(g, members, affected: m => m.Sex == Sex.Female ? g[members.IndexOf(m)].Call == "hom_alt" : g[members.IndexOf(m)].Carries, unaffectedOk: (m, call) => m.Sex == Sex.Female ? call != "hom_alt" : call is "hom_ref" or "missing"))
            {
                result |= SegregationPattern.XLinkedRecessive;
            }

            if (Fits(g, members, affected: m => g[members.IndexOf(m)].Carries, unaffectedOk: (_, call) => call is "hom_ref" or "missing"))
            {
                result |= SegregationPattern.XLinkedDominant;
            }

            return result;
        }

        if (Fits(g, members, affected: m => g[members.IndexOf(m)].Carries, unaffectedOk: (_, call) => call is "hom_ref" or "missing"))
        {
            result |= SegregationPattern.AutosomalDominant;
        }

        bool parentsCarry = (father < 0 || g[father].Call != "hom_ref") && (mother < 0 || g[mother].Call != "hom_ref");
        if (parentsCarry && Fits(g, members, affected: m => g[members.IndexOf(m)].Call == "hom_alt", unaffectedOk: (_, call) => call != "hom_alt"))
        {
            result |= SegregationPattern.AutosomalRecessiveHomozygous;
        }

        return result;
    }

    private static bool Fits(IReadOnlyList<MemberGenotype> g, List<FamilyMember> members, Func<FamilyMember, bool> affected, Func<FamilyMember, string, bool> unaffectedOk)
    {
        for (int i = 0; i < members.Count; i++)
        {
            FamilyMember m = members[i];
            string call = g[i].Call;
            if (call == "missing")
            {
                continue;
            }

            if (m.Affected == AffectedStatus.Affected && !affected(m))
            {
                return false;
            }

            if (m.Affected == AffectedStatus.Unaffected && !unaffectedOk(m, call))
            {
                return false;
            }
        }

        return true;
    }

    private static SegregationPattern Pair(Candidate a, Candidate b, List<FamilyMember> members, int probandIndex, int father, int mother)
    {
        // No unaffected member may carry both; every genotyped affected member must carry both.
        for (int i = 0; i < members.Count; i++)
        {
            bool both = a.Genotypes[i].Carries && b.Genotypes[i].Carries;
            bool known = a.Genotypes[i].Call != "missing" && b.Genotypes[i].Call != "missing";
            if (members[i].Affected == AffectedStatus.Unaffected && both && !SameHaplotype(a, b, i))
            {
                return SegregationPattern.None;
            }

            if (members[i].Affected == AffectedStatus.Affected && known && !both)
            {
                return SegregationPattern.None;
            }
        }

        // Phase from the proband's phased genotypes.
        if (a.Haplotypes[probandIndex] != 0 && b.Haplotypes[probandIndex] != 0 && string.Equals(a.PhaseSets[probandIndex], b.PhaseSets[probandIndex], StringComparison.Ordinal))
        {
            return a.Haplotypes[probandIndex] != b.Haplotypes[probandIndex] ? SegregationPattern.CompoundHeterozygous : SegregationPattern.None;
        }

        // Phase from the parents: one variant from each.
        if (father >= 0 && mother >= 0)
        {
            int aFrom = Origin(a, father, mother);
            int bFrom = Origin(b, father, mother);
            if (aFrom != 0 && bFrom != 0)
            {
                return aFrom != bFrom ? SegregationPattern.CompoundHeterozygous : SegregationPattern.None;
            }

            // Both parents carry both variants, or one is de novo: phase unknown.
            if (Origin(a, father, mother) == 0 && a.Genotypes[father].Call == "hom_ref" && a.Genotypes[mother].Call == "hom_ref" && bFrom != 0)
            {
                return SegregationPattern.CompoundHeterozygousUnphased;
            }
        }

        return SegregationPattern.CompoundHeterozygousUnphased;
    }

    /// <summary>1 when only the father carries the variant, 2 when only the mother does, 0 otherwise.</summary>
    private static int Origin(Candidate c, int father, int mother)
    {
        bool f = c.Genotypes[father].Carries;
        bool m = c.Genotypes[mother].Carries;
        bool fKnown = c.Genotypes[father].Call != "missing";
        bool mKnown = c.Genotypes[mother].Call != "missing";
        if (f && mKnown && !m)
        {
            return 1;
        }

        return m && fKnown && !f ? 2 : 0;
    }

    private static bool SameHaplotype(Candidate a, Candidate b, int i) =>
        a.Haplotypes[i] != 0 && a.Haplotypes[i] == b.Haplotypes[i] && string.Equals(a.PhaseSets[i], b.PhaseSets[i], StringComparison.Ordinal);
}
