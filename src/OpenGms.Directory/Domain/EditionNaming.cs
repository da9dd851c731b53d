using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenGms.Directory.Domain;

/// <summary>Reads an edition's version and publication month from its title text and file name.</summary>
public static partial class EditionNaming
{
    private static readonly string[] s_months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    /// <summary>
    /// The version: "v5.1"/"version 5.1" in the texts (title first, then file name), else a year range "2020/2021" or
    /// "2020-21" as <c>2020-21</c>; null when none.
    /// </summary>
    public static string? Version(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (string? text in texts)
        {
            if (text is null)
            {
                continue;
            }

            Match v = VersionNumber().Match(text);
            if (v.Success)
            {
                return v.Groups[1].Value;
            }
        }

        foreach (string? text in texts)
        {
            if (text is null)
            {
                continue;
            }

            Match y = YearRange().Match(text);
            if (y.Success)
            {
                string second = y.Groups[2].Value;
                return $"{y.Groups[1].Value}-{second[^2..]}";
            }
        }

        return null;
    }

    /// <summary>The first "Month YYYY" in the texts, as the first day of that month; null when none.</summary>
    public static DateOnly? PublishedOn(params string?[] texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (string? text in texts)
        {
            if (text is null)
            {
                continue;
            }

            Match m = MonthYear().Match(text);
            if (m.Success)
            {
                int month = Array.IndexOf(s_months, m.Groups[1].Value.ToLowerInvariant()) + 1;
                int year = int.Parse(m.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
                return new DateOnly(year, month, 1);
            }
        }

        return null;
    }

    /// <summary>The key of an edition: <c>rd-5.1</c>, <c>cancer-2020-21</c>, with a suffix for derived sources.</summary>
    public static string Key(EditionKind kind, string version, string? suffix = null) =>
        kind.KeyPrefix() + "-" + version.ToLowerInvariant() + (suffix is null ? string.Empty : "-" + suffix);

    [GeneratedRegex(@"(?:^|[^a-z])v(?:ersion)?[\s_-]*(\d+(?:\.\d+)*)(?![\d-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VersionNumber();

    [GeneratedRegex(@"(20\d\d)\s*[/-]\s*((?:20)?\d\d)(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearRange();

    [GeneratedRegex(@"(January|February|March|April|May|June|July|August|September|October|November|December)[\s_-]+(20\d\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
