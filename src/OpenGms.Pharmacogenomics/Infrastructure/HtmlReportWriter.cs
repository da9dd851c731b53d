using System.Net;
using System.Text;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// A one-page report a pharmacist can read quickly: the genotype table, then drugs in three groups (change the
/// prescription, standard prescribing, see the guideline), each with the recommendation text and its source.
/// </summary>
internal static class HtmlReportWriter
{
    private static readonly (string Action, string Title)[] s_groups =
    [
        ("change", "Change or review the prescription"),
        ("see-guideline", "Read the guideline before prescribing"),
        ("standard", "Prescribe as standard"),
    ];

    /// <summary>The report styles, scoped to <c>.pgx-report</c> so a host page can include them beside its own.</summary>
    public const string Styles =
        ".pgx-report table{border-collapse:collapse;width:100%}"
        + ".pgx-report th,.pgx-report td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}.pgx-report th{background:#f2f2f2}"
        + ".pgx-report .uncalled{color:#888}.pgx-report .change{border-left:6px solid #c0392b}.pgx-report .see-guideline{border-left:6px solid #e67e22}"
        + ".pgx-report .standard{border-left:6px solid #27ae60}.pgx-report section{margin:1rem 0;padding-left:.8rem}.pgx-report small{color:#555}";

    /// <summary>The whole report as a self-contained page (what <c>gms pgx call --html</c> writes).</summary>
    public static string Render(PgxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pharmacogenomic report: ").Append(E(report.Sample)).Append("</title>\n");
        sb.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:70rem}").Append(Styles).Append("</style></head><body>\n");
        sb.Append("<h1>Pharmacogenomic report</h1>\n");
        AppendReport(sb, report);
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    /// <summary>The same report as an <c>article</c> for a host page (the web page <c>/pgx</c>), without page chrome.</summary>
    public static string RenderFragment(PgxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        AppendReport(sb, report);
        return sb.ToString();
    }

    private static void AppendReport(StringBuilder sb, PgxReport report)
    {
        sb.Append("<article class=\"pgx-report\" data-sample=\"").Append(E(report.Sample)).Append("\">\n<p>Sample <strong>").Append(E(report.Sample)).Append("</strong> &middot; definitions ")
          .Append(E(report.DefinitionsVersion)).Append(" &middot; GRCh38</p>\n");
        sb.Append("<h2>Genotypes</h2>\n<table><thead><tr><th>Gene</th><th>Genotype</th><th>Phenotype</th><th>Activity score</th><th>Source</th><th>Missing positions</th></tr></thead><tbody>\n");
        foreach (PgxGene gene in report.Genes)
        {
            sb.Append(gene.Called ? "<tr>" : "<tr class=\"uncalled\">")
              .Append("<td>").Append(E(gene.Gene)).Append("</td><td>")
              .Append(gene.Called ? string.Join("<br>", gene.Labels.Select(E)) : "Not called" + (gene.Note is null ? string.Empty : " <small>(" + E(gene.Note) + ")</small>"))
              .Append("</td><td>").Append(string.Join("<br>", gene.Phenotypes.Select(E)))
              .Append("</td><td>").Append(E(gene.ActivityScore ?? string.Empty))
              .Append("</td><td>").Append(E(gene.Source))
              .Append("</td><td>").Append(gene.MissingPositions.Count == 0 ? string.Empty : gene.MissingPositions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
              .Append("</td></tr>\n");
        }

        sb.Append("</tbody></table>\n<h2>Drugs</h2>\n");
        if (report.Drugs.Count == 0)
        {
            sb.Append("<p>No guideline recommendation matches this genotype.</p>\n");
        }

        foreach ((string action, string title) in s_groups)
        {
            List<PgxDrug> drugs = [.. report.Drugs.Where(d => d.Action == action)];
            if (drugs.Count == 0)
            {
                continue;
            }

            sb.Append("<h3>").Append(E(title)).Append(" (").Append(drugs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(")</h3>\n");
            foreach (PgxDrug drug in drugs)
            {
                sb.Append("<section class=\"").Append(action).Append("\"><strong>").Append(E(drug.Drug)).Append("</strong> <small>")
                  .Append(E(drug.Source)).Append(drug.Classification.Length > 0 ? " &middot; " + E(drug.Classification) : string.Empty)
                  .Append(" &middot; ").Append(E(string.Join(", ", drug.Genes.Select(g => g.Key + ": " + g.Value))))
                  .Append(drug.Population is null ? string.Empty : " &middot; " + E(drug.Population))
                  .Append("</small><p>").Append(E(drug.Recommendation).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
                if (drug.Implications.Count > 0)
                {
                    sb.Append("<p><small>").Append(string.Join("<br>", drug.Implications.Select(E))).Append("</small></p>");
                }

                sb.Append("</section>\n");
            }
        }

        sb.Append("<p><small>Calls follow PharmCAT's named-allele matching; positions with no data are listed, never assumed reference. ")
          .Append("CPIC content is CC0; DPWG content is PharmGKB/ClinPGx curation (CC BY-SA 4.0).</small></p>\n</article>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
