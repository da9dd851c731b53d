namespace OpenGms.Genomics.Validation;

/// <summary>
/// Collects issues: every issue is counted by code, and the first <see cref="MaxKeptPerCode"/> of each code are kept
/// (a file with a million bad lines must not need a million objects).
/// </summary>
public sealed class VcfIssueSink
{
    private readonly List<VcfIssue> _kept = [];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Creates a sink that keeps at most <paramref name="maxKeptPerCode"/> issues of each code.</summary>
    public VcfIssueSink(int maxKeptPerCode = 100)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxKeptPerCode);
        MaxKeptPerCode = maxKeptPerCode;
    }

    /// <summary>How many issues of one code are kept; the rest are only counted.</summary>
    public int MaxKeptPerCode { get; }

    /// <summary>The kept issues, in the order found.</summary>
    public IReadOnlyList<VcfIssue> Issues => _kept;

    /// <summary>Count of issues by code, including those not kept.</summary>
    public IReadOnlyDictionary<string, long> CountsByCode => _counts;

    /// <summary>Number of issues with severity <see cref="VcfSeverity.Error"/>.</summary>
    public long ErrorCount { get; private set; }

    /// <summary>Number of issues with severity <see cref="VcfSeverity.Warning"/>.</summary>
    public long WarningCount { get; private set; }

    /// <summary>Number of issues with severity <see cref="VcfSeverity.Note"/>.</summary>
    public long NoteCount { get; private set; }

    /// <summary>Records an issue.</summary>
    public void Add(VcfIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        switch (issue.Severity)
        {
            case VcfSeverity.Error:
                ErrorCount++;
                break;
            case VcfSeverity.Warning:
                WarningCount++;
                break;
            default:
                NoteCount++;
                break;
        }

        _counts.TryGetValue(issue.Code, out long n);
        _counts[issue.Code] = n + 1;
        if (n < MaxKeptPerCode)
        {
            _kept.Add(issue);
        }
    }

    /// <summary>Records an issue built from its parts.</summary>
    public void Add(string code, VcfSeverity severity, long line, int column, string field, string message) =>
        Add(new VcfIssue(code, severity, line, column, field, message));

    /// <summary>True when any issue of <paramref name="code"/> was recorded.</summary>
    public bool Has(string code) => _counts.ContainsKey(code);
}
