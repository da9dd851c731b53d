using System.Text.RegularExpressions;

namespace OpenGms.Directory.Domain;

/// <summary>
/// The controlled vocabulary a published test method is normalised to. The published text is always kept beside it;
/// "WES or Large panel" normalises to two methods. Text forms are kebab-case (<see cref="TestMethods.ToText"/>).
/// </summary>
public enum TestMethod
{
    /// <summary>Sequencing of one gene (any amplicon count).</summary>
    SingleGene,

    /// <summary>A small NGS panel.</summary>
    SmallPanel,

    /// <summary>A medium NGS panel.</summary>
    MediumPanel,

    /// <summary>A large NGS panel.</summary>
    LargePanel,

    /// <summary>An NGS panel of unstated size (the cancer directory's "Panel").</summary>
    Panel,

    /// <summary>Whole exome sequencing.</summary>
    Wes,

    /// <summary>Whole genome sequencing.</summary>
    Wgs,

    /// <summary>Exon-level copy-number detection by MLPA or equivalent.</summary>
    Mlpa,

    /// <summary>Karyotype (or equivalent).</summary>
    Karyotype,

    /// <summary>Microarray / array CGH / SNP array.</summary>
    ArrayCgh,

    /// <summary>Fluorescence in situ hybridisation.</summary>
    Fish,

    /// <summary>Methylation testing (targeted or array).</summary>
    Methylation,

    /// <summary>Short tandem repeat (repeat expansion) testing.</summary>
    Str,

    /// <summary>Targeted variant / mutation testing (simple or complex).</summary>
    TargetedMutation,

    /// <summary>RT-PCR for fusion transcripts.</summary>
    RtPcr,

    /// <summary>QF-PCR, including common aneuploidy testing.</summary>
    QfPcr,

    /// <summary>Microsatellite instability analysis.</summary>
    Msi,

    /// <summary>Non-invasive prenatal diagnosis.</summary>
    Nipd,

    /// <summary>Linkage analysis.</summary>
    Linkage,

    /// <summary>Identity (sample tracking) testing.</summary>
    Identity,

    /// <summary>X-inactivation studies.</summary>
    XInactivation,

    /// <summary>Uniparental disomy testing.</summary>
    Upd,

    /// <summary>DNA repair defect (chromosome breakage) testing.</summary>
    DnaRepair,

    /// <summary>Anything the directory calls "Other", "Multiple", or that is not recognised.</summary>
    Other,
}

/// <summary>Normalises published test-method text to <see cref="TestMethod"/> values, and names them.</summary>
public static partial class TestMethods
{
    private static readonly string[] s_texts =
    [
        "single-gene", "small-panel", "medium-panel", "large-panel", "panel", "wes", "wgs", "mlpa", "karyotype",
        "array-cgh", "fish", "methylation", "str", "targeted-mutation", "rt-pcr", "qf-pcr", "msi", "nipd", "linkage",
        "identity", "x-inactivation", "upd", "dna-repair", "other",
    ];

    /// <summary>The kebab-case text form, e.g. <c>small-panel</c>.</summary>
    public static string ToText(this TestMethod method) => s_texts[(int)method];

    /// <summary>Parses a text form; null when unknown.</summary>
    public static TestMethod? Parse(string text)
    {
        int index = Array.IndexOf(s_texts, text);
        return index < 0 ? null : (TestMethod)index;
    }

    /// <summary>A display label, e.g. "Small panel", "WES".</summary>
    public static string Label(this TestMethod method) => method switch
    {
        TestMethod.Wes => "WES",
        TestMethod.Wgs => "WGS",
        TestMethod.Mlpa => "MLPA",
        TestMethod.ArrayCgh => "Array CGH",
        TestMethod.Fish => "FISH",
        TestMethod.Str => "STR",
        TestMethod.RtPcr => "RT-PCR",
        TestMethod.QfPcr => "QF-PCR",
        TestMethod.Msi => "MSI",
        TestMethod.Nipd => "NIPD",
        TestMethod.Upd => "UPD",
        TestMethod.Other => "Other",
        _ => char.ToUpperInvariant(method.ToText()[0]) + method.ToText()[1..].Replace('-', ' '),
    };

