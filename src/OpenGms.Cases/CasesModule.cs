using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Cases.Application;
using OpenGms.Cases.Contracts;
using OpenGms.Cases.Infrastructure;
using OpenGms.Cases.Infrastructure.Persistence;
using OpenGms.Cases.Infrastructure.Persistence.Postgres;
using OpenGms.Cases.Infrastructure.Persistence.Sqlite;
using OpenGms.Jobs.Contracts;
using OpenGms.Kernel;
using OpenGms.Persistence;

namespace OpenGms.Cases;

/// <summary>Registers the cases module (case review, four-eyes authorisation, report versions, the case analysis job).</summary>
public static class CasesModule
{
    /// <summary>Adds the module's services over <paramref name="database"/>.</summary>
    public static IServiceCollection AddCasesModule(this IServiceCollection services, DatabaseSettings database, CasesOptions options)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        services.AddModuleDbContext<CasesDbContext, SqliteCasesDbContext, PostgresCasesDbContext>(database);
        services.AddSingleton(options);
        services.AddScoped<ICaseStore, EfCaseStore>();
        services.AddScoped<CaseService>();
        services.AddScoped<ICaseReports>(sp => sp.GetRequiredService<CaseService>());
        services.AddScoped<IJobHandler, CaseAnalysisJob>();
        services.AddScoped<IModuleDatabase, CasesModuleDatabase>();
        return services;
    }

    private sealed class CasesModuleDatabase(CasesDbContext db) : IModuleDatabase
    {
        public string Module => "cases";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }
}
