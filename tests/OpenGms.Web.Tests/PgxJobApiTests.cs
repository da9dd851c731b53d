using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenGms.Testing;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Tests;

/// <summary>
/// A PGx call queued as a background job (<c>POST /api/pgx/jobs</c>), run by the web process's worker, its reports read
/// back at <c>GET /api/pgx/jobs/{id}</c>: the same reports the synchronous endpoint gives.
/// </summary>
public sealed class PgxJobApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(string? sample)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(RepoPaths.TestData("pgx/two-patients.vcf")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "vcf", "two-patients.vcf");
        if (sample is not null)
        {
            form.Add(new StringContent(sample), "sample");
        }

        return form;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, Uri location, string until)
    {
        JsonElement job = default;
        for (int i = 0; i < 200; i++)
        {
            job = await client.GetFromJsonAsync<JsonElement>(location, Ct);
            if (job.GetProperty("status").GetString() == until)
            {
                break;
            }

            await Task.Delay(100, Ct);
        }

        return job;
    }

    [Fact]
    public async Task Queued_call_runs_in_the_background_and_gives_the_synchronous_report()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);

        using MultipartFormDataContent form = Upload("PATIENT-1");
        HttpResponseMessage queued = await pharmacist.PostAsync(new Uri("/api/pgx/jobs", UriKind.Relative), form, Ct);
        JsonElement job = await WaitAsync(pharmacist, queued.Headers.Location!, "Succeeded");
        using MultipartFormDataContent again = Upload("PATIENT-1");
        JsonElement direct = await (await pharmacist.PostAsync(new Uri("/api/pgx/report", UriKind.Relative), again, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        JsonElement report = Assert.Single(job.GetProperty("reports").EnumerateArray());
        Assert.Equal(direct.GetRawText(), report.GetRawText());
    }

    [Fact]
    public async Task Queued_call_of_an_unknown_sample_fails_with_the_pgx_error()
    {
        await using RunningService service = await RunningService.StartAsync(ct: Ct);
        using HttpClient pharmacist = await service.SignedInClientAsync("rx.patel", GmsRoles.Pharmacist);

        using MultipartFormDataContent form = Upload("NOBODY");
        HttpResponseMessage queued = await pharmacist.PostAsync(new Uri("/api/pgx/jobs", UriKind.Relative), form, Ct);
        JsonElement job = await WaitAsync(pharmacist, queued.Headers.Location!, "Failed");

        Assert.Equal("Failed", job.GetProperty("status").GetString());
        Assert.Contains("NOBODY", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(job.GetProperty("reports").EnumerateArray());
    }
}
