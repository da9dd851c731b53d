using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Jobs.Application;
using OpenGms.Jobs.Contracts;
using OpenGms.Jobs.Infrastructure;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Jobs.Tests;

/// <summary>The job queue and its workers on the embedded SQLite store and on PostgreSQL.</summary>
public sealed class JobRunnerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task RunOnce_runs_the_handler_and_keeps_its_result(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var log = new HandlerLog();
        await using ServiceProvider services = await OpenAsync(db, log);
        JobInfo queued = await EnqueueAsync(services, "test.echo", "hello", "order-1");

        bool ran = await services.GetRequiredService<JobRunner>().RunOnceAsync("w1", Ct);

        JobInfo done = await GetAsync(services, queued.Id);
        Assert.True(ran);
        Assert.Equal((JobStatus.Succeeded, "echo:hello", 1, "w1"), (done.Status, done.Result, done.Attempts, done.Worker));
        Assert.NotNull(done.Finished);
        Assert.False(await services.GetRequiredService<JobRunner>().RunOnceAsync("w1", Ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Failed_job_says_why_and_runs_again_after_retry(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var log = new HandlerLog { FailFirstAttempt = true };
        await using ServiceProvider services = await OpenAsync(db, log);
        JobInfo queued = await EnqueueAsync(services, "test.echo", "x", null);
        JobRunner runner = services.GetRequiredService<JobRunner>();

        await runner.RunOnceAsync("w1", Ct);
        JobInfo failed = await GetAsync(services, queued.Id);
        Result<JobInfo> retried;
        using (IServiceScope scope = services.CreateScope())
        {
            retried = await scope.ServiceProvider.GetRequiredService<IJobScheduler>().RetryAsync(queued.Id, Ct);
        }

        await runner.RunOnceAsync("w2", Ct);
        JobInfo done = await GetAsync(services, queued.Id);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Equal("InvalidOperationException: the sequencer file is not there yet", failed.Error);
        Assert.Equal(JobStatus.Queued, retried.Value.Status);
        Assert.Equal((JobStatus.Succeeded, 2, (string?)null), (done.Status, done.Attempts, done.Error));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Retry_of_a_job_that_has_not_failed_is_a_conflict(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db, new HandlerLog());
        JobInfo queued = await EnqueueAsync(services, "test.echo", "x", null);
        using IServiceScope scope = services.CreateScope();

        Result<JobInfo> result = await scope.ServiceProvider.GetRequiredService<IJobScheduler>().RetryAsync(queued.Id, Ct);

        Assert.Equal("JOB002", result.Error!.Code);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Job_of_an_unknown_kind_fails_with_a_message(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        await using ServiceProvider services = await OpenAsync(db, new HandlerLog());
        JobInfo queued = await EnqueueAsync(services, "rare-disease.analyse", "{}", null);

        await services.GetRequiredService<JobRunner>().RunOnceAsync("w1", Ct);

        JobInfo failed = await GetAsync(services, queued.Id);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("rare-disease.analyse", failed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Four_workers_racing_run_every_job_exactly_once(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var log = new HandlerLog { Delay = TimeSpan.FromMilliseconds(5) };
        await using ServiceProvider services = await OpenAsync(db, log);
        var ids = new List<Guid>();
        for (int i = 0; i < 40; i++)
        {
            ids.Add((await EnqueueAsync(services, "test.echo", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null)).Id);
        }

        JobRunner runner = services.GetRequiredService<JobRunner>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        Task[] workers = [.. Enumerable.Range(1, 4).Select(w => Task.Run(() => runner.RunAsync("w" + w, stop.Token), Ct))];
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (log.Runs.Count < 40 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        await stop.CancelAsync();
        await Task.WhenAll(workers);

        Assert.Equal(40, log.Runs.Count);
        Assert.Equal(ids.Order(), log.Runs.Order());
        IReadOnlyList<JobInfo> all;
        using (IServiceScope scope = services.CreateScope())
        {
            all = await scope.ServiceProvider.GetRequiredService<IJobScheduler>().ListAsync(JobStatus.Succeeded, null, 100, Ct);
        }

        Assert.Equal(40, all.Count);
        Assert.All(all, j => Assert.Equal(1, j.Attempts));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Job_of_a_worker_that_died_is_taken_over_after_its_lease(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using ServiceProvider services = await OpenAsync(db, new HandlerLog(), clock);
        JobInfo queued = await EnqueueAsync(services, "test.echo", "x", null);
        using (IServiceScope scope = services.CreateScope())
        {
            // A worker claims the job with a one-minute lease, then dies without finishing.
            Assert.Equal(queued.Id, await scope.ServiceProvider.GetRequiredService<JobStore>().ClaimAsync("dead", clock.UtcNow.ToUnixTimeMilliseconds(), 60_000, Ct));
        }

        JobRunner runner = services.GetRequiredService<JobRunner>();
        bool tooEarly = await runner.RunOnceAsync("alive", Ct);
        clock.UtcNow = clock.UtcNow.AddMinutes(2);
        bool afterLease = await runner.RunOnceAsync("alive", Ct);
        bool lateFinish;
        using (IServiceScope scope = services.CreateScope())
        {
            lateFinish = await scope.ServiceProvider.GetRequiredService<JobStore>().FinishAsync(queued.Id, "dead", false, null, "late", clock.UtcNow.ToUnixTimeMilliseconds(), Ct);
        }

        JobInfo done = await GetAsync(services, queued.Id);
        Assert.False(tooEarly);
        Assert.True(afterLease);
        Assert.False(lateFinish);
        Assert.Equal((JobStatus.Succeeded, 2, "alive"), (done.Status, done.Attempts, done.Worker));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Job_abandoned_three_times_is_failed_not_claimed_again(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var clock = new SettableClock(DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using ServiceProvider services = await OpenAsync(db, new HandlerLog(), clock);
        JobInfo queued = await EnqueueAsync(services, "test.echo", "x", null);
        for (int i = 0; i < JobStore.MaxAttempts; i++)
        {
            using IServiceScope scope = services.CreateScope();
            Assert.NotNull(await scope.ServiceProvider.GetRequiredService<JobStore>().ClaimAsync("dies-" + i, clock.UtcNow.ToUnixTimeMilliseconds(), 60_000, Ct));
            clock.UtcNow = clock.UtcNow.AddMinutes(2);
        }

        bool ran = await services.GetRequiredService<JobRunner>().RunOnceAsync("alive", Ct);

        JobInfo failed = await GetAsync(services, queued.Id);
        Assert.False(ran);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.StartsWith("Abandoned", failed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.Providers), MemberType = typeof(TestDatabases))]
    public async Task Queued_job_survives_a_restart_of_the_service(string provider)
    {
        await using TestDatabase db = await TestDatabases.CreateAsync(provider, Ct);
        var log = new HandlerLog();
        Guid id;
        await using (ServiceProvider first = await OpenAsync(db, log))
        {
            id = (await EnqueueAsync(first, "test.echo", "persisted", null)).Id;
        }

        await using ServiceProvider second = await OpenAsync(db, log);
        await second.GetRequiredService<JobRunner>().RunOnceAsync("w1", Ct);

        Assert.Equal("echo:persisted", (await GetAsync(second, id)).Result);
    }

    private static async Task<JobInfo> EnqueueAsync(ServiceProvider services, string kind, string payload, string? subject)
    {
        using IServiceScope scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IJobScheduler>().EnqueueAsync(kind, payload, subject, Ct);
    }

    private static async Task<JobInfo> GetAsync(ServiceProvider services, Guid id)
    {
        using IServiceScope scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IJobScheduler>().GetAsync(id, Ct)).Value;
    }

    private static async Task<ServiceProvider> OpenAsync(TestDatabase db, HandlerLog log, IClock? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(clock ?? SystemClock.Instance);
        services.AddJobsModule(db.Settings, new JobRunnerOptions(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20)));
        services.AddSingleton(log);
        services.AddScoped<IJobHandler, EchoHandler>();
        ServiceProvider provider = services.BuildServiceProvider();
        using IServiceScope scope = provider.CreateScope();
        foreach (IModuleDatabase module in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await module.MigrateAsync(Ct);
        }

        return provider;
    }

    /// <summary>What the test handler saw.</summary>
    private sealed class HandlerLog
    {
        public ConcurrentBag<Guid> Runs { get; } = [];

        public bool FailFirstAttempt { get; init; }

        public TimeSpan Delay { get; init; }
    }

    /// <summary>A handler written for these tests: echoes its payload, optionally failing the first attempt.</summary>
    private sealed class EchoHandler(HandlerLog log) : IJobHandler
    {
        public string Kind => "test.echo";

        public async Task<string?> RunAsync(JobInfo job, CancellationToken cancellationToken)
        {
            if (log.Delay > TimeSpan.Zero)
            {
                await Task.Delay(log.Delay, cancellationToken);
            }

            if (log.FailFirstAttempt && job.Attempts == 1)
            {
                throw new InvalidOperationException("the sequencer file is not there yet");
            }

            log.Runs.Add(job.Id);
            return "echo:" + job.Payload;
        }
    }

    private sealed class SettableClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset UtcNow { get; set; } = now;
    }
}
