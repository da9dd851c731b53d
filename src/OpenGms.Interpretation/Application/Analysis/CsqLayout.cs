using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Interpretation.Application.Analysis;

/// <summary>One gene hit of one allele: from the annotation cache, or from a VEP CSQ field.</summary>
internal sealed record GeneHit(string Gene, ConsequenceSet Consequences, string? TranscriptId, string? HgvsC, string? HgvsP, Transcript? Model, TranscriptAnnotation? Annotation);

/// <summary>
/// Reads Ensembl VEP's CSQ INFO field (its sub-fields named in the header's <c>Format: A|B|...</c>) for VCFs that
/// arrive annotated, keeping per gene the entry with the most severe consequence.
/// </summary>
internal sealed class CsqLayout
{
    private readonly int _allele;
    private readonly int _consequence;
    private readonly int _symbol;
    private readonly int _feature;
    private readonly int _hgvsc;
    private readonly int _hgvsp;

    private CsqLayout(string[] names)
    {
        _allele = Array.IndexOf(names, "Allele");
        _consequence = Array.IndexOf(names, "Consequence");
        _symbol = Array.IndexOf(names, "SYMBOL");
        _feature = Array.IndexOf(names, "Feature");
        _hgvsc = Array.IndexOf(names, "HGVSc");
        _hgvsp = Array.IndexOf(names, "HGVSp");
    }

    public static CsqLayout? From(VcfHeader header)
    {
        if (!header.Info.TryGetValue("CSQ", out VcfFieldDefinition? definition) || definition.Description is null)
        {
            return null;
        }

        int at = definition.Description.IndexOf("Format:", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        string[] names = definition.Description[(at + 7)..].Trim().Trim('"').Split('|');
        var layout = new CsqLayout(names);
        return layout._consequence < 0 || layout._symbol < 0 ? null : layout;
    }

    public List<GeneHit> Parse(string csq, string reference, string alt, int altCount)
    {
        // VEP trims the shared first base of indels (and writes "-" for a deletion).
        string trimmed = reference.Length > 0 && alt.Length > 0 && reference[0] == alt[0] ? (alt.Length == 1 ? "-" : alt[1..]) : alt;
        var best = new Dictionary<string, GeneHit>(StringComparer.Ordinal);
        foreach (string entry in csq.Split(','))
        {
            string[] f = entry.Split('|');
            if (f.Length <= Math.Max(_consequence, _symbol))
            {
                continue;
            }

            if (altCount > 1 && _allele >= 0 && _allele < f.Length && f[_allele] != alt && f[_allele] != trimmed)
            {
                continue;
            }

            string gene = f[_symbol];
            if (gene.Length == 0)
            {
                continue;
            }

            var set = default(ConsequenceSet);
            foreach (string term in f[_consequence].Split('&'))
            {
                if (ConsequenceTerms.TryParse(term, out ConsequenceTerm t))
                {
                    set = set.With(t);
                }
            }

            if (set.IsEmpty)
            {
                continue;
            }

            var hit = new GeneHit(gene, set, Field(f, _feature), Field(f, _hgvsc), Field(f, _hgvsp), null, null);
            if (!best.TryGetValue(gene, out GeneHit? current) || set.MostSevere < current.Consequences.MostSevere)
            {
                best[gene] = hit;
            }
        }

        return [.. best.Values];
    }

    private static string? Field(string[] f, int i) => i >= 0 && i < f.Length && f[i].Length > 0 ? Uri.UnescapeDataString(f[i]) : null;
}
