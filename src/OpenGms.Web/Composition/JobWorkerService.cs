using Microsoft.Extensions.Hosting;
using OpenGms.Jobs.Application;

namespace OpenGms.Web.Composition;

/// <summary>Runs queued jobs inside the web process (the embedded default); <c>gms worker</c> does the same on its own.</summary>
internal sealed class JobWorkerService(JobRunner runner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        runner.RunAsync($"web:{Environment.MachineName}:{Environment.ProcessId}", stoppingToken);
}
