using System.Text.Json;
using OpenGms.Cases.Domain;
using OpenGms.Interpretation.Contracts;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Orders.Contracts;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Cases.Application;

/// <summary>
/// The <c>case.analyse</c> job: runs a case's pipelines (rare disease interpretation and/or PGx calling, through their
/// modules' job handlers), keeps the results on the case, and moves the order: to analysis when it starts, to
/// interpretation when the results are in. The order moves are made for the scientist who attached the VCF. A failure is
/// kept on the case (and fails the job, which can be retried).
/// </summary>
internal sealed class CaseAnalysisJob(ICaseStore store, IOrderWorkflow orders, PgxServiceLoader pgx, RareDiseaseAnalysisJob rareDiseaseJob, CasesOptions options, IClock clock) : IJobHandler
{
    public const string JobKind = "case.analyse";

    private static readonly string[] s_scientist = [CaseActor.ScientistRole];

    public string Kind => JobKind;

    public static string Payload(Guid caseId) => JsonSerializer.Serialize(new { @case = caseId });

    public async Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        Guid caseId;
        using (JsonDocument doc = JsonDocument.Parse(job.Payload))
        {
            caseId = doc.RootElement.GetProperty("case").GetGuid();
        }

        Case @case = await store.FindAsync(caseId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"CAS009: no case {caseId}.");
        try
        {
            Result<OrderView> order = await orders.GetAsync(@case.OrderId, cancellationToken).ConfigureAwait(false);
            if (order.IsSuccess && order.Value.Status == "sequencing")
            {
                Unwrap(await orders.MoveAsync(@case.OrderId, "analysis", @case.AttachedBy, s_scientist, "analysis job started", cancellationToken).ConfigureAwait(false));
            }

            string? rareDisease = null;
            string? pgxResult = null;
            if (@case.Pipelines.HasFlag(Pipelines.RareDisease))
            {
                string payload = RareDiseasePayload(@case, order.IsSuccess ? order.Value : null);
                rareDisease = await rareDiseaseJob.RunAsync(job with { Kind = RareDiseaseAnalysisJob.JobKind, Payload = payload }, cancellationToken).ConfigureAwait(false);
            }

            if (@case.Pipelines.HasFlag(Pipelines.Pgx))
            {
                string payload = PgxCallJob.Payload(@case.VcfPath, @case.ProbandSample, null);
                pgxResult = await new PgxCallJob(pgx).RunAsync(job with { Kind = PgxCallJob.JobKind, Payload = payload }, cancellationToken).ConfigureAwait(false);
            }

            // The order moves to interpretation before the case is marked ready for review: whoever sees the case
            // ready (and authorises its report, which needs the order at interpretation) must find the order there.
            Result<OrderView> analysed = await orders.GetAsync(@case.OrderId, cancellationToken).ConfigureAwait(false);
            if (analysed.IsSuccess && analysed.Value.Status == "analysis")
            {
                Unwrap(await orders.MoveAsync(@case.OrderId, "interpretation", @case.AttachedBy, s_scientist, "analysis results in", cancellationToken).ConfigureAwait(false));
            }

            @case.Analysed(rareDisease, pgxResult, clock.UtcNow);
            await store.SaveAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            @case.Failed(ex.Message, clock.UtcNow);
            await store.SaveAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        return JsonSerializer.Serialize(new { @case = caseId, pipelines = CaseNames.Of(@case.Pipelines) });
    }

    private string RareDiseasePayload(Case c, OrderView? order)
    {
        // The interpretation job's own inputs: the attached VCF and PED, the proband, the order's HPO terms, and the
        // directory test with the panel versions pinned when the order was placed (a gene-agnostic test runs genome-wide).
        var payload = new Dictionary<string, object?>
        {
            ["vcf"] = c.VcfPath,
            ["ped"] = c.PedPath,
            ["proband"] = c.ProbandSample,
            ["hpo"] = c.HpoTerms.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            ["test"] = c.TestCode,
            ["panelVersions"] = order?.Panels.Where(p => p.Version is not null).ToDictionary(p => p.PanelId.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Version!),
            ["cache"] = c.CachePath ?? options.AnnotationCache,
            ["hpoData"] = c.HpoDataPath ?? options.HpoData,
        };
        foreach (string key in payload.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            payload.Remove(key);
        }

        return JsonSerializer.Serialize(payload);
    }

    private static void Unwrap(Result<OrderView> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error.ToString());
        }
    }
}
