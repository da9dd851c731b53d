using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Jobs.Application;
using OpenGms.Jobs.Contracts;
using OpenGms.Jobs.Infrastructure;
using OpenGms.Jobs.Infrastructure.Persistence;
using OpenGms.Jobs.Infrastructure.Persistence.Postgres;
using OpenGms.Jobs.Infrastructure.Persistence.Sqlite;
using OpenGms.Kernel;
using OpenGms.Persistence;

namespace OpenGms.Jobs;

/// <summary>Registers the job queue and the runner. Handlers (<see cref="IJobHandler"/>) are registered by the modules that own the work.</summary>
public static class JobsModule
{
    /// <summary>Adds the module's services over <paramref name="database"/>.</summary>
    public static IServiceCollection AddJobsModule(this IServiceCollection services, DatabaseSettings database, JobRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<JobsDbContext, SqliteJobsDbContext, PostgresJobsDbContext>(database);
        services.AddScoped<IJobScheduler, EfJobScheduler>();
        services.AddScoped<JobStore>();
        services.AddSingleton(options ?? JobRunnerOptions.Default);
        services.AddSingleton<JobRunner>();
        services.AddScoped<IModuleDatabase, JobsModuleDatabase>();
        return services;
    }

    private sealed class JobsModuleDatabase(JobsDbContext db) : IModuleDatabase
    {
        public string Module => "jobs";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }
}
