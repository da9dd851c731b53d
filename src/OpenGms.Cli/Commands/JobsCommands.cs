using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cli.Hosting;
using OpenGms.Jobs.Application;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;

namespace OpenGms.Cli.Commands;

/// <summary><c>gms worker</c> (run queued jobs) and <c>gms jobs list|retry</c>.</summary>
internal static class JobsCommands
{
    public static Command CreateWorker()
    {
        var name = new Option<string?>("--name") { Description = "This worker's name in the job table (default: host:process id)." };
        var once = new Option<bool>("--once") { Description = "Run the jobs waiting now, then stop (instead of waiting for more)." };
        var command = new Command("worker", "Run queued analysis jobs from the database until stopped (Ctrl+C). Several may run at once, on one machine or many.") { name, once };
        CommandRunner.SetHandler(command, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            JobRunner runner = services.GetRequiredService<JobRunner>();
            string worker = context.Parse.GetValue(name) ?? $"{Environment.MachineName}:{Environment.ProcessId}";
            if (context.Parse.GetValue(once))
            {
                int ran = 0;
                while (await runner.RunOnceAsync(worker, ct).ConfigureAwait(false))
                {
                    ran++;
                }

                context.Output.WriteLine($"{worker}: ran {ran} job(s).");
                return ExitCodes.Ok;
            }

            context.Error.WriteLine($"{worker}: waiting for jobs ({context.Database.Provider}); Ctrl+C stops.");
            await runner.RunAsync(worker, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Create()
    {
        var status = new Option<JobStatus?>("--status") { Description = "Only jobs with this status (Queued, Running, Succeeded, Failed)." };
        var subject = new Option<string?>("--subject") { Description = "Only jobs about this subject (e.g. an order id)." };
        var list = new Command("list", "List jobs, newest first.") { status, subject };
        CommandRunner.SetHandler(list, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            using IServiceScope scope = services.CreateScope();
            IReadOnlyList<JobInfo> jobs = await scope.ServiceProvider.GetRequiredService<IJobScheduler>()
                .ListAsync(context.Parse.GetValue(status), context.Parse.GetValue(subject), 200, ct).ConfigureAwait(false);
            if (context.Json)
            {
                context.WriteJson(jobs);
                return ExitCodes.Ok;
            }

            foreach (JobInfo j in jobs)
            {
                context.Output.WriteLine($"{j.Id}\t{j.Kind}\t{j.Status}\t{j.Attempts}\t{j.Subject}\t{j.Created:u}\t{j.Error}");
            }

            return ExitCodes.Ok;
        });

        var id = new Argument<Guid>("ID") { Description = "The job." };
        var retry = new Command("retry", "Put a failed job back in the queue.") { id };
        CommandRunner.SetHandler(retry, async (context, ct) =>
        {
            await using ServiceProvider services = await CliServices.OpenAsync(context, ct).ConfigureAwait(false);
            using IServiceScope scope = services.CreateScope();
            Result<JobInfo> job = await scope.ServiceProvider.GetRequiredService<IJobScheduler>().RetryAsync(context.Parse.GetValue(id), ct).ConfigureAwait(false);
            if (!job.IsSuccess)
            {
                return context.Fail(job.Error);
            }

            context.Output.WriteLine($"{job.Value.Id} queued again.");
            return ExitCodes.Ok;
        });
        return new Command("jobs", "The analysis job queue.") { list, retry };
    }
}
