using System.Globalization;
using OpenGms.Pharmacogenomics.Application.Matching;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Application.Calling;

/// <summary>
/// Turns a sample's genotypes into a report: runs the matcher for every defined gene, lets outside calls override it,
/// falls back to rs4149056 for an uncalled SLCO1B1, assigns phenotypes and activity scores from the phenotype
/// tables (DPYD and RYR1 by their two lowest-function haplotypes) and looks up CPIC and DPWG recommendations.
/// </summary>
internal sealed class SampleCaller
{
    private const string Slco1b1 = "SLCO1B1";
    private const int Rs4149056Position = 21178615;

    /// <summary>
    /// Genes PharmCAT does not call from a VCF by default: CYP2D6 (structural variants and copy number need a dedicated
    /// caller), the HLA genes and MT-RNR1. They are reported from outside calls, or as not called.
    /// </summary>
    private static readonly string[] s_outsideCallGenes = ["CYP2D6", "HLA-A", "HLA-B", "MT-RNR1"];

    private readonly DefinitionSet _definitions;
    private readonly bool _callCyp2d6;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<DrugResult>> _recommendations = new(StringComparer.Ordinal);

    public SampleCaller(DefinitionSet definitions, bool callCyp2d6 = false)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        _definitions = definitions;
        _callCyp2d6 = callCyp2d6;
    }

    public DefinitionSet Definitions => _definitions;

    /// <summary>Every defining position of every gene, for reading only those records from a VCF.</summary>
    public IReadOnlySet<GenomicPosition> Positions()
    {
        var positions = new HashSet<GenomicPosition>();
        foreach (GeneDefinition gene in _definitions.Genes.Values)
        {
            foreach (VariantLocus locus in gene.Variants)
            {
                positions.Add(new GenomicPosition(locus.Chromosome, locus.Position));
            }
        }

        return positions;
    }

    public SampleReport Call(SampleGenotypes sample, IReadOnlyList<OutsideCall> outsideCalls, MatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(outsideCalls);
        var outside = outsideCalls.GroupBy(c => c.Gene, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var genes = new List<GeneResult>();
        foreach (GeneDefinition definition in _definitions.Genes.Values.OrderBy(g => g.Gene, StringComparer.Ordinal))
        {
            if (outside.Remove(definition.Gene, out List<OutsideCall>? call))
            {
                genes.Add(FromOutside(call));
                continue;
            }

            if (definition.Gene == "CYP2D6" && !_callCyp2d6)
            {
                continue;
            }

            GeneCall match = NamedAlleleMatcher.Call(definition, _definitions.Exemptions.GetValueOrDefault(definition.Gene), sample, options);
            genes.Add(FromMatcher(definition, match, sample));
        }

        genes.AddRange(outside.Values.Select(FromOutside));
        foreach (string gene in s_outsideCallGenes)
        {
            if (!genes.Exists(g => g.Gene == gene))
            {
                genes.Add(new GeneResult(gene, false, "outside", CallShape.Diplotypes, [], [], [], null, [], [], [], "needs an outside call (not called from a VCF, as in PharmCAT)"));
            }
        }

        genes.Sort((a, b) => string.CompareOrdinal(a.Gene, b.Gene));
        return new SampleReport(sample.SampleId, _definitions.Version, genes, Recommend(genes));
    }

    private GeneResult FromMatcher(GeneDefinition definition, GeneCall call, SampleGenotypes sample)
    {
        if (!call.Called)
        {
            if (definition.Gene == Slco1b1 && TryRs4149056(definition, sample, out GeneResult? fallback))
            {
                return fallback with { MissingPositions = call.MissingPositions };
            }

            return new GeneResult(definition.Gene, false, "matcher", call.Shape, [], [], [], null, [], [], call.MissingPositions, call.NotCalledReason);
        }

        var pairs = new List<(string H1, string? H2)>();
        var names = new List<string>();
        var labels = new List<string>();
        if (call.Shape == CallShape.HaplotypeList)
        {
            names.AddRange(call.HaplotypeList.Select(n => Rename(definition, n)));
            labels.AddRange(names);
            pairs.Add(LowestFunctionPair(definition.Gene, definition.Reference.Name, call.HaplotypeList.Select(n => Rename(definition, n)).ToList()));
        }
        else
        {
            foreach (DiplotypeMatch m in call.Matches)
            {
                string h1 = Rename(definition, m.Haplotype1);
                string? h2 = m.Haplotype2 is null ? null : Rename(definition, m.Haplotype2);
                string name = h2 is null ? h1 : h1 + "/" + h2;
                if (names.Contains(name))
                {
                    continue;
                }

                names.Add(name);
                labels.Add(Label(definition, h1, h2));
                pairs.Add(NamedAlleleMatcher.LowestFunctionGenes.Contains(definition.Gene) && h2 is not null
                    ? LowestFunctionPair(definition.Gene, definition.Reference.Name, [.. Parts(h1), .. Parts(h2)], twoStrands: (Parts(h1), Parts(h2)))
                    : (h1, h2));
            }
        }

        (List<string> phenotypes, string? score, List<string> cpicKeys, List<string> dpwgKeys) = Phenotype(definition.Gene, pairs);
        return new GeneResult(definition.Gene, true, "matcher", call.Shape, names, labels, phenotypes, score, cpicKeys, dpwgKeys, call.MissingPositions, null);
    }

    private GeneResult FromOutside(List<OutsideCall> calls)
    {
        string gene = calls[0].Gene;
        // Listed in the order PharmCAT lists them: by the alleles as written, then each written in canonical order
        // (Cyp2d6Test.testCyp2d6CpicVsDpwg).
        var diplotypes = calls.Where(c => c.Diplotype is not null)
            .Select(c => c.Diplotype!.Split('/'))
            .OrderBy(p => p[0], HaplotypeNameComparer.Instance)
            .ThenBy(p => p.Length > 1 ? p[1] : string.Empty, HaplotypeNameComparer.Instance)
            .Select(p => p is [var a, var b] ? HaplotypeNameComparer.Diplotype(a, b) : string.Join('/', p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string? phenotype = calls.Select(c => c.Phenotype).FirstOrDefault(p => p is not null);
        string? activity = calls.Select(c => c.ActivityScore).FirstOrDefault(a => a is not null);
        if (diplotypes.Count == 0 && phenotype is null && activity is null)
        {
            return new GeneResult(gene, false, "outside", CallShape.Diplotypes, [], [], [], null, [], [], [], "outside call has no diplotype");
        }

        var pairs = new List<(string H1, string? H2)>();
        foreach (string diplotype in diplotypes)
        {
            string[] parts = diplotype.Split('/');
            pairs.Add(parts.Length == 2 ? (parts[0], parts[1]) : (parts[0], null));
        }

        (List<string> phenotypes, string? score, List<string> cpicKeys, List<string> dpwgKeys) = Phenotype(gene, pairs);
        if (phenotype is not null)
        {
            phenotypes = [phenotype];
            cpicKeys = [phenotype];
            dpwgKeys = [phenotype];
        }

        if (activity is not null)
        {
            score = activity;
            cpicKeys = [activity];
            dpwgKeys = [activity];
        }

        if (diplotypes.Count == 0 && activity is not null && phenotype is null)
        {
            // An activity score alone: the phenotype is the one the gene's table gives that score.
            string? byScore = _definitions.CpicPhenotypes.GetValueOrDefault(gene)?.PhenotypeForScore(activity);
            if (byScore is not null)
            {
                phenotypes = [byScore];
            }
        }

        // PharmCAT prints a phenotype-only outside call as the phenotype, with the activity score when given.
        GeneDefinition? definition = _definitions.Genes.GetValueOrDefault(gene);
        List<string> labels = diplotypes.Count > 0
            ? [.. diplotypes.Select(d => definition is not null && d.Split('/') is [var h1, var h2] ? Label(definition, h1, h2) : d)]
            : [phenotypes.Count > 0 ? phenotypes[0] + (activity is null ? string.Empty : " (" + activity + ")") : activity!];
        return new GeneResult(gene, true, "outside", CallShape.Diplotypes, diplotypes, labels, phenotypes, score, cpicKeys, dpwgKeys, [], null);
    }

    /// <summary>CPIC's SLCO1B1 rule when no star-allele diplotype fits: the rs4149056 (c.521T&gt;C, *5) genotype alone.</summary>
    private bool TryRs4149056(GeneDefinition definition, SampleGenotypes sample, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GeneResult? result)
    {
        result = null;
        if (!sample.TryGet(definition.Chromosome, Rs4149056Position, out SampleAllele call) || call.IsMissing || call.IsPartial)
        {
            return false;
        }

        string? a1 = call.Allele1;
        string? a2 = call.IsHaploid ? call.Allele1 : call.Allele2;
        if (a1 is not ("T" or "C") || a2 is not ("T" or "C"))
        {
            return false;
        }

        string h1 = a1 == "C" ? "*5" : "*1";
        string h2 = a2 == "C" ? "*5" : "*1";
        (List<string> phenotypes, string? score, List<string> cpicKeys, List<string> dpwgKeys) = Phenotype(definition.Gene, [(h1, h2)]);
        string name = HaplotypeNameComparer.Diplotype("rs4149056" + a1, "rs4149056" + a2);
        result = new GeneResult(definition.Gene, true, "matcher", CallShape.Diplotypes, [name], [name], phenotypes, score, cpicKeys, dpwgKeys, [], "no star-allele diplotype matched; called from rs4149056 alone as the CPIC guideline allows");
        return true;
    }

    private static string Rename(GeneDefinition definition, string haplotype) =>
        definition.Suballeles.TryGetValue(haplotype, out string? main) ? main : haplotype;

    /// <summary>PharmCAT's print form: <c>X (heterozygous)</c> and <c>X (homozygous)</c> for genes whose reference is not a star allele.</summary>
    private static string Label(GeneDefinition definition, string h1, string? h2)
    {
        if (h2 is null)
        {
            return h1;
        }

        string reference = definition.Reference.Name;
        bool variantNamed = !reference.StartsWith('*') && definition.Gene is not ("DPYD" or "G6PD") && !reference.StartsWith("rs", StringComparison.Ordinal);
        if (!variantNamed)
        {
            return h1 + "/" + h2;
        }

        if (h1 == reference && h2 == reference)
        {
            return "Reference/Reference";
        }

        if (h1 == reference || h2 == reference)
        {
            return (h1 == reference ? h2 : h1) + " (heterozygous)";
        }

        return h1 == h2 ? h1 + " (homozygous)" : h1 + "/" + h2;
    }

    private static List<string> Parts(string haplotype) =>
        haplotype.StartsWith('[') ? [.. haplotype[1..^1].Split(" + ")] : [haplotype];

    /// <summary>
    /// DPYD/RYR1: the phenotype follows the two lowest-function haplotypes. For an unphased list every haplotype is a
    /// candidate (a homozygous one counts twice); for phased strands each strand contributes its lowest-function part.
    /// </summary>
    private (string H1, string? H2) LowestFunctionPair(string gene, string reference, List<string> haplotypes, (List<string> A, List<string> B)? twoStrands = null)
    {
        GenePhenotypeMap? map = _definitions.CpicPhenotypes.GetValueOrDefault(gene);
        if (twoStrands is { } strands)
        {
            return (Lowest(map, strands.A, reference), Lowest(map, strands.B, reference));
        }

        var expanded = new List<string>();
        foreach (string h in haplotypes)
        {
            const string Hom = " (homozygous)";
            if (h.EndsWith(Hom, StringComparison.Ordinal))
            {
                expanded.Add(h[..^Hom.Length]);
                expanded.Add(h[..^Hom.Length]);
            }
            else
            {
                expanded.Add(h);
            }
        }

        expanded.Sort((a, b) => Function(map, a).CompareTo(Function(map, b)));
        return expanded.Count switch
        {
            0 => (reference, reference),
            1 => (reference, expanded[0]),
            _ => (expanded[0], expanded[1]),
        };
    }

    private static string Lowest(GenePhenotypeMap? map, List<string> parts, string reference)
    {
        string best = parts.Count == 0 ? reference : parts[0];
        foreach (string p in parts)
        {
            if (Function(map, p) < Function(map, best))
            {
                best = p;
            }
        }

        return best;
    }

    /// <summary>A sortable function value: the activity value when the gene has them, else a rank of the function text.</summary>
    private static double Function(GenePhenotypeMap? map, string haplotype)
    {
        if (map is null)
        {
            return 1;
        }

        if (map.ActivityValues.TryGetValue(haplotype, out string? value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double activity))
        {
            return activity;
        }

        string function = map.Functions.GetValueOrDefault(haplotype) ?? string.Empty;
        return function.StartsWith("Normal", StringComparison.OrdinalIgnoreCase) ? 2
            : function.StartsWith("Uncertain", StringComparison.OrdinalIgnoreCase) || function.Length == 0 ? 1.5
            : 0;
    }

    private (List<string> Phenotypes, string? Score, List<string> CpicKeys, List<string> DpwgKeys) Phenotype(string gene, List<(string H1, string? H2)> pairs)
    {
        var phenotypes = new List<string>();
        var scores = new List<string?>();
        var cpic = new List<string>();
        var dpwg = new List<string>();
        GenePhenotypeMap? cpicMap = _definitions.CpicPhenotypes.GetValueOrDefault(gene);
        GenePhenotypeMap? dpwgMap = _definitions.DpwgPhenotypes.GetValueOrDefault(gene);
        if ((cpicMap is null || cpicMap.Count == 0) && (dpwgMap is null || dpwgMap.Count == 0))
        {
            // No phenotype table (IFNL3, CYP4F2, HLA, or a gene whose file was not supplied): no phenotype, not "Indeterminate".
            return (phenotypes, null, cpic, dpwg);
        }

        foreach ((string h1, string? h2) in pairs)
        {
            DiplotypePhenotype? row = cpicMap?.Lookup(h1, h2);
            AddDistinct(phenotypes, row?.Phenotype is { Length: > 0 } p ? p : "Indeterminate");
            scores.Add(row?.ActivityScore);
            AddDistinct(cpic, row?.LookupKey);
            AddDistinct(dpwg, (dpwgMap?.Lookup(h1, h2) ?? row)?.LookupKey);
        }

        string? score = scores.Count > 0 && scores.TrueForAll(s => s is not null && s == scores[0]) ? scores[0] : null;
        return (phenotypes, score, cpic, dpwg);
    }

    private static void AddDistinct(List<string> list, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !list.Contains(value))
        {
            list.Add(value);
        }
    }

    /// <summary>
    /// A recommendation applies when every gene in its lookup key has exactly that key in the sample (an activity
    /// score, a phenotype, or an allele-status key for HLA). Genes with several possible keys contribute each of them.
    /// </summary>
    private IReadOnlyList<DrugResult> Recommend(List<GeneResult> genes)
    {
        // The recommendations depend only on what the called genes contribute to lookups (keys, activity score,
        // diplotypes for allele-status keys); samples of a cohort share few such combinations, so each is looked up once.
        var signature = new System.Text.StringBuilder();
        foreach (GeneResult g in genes)
        {
            if (!g.Called)
            {
                continue;
            }

            signature.Append(g.Gene).Append('\u001e').AppendJoin('\u001f', g.CpicLookupKeys).Append('\u001e')
                .AppendJoin('\u001f', g.DpwgLookupKeys).Append('\u001e').Append(g.ActivityScore).Append('\u001e')
                .AppendJoin('\u001f', g.Diplotypes).Append('\u001d');
        }

        return _recommendations.GetOrAdd(signature.ToString(), _ => RecommendUncached(genes));
    }

    private List<DrugResult> RecommendUncached(List<GeneResult> genes)
    {
        var byGene = genes.Where(g => g.Called).ToDictionary(g => g.Gene, StringComparer.Ordinal);
        var drugs = new List<DrugResult>();
        foreach (Guideline guideline in _definitions.Guidelines)
        {
            bool dpwg = string.Equals(guideline.Source, "DPWG", StringComparison.OrdinalIgnoreCase);
            foreach (GuidelineRecommendation rec in guideline.Recommendations)
            {
                if (rec.LookupKey.Count == 0)
                {
                    continue;
                }

                bool applies = true;
                foreach ((string gene, string key) in rec.LookupKey)
                {
                    if (!byGene.TryGetValue(gene, out GeneResult? result))
                    {
                        // Multi-gene guidelines have rows for a gene with no result (carbamazepine without HLA-B typing).
                        applies &= key == "No Result";
                        continue;
                    }

                    IReadOnlyList<string> keys = dpwg ? result.DpwgLookupKeys : result.CpicLookupKeys;
                    applies &= keys.Contains(key)
                        || (result.ActivityScore is not null && SameScore(result.ActivityScore, key))
                        || AllelePresence(result, key);
                }

                if (!applies)
                {
                    continue;
                }

                IReadOnlyList<string> names = rec.Drugs.Count > 0 ? rec.Drugs : guideline.Drugs;
                foreach (string drug in names)
                {
                    drugs.Add(new DrugResult(drug, guideline.Source.ToUpperInvariant(), guideline.Name, guideline.Url, rec.Classification, rec.Text, rec.Implications, rec.LookupKey, rec.Population));
                }
            }
        }

        drugs.Sort((a, b) =>
        {
            int c = string.Compare(a.Drug, b.Drug, StringComparison.OrdinalIgnoreCase);
            return c != 0 ? c : string.CompareOrdinal(a.Source, b.Source);
        });
        return drugs;
    }

    /// <summary>Allele-status keys (<c>*57:01 positive</c>, <c>*15:02 negative</c>) as HLA guidelines use them.</summary>
    private static bool AllelePresence(GeneResult result, string key)
    {
        int space = key.LastIndexOf(' ');
        if (space <= 0 || result.Diplotypes.Count == 0)
        {
            return false;
        }

        string allele = key[..space];
        string status = key[(space + 1)..];
        if (status is not ("positive" or "negative"))
        {
            return false;
        }

        bool present = result.Diplotypes.All(d => d.Split('/').Contains(allele, StringComparer.Ordinal));
        bool absent = result.Diplotypes.All(d => !d.Split('/').Contains(allele, StringComparer.Ordinal));
        return status == "positive" ? present : absent;
    }

    private static bool SameScore(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double x)
        && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out double y)
        && Math.Abs(x - y) < 1e-9;
}
