using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Audit.Contracts;
using OpenGms.Audit.Infrastructure;
using OpenGms.Audit.Infrastructure.Persistence;
using OpenGms.Audit.Infrastructure.Persistence.Postgres;
using OpenGms.Audit.Infrastructure.Persistence.Sqlite;
using OpenGms.Kernel;
using OpenGms.Persistence;

namespace OpenGms.Audit;

/// <summary>Registers the append-only audit log.</summary>
public static class AuditModule
{
    /// <summary>Adds the module's services over <paramref name="database"/>.</summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(database);

        services.AddScoped<IAuditLog, EfAuditLog>();
        services.AddScoped<IModuleDatabase, AuditModuleDatabase>();
        return services;
    }

    private sealed class AuditModuleDatabase(AuditDbContext db) : IModuleDatabase
    {
        public string Module => "audit";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }
}
