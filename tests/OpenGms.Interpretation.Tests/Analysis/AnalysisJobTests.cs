using System.Text.Json;
using OpenGms.Interpretation.Contracts;
using OpenGms.Jobs.Contracts;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

/// <summary>The <c>rare-disease.analyse</c> job handler gives what <c>gms analyse</c> gives, from a payload of paths.</summary>
[Collection(Grch37Group.Name)]
public sealed class AnalysisJobTests(Grch37Regions regions)
{
    private static JobInfo Job(string payload) =>
        new(Guid.NewGuid(), RareDiseaseAnalysisJob.JobKind, payload, "case-1", JobStatus.Running, 1, null, null, DateTimeOffset.UnixEpoch, null, null, "test");

    [Fact]
    public async Task Run_pfeiffer_case_by_paths_ranks_fgfr2_first()
    {
        string phenopacket = SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json");
        string hpo = SharedData.PathOf("variants/hpo/full/hpo-2026-02-16");
        string payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["case"] = phenopacket,
            ["cache"] = regions.CacheDirectory,
            ["hpoData"] = hpo,
            ["ignoreContigLengths"] = true,
        });

        string? result = await new RareDiseaseAnalysisJob().RunAsync(Job(payload), TestContext.Current.CancellationToken);

        using JsonDocument doc = JsonDocument.Parse(result!);
        JsonElement top = doc.RootElement.GetProperty("candidates")[0];
        Assert.Equal("FGFR2", top.GetProperty("gene").GetString());
        Assert.Equal(1, top.GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task Run_without_a_case_fails_with_INT050()
    {
        InvalidDataException ex = await Assert.ThrowsAsync<InvalidDataException>(() => new RareDiseaseAnalysisJob().RunAsync(Job("{}"), TestContext.Current.CancellationToken));

        Assert.StartsWith("INT050", ex.Message, StringComparison.Ordinal);
    }
}
