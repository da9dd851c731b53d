using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Jobs.Contracts;
using OpenGms.Testing;

namespace OpenGms.Web.Tests;

/// <summary>
/// The <c>rare-disease.analyse</c> job, run by the web process's worker, takes the panel of the directory test it is
/// given from the real directory and panel stores, at the version pinned in the payload.
/// </summary>
public sealed class RareDiseaseJobTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_naming_a_test_is_analysed_with_that_tests_panel()
    {
        await using RunningService service = await RunningService.StartAsync("sqlite", seedDemoData: true, Ct);
        // The Scout demo trio carries VEP's CSQ field, so no annotation cache is needed here.
        string vcf = SharedData.PathOf("variants/clinical-cases/scout-trio-643594/643594.clinical.vcf.gz");
        string ped = SharedData.PathOf("variants/clinical-cases/scout-trio-643594/643594.ped");
        string payload = JsonSerializer.Serialize(new Dictionary<string, object> { ["vcf"] = vcf, ["ped"] = ped, ["test"] = "R134.1", ["hpo"] = new List<string> { "HP:0003124" } });
        string unknownVersion = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["vcf"] = vcf, ["ped"] = ped, ["test"] = "R134.1", ["panelVersions"] = new Dictionary<string, string> { ["772"] = "999.9" },
        });

        JobInfo done = await RunAsync(service, payload);
        JobInfo refused = await RunAsync(service, unknownVersion);

        Assert.True(done.Status == JobStatus.Succeeded, done.Error);
        using JsonDocument result = JsonDocument.Parse(done.Result!);
        JsonElement panel = result.RootElement.GetProperty("panel");
        Assert.Equal(772, panel.GetProperty("id").GetInt32());
        Assert.StartsWith("R134.1 ", panel.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.True(panel.GetProperty("greenGenes").GetInt32() > 0);
        Assert.Equal(JobStatus.Failed, refused.Status);
        Assert.Contains("INT045", refused.Error, StringComparison.Ordinal);
    }

    private static async Task<JobInfo> RunAsync(RunningService service, string payload)
    {
        using IServiceScope scope = service.Services.CreateScope();
        IJobScheduler jobs = scope.ServiceProvider.GetRequiredService<IJobScheduler>();
        JobInfo job = await jobs.EnqueueAsync("rare-disease.analyse", payload, "case-r134", Ct);
        for (int i = 0; i < 300 && job.Status is JobStatus.Queued or JobStatus.Running; i++)
        {
            await Task.Delay(100, Ct);
            job = (await jobs.GetAsync(job.Id, Ct)).Value;
        }

        return job;
    }
}
