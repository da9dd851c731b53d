using OpenGms.Kernel;

namespace OpenGms.Cases.Domain;

/// <summary>
/// The review of one order's analysis. Invariants: a case has one VCF at a time; review changes are allowed only while
/// it is ready for review; a report version is submitted by one user and authorised by another (four eyes).
/// </summary>
public sealed class Case
{
    private Case()
    {
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>The order.</summary>
    public Guid OrderId { get; private set; }

    /// <summary>The patient (Consent's id).</summary>
    public Guid PatientId { get; private set; }

    /// <summary>NHS number.</summary>
    public string NhsNumber { get; private set; } = string.Empty;

    /// <summary>Patient name as shown.</summary>
    public string PatientName { get; private set; } = string.Empty;

    /// <summary>Directory test code.</summary>
    public string TestCode { get; private set; } = string.Empty;

    /// <summary>The GLH doing the test.</summary>
    public string GlhCode { get; private set; } = string.Empty;

    /// <summary>HPO terms from the order.</summary>
    public string HpoTerms { get; private set; } = string.Empty;

    /// <summary>Pipelines run.</summary>
    public Pipelines Pipelines { get; private set; }

    /// <summary>Why those pipelines.</summary>
    public string PipelineReason { get; private set; } = string.Empty;

    /// <summary>Attached VCF (server path, or the stored upload).</summary>
    public string VcfPath { get; private set; } = string.Empty;

    /// <summary>The specimen the VCF belongs to.</summary>
    public string? SpecimenId { get; private set; }

    /// <summary>The proband's sample in the VCF.</summary>
    public string? ProbandSample { get; private set; }

    /// <summary>PED file of the family (trio), when given.</summary>
    public string? PedPath { get; private set; }

    /// <summary>Annotation cache folder for the rare disease pipeline.</summary>
    public string? CachePath { get; private set; }

    /// <summary>HPO data folder for phenotype ranking.</summary>
    public string? HpoDataPath { get; private set; }

    /// <summary>The analysis job.</summary>
    public Guid? JobId { get; private set; }

    /// <summary>Status.</summary>
    public CaseStatus Status { get; private set; }

    /// <summary>Why the analysis failed.</summary>
    public string? AnalysisError { get; private set; }

    /// <summary>Rare disease analysis JSON (schema v1).</summary>
    public string? RareDiseaseResult { get; private set; }

    /// <summary>PGx report JSON lines.</summary>
    public string? PgxResult { get; private set; }

    /// <summary>The scientist's summary.</summary>
    public string? Summary { get; private set; }

    /// <summary>The conclusion.</summary>
    public string? Conclusion { get; private set; }

    /// <summary>Stable id of the case's report across versions (set at first submission).</summary>
    public Guid? ReportId { get; private set; }

    /// <summary>Why the authorised report is being corrected (while a correction is prepared).</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>Who attached the VCF (the job acts for them on the order).</summary>
    public string AttachedBy { get; private set; } = string.Empty;

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Last changed.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency token.</summary>
    public int Revision { get; private set; }

    /// <summary>A new case for an order whose VCF has just been attached.</summary>
    public static Case Open(Guid orderId, Guid patientId, string nhsNumber, string patientName, string testCode, string glhCode, IReadOnlyList<string> hpoTerms, string attachedBy, DateTimeOffset now) =>
        new()
        {
            Id = Guid.NewGuid(),
            OrderId = orderId,
            PatientId = patientId,
            NhsNumber = nhsNumber,
            PatientName = patientName,
            TestCode = testCode,
            GlhCode = glhCode,
            HpoTerms = string.Join(',', hpoTerms),
            AttachedBy = attachedBy,
            CreatedAt = now,
            UpdatedAt = now,
            Status = CaseStatus.AwaitingAnalysis,
        };

    /// <summary>Attaches (or replaces, before review has started) the VCF and the pipelines to run.</summary>
    public Result<Case> Attach(VcfAttachment vcf, Pipelines pipelines, string reason, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(vcf);
        if (Status is CaseStatus.AwaitingAuthorisation or CaseStatus.Authorised || ReportId is not null)
        {
            return Error.Conflict("CAS005", "The case has a report; a new VCF cannot replace the one it was made from.");
        }

        VcfPath = vcf.Path;
        SpecimenId = vcf.SpecimenId;
        ProbandSample = vcf.ProbandSample;
        PedPath = vcf.PedPath;
        CachePath = vcf.CachePath;
        HpoDataPath = vcf.HpoDataPath;
        Pipelines = pipelines;
        PipelineReason = reason;
        AttachedBy = user;
        Status = CaseStatus.AwaitingAnalysis;
        AnalysisError = null;
        RareDiseaseResult = null;
        PgxResult = null;
        Touch(now);
        return this;
    }

    /// <summary>Records the queued job.</summary>
    public void Queued(Guid jobId, DateTimeOffset now)
    {
        JobId = jobId;
        Status = CaseStatus.AwaitingAnalysis;
        AnalysisError = null;
        Touch(now);
    }

    /// <summary>Results are in.</summary>
    public void Analysed(string? rareDisease, string? pgx, DateTimeOffset now)
    {
        RareDiseaseResult = rareDisease;
        PgxResult = pgx;
        AnalysisError = null;
        Status = CaseStatus.ReadyForReview;
        Touch(now);
    }

    /// <summary>The analysis failed.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        AnalysisError = error;
        Status = CaseStatus.AnalysisFailed;
        Touch(now);
    }

