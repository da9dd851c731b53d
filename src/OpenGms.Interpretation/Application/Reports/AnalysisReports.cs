using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Application.Reports;

/// <summary>Writes an <see cref="AnalysisResult"/> as JSON (docs/interpretation.md has the schema) or as the HTML report for the MDT.</summary>
public static class AnalysisReports
{
    /// <summary>Schema version of the JSON output.</summary>
    public const int JsonSchemaVersion = 1;

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },

        // HGVS keeps its ">" rather than "\u003E": the output is a data file, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The result as indented JSON.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="top">Candidates kept (0 = all).</param>
    /// <returns>JSON text.</returns>
    public static string ToJson(AnalysisResult result, int top = 0)
    {
        ArgumentNullException.ThrowIfNull(result);
        IReadOnlyList<Candidate> candidates = top > 0 ? result.Candidates.Take(top).ToList() : result.Candidates;
        var shape = new
        {
            schemaVersion = JsonSchemaVersion,
            caseId = result.CaseId,
            proband = result.Proband,
            family = result.Family,
            hpoTerms = result.HpoTerms,
            excludedHpoTerms = result.ExcludedHpoTerms,
            testCode = result.TestCode,
            genomeBuild = result.GenomeBuild,
            panel = result.Panel is null ? null : new { id = result.Panel.PanelId, name = result.Panel.Name, version = result.Panel.Version, greenGenes = result.Panel.Genes.Count(g => g.Confidence == PanelConfidence.Green), genes = result.Panel.Genes.Count },
            filters = result.Filters,
            candidateCount = result.Candidates.Count,
            candidates,
            notTested = result.NotTested,
            dataVersions = result.DataVersions,
        };
        return JsonSerializer.Serialize(shape, s_json);
    }

    /// <summary>The HTML report for the multidisciplinary team meeting.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="generated">When it was made.</param>
    /// <param name="topCandidates">How many candidates get a full evidence section.</param>
    /// <returns>A self-contained HTML page.</returns>
    public static string ToHtml(AnalysisResult result, DateTimeOffset generated, int topCandidates = 5)
    {
        ArgumentNullException.ThrowIfNull(result);
        var h = new StringBuilder(32 * 1024);
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rare disease interpretation: ").Append(E(result.CaseId)).Append("</title>");
        h.Append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:75em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eef}.t1{background:#fdd}.t2{background:#ffd}.t3{background:#eef8ee}.met{font-weight:bold}.small{font-size:.85em;color:#444}</style></head><body>");
        h.Append("<h1>Rare disease interpretation report</h1>");
        h.Append(CultureInfo.InvariantCulture, $"<p class=\"small\">Generated {E(generated.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))} by OpenGMS. For review by a clinical scientist; not a clinical report.</p>");

        h.Append("<h2>Case</h2><table>");
        Row(h, "Case", result.CaseId);
        Row(h, "Proband", result.Proband);
        Row(h, "Test", result.TestCode ?? "not given");
        Row(h, "Genome build", result.GenomeBuild ?? "not recorded");
        Row(h, "HPO terms", result.HpoTerms.Count == 0 ? "none" : string.Join(", ", result.HpoTerms));
        if (result.ExcludedHpoTerms.Count > 0)
        {
            Row(h, "Excluded HPO terms (not scored)", string.Join(", ", result.ExcludedHpoTerms));
        }

        h.Append("</table><h3>Family</h3><table><tr><th>Member</th><th>Sex</th><th>Affected</th><th>Father</th><th>Mother</th></tr>");
        foreach (Domain.FamilyMember m in result.Family)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(m.Id)}</td><td>{m.Sex}</td><td>{m.Affected}</td><td>{E(m.FatherId ?? "-")}</td><td>{E(m.MotherId ?? "-")}</td></tr>");
        }

        h.Append("</table><h2>Panel applied</h2>");
        if (result.Panel is null)
        {
            h.Append("<p>No panel: every candidate is outside a panel (tier 3 at most).</p>");
        }
        else
        {
            int green = result.Panel.Genes.Count(g => g.Confidence == PanelConfidence.Green);
            h.Append(CultureInfo.InvariantCulture, $"<p>{E(result.Panel.Name)} (PanelApp id {result.Panel.PanelId}), version {E(result.Panel.Version)}{(result.Panel.SignedOff ? ", signed off" : string.Empty)}: {green} green gene(s).</p>");
        }

        h.Append("<h2>Filtering</h2><table><tr><th>Step</th><th>In</th><th>Kept</th><th>Rule</th></tr>");
        foreach (FilterStep f in result.Filters)
        {
            h.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Step)}</td><td>{f.In:N0}</td><td>{f.Out:N0}</td><td>{E(f.Rule)}</td></tr>");
        }

        h.Append("</table><h2>Tiered variants</h2>");
        List<Candidate> tiered = result.Candidates.Where(c => c.Tier is not null).OrderBy(c => c.Tier).ThenBy(c => c.Rank).ToList();
        if (tiered.Count == 0)
        {
            h.Append("<p>No tiered variants.</p>");
        }
        else
        {
            h.Append("<table><tr><th>Tier</th><th>Rank</th><th>Gene</th><th>Variant</th><th>HGVS</th><th>Consequence</th><th>Genotypes</th><th>Inheritance</th><th>ACMG</th></tr>");
            foreach (Candidate c in tiered)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr class=\"t{c.Tier}\"><td>{c.Tier}</td><td>{c.Rank}</td><td>{E(c.Gene)}</td><td>{E(c.Variant)}</td><td>{E(c.HgvsC ?? c.HgvsG ?? string.Empty)}<br>{E(c.HgvsP ?? string.Empty)}</td><td>{E(c.Consequence)}{E(SvText(c))}</td><td>{E(Genotypes(c))}</td><td>{E(string.Join(", ", c.Inheritance))}</td><td>{E(c.AcmgClass)} ({c.AcmgPoints})</td></tr>");
            }

            h.Append("</table>");
        }

        List<Candidate> structural = result.Candidates.Where(c => c.StructuralVariant is not null).ToList();
        if (structural.Count > 0)
        {
            h.Append("<h2>Structural variants and copy-number changes</h2><table><tr><th>Rank</th><th>Type</th><th>Location</th><th>Size</th><th>Genes</th><th>Gene assessed</th><th>Exons</th><th>Consequence</th><th>Genotypes</th><th>Tier</th><th>ACMG</th></tr>");
            foreach (Candidate c in structural)
            {
                StructuralVariantView sv = c.StructuralVariant!;
                h.Append(CultureInfo.InvariantCulture, $"<tr class=\"t{c.Tier}\"><td>{c.Rank}</td><td>{E(sv.Type)}</td><td>{E(c.Chrom)}:{sv.Start:N0}-{sv.End:N0}</td><td>{E(StructuralVariants.Size(sv.Length))}</td><td>{E(string.Join(", ", sv.Genes))}</td><td>{E(c.Gene)}</td><td>{E(sv.Exons ?? "-")}</td><td>{E(c.Consequence)}</td><td>{E(Genotypes(c))}</td><td>{E(c.Tier?.ToString(CultureInfo.InvariantCulture) ?? "-")}</td><td>{E(c.AcmgClass)} ({c.AcmgPoints})</td></tr>");
            }

            h.Append("</table>");
        }

        h.Append("<h2>Top candidates</h2>");
        foreach (Candidate c in result.Candidates.Take(topCandidates))
        {
            h.Append(CultureInfo.InvariantCulture, $"<h3>{c.Rank}. {E(c.Gene)} {E(c.HgvsC ?? c.Variant)} {E(c.HgvsP ?? string.Empty)}</h3>");
            h.Append("<table>");
            Row(h, "Variant", $"{c.Variant} ({c.HgvsG})");
            Row(h, "Transcript", c.Transcript ?? "-");
            Row(h, "Consequence", c.Consequence);
            if (c.StructuralVariant is StructuralVariantView view)
            {
                Row(h, "Structural variant", $"{view.Type} {c.Chrom}:{view.Start.ToString(CultureInfo.InvariantCulture)}-{view.End.ToString(CultureInfo.InvariantCulture)}, {StructuralVariants.Size(view.Length)}; genes {string.Join(", ", view.Genes)}; exons {view.Exons ?? "none"}");
            }
            Row(h, "Genotypes", Genotypes(c));
            Row(h, "Inheritance", string.Join(", ", c.Inheritance) + (c.CompoundHetPartner is null ? string.Empty : " with " + c.CompoundHetPartner));
            Row(h, "Gene mode of inheritance", c.GeneModeOfInheritance ?? "not in panel");
            Row(h, "Tier", c.TierReason);
            Row(h, "Population frequency", c.Frequency?.ToString("G3", CultureInfo.InvariantCulture) ?? "not found");
            Row(h, "ClinVar", c.ClinVar ?? "not listed / no source");
            Row(h, "ACMG", $"{c.AcmgClass}, {c.AcmgPoints} points (Tavtigian 2020)");
            Row(h, "Phenotype", c.PhenotypeExplanation is null ? c.PhenotypeScore.ToString("0.00", CultureInfo.InvariantCulture) : $"{c.PhenotypeScore:0.00}: {c.PhenotypeExplanation}");
            Row(h, "Score", $"{c.Score:0.000} (variant {c.VariantScore:0.000})");
            h.Append("</table><table><tr><th>Criterion</th><th>Met</th><th>Evidence</th></tr>");
            foreach (CriterionView v in c.AcmgCriteria)
            {
                h.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"{(v.Met ? "met" : string.Empty)}\">{E(v.Criterion)}</td><td>{(v.Met ? "yes" : "no")}</td><td>{E(v.Evidence)}</td></tr>");
            }

            h.Append("</table><p class=\"small\">Not evaluated: ").Append(E(string.Join("; ", c.AcmgNotEvaluated.Select(kv => kv.Key + " (" + kv.Value + ")")))).Append("</p>");
        }

        h.Append("<h2>What was not tested</h2><ul>");
        foreach (string n in result.NotTested)
        {
            h.Append("<li>").Append(E(n)).Append("</li>");
        }

        h.Append("</ul><h2>Data versions</h2><table>");
        foreach ((string k, string v) in result.DataVersions)
        {
            Row(h, k, v);
        }

        h.Append("</table></body></html>\n");
        return h.ToString();
    }

    private static string SvText(Candidate c) => c.StructuralVariant is null ? string.Empty : $" ({c.StructuralVariant.Type}, {StructuralVariants.Size(c.StructuralVariant.Length)})";

    private static string Genotypes(Candidate c) => string.Join("; ", c.Genotypes.Select(g => $"{g.Member} ({g.Affected}) {g.Genotype} {g.Call}"));

    private static void Row(StringBuilder h, string key, string value) => h.Append("<tr><th>").Append(E(key)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
