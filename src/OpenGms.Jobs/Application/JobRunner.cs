using Microsoft.Extensions.DependencyInjection;
using OpenGms.Jobs.Contracts;
using OpenGms.Jobs.Infrastructure;
using OpenGms.Kernel;

namespace OpenGms.Jobs.Application;

/// <summary>How a worker claims and holds jobs.</summary>
/// <param name="Lease">How long a claim lasts without renewal; a worker that dies loses its job after this.</param>
/// <param name="PollInterval">Pause when the queue is empty.</param>
public sealed record JobRunnerOptions(TimeSpan Lease, TimeSpan PollInterval)
{
    /// <summary>One-minute leases, polling every second.</summary>
    public static JobRunnerOptions Default { get; } = new(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1));
}

/// <summary>
/// A worker: claims one job at a time, runs its handler in a fresh DI scope, renews the lease while it runs, and records
/// success or the failure's message. Any number of runners (threads, processes, machines) may share one database.
/// Used by <c>gms worker</c> and by the web host for the embedded default.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IClock clock, JobRunnerOptions options)
{
    /// <summary>Claims and runs one job; false when none was waiting.</summary>
    public async Task<bool> RunOnceAsync(string worker, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        Guid? claimed;
        using (IServiceScope scope = scopes.CreateScope())
        {
            JobStore store = scope.ServiceProvider.GetRequiredService<JobStore>();
            long now = clock.UtcNow.ToUnixTimeMilliseconds();
            await store.FailAbandonedAsync(now, cancellationToken).ConfigureAwait(false);
            claimed = await store.ClaimAsync(worker, now, (long)options.Lease.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
        }

        if (claimed is not Guid id)
        {
            return false;
        }

        using IServiceScope jobScope = scopes.CreateScope();
        JobInfo job = (await jobScope.ServiceProvider.GetRequiredService<IJobScheduler>().GetAsync(id, cancellationToken).ConfigureAwait(false)).Value;
        IJobHandler? handler = jobScope.ServiceProvider.GetServices<IJobHandler>().FirstOrDefault(h => string.Equals(h.Kind, job.Kind, StringComparison.Ordinal));
        using var heartbeat = new CancellationTokenSource();
        Task renewing = RenewWhileRunningAsync(id, worker, heartbeat.Token);
        bool succeeded = false;
        string? result = null;
        string? error;
        try
        {
            if (handler is null)
            {
                error = $"No handler for job kind '{job.Kind}' in this worker.";
            }
            else
            {
                result = await handler.RunAsync(job, cancellationToken).ConfigureAwait(false);
                succeeded = true;
                error = null;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker is stopping: hand the job back rather than failing it.
            await heartbeat.CancelAsync().ConfigureAwait(false);
            await renewing.ConfigureAwait(false);
            using IServiceScope scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<JobStore>().ReleaseAsync(id, worker, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
#pragma warning disable CA1031 // A job boundary: whatever the handler throws fails that job, not the worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        await heartbeat.CancelAsync().ConfigureAwait(false);
        await renewing.ConfigureAwait(false);
        using (IServiceScope scope = scopes.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobStore>()
                .FinishAsync(id, worker, succeeded, result, error, clock.UtcNow.ToUnixTimeMilliseconds(), CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Runs jobs until <paramref name="cancellationToken"/> fires, pausing while the queue is empty.</summary>
    public async Task RunAsync(string worker, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunOnceAsync(worker, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            if (!ran)
            {
                try
                {
                    await Task.Delay(options.PollInterval, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RenewWhileRunningAsync(Guid id, string worker, CancellationToken stop)
    {
        TimeSpan every = options.Lease / 3;
        while (true)
        {
            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using IServiceScope scope = scopes.CreateScope();
            long until = clock.UtcNow.Add(options.Lease).ToUnixTimeMilliseconds();
            await scope.ServiceProvider.GetRequiredService<JobStore>().RenewAsync(id, worker, until, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
