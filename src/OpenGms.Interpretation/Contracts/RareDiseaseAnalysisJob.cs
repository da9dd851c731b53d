using System.Text.Json;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Contracts;

/// <summary>
/// The <c>rare-disease.analyse</c> job: <c>gms analyse</c> in the background, through the same
/// <see cref="CaseAnalysisRunner"/>. The payload is an <see cref="AnalysisRequest"/> as JSON (paths on the worker's
/// machine), e.g. <c>{"case": PHENOPACKET}</c> or <c>{"vcf": VCF, "ped": PED, "hpo": ["HP:0001250"], "test": "R14.1",
/// "panelVersions": {"486": "1.2"}, "cache": DIR, "hpoData": DIR}</c>; a test's panel is resolved from the directory and
/// panel stores when no panel file is given. The result is the analysis JSON (schema v1, top 50 candidates). Errors (bad
/// phenopacket, cache, HPO data, a panel not in the store) fail the job with their code.
/// </summary>
/// <param name="panels">Resolves a directory test to its panel genes; null where no directory is available.</param>
public sealed class RareDiseaseAnalysisJob(TestPanelResolver? panels = null) : IJobHandler
{
    /// <summary>The job kind.</summary>
    public const string JobKind = "rare-disease.analyse";

    private static readonly JsonSerializerOptions PayloadJson = new() { PropertyNameCaseInsensitive = false, AllowTrailingCommas = true };

    /// <inheritdoc />
    public string Kind => JobKind;

    /// <summary>The payload for <paramref name="request"/>.</summary>
    public static string Payload(AnalysisRequest request) => JsonSerializer.Serialize(request, PayloadJson);

    /// <inheritdoc />
    public async Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        AnalysisRequest request;
        try
        {
            request = JsonSerializer.Deserialize<AnalysisRequest>(job.Payload, PayloadJson) ?? throw new InvalidDataException("INT050: the job's payload is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"INT050: the job's payload is not an analysis request: {e.Message}", e);
        }

        if (request.CasePath is null && request.VcfPath is null)
        {
            throw new InvalidDataException("INT050: the job's payload names no \"case\" (a phenopacket) and no \"vcf\".");
        }

        if (request.PanelPath is null && request.PanelGenesPath is null && request.Panel is null && request.TestCode is string test && panels is not null)
        {
            Result<ResolvedPanel> panel = await panels.ResolveAsync(test, request.PanelVersions, cancellationToken).ConfigureAwait(false);
            // A gene-agnostic test (INT046) is analysed without a panel, as the CLI does without --panel.
            if (panel.IsSuccess)
            {
                request = request with { Panel = panel.Value };
            }
            else if (panel.Error!.Code != "INT046")
            {
                throw new InvalidOperationException(panel.Error.ToString());
            }
        }

        AnalysisResult result = Unwrap(CaseAnalysisRunner.Run(request, cancellationToken));
        return AnalysisReports.ToJson(result, 50);
    }

    private static T Unwrap<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error!.ToString());
}
