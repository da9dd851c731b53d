using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenGms.Directory.Domain;

/// <summary>What a target points at.</summary>
public enum TargetKind
{
    /// <summary>A PanelApp panel, by its numeric id (resolved to genes through the panels module).</summary>
    PanelAppPanel,

    /// <summary>One gene named explicitly (HGNC symbol and/or id).</summary>
    Gene,

    /// <summary>Genome-wide or gene-agnostic (e.g. "Genomewide", "Trio gene agnostic", WGS "All including burden").</summary>
    GeneAgnostic,
}

/// <summary>
/// One target of a test. Invariant: a panel target has <see cref="PanelId"/>; a gene target has a symbol or an HGNC id.
/// </summary>
/// <param name="Kind">What it points at.</param>
/// <param name="PanelId">PanelApp panel id (panel targets).</param>
/// <param name="Name">The panel's name as published, or null.</param>
/// <param name="Symbol">HGNC symbol (gene targets), upper case as published.</param>
/// <param name="HgncId">HGNC id such as <c>HGNC:6547</c>, when the source gives it.</param>
public sealed record TestTarget(TargetKind Kind, int? PanelId, string? Name, string? Symbol, string? HgncId)
{
    /// <summary>A PanelApp panel target.</summary>
    public static TestTarget Panel(int id, string? name) => new(TargetKind.PanelAppPanel, id, name, null, null);

    /// <summary>An explicit gene target.</summary>
    public static TestTarget Gene(string? symbol, string? hgncId)
    {
        if (symbol is null && hgncId is null)
        {
            throw new ArgumentException("A gene target needs a symbol or an HGNC id.", nameof(symbol));
        }

        return new(TargetKind.Gene, null, null, symbol, hgncId);
    }

    /// <summary>The gene-agnostic target.</summary>
    public static TestTarget GeneAgnostic { get; } = new(TargetKind.GeneAgnostic, null, null, null, null);
}

/// <summary>Reads the published "Target/Genes" text of a test into targets. The published text is always kept as well.</summary>
public static partial class TargetText
{
    // Words that look like gene symbols in the published text but are not genes.
    private static readonly HashSet<string> s_notGenes = new(StringComparer.Ordinal)
    {
        "AS", "PWS", "AZF", "STR", "CNV", "CNVS", "SNP", "SNV", "DNA", "RNA", "NGS", "WGS", "WES", "FISH", "MLPA", "PCR",
        "RT", "QF", "NA", "N", "A", "ALL", "OR", "AND", "CGH", "ID", "UPD", "NIPD", "MSI", "IHC", "GMS", "NHS", "TD", "ITD",
        "TKD", "PTD", "X", "Y", "XY", "XX", "HLA", "MRD", "VNTR", "CPG", "I", "II", "III", "IV", "V", "MT", "PAR1", "PAR2",
        "LHON", "MERRF", "MELAS", "NARP", "DMR", "ORF15", "V600", "RT-PCR", "QF-PCR", "SNPS",
    };

    /// <summary>
    /// Parses <paramref name="published"/>: PanelApp references "Name (123)", else gene symbols (split on commas,
    /// semicolons, slashes and spaces; fusions "PAX3-FOXO1" give both partners), else gene-agnostic phrases.
    /// Returns an empty list when the text names none of these (it stays on the test as published text).
    /// </summary>
    public static IReadOnlyList<TestTarget> Parse(string? published)
    {
        var targets = new List<TestTarget>();
        if (string.IsNullOrWhiteSpace(published))
        {
            return targets;
        }

        string text = published.Replace('\u00a0', ' ').Trim();
        // Each "(123)" is a panel id; its name is the text since the previous reference or ';' (linear scan, no
        // nested quantifiers: cancer target texts are long and full of parentheses).
        int nameStart = 0;
        foreach (Match match in PanelId().Matches(text))
        {
            int id = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            string before = text[nameStart..match.Index];
            int semicolon = before.LastIndexOf(';');
            string name = (semicolon >= 0 ? before[(semicolon + 1)..] : before).Trim().TrimStart(',', ' ').Trim();
            nameStart = match.Index + match.Length;
            if (!targets.Exists(t => t.PanelId == id))
            {
                targets.Add(TestTarget.Panel(id, name.Length == 0 ? null : name));
            }
        }

        if (targets.Count > 0)
        {
            return targets;
        }

        string lower = text.ToLowerInvariant();
        if (lower.Contains("genomewide", StringComparison.Ordinal) || lower.Contains("genome-wide", StringComparison.Ordinal)
            || lower.Contains("genome wide", StringComparison.Ordinal) || lower.Contains("agnostic", StringComparison.Ordinal)
            || lower.StartsWith("all including", StringComparison.Ordinal))
        {
            targets.Add(TestTarget.GeneAgnostic);
            return targets;
        }

        foreach (string symbol in GeneSymbols(text))
        {
            if (!targets.Exists(t => t.Symbol == symbol))
            {
                targets.Add(TestTarget.Gene(symbol, null));
            }
        }

        return targets;
    }

    /// <summary>The gene symbols in free text, in order, without duplicates.</summary>
    public static IEnumerable<string> GeneSymbols(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (string raw in Separators().Split(text))
        {
            string token = raw.Trim('(', ')', '[', ']', '.', ':', '*', '\'', '"');
            if (token.Length == 0)
            {
                continue;
            }

            if (IsGeneSymbol(token))
            {
                yield return token;
                continue;
            }

            // A fusion written with a hyphen: both partners, when both look like genes.
            int dash = token.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && IsGeneSymbol(token[..dash]) && IsGeneSymbol(token[(dash + 1)..]))
            {
                yield return token[..dash];
                yield return token[(dash + 1)..];
            }
        }
    }

    private static bool IsGeneSymbol(string token) =>
        token.Length >= 2 && GeneLike().IsMatch(token) && !s_notGenes.Contains(token) && !CodeLike().IsMatch(token);

    // The id of "Hearing loss (126)", "Familial hypercholesterolaemia – targeted panel (772)".
    [GeneratedRegex(@"\((\d{1,6})\)", RegexOptions.CultureInvariant)]
    private static partial Regex PanelId();

    [GeneratedRegex(@"[\s,;/+&]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    // HGNC symbols: upper-case letters and digits, optionally with "orf" (C11orf95) or an antisense suffix (-AS1); the
    // only hyphenated families kept whole are HLA-* and MT-* (other hyphens join fusion partners: TCF3-HLF).
    [GeneratedRegex(@"^(?:[A-Z][A-Z0-9]*(?:orf[0-9]+[A-Z0-9]*)?(?:-AS[0-9])?|(?:HLA|MT)-[A-Z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneLike();

    // Directory codes (R134, M80), chromosome bands and UPD of a chromosome (UPD14) are not genes.
    [GeneratedRegex(@"^(?:[RM][0-9]+|[0-9XY]+[PQ][0-9.]*|UPD[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeLike();
}
