using System.Text.Json;
using OpenGms.Cases.Contracts;
using OpenGms.Cases.Domain;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Cases.Application;

/// <summary>Reads the pipelines' results (analysis JSON schema v1; PGx report JSON lines) for review.</summary>
internal static class AnalysisResults
{
    internal sealed record CriterionRow(string Criterion, bool Met, string Strength, string? Evidence, bool Overridden);

    internal sealed record Candidate(
        string Key, int Rank, string Gene, string Variant, string Chrom, long Position, string Ref, string Alt, string? Transcript,
        string? HgvsG, string? HgvsC, string? HgvsP, string? Consequence, int? Tier, string? TierReason, IReadOnlyList<GenotypeView> Genotypes,
        IReadOnlyList<string> Inheritance, double? PhenotypeScore, double? Score, string AcmgClass, int AcmgPoints, IReadOnlyList<CriterionRow> Criteria,
        string? Explanation, string? HgncId = null);

    internal sealed record Parsed(string? GenomeBuild, int CandidateCount, IReadOnlyList<Candidate> Candidates);

    public static Parsed ParseRareDisease(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Parsed(null, 0, []);
        }

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        var list = new List<Candidate>();
        if (root.TryGetProperty("candidates", out JsonElement candidates))
        {
            foreach (JsonElement c in candidates.EnumerateArray())
            {
                string gene = Text(c, "gene") ?? string.Empty;
                string variant = Text(c, "variant") ?? string.Empty;
                var genotypes = new List<GenotypeView>();
                if (c.TryGetProperty("genotypes", out JsonElement gts))
                {
                    foreach (JsonElement g in gts.EnumerateArray())
                    {
                        genotypes.Add(new GenotypeView(Text(g, "member") ?? string.Empty, Text(g, "genotype") ?? string.Empty, Text(g, "call") ?? string.Empty, Text(g, "affected") ?? string.Empty));
                    }
                }

                var criteria = new List<CriterionRow>();
                if (c.TryGetProperty("acmgCriteria", out JsonElement crit))
                {
                    foreach (JsonElement k in crit.EnumerateArray())
                    {
                        criteria.Add(new CriterionRow(Text(k, "criterion") ?? string.Empty, k.TryGetProperty("met", out JsonElement m) && m.ValueKind == JsonValueKind.True, Text(k, "strength") ?? "Supporting", Text(k, "evidence"), k.TryGetProperty("overridden", out JsonElement o) && o.ValueKind == JsonValueKind.True));
                    }
                }

                list.Add(new Candidate(
                    gene + ":" + variant, Int(c, "rank") ?? 0, gene, variant, Text(c, "chrom") ?? string.Empty, Long(c, "position") ?? 0, Text(c, "ref") ?? string.Empty,
                    Text(c, "alt") ?? string.Empty, Text(c, "transcript"), Text(c, "hgvsG"), Text(c, "hgvsC"), Text(c, "hgvsP"), Text(c, "consequence"),
                    Int(c, "tier"), Text(c, "tierReason"), genotypes, Strings(c, "inheritance"), Double(c, "phenotypeScore"), Double(c, "score"),
                    Text(c, "acmgClass") ?? "VUS", Int(c, "acmgPoints") ?? 0, criteria, Text(c, "explanation"), Text(c, "hgncId")));
            }
        }

