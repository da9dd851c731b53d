using Microsoft.EntityFrameworkCore;
using OpenGms.Jobs.Contracts;
using OpenGms.Jobs.Infrastructure.Persistence;
using OpenGms.Kernel;

namespace OpenGms.Jobs.Infrastructure;

/// <summary>The job queue over the module's table (SQLite or PostgreSQL).</summary>
internal sealed class EfJobScheduler(JobsDbContext db, IClock clock) : IJobScheduler
{
    public async Task<JobInfo> EnqueueAsync(string kind, string payload, string? subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(payload);
        var row = new JobRow
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Payload = payload,
            Subject = subject,
            Status = JobRows.Queued,
            CreatedMs = clock.UtcNow.ToUnixTimeMilliseconds(),
        };
        db.Jobs.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return JobRows.ToInfo(row);
    }

    public async Task<Result<JobInfo>> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        JobRow? row = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? Error.NotFound("JOB001", $"No job {id}.") : JobRows.ToInfo(row);
    }

    public async Task<IReadOnlyList<JobInfo>> ListAsync(JobStatus? status, string? subject, int limit, CancellationToken cancellationToken)
    {
        IQueryable<JobRow> query = db.Jobs.AsNoTracking();
        if (status is JobStatus s)
        {
            string name = JobRows.Name(s);
            query = query.Where(j => j.Status == name);
        }

        if (subject is not null)
        {
            query = query.Where(j => j.Subject == subject);
        }

        List<JobRow> rows = await query.OrderByDescending(j => j.CreatedMs).Take(Math.Clamp(limit, 1, 1000)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(JobRows.ToInfo)];
    }

    public async Task<Result<JobInfo>> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        // One statement: only a failed job goes back to the queue, however many people press "retry" at once.
        int changed = await db.Jobs.Where(j => j.Id == id && j.Status == JobRows.Failed)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, JobRows.Queued).SetProperty(j => j.Error, (string?)null)
                .SetProperty(j => j.FinishedMs, (long?)null).SetProperty(j => j.Worker, (string?)null).SetProperty(j => j.LeaseUntilMs, (long?)null),
                cancellationToken).ConfigureAwait(false);
        Result<JobInfo> job = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (!job.IsSuccess || changed == 1)
        {
            return job;
        }

        return Error.Conflict("JOB002", $"Job {id} is {JobRows.Name(job.Value.Status)}: only a failed job can be retried.");
    }
}

/// <summary>Status names as stored, and row-to-contract mapping.</summary>
internal static class JobRows
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    public static string Name(JobStatus status) => status switch
    {
        JobStatus.Queued => Queued,
        JobStatus.Running => Running,
        JobStatus.Succeeded => Succeeded,
        _ => Failed,
    };

    public static JobInfo ToInfo(JobRow r) => new(
        r.Id,
        r.Kind,
        r.Payload,
        r.Subject,
        r.Status switch { Queued => JobStatus.Queued, Running => JobStatus.Running, Succeeded => JobStatus.Succeeded, _ => JobStatus.Failed },
        r.Attempts,
        r.Error,
        r.Result,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs),
        r.StartedMs is long s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
        r.FinishedMs is long f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
        r.Worker);
}
