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
    public async Task Run_from_a_vcf_and_hpo_terms_without_a_phenopacket_gives_the_same_top_candidate()
    {
        string phenopacket = SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json");
        using JsonDocument packet = JsonDocument.Parse(File.ReadAllText(phenopacket));
        string[] terms = [.. packet.RootElement.GetProperty("phenotypicFeatures").EnumerateArray().Select(f => f.GetProperty("type").GetProperty("id").GetString()!)];
        var request = new OpenGms.Interpretation.Application.Analysis.AnalysisRequest
        {
            VcfPath = SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/Pfeiffer.vcf.gz"),
            HpoTerms = terms,
            CacheDirectory = regions.CacheDirectory,
            HpoDataDirectory = SharedData.PathOf("variants/hpo/full/hpo-2026-02-16"),
            IgnoreContigLengths = true,
        };

        string? result = await new RareDiseaseAnalysisJob().RunAsync(Job(RareDiseaseAnalysisJob.Payload(request)), TestContext.Current.CancellationToken);

        using JsonDocument doc = JsonDocument.Parse(result!);
        Assert.Equal("FGFR2", doc.RootElement.GetProperty("candidates")[0].GetProperty("gene").GetString());
        Assert.Equal(terms.Length, doc.RootElement.GetProperty("hpoTerms").GetArrayLength());
    }

    [Fact]
    public async Task A_bad_acmg_override_fails_the_job_with_INT047()
    {
        string payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["vcf"] = RepoPaths.TestData("pgx/two-patients.vcf"),
            ["acmgOverrides"] = new List<string> { "FGFR2=PM2" },
        });

        InvalidOperationException ex = await Assert.ThrowsAsync<InvalidOperationException>(() => new RareDiseaseAnalysisJob().RunAsync(Job(payload), TestContext.Current.CancellationToken));

        Assert.StartsWith("INT047", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_without_a_case_fails_with_INT050()
    {
        InvalidDataException ex = await Assert.ThrowsAsync<InvalidDataException>(() => new RareDiseaseAnalysisJob().RunAsync(Job("{}"), TestContext.Current.CancellationToken));

        Assert.StartsWith("INT050", ex.Message, StringComparison.Ordinal);
    }
}
