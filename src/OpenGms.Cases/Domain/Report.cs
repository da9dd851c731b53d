namespace OpenGms.Cases.Domain;

/// <summary>
/// One version of a case's report. Its content is frozen when submitted; once authorised nothing about it changes
/// (the application has no path to change it and database triggers refuse UPDATE and DELETE of an authorised row).
/// </summary>
public sealed class Report
{
    private Report()
    {
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The report's id, the same for every version.</summary>
    public Guid ReportId { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>Version, from 1.</summary>
    public int Version { get; private set; }

    /// <summary>Status.</summary>
    public ReportStatus Status { get; private set; }

    /// <summary>The report content (JSON of <c>ReportContent</c>), frozen at submission.</summary>
    public string Content { get; private set; } = string.Empty;

    /// <summary>For a correction: what changed and why.</summary>
    public string? ChangeSummary { get; private set; }

    /// <summary>Submitted by.</summary>
    public string SubmittedBy { get; private set; } = string.Empty;

    /// <summary>Submitted at.</summary>
    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>Authorised (or returned) by.</summary>
    public string? DecidedBy { get; private set; }

    /// <summary>Authorised (or returned) at.</summary>
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why it was returned.</summary>
    public string? ReturnReason { get; private set; }

    internal static Report Submitted(Guid reportId, Guid caseId, int version, string content, string? changeSummary, string user, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            ReportId = reportId,
            CaseId = caseId,
            Version = version,
            Status = ReportStatus.AwaitingAuthorisation,
            Content = content,
            ChangeSummary = changeSummary,
            SubmittedBy = user,
            SubmittedAt = now,
        };

    internal void MarkAuthorised(string user, DateTimeOffset now)
    {
        EnsureOpen();
        Status = ReportStatus.Authorised;
        DecidedBy = user;
        DecidedAt = now;
    }

    internal void MarkReturned(string user, string reason, DateTimeOffset now)
    {
        EnsureOpen();
        Status = ReportStatus.Returned;
        DecidedBy = user;
        DecidedAt = now;
        ReturnReason = reason;
    }

    private void EnsureOpen()
    {
        if (Status != ReportStatus.AwaitingAuthorisation)
        {
            throw new InvalidOperationException($"Report {ReportId} version {Version} is {CaseNames.Of(Status)} and cannot change.");
        }
    }
}

/// <summary>
/// A scientist's review of one variant: criteria changes (and the class they give), an optional class override, and
/// whether to report it. Append-only: every change is a new row, the latest per variant counts, so who changed what and
/// why is kept.
/// </summary>
public sealed class VariantReview
{
    private VariantReview()
    {
    }

    /// <summary>Row id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }

    /// <summary>The variant (<c>CHROM-POS-REF-ALT</c>) and gene, as <c>GENE:CHROM-POS-REF-ALT</c>.</summary>
    public string VariantKey { get; private set; } = string.Empty;

    /// <summary>Criteria changes (JSON list of {criterion, met, strength}).</summary>
    public string CriteriaChanges { get; private set; } = "[]";

    /// <summary>Class from the criteria after the changes.</summary>
    public string ComputedClass { get; private set; } = string.Empty;

    /// <summary>Points after the changes.</summary>
    public int Points { get; private set; }

    /// <summary>A class set by the scientist over the computed one, or null.</summary>
    public string? ClassOverride { get; private set; }

    /// <summary>Whether to report it.</summary>
    public bool Reported { get; private set; }

    /// <summary>Why.</summary>
    public string? Reason { get; private set; }

    /// <summary>Who.</summary>
    public string ReviewedBy { get; private set; } = string.Empty;

    /// <summary>When.</summary>
    public DateTimeOffset ReviewedAt { get; private set; }

    /// <summary>The class that counts.</summary>
    public string FinalClass => ClassOverride ?? ComputedClass;

    /// <summary>A new review row.</summary>
    public static VariantReview Record(Guid caseId, string variantKey, string criteriaChanges, string computedClass, int points, string? classOverride, bool reported, string? reason, string user, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            CaseId = caseId,
            VariantKey = variantKey,
            CriteriaChanges = criteriaChanges,
            ComputedClass = computedClass,
            Points = points,
            ClassOverride = classOverride,
            Reported = reported,
            Reason = reason,
            ReviewedBy = user,
            ReviewedAt = now,
        };
}