        return new Parsed(Text(root, "genomeBuild"), Int(root, "candidateCount") ?? list.Count, list);
    }

    public static CandidateReviewView WithReview(Candidate c, VariantReview? review)
    {
        IReadOnlyList<CriterionReviewView> criteria = c.Criteria.Select(k => new CriterionReviewView(k.Criterion, k.Met, k.Strength, k.Evidence, k.Overridden)).ToList();
        int points = c.AcmgPoints;
        string cls = c.AcmgClass;
        if (review is not null)
        {
            List<CriterionChange> changes = JsonSerializer.Deserialize<List<CriterionChange>>(review.CriteriaChanges, CaseService.Json) ?? [];
            Interpretation.Contracts.AcmgCombination combined = Interpretation.Contracts.AcmgCombiner.Combine(
                c.Criteria.Select(k => new Interpretation.Contracts.AcmgCriterionInput(k.Criterion, k.Met, k.Strength)).ToList(),
                changes.Select(k => new Interpretation.Contracts.AcmgCriterionChange(k.Criterion, k.Met, k.Strength)).ToList()).Value;
            var evidence = c.Criteria.ToDictionary(k => Base(k.Criterion), k => k.Evidence, StringComparer.Ordinal);
            criteria = combined.Criteria.Select(k => new CriterionReviewView(
                k.Criterion, k.Met, k.Strength,
                k.Overridden ? $"{evidence.GetValueOrDefault(Base(k.Criterion)) ?? "not evaluated automatically"} | changed by {review.ReviewedBy}: {review.Reason}" : evidence.GetValueOrDefault(Base(k.Criterion)),
                k.Overridden)).ToList();
            points = review.Points;
            cls = review.FinalClass;
        }

        return new CandidateReviewView(
            c.Key, c.Rank, c.Gene, c.Variant, c.Chrom, c.Position, c.Ref, c.Alt, c.Transcript, c.HgvsG, c.HgvsC, c.HgvsP, c.Consequence, c.Tier,
            c.TierReason, c.Genotypes, c.Inheritance, c.PhenotypeScore, c.Score, c.AcmgClass, c.AcmgPoints, criteria, cls, points,
            review?.ClassOverride, review?.Reported ?? false, review?.ReviewedBy, review?.Reason, c.Explanation, c.HgncId);
    }

    public static (IReadOnlyList<PgxGeneResultView>, IReadOnlyList<PgxDrugResultView>) ParsePgx(string? lines, string? sample)
    {
        if (string.IsNullOrWhiteSpace(lines))
        {
            return ([], []);
        }

        var reports = new List<PgxReport>();
        foreach (string line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            PgxReport? report = JsonSerializer.Deserialize(line, PgxJsonContext.Default.PgxReport);
            if (report is not null)
            {
                reports.Add(report);
            }
        }

        PgxReport? chosen = reports.FirstOrDefault(r => r.Sample == sample) ?? reports.FirstOrDefault();
        if (chosen is null)
        {
            return ([], []);
        }

        return (
            chosen.Genes.Where(g => g.Called).Select(g => new PgxGeneResultView(g.Gene, Join(g.Diplotypes), Join(g.Phenotypes), g.ActivityScore)).ToList(),
            chosen.Drugs.Select(d => new PgxDrugResultView(d.Drug, d.Source, d.Recommendation, d.Implications, d.Classification)).ToList());
    }

    /// <summary>Zygosity from a VCF genotype: one allele called on X/Y/MT is hemizygous.</summary>
    public static string? Zygosity(string? genotype, string chrom)
    {
        if (string.IsNullOrEmpty(genotype))
        {
            return null;
        }

        string[] alleles = genotype.Split('/', '|');
        if (alleles.Length == 1)
        {
            return alleles[0] is "0" or "." ? null : "hemizygous";
        }

        int alt = alleles.Count(a => a is not ("0" or "."));
        string c = chrom.StartsWith("chr", StringComparison.OrdinalIgnoreCase) ? chrom[3..] : chrom;
        return alt switch
        {
            0 => null,
            1 => "heterozygous",
            _ when alleles.Distinct().Count() > 1 => "heterozygous",
            _ => c is "Y" or "MT" or "M" ? "homoplasmic" : "homozygous",
        };
    }

    private static string? Join(IReadOnlyList<string> values) => values.Count == 0 ? null : string.Join("; ", values);

    private static string Base(string label)
    {
        int i = label.IndexOf('_', StringComparison.Ordinal);
        return i > 0 ? label[..i] : label;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static long? Long(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    private static List<string> Strings(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(x => x.GetString() ?? string.Empty)] : [];
}
