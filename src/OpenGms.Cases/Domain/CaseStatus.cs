namespace OpenGms.Cases.Domain;

/// <summary>Where a case is in review. The worklist groups cases by this.</summary>
public enum CaseStatus
{
    /// <summary>A VCF is attached; the analysis job is queued or running.</summary>
    AwaitingAnalysis,

    /// <summary>The analysis job failed; the case says why and can be retried.</summary>
    AnalysisFailed,

    /// <summary>Results are in; a scientist reviews (also while a correction is being prepared).</summary>
    ReadyForReview,

    /// <summary>A report version is submitted and waits for a second scientist.</summary>
    AwaitingAuthorisation,

    /// <summary>The latest report version is authorised.</summary>
    Authorised,
}

/// <summary>The pipelines a case runs.</summary>
[Flags]
public enum Pipelines
{
    /// <summary>None chosen.</summary>
    None = 0,

    /// <summary>Rare disease interpretation (<c>rare-disease.analyse</c>).</summary>
    RareDisease = 1,

    /// <summary>Pharmacogenomic calling (<c>pgx.call</c>).</summary>
    Pgx = 2,
}

/// <summary>The status of one report version.</summary>
public enum ReportStatus
{
    /// <summary>Submitted; waits for authorisation.</summary>
    AwaitingAuthorisation,

    /// <summary>Authorised: immutable.</summary>
    Authorised,

    /// <summary>Sent back by the authoriser without being authorised.</summary>
    Returned,
}

/// <summary>Names used in the API and the database.</summary>
public static class CaseNames
{
    /// <summary>The status as written (<c>ready-for-review</c>).</summary>
    public static string Of(CaseStatus status) => status switch
    {
        CaseStatus.AwaitingAnalysis => "awaiting-analysis",
        CaseStatus.AnalysisFailed => "analysis-failed",
        CaseStatus.ReadyForReview => "ready-for-review",
        CaseStatus.AwaitingAuthorisation => "awaiting-authorisation",
        _ => "authorised",
    };

    /// <summary>The report status as written.</summary>
    public static string Of(ReportStatus status) => status switch
    {
        ReportStatus.AwaitingAuthorisation => "awaiting-authorisation",
        ReportStatus.Authorised => "authorised",
        _ => "returned",
    };

    /// <summary>The pipelines as written (<c>rare-disease</c>, <c>pgx</c>, <c>rare-disease+pgx</c>).</summary>
    public static string Of(Pipelines pipelines) => pipelines switch
    {
        Pipelines.RareDisease => "rare-disease",
        Pipelines.Pgx => "pgx",
        Pipelines.RareDisease | Pipelines.Pgx => "rare-disease+pgx",
        _ => "none",
    };

    /// <summary>Parses a case status name.</summary>
    public static bool TryParseStatus(string? text, out CaseStatus status)
    {
        foreach (CaseStatus s in Enum.GetValues<CaseStatus>())
        {
            if (string.Equals(text?.Trim(), Of(s), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = default;
        return false;
    }

    /// <summary>Parses a report status name.</summary>
    public static ReportStatus ParseReportStatus(string text) =>
        Enum.GetValues<ReportStatus>().First(s => string.Equals(Of(s), text, StringComparison.Ordinal));

    /// <summary>Parses <c>rare-disease</c>, <c>pgx</c> or <c>both</c>.</summary>
    public static bool TryParsePipelines(string? text, out Pipelines pipelines)
    {
        pipelines = (text ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "rare-disease" => Pipelines.RareDisease,
            "pgx" => Pipelines.Pgx,
            "both" or "rare-disease+pgx" => Pipelines.RareDisease | Pipelines.Pgx,
            _ => Pipelines.None,
        };
        return pipelines != Pipelines.None;
    }
}
