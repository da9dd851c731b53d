using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>Collects coded issues while one file is read; stops collecting errors past a limit.</summary>
internal sealed class ImportContext(string file)
{
    private const int MaxIssues = 200;

    public string File { get; } = file;

    public List<ImportIssue> Issues { get; } = [];

    public bool HasErrors { get; private set; }

    public void Error(string code, string message, string? sheet = null, int? row = null, string? field = null)
    {
        HasErrors = true;
        if (Issues.Count < MaxIssues)
        {
            Issues.Add(new ImportIssue(code, message, File, sheet, row, field, IsError: true));
        }
    }

    public void Warning(string code, string message, string? sheet = null, int? row = null, string? field = null)
    {
        if (Issues.Count < MaxIssues)
        {
            Issues.Add(new ImportIssue(code, message, File, sheet, row, field, IsError: false));
        }
    }
}

/// <summary>Builds indications from rows in file order, enforcing unique test codes and code consistency.</summary>
internal sealed class IndicationBuilder(ImportContext context)
{
    private readonly Dictionary<string, Pending> _indications = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Pending> _order = [];
    private readonly Dictionary<string, string> _testSeen = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _order.Count;

    /// <summary>Adds a test under <paramref name="indicationCode"/>, creating the indication on first sight.</summary>
    public void Add(
        string indicationCode, string indicationName, string? group, string? category, DirectoryTest test,
        string? sheet, int row, string codeField)
    {
        if (_testSeen.TryGetValue(test.Code, out string? first))
        {
            context.Error(DirectoryIssueCodes.DuplicateTest, $"Test code {test.Code} appears again (first at {first}).", sheet, row, codeField);
            return;
        }

        _testSeen[test.Code] = (sheet is null ? string.Empty : sheet + " ") + "row " + row;
        if (!test.Code.StartsWith(indicationCode + ".", StringComparison.OrdinalIgnoreCase))
        {
            context.Error(DirectoryIssueCodes.CodeMismatch, $"Test code {test.Code} does not belong to indication {indicationCode}.", sheet, row, codeField);
            return;
        }

        if (!_indications.TryGetValue(indicationCode, out Pending? pending))
        {
            pending = new Pending(indicationCode, indicationName, group, category);
            _indications.Add(indicationCode, pending);
            _order.Add(pending);
        }
        else if (!string.Equals(pending.Name, indicationName, StringComparison.OrdinalIgnoreCase))
        {
            context.Warning(DirectoryIssueCodes.IndicationNameDiffers,
                $"Indication {indicationCode} is named \"{indicationName}\" here but \"{pending.Name}\" before; the first is kept.", sheet, row);
        }

        pending.Tests.Add(test);
    }

    public List<ClinicalIndication> Build()
    {
        var result = new List<ClinicalIndication>(_order.Count);
        foreach (Pending p in _order)
        {
            // An indication's eligibility: the text all its tests share (the cancer directory repeats it per test).
            string? eligibility = p.Tests.Count > 0 && p.Tests.TrueForAll(t => t.Eligibility == p.Tests[0].Eligibility)
                ? p.Tests[0].Eligibility
                : null;
            result.Add(new ClinicalIndication(p.Code, p.Name, p.Group, p.Category, eligibility, p.Tests));
        }

        return result;
    }

    private sealed class Pending(string code, string name, string? group, string? category)
    {
        public string Code { get; } = code;

        public string Name { get; } = name;

        public string? Group { get; } = group;

        public string? Category { get; } = category;

        public List<DirectoryTest> Tests { get; } = [];
    }
}

/// <summary>Text clean-up shared by the readers.</summary>
internal static class Cells
{
    /// <summary>Trims, turns non-breaking spaces into spaces and line ends into "\n"; null when blank.</summary>
    public static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string text = value.Replace('\u00a0', ' ').Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>A header cell's text reduced for matching: lower case, single spaces, no trailing colon.</summary>
    public static string HeaderKey(string? value)
    {
        string text = Clean(value) ?? string.Empty;
        text = string.Join(' ', text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return text.TrimEnd(':', ' ');
    }
}
