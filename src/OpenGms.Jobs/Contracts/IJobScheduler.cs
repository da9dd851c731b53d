using OpenGms.Kernel;

namespace OpenGms.Jobs.Contracts;

/// <summary>Where a job is in its life.</summary>
public enum JobStatus
{
    /// <summary>Waiting for a worker.</summary>
    Queued,

    /// <summary>Claimed by a worker, whose lease is renewed while it runs.</summary>
    Running,

    /// <summary>Done; <see cref="JobInfo.Result"/> says what came out.</summary>
    Succeeded,

    /// <summary>Stopped with an error (<see cref="JobInfo.Error"/>); may be retried.</summary>
    Failed,
}

/// <summary>A job as other modules and the hosts see it.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Kind">Which handler runs it (e.g. <c>pgx.call</c>).</param>
/// <param name="Payload">The handler's input, as the enqueuer wrote it (JSON by convention).</param>
/// <param name="Subject">What it is about, for listing (e.g. an order or sample id), or null.</param>
/// <param name="Status">Status.</param>
/// <param name="Attempts">Times a worker has started it.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Result">What the handler returned on success.</param>
/// <param name="Created">When it was queued.</param>
/// <param name="Started">When the last attempt started.</param>
/// <param name="Finished">When it succeeded or failed.</param>
/// <param name="Worker">The worker that ran (or runs) it.</param>
public sealed record JobInfo(
    Guid Id,
    string Kind,
    string Payload,
    string? Subject,
    JobStatus Status,
    int Attempts,
    string? Error,
    string? Result,
    DateTimeOffset Created,
    DateTimeOffset? Started,
    DateTimeOffset? Finished,
    string? Worker);

/// <summary>The database-backed job queue: jobs survive restarts and are shared by every worker on the database.</summary>
public interface IJobScheduler
{
    /// <summary>Queues a job for the handler of <paramref name="kind"/>.</summary>
    Task<JobInfo> EnqueueAsync(string kind, string payload, string? subject, CancellationToken cancellationToken);

    /// <summary>One job, or a not-found error.</summary>
    Task<Result<JobInfo>> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Jobs, newest first, optionally by status and subject.</summary>
    Task<IReadOnlyList<JobInfo>> ListAsync(JobStatus? status, string? subject, int limit, CancellationToken cancellationToken);

    /// <summary>Puts a failed job back in the queue; a conflict error unless it has failed.</summary>
    Task<Result<JobInfo>> RetryAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>Runs the jobs of one kind. Registered in DI; the runner picks it by <see cref="Kind"/>.</summary>
public interface IJobHandler
{
    /// <summary>The job kind this handler runs.</summary>
    string Kind { get; }

    /// <summary>
    /// Runs <paramref name="job"/> and returns a short result (JSON by convention) to keep with it. Throw to fail the job:
    /// the exception's message is kept as its error. Runs in its own DI scope.
    /// </summary>
    Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken);
}
