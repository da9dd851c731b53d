using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Web.Identity;

namespace OpenGms.Web.Api;

/// <summary><c>/api/jobs</c>: the analysis job queue, for GLH scientists and administrators.</summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this IEndpointRouteBuilder endpoints)
    {
        RouteGroupBuilder group = endpoints.MapGroup("/api/jobs").WithTags("Jobs").RequireAuthorization(GmsPolicies.ManageJobs);
        group.MapGet("/", async (JobStatus? status, string? subject, int? limit, IJobScheduler jobs, CancellationToken ct) =>
            Results.Ok(await jobs.ListAsync(status, subject, limit ?? 100, ct).ConfigureAwait(false))).WithName("ListJobs");
        group.MapGet("/{id:guid}", async (Guid id, IJobScheduler jobs, CancellationToken ct) =>
        {
            Result<JobInfo> job = await jobs.GetAsync(id, ct).ConfigureAwait(false);
            return job.IsSuccess ? Results.Ok(job.Value) : ErrorResults.Problem(job.Error);
        }).WithName("GetJob");
        group.MapPost("/{id:guid}/retry", async (Guid id, IJobScheduler jobs, CancellationToken ct) =>
        {
            Result<JobInfo> job = await jobs.RetryAsync(id, ct).ConfigureAwait(false);
            return job.IsSuccess ? Results.Ok(job.Value) : ErrorResults.Problem(job.Error);
        }).WithName("RetryJob");
    }
}
