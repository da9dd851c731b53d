using Microsoft.EntityFrameworkCore;
using OpenGms.Jobs.Infrastructure.Persistence;
using OpenGms.Jobs.Infrastructure.Persistence.Postgres;

namespace OpenGms.Jobs.Infrastructure;

/// <summary>
/// The worker side of the table: claim the oldest job that is queued or whose lease has run out, renew a lease, finish.
/// Each is one SQL statement, so two workers never hold the same job: PostgreSQL skips rows another transaction has
/// locked (<c>FOR UPDATE SKIP LOCKED</c>); SQLite lets one writer at a time run the statement.
/// </summary>
internal sealed class JobStore(JobsDbContext db)
{
    /// <summary>A job abandoned this many times (its worker died each time) is failed rather than claimed again.</summary>
    public const int MaxAttempts = 3;

    public async Task<Guid?> ClaimAsync(string worker, long nowMs, long leaseMs, CancellationToken cancellationToken)
    {
        bool postgres = db is PostgresJobsDbContext;
        string lockClause = postgres ? " FOR UPDATE SKIP LOCKED" : string.Empty;
        string sql =
            "UPDATE job SET status = 'running', worker = {0}, attempts = attempts + 1, started_ms = {1}, lease_until_ms = {2}, error = NULL, finished_ms = NULL " +
            "WHERE id = (SELECT id FROM job WHERE status = 'queued' OR (status = 'running' AND lease_until_ms < {1} AND attempts < {3}) " +
            "ORDER BY created_ms LIMIT 1" + lockClause + ") RETURNING id AS \"Value\"";
        List<Guid> claimed = await db.Database.SqlQueryRaw<Guid>(sql, worker, nowMs, nowMs + leaseMs, MaxAttempts)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return claimed.Count == 0 ? null : claimed[0];
    }

    /// <summary>Fails the running jobs whose lease ran out after <see cref="MaxAttempts"/> attempts.</summary>
    public Task<int> FailAbandonedAsync(long nowMs, CancellationToken cancellationToken) =>
        db.Jobs.Where(j => j.Status == JobRows.Running && j.LeaseUntilMs < nowMs && j.Attempts >= MaxAttempts)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobRows.Failed).SetProperty(j => j.FinishedMs, nowMs)
                .SetProperty(j => j.Error, $"Abandoned: its worker stopped {MaxAttempts} times without finishing it."), cancellationToken);

    /// <summary>Extends the lease; false when the job is no longer this worker's (its lease ran out and another took it).</summary>
    public async Task<bool> RenewAsync(Guid id, string worker, long leaseUntilMs, CancellationToken cancellationToken) =>
        await db.Jobs.Where(j => j.Id == id && j.Worker == worker && j.Status == JobRows.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntilMs, leaseUntilMs), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Records the outcome, only if the job is still this worker's.</summary>
    public async Task<bool> FinishAsync(Guid id, string worker, bool succeeded, string? result, string? error, long nowMs, CancellationToken cancellationToken) =>
        await db.Jobs.Where(j => j.Id == id && j.Worker == worker && j.Status == JobRows.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, succeeded ? JobRows.Succeeded : JobRows.Failed)
                .SetProperty(j => j.Result, result).SetProperty(j => j.Error, error)
                .SetProperty(j => j.FinishedMs, nowMs).SetProperty(j => j.LeaseUntilMs, (long?)null), cancellationToken).ConfigureAwait(false) == 1;

    /// <summary>Puts a job this worker holds back in the queue (the worker is stopping).</summary>
    public Task<int> ReleaseAsync(Guid id, string worker, CancellationToken cancellationToken) =>
        db.Jobs.Where(j => j.Id == id && j.Worker == worker && j.Status == JobRows.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobRows.Queued).SetProperty(j => j.LeaseUntilMs, (long?)null)
                .SetProperty(j => j.Attempts, j => j.Attempts - 1), cancellationToken);
}
