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

    /// <summary>
    /// When set, issues are appended here instead of being recorded: the parallel validator collects each batch's
    /// issues on its own and records them in file order (<see cref="Record"/>).
    /// </summary>
    internal List<CapturedIssue>? Capture { get; set; }

    /// <summary>Records an issue.</summary>
    public void Add(VcfIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        if (Capture is not null)
        {
            Capture.Add(new CapturedIssue(issue, null));
            return;
        }

        Record(issue);
    }

    /// <summary>
    /// Adds an issue that is reported once per file for <paramref name="onceKey"/> (an undeclared key, say). The caller
    /// already reports it only once; when captured, the key lets the merge keep only the first in file order.
    /// </summary>
    internal void AddOnce(string onceKey, VcfIssue issue)
    {
        if (Capture is not null)
        {
            Capture.Add(new CapturedIssue(issue, onceKey));
            return;
        }

        Record(issue);
    }

    /// <summary>Counts and keeps an issue, whatever <see cref="Capture"/> is.</summary>
    internal void Record(VcfIssue issue)
    {
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

/// <summary>An issue held back by a capturing sink, with the key that makes it once-per-file (or null).</summary>
internal readonly record struct CapturedIssue(VcfIssue Issue, string? OnceKey);
