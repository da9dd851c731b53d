using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Jobs.Contracts;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>The web process runs queued jobs (embedded default) and shows them at /api/jobs.</summary>
public sealed class JobsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Web_process_runs_a_queued_job_and_the_api_shows_its_outcome(string provider)
    {
        await using RunningService service = await RunningService.StartAsync(provider, seedDemoData: false, Ct);
        Guid id;
        using (IServiceScope scope = service.Services.CreateScope())
        {
            // No module handles this kind yet, so the in-process worker fails it with a message: a real outcome to show.
            id = (await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync("no-such-kind", "{}", "order-42", Ct)).Id;
        }

        HttpClient scientist = await service.SignedInClientAsync("sci", [GmsRoles.GlhScientist], "east");
        JsonElement job = default;
        for (int i = 0; i < 100; i++)
        {
            job = await scientist.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}", Ct);
            if (job.GetProperty("status").GetString() == "Failed")
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        HttpResponseMessage list = await scientist.GetAsync(new Uri("/api/jobs?subject=order-42", UriKind.Relative), Ct);
        HttpClient clinician = await service.SignedInClientAsync("doc", GmsRoles.RequestingClinician);

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("no-such-kind", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await list.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync(new Uri($"/api/jobs/{id}", UriKind.Relative), Ct)).StatusCode);
    }
}
