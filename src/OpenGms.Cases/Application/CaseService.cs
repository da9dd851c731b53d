using System.Text.Json;
using OpenGms.Cases.Contracts;
using OpenGms.Cases.Domain;
using OpenGms.Directory.Contracts;
using OpenGms.Interpretation.Contracts;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Cases.Application;

/// <summary>
/// Case review: attach a VCF (which queues the analysis), the worklist, open a case, review variants, write and submit
/// the report, authorise it (four eyes), return it, correct an authorised report. Reports for other modules through
/// <see cref="ICaseReports"/>.
/// </summary>
public sealed class CaseService(
    ICaseStore store,
    IOrderWorkflow orders,
    IDirectoryCatalog directory,
    IJobScheduler jobs,
    PgxServiceLoader pgx,
    IClock clock) : ICaseReports
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Attaches a VCF to an order's sample and queues the pipelines its test needs. The order must be at sequencing (or
    /// analysis, to re-run a failed case); the job moves it to analysis when it starts and to interpretation when the
    /// results are in.
    /// </summary>
    public async Task<Result<CaseView>> AttachAsync(Guid orderId, AttachVcfRequest request, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        Result<OrderView> found = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        OrderView order = found.Value;
        if (order.Status is not ("sequencing" or "analysis"))
        {
            return Error.Conflict("CAS004", $"A VCF is attached when the order is at sequencing (or analysis, to run again); this order is at {order.Status}.");
        }

        if (string.IsNullOrWhiteSpace(request.Path) || !File.Exists(request.Path))
        {
            return Error.BadInput("CAS001", $"No VCF at '{request.Path}' on the server.");
        }

        if (request.PedPath is { Length: > 0 } ped && !File.Exists(ped))
        {
            return Error.BadInput("CAS001", $"No PED file at '{ped}' on the server.");
        }

        string? specimen = request.SpecimenId?.Trim();
        if (string.IsNullOrEmpty(specimen))
        {
            specimen = order.Samples.Count == 1 ? order.Samples[0].SpecimenId : null;
            if (specimen is null)
            {
                return Error.BadInput("CAS007", $"The order has {order.Samples.Count} samples: say which specimen the VCF is from.");
            }
        }
        else if (!order.Samples.Any(s => string.Equals(s.SpecimenId, specimen, StringComparison.Ordinal)))
        {
            return Error.BadInput("CAS007", $"The order has no specimen '{specimen}'.");
        }

        Pipelines chosen = Pipelines.None;
        if (!string.IsNullOrWhiteSpace(request.Pipeline) && !CaseNames.TryParsePipelines(request.Pipeline, out chosen))
        {
            return Error.BadInput("CAS002", $"'{request.Pipeline}' is not a pipeline (rare-disease, pgx or both).");
        }

        (Pipelines pipelines, string reason) = await DecideAsync(order, chosen, cancellationToken).ConfigureAwait(false);
        if (pipelines == Pipelines.None)
        {
            return Error.BadInput("CAS003", reason);
        }

        if (pipelines.HasFlag(Pipelines.RareDisease) && string.IsNullOrWhiteSpace(request.ProbandSample))
        {
            return Error.BadInput("CAS006", "Rare disease analysis needs the proband's sample name in the VCF (probandSample).");
        }

        DateTimeOffset now = clock.UtcNow;
        Case? @case = await store.FindByOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            @case = Case.Open(orderId, order.PatientId, order.NhsNumber, order.PatientName, order.TestCode, order.GlhCode, order.HpoTerms, actor.UserName, now);
            store.Add(@case);
        }

        var attachment = new VcfAttachment(request.Path, specimen, request.ProbandSample?.Trim(), request.PedPath, request.CachePath, request.HpoDataPath);
        Result<Case> attached = @case.Attach(attachment, pipelines, reason, actor.UserName, now);
        if (!attached.IsSuccess)
        {
            return attached.Error;
        }

        JobInfo job = await jobs.EnqueueAsync(CaseAnalysisJob.JobKind, CaseAnalysisJob.Payload(@case.Id), "case-" + @case.Id.ToString("N"), cancellationToken).ConfigureAwait(false);
        @case.Queued(job.Id, now);
        if (!await store.SaveAsync(cancellationToken).ConfigureAwait(false))
        {
            return Concurrent();
        }

        return await GetAsync(@case.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Puts a failed analysis back in the queue.</summary>
    public async Task<Result<CaseView>> RetryAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        if (@case.Status != CaseStatus.AnalysisFailed || @case.JobId is null)
        {
            return Error.Conflict("CAS008", "Only a failed analysis can be retried.");
        }

        Result<JobInfo> retried = await jobs.RetryAsync(@case.JobId.Value, cancellationToken).ConfigureAwait(false);
        if (!retried.IsSuccess)
        {
            return retried.Error;
        }

        @case.Queued(@case.JobId.Value, clock.UtcNow);
        return await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case worklist.</summary>
    public async Task<IReadOnlyList<CaseSummaryView>> ListAsync(IReadOnlyCollection<CaseStatus>? statuses, string? glhCode, Guid? patientId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<Case> cases = await store.ListAsync(statuses, glhCode, patientId, limit, cancellationToken).ConfigureAwait(false);
        var views = new List<CaseSummaryView>(cases.Count);
        foreach (Case c in cases)
        {
            IReadOnlyList<Report> reports = await store.ReportsAsync(c.Id, cancellationToken).ConfigureAwait(false);
            views.Add(Summary(c, reports));
        }

        return views;
    }

    /// <summary>The case of an order, or CAS009.</summary>
    public async Task<Result<CaseView>> GetByOrderAsync(Guid orderId, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindByOrderAsync(orderId, cancellationToken).ConfigureAwait(false);
        return @case is null
            ? Error.NotFound("CAS009", $"Order {orderId} has no case (no VCF attached).")
            : await GetAsync(@case.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A case with its ranked variants (after review), PGx results and report versions.</summary>
    public async Task<Result<CaseView>> GetAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        IReadOnlyList<VariantReview> reviews = await store.ReviewsAsync(caseId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Report> reports = await store.ReportsAsync(caseId, cancellationToken).ConfigureAwait(false);
        AnalysisResults.Parsed rd = AnalysisResults.ParseRareDisease(@case.RareDiseaseResult);
        var latest = new Dictionary<string, VariantReview>(StringComparer.Ordinal);
        foreach (VariantReview r in reviews)
        {
            latest[r.VariantKey] = r;
        }

        var variants = rd.Candidates.Select(c => AnalysisResults.WithReview(c, latest.GetValueOrDefault(c.Key))).ToList();
        (IReadOnlyList<PgxGeneResultView> genes, IReadOnlyList<PgxDrugResultView> drugs) = AnalysisResults.ParsePgx(@case.PgxResult, @case.ProbandSample);
        return new CaseView(
            Summary(@case, reports), @case.PipelineReason, @case.VcfPath, @case.SpecimenId, @case.ProbandSample, rd.GenomeBuild,
            SplitTerms(@case.HpoTerms), variants, rd.CandidateCount, genes, drugs, @case.Summary, @case.Conclusion, @case.CorrectionReason,
            @case.AttachedBy, reports.Select(ToVersionView).ToList());
    }

    /// <summary>
    /// Records a scientist's review of one variant: criteria changes recompute the class (the same points rules as the
    /// pipeline); a class override wins over the computed class; both need a reason. Who, when and why are kept.
    /// </summary>
    public async Task<Result<CaseView>> ReviewVariantAsync(Guid caseId, string variantKey, VariantReviewRequest request, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        Result<Case> open = @case.EnsureInReview();
        if (!open.IsSuccess)
        {
            return open.Error;
        }

        AnalysisResults.Candidate? candidate = AnalysisResults.ParseRareDisease(@case.RareDiseaseResult).Candidates.FirstOrDefault(c => c.Key == variantKey);
        if (candidate is null)
        {
            return Error.NotFound("CAS013", $"The case has no candidate variant '{variantKey}'.");
        }

        IReadOnlyList<CriterionChange> changes = request.Criteria ?? [];
        string? classOverride = string.IsNullOrWhiteSpace(request.ClassOverride) ? null : request.ClassOverride.Trim().ToUpperInvariant();
        if (classOverride is not null and not ("P" or "LP" or "VUS" or "LB" or "B"))
        {
            return Error.BadInput("CAS014", $"'{request.ClassOverride}' is not an ACMG class (P, LP, VUS, LB, B).");
        }

        if ((changes.Count > 0 || classOverride is not null) && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Error.BadInput("CAS015", "Say why the criteria or the class are changed.");
        }

        Result<AcmgCombination> combined = AcmgCombiner.Combine(
            candidate.Criteria.Select(c => new AcmgCriterionInput(c.Criterion, c.Met, c.Strength)).ToList(),
            changes.Select(c => new AcmgCriterionChange(c.Criterion, c.Met, c.Strength)).ToList());
        if (!combined.IsSuccess)
        {
            return combined.Error;
        }

        store.Add(VariantReview.Record(
            caseId, variantKey, JsonSerializer.Serialize(changes, Json), combined.Value.Class, combined.Value.Points, classOverride,
            request.Reported, string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim(), actor.UserName, clock.UtcNow));
        return await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the summary and conclusion.</summary>
    public async Task<Result<CaseView>> WriteAsync(Guid caseId, string? summary, string? conclusion, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        Result<Case> written = @case.Write(summary, conclusion, clock.UtcNow);
        return written.IsSuccess ? await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false) : written.Error;
    }

    /// <summary>Freezes the review into the next report version and submits it for authorisation.</summary>
    public async Task<Result<CaseView>> SubmitAsync(Guid caseId, string? changeSummary, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        if (!actor.Has(CaseActor.ScientistRole))
        {
            return new Error(ErrorKind.Forbidden, "CAS016", "Only a GLH scientist submits a report.");
        }

        Result<CaseView> view = await GetAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (!view.IsSuccess)
        {
            return view.Error;
        }

        IReadOnlyList<Report> reports = await store.ReportsAsync(caseId, cancellationToken).ConfigureAwait(false);
        // Versions count authorised reports: a returned submission is redone under the same number.
        int next = reports.Count(r => r.Status == ReportStatus.Authorised) + 1;
        string content = JsonSerializer.Serialize(ReportContent(@case, view.Value, next, actor.UserName, clock.UtcNow), Json);
        Result<Report> submitted = @case.Submit(next, content, changeSummary, actor.UserName, clock.UtcNow);
        if (!submitted.IsSuccess)
        {
            return submitted.Error;
        }

        store.Add(submitted.Value);
        return await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Authorises the pending version (GLH authoriser, not the submitter). The first authorised version moves the order
    /// to report authorised.
    /// </summary>
    public async Task<Result<CaseView>> AuthoriseAsync(Guid caseId, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(CaseActor.AuthoriserRole))
        {
            return new Error(ErrorKind.Forbidden, "CAS023", "Only a GLH authoriser authorises a report.");
        }

        (Case? @case, Report? pending, Error? error) = await PendingAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        // The first authorised version moves the order to report authorised, so the order must be at interpretation
        // (not on hold or cancelled); a correction leaves the order where it is.
        string? orderStatus = await OrderStatusAsync(@case!.OrderId, cancellationToken).ConfigureAwait(false);
        bool firstVersion = pending!.Version == 1;
        if (firstVersion && orderStatus != "interpretation")
        {
            return Error.Conflict("CAS024", $"The order is at {orderStatus ?? "an unknown status"}; the first report is authorised while the order is at interpretation.");
        }

        Result<Report> authorised = @case.Authorise(pending, actor.UserName, clock.UtcNow);
        if (!authorised.IsSuccess)
        {
            return authorised.Error;
        }

        if (!await store.SaveAsync(cancellationToken).ConfigureAwait(false))
        {
            return Concurrent();
        }

        if (firstVersion)
        {
            Result<OrderView> moved = await orders.MoveAsync(@case.OrderId, "report-authorised", actor.UserName, actor.Roles, $"report {pending.ReportId:N} version {pending.Version} authorised", cancellationToken).ConfigureAwait(false);
            if (!moved.IsSuccess)
            {
                return moved.Error;
            }
        }

        return await GetAsync(caseId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the pending version to review with the reason.</summary>
    public async Task<Result<CaseView>> ReturnAsync(Guid caseId, string? reason, CaseActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.Has(CaseActor.AuthoriserRole))
        {
            return new Error(ErrorKind.Forbidden, "CAS023", "Only a GLH authoriser returns a report.");
        }

        (Case? @case, Report? pending, Error? error) = await PendingAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        Result<Report> returned = @case!.Return(pending!, actor.UserName, reason, clock.UtcNow);
        return returned.IsSuccess ? await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false) : returned.Error;
    }

    /// <summary>Opens a correction of the authorised report; the next submission becomes version n+1.</summary>
    public async Task<Result<CaseView>> StartCorrectionAsync(Guid caseId, string? reason, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return NotFound(caseId);
        }

        Result<Case> started = @case.StartCorrection(reason, clock.UtcNow);
        return started.IsSuccess ? await SaveAndGetAsync(@case, cancellationToken).ConfigureAwait(false) : started.Error;
    }

    /// <inheritdoc />
    public async Task<Result<AuthorisedReportView>> GetReportAsync(Guid reportId, int? version, CancellationToken cancellationToken)
    {
        IReadOnlyList<Report> versions = await store.ReportVersionsAsync(reportId, cancellationToken).ConfigureAwait(false);
        Report? chosen = version is int v
            ? versions.Where(r => r.Version == v).OrderBy(r => r.Status == ReportStatus.Authorised ? 0 : 1).ThenByDescending(r => r.SubmittedAt).FirstOrDefault()
            : versions.Where(r => r.Status == ReportStatus.Authorised).MaxBy(r => r.Version);
        return chosen is null
            ? Error.NotFound("CAS040", version is null ? $"Report {reportId} has no authorised version." : $"Report {reportId} has no version {version}.")
            : ToReportView(chosen, versions);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuthorisedReportView>> ListReportsForPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        IReadOnlyList<Case> cases = await store.ListAsync(null, null, patientId, 500, cancellationToken).ConfigureAwait(false);
        var views = new List<AuthorisedReportView>();
        foreach (Case c in cases)
        {
            IReadOnlyList<Report> reports = await store.ReportsAsync(c.Id, cancellationToken).ConfigureAwait(false);
            Report? latest = reports.Where(r => r.Status == ReportStatus.Authorised).MaxBy(r => r.Version);
            if (latest is not null)
            {
                views.Add(ToReportView(latest, reports));
            }
        }

        return views.OrderByDescending(v => v.Issued).ToList();
    }

    private static AuthorisedReportView ToReportView(Report report, IReadOnlyList<Report> versions)
    {
        AuthorisedReportView content = JsonSerializer.Deserialize<AuthorisedReportView>(report.Content, Json)
            ?? throw new InvalidOperationException($"Report {report.ReportId} version {report.Version} has no content.");
        bool authorised = report.Status == ReportStatus.Authorised;
        return content with
        {
            Status = CaseNames.Of(report.Status),
            ChangeSummary = report.ChangeSummary,
            AuthorisedBy = authorised ? report.DecidedBy : null,
            Issued = authorised ? report.DecidedAt : null,
            Superseded = authorised && versions.Any(r => r.Status == ReportStatus.Authorised && r.Version > report.Version),
        };
    }

    private static AuthorisedReportView ReportContent(Case c, CaseView view, int version, string user, DateTimeOffset now)
    {
        var variants = view.Variants.Where(v => v.Reported).Select(v => new ReportedVariantView(
            v.Gene, v.HgvsG, v.HgvsC, v.HgvsP, v.Transcript, v.Chrom, v.Position, v.Ref, v.Alt, view.GenomeBuild,
            AnalysisResults.Zygosity(v.Genotypes.FirstOrDefault(g => g.Member == view.ProbandSample)?.Genotype, v.Chrom),
            v.Genotypes.FirstOrDefault(g => g.Member == view.ProbandSample)?.Genotype, v.Inheritance, v.Class, v.Points,
            v.Criteria.Where(k => k.Met).Select(k => k.Criterion).ToList(), v.ClassOverride is not null, v.ReviewReason, v.HgncId)).ToList();
        return new AuthorisedReportView(
            c.ReportId ?? Guid.Empty, version, "awaiting-authorisation", c.Id, c.OrderId, c.PatientId, c.NhsNumber, c.PatientName, c.TestCode,
            c.GlhCode, CaseNames.Of(c.Pipelines), c.Summary ?? string.Empty, c.Conclusion ?? string.Empty, variants, view.PgxGenes, view.PgxDrugs,
            null, user, now, null, null, false);
    }

    private static ReportVersionView ToVersionView(Report r) =>
        new(r.ReportId, r.Version, CaseNames.Of(r.Status), r.ChangeSummary, r.SubmittedBy, r.SubmittedAt, r.DecidedBy, r.DecidedAt, r.ReturnReason);

    private static CaseSummaryView Summary(Case c, IReadOnlyList<Report> reports) =>
        new(c.Id, c.OrderId, c.PatientId, c.NhsNumber, c.PatientName, c.TestCode, c.GlhCode, CaseNames.Of(c.Pipelines), CaseNames.Of(c.Status),
            c.JobId, c.AnalysisError, reports.Count == 0 ? null : reports.Max(r => r.Version), c.UpdatedAt);

    private static List<string> SplitTerms(string terms) => [.. terms.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static Error NotFound(Guid id) => Error.NotFound("CAS009", $"No case {id}.");

    private static Error Concurrent() => Error.Conflict("CAS017", "The case was changed by someone else at the same time; reload it and try again.");

    private async Task<string?> OrderStatusAsync(Guid orderId, CancellationToken cancellationToken)
    {
        Result<OrderView> order = await orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        return order.IsSuccess ? order.Value.Status : null;
    }

    private async Task<(Case? Case, Report? Pending, Error? Error)> PendingAsync(Guid caseId, CancellationToken cancellationToken)
    {
        Case? @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false);
        if (@case is null)
        {
            return (null, null, NotFound(caseId));
        }

        Report? pending = (await store.ReportsAsync(caseId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Status == ReportStatus.AwaitingAuthorisation);
        return pending is null ? (@case, null, Error.Conflict("CAS020", "No report of this case is waiting for authorisation.")) : (@case, pending, null);
    }

    private async Task<Result<CaseView>> SaveAndGetAsync(Case @case, CancellationToken cancellationToken) =>
        await store.SaveAsync(cancellationToken).ConfigureAwait(false)
            ? await GetAsync(@case.Id, cancellationToken).ConfigureAwait(false)
            : Concurrent();

    private async Task<(Pipelines, string)> DecideAsync(OrderView order, Pipelines chosen, CancellationToken cancellationToken)
    {
        if (chosen != Pipelines.None)
        {
            return PipelineChoice.Decide(null, [], [], chosen);
        }

        Result<IndicationView> indication = await directory.GetIndicationAsync(order.IndicationCode, order.Edition, cancellationToken).ConfigureAwait(false);
        string? kind = indication.IsSuccess ? indication.Value.Kind : null;
        List<string> genes = indication.IsSuccess
            ? indication.Value.Tests.Where(t => t.Code == order.TestCode).SelectMany(t => t.Genes).Select(g => g.Symbol).OfType<string>().ToList()
            : [];
        Result<PgxService> service = pgx.Get();
        IReadOnlyList<string> pharmacogenes = service.IsSuccess ? service.Value.Genes : [];
        return PipelineChoice.Decide(kind, genes, pharmacogenes, Pipelines.None);
    }
}