    /// <summary>The summary and conclusion (only while ready for review).</summary>
    public Result<Case> Write(string? summary, string? conclusion, DateTimeOffset now)
    {
        if (Status != CaseStatus.ReadyForReview)
        {
            return NotInReview();
        }

        Summary = string.IsNullOrWhiteSpace(summary) ? null : summary.Trim();
        Conclusion = string.IsNullOrWhiteSpace(conclusion) ? null : conclusion.Trim();
        Touch(now);
        return this;
    }

    /// <summary>An error unless review changes are allowed now.</summary>
    public Result<Case> EnsureInReview() => Status == CaseStatus.ReadyForReview ? this : NotInReview();

    /// <summary>
    /// Submits the next report version for authorisation. A correction (version 2 on) must say what changed and why.
    /// </summary>
    public Result<Report> Submit(int nextVersion, string content, string? changeSummary, string user, DateTimeOffset now)
    {
        if (Status != CaseStatus.ReadyForReview)
        {
            return NotInReview();
        }

        if (string.IsNullOrWhiteSpace(Summary) || string.IsNullOrWhiteSpace(Conclusion))
        {
            return Error.BadInput("CAS011", "Write the summary and the conclusion before submitting the report.");
        }

        if (nextVersion > 1 && string.IsNullOrWhiteSpace(changeSummary))
        {
            return Error.BadInput("CAS012", "A corrected report must say what changed and why.");
        }

        ReportId ??= Guid.NewGuid();
        string? change = nextVersion > 1
            ? $"{changeSummary!.Trim()}{(CorrectionReason is null ? string.Empty : " (correction opened: " + CorrectionReason + ")")}"
            : null;
        var report = Report.Submitted(ReportId.Value, Id, nextVersion, content, change, user, now);
        Status = CaseStatus.AwaitingAuthorisation;
        Touch(now);
        return report;
    }

    /// <summary>
    /// Authorises the pending report version. Four eyes: the authoriser may not be the scientist who submitted it.
    /// </summary>
    public Result<Report> Authorise(Report pending, string user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (Status != CaseStatus.AwaitingAuthorisation || pending.Status != ReportStatus.AwaitingAuthorisation || pending.CaseId != Id)
        {
            return Error.Conflict("CAS020", "No report of this case is waiting for authorisation.");
        }

        if (string.Equals(pending.SubmittedBy, user, StringComparison.OrdinalIgnoreCase))
        {
            return new Error(ErrorKind.Forbidden, "CAS021", "Four eyes: the report must be authorised by a different scientist from the one who submitted it.");
        }

        pending.MarkAuthorised(user, now);
        Status = CaseStatus.Authorised;
        CorrectionReason = null;
        Touch(now);
        return pending;
    }

    /// <summary>Sends the pending version back to review, with the reason.</summary>
    public Result<Report> Return(Report pending, string user, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (Status != CaseStatus.AwaitingAuthorisation || pending.Status != ReportStatus.AwaitingAuthorisation || pending.CaseId != Id)
        {
            return Error.Conflict("CAS020", "No report of this case is waiting for authorisation.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.BadInput("CAS022", "Say why the report is returned.");
        }

        pending.MarkReturned(user, reason.Trim(), now);
        Status = CaseStatus.ReadyForReview;
        Touch(now);
        return pending;
    }

    /// <summary>Opens a correction of the authorised report: the case is reviewed again and version n+1 follows.</summary>
    public Result<Case> StartCorrection(string? reason, DateTimeOffset now)
    {
        if (Status != CaseStatus.Authorised)
        {
            return Error.Conflict("CAS030", "Only an authorised report can be corrected.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.BadInput("CAS031", "Say why the authorised report needs a correction.");
        }

        CorrectionReason = reason.Trim();
        Status = CaseStatus.ReadyForReview;
        Touch(now);
        return this;
    }

    private static Error NotInReview() =>
        Error.Conflict("CAS010", "The case is not open for review (it is awaiting analysis, awaiting authorisation or authorised; open a correction to change an authorised report).");

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}

/// <summary>What was attached.</summary>
/// <param name="Path">The VCF on the server.</param>
/// <param name="SpecimenId">The order's specimen.</param>
/// <param name="ProbandSample">The proband's sample name in the VCF.</param>
/// <param name="PedPath">A PED file for a family.</param>
/// <param name="CachePath">Annotation cache folder.</param>
/// <param name="HpoDataPath">HPO data folder.</param>
public sealed record VcfAttachment(string Path, string? SpecimenId, string? ProbandSample, string? PedPath, string? CachePath, string? HpoDataPath);