    /// <summary>
    /// Normalises <paramref name="published"/> (e.g. "WES or Medium panel", "FISH/Simple targeted mutation testing").
    /// Returns the methods in published order without duplicates; <paramref name="recognised"/> is false when some
    /// alternative matched nothing (it is then mapped to <see cref="TestMethod.Other"/>) so importers can warn.
    /// </summary>
    public static IReadOnlyList<TestMethod> Normalise(string? published, out bool recognised)
    {
        recognised = true;
        var result = new List<TestMethod>(2);
        if (string.IsNullOrWhiteSpace(published))
        {
            recognised = false;
            result.Add(TestMethod.Other);
            return result;
        }

        foreach (string part in Alternatives().Split(published.ToLowerInvariant()))
        {
            string text = part.Trim();
            if (text.StartsWith("equivalent", StringComparison.Ordinal))
            {
                // "Karyotype or equivalent i.e. SNP array": what follows "equivalent" may name a method of its own.
                text = text["equivalent".Length..].Trim();
                text = text.StartsWith("i.e.", StringComparison.Ordinal) ? text[4..].Trim() : text;
            }

            if (text.Length == 0)
            {
                continue;
            }

            TestMethod? method = Classify(text);
            if (method is null)
            {
                recognised = false;
                method = TestMethod.Other;
            }

            if (!result.Contains(method.Value))
            {
                result.Add(method.Value);
            }
        }

        if (result.Count == 0)
        {
            recognised = false;
            result.Add(TestMethod.Other);
        }

        return result;
    }

    private static TestMethod? Classify(string text)
    {
        // Order matters: the more specific phrase first ("methylation array" is methylation, not an array).
        if (Word(text, "wes") || text.Contains("exome", StringComparison.Ordinal)) return TestMethod.Wes;
        if (Word(text, "wgs") || text.Contains("whole genome sequencing", StringComparison.Ordinal)) return TestMethod.Wgs;
        if (text.Contains("methylation", StringComparison.Ordinal)) return TestMethod.Methylation;
        if (text.Contains("mlpa", StringComparison.Ordinal) || text.Contains("exon level cnv", StringComparison.Ordinal)) return TestMethod.Mlpa;
        if (PanelWord().IsMatch(text))
        {
            if (text.Contains("small", StringComparison.Ordinal)) return TestMethod.SmallPanel;
            if (text.Contains("medium", StringComparison.Ordinal)) return TestMethod.MediumPanel;
            if (text.Contains("large", StringComparison.Ordinal)) return TestMethod.LargePanel;
            return TestMethod.Panel;
        }

        if (text.Contains("single gene", StringComparison.Ordinal)) return TestMethod.SingleGene;
        if (text.Contains("karyotype", StringComparison.Ordinal)) return TestMethod.Karyotype;
        if (text.Contains("array", StringComparison.Ordinal) || Word(text, "cgh")) return TestMethod.ArrayCgh;
        if (Word(text, "fish")) return TestMethod.Fish;
        if (Word(text, "str") || text.Contains("repeat", StringComparison.Ordinal)) return TestMethod.Str;
        if (text.Contains("targeted", StringComparison.Ordinal) || text.Contains("mutation testing", StringComparison.Ordinal)) return TestMethod.TargetedMutation;
        if (text.Contains("rt-pcr", StringComparison.Ordinal)) return TestMethod.RtPcr;
        if (text.Contains("qf-pcr", StringComparison.Ordinal) || text.Contains("aneuploidy", StringComparison.Ordinal)) return TestMethod.QfPcr;
        if (text.Contains("microsatellite", StringComparison.Ordinal) || Word(text, "msi")) return TestMethod.Msi;
        if (Word(text, "nipd")) return TestMethod.Nipd;
        if (text.Contains("linkage", StringComparison.Ordinal)) return TestMethod.Linkage;
        if (text.Contains("identity", StringComparison.Ordinal)) return TestMethod.Identity;
        if (text.Contains("x-inactivation", StringComparison.Ordinal)) return TestMethod.XInactivation;
        if (Word(text, "upd")) return TestMethod.Upd;
        if (text.Contains("dna repair", StringComparison.Ordinal)) return TestMethod.DnaRepair;
        if (text is "other" or "multiple") return TestMethod.Other;
        return null;
    }

    private static bool Word(string text, string word) =>
        Regex.IsMatch(text, $@"(^|[^a-z]){Regex.Escape(word)}([^a-z]|$)", RegexOptions.CultureInvariant);

    // Alternatives are separated by " or ", "/", " / " or ";" ("WES or Medium panel", "FISH/Simple targeted mutation testing").
    [GeneratedRegex(@"\s+or\s+|\s*/\s*|;", RegexOptions.CultureInvariant)]
    private static partial Regex Alternatives();

    // "panel", and the published typo "penel" ("WES or Large penel").
    [GeneratedRegex(@"\bp[ae]nel\b", RegexOptions.CultureInvariant)]
    private static partial Regex PanelWord();
}
