using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Consent.Application;
using OpenGms.Consent.Contracts;
using OpenGms.Consent.Infrastructure;
using OpenGms.Consent.Infrastructure.Persistence;
using OpenGms.Consent.Infrastructure.Persistence.Postgres;
using OpenGms.Consent.Infrastructure.Persistence.Sqlite;
using OpenGms.Kernel;
using OpenGms.Persistence;

namespace OpenGms.Consent;

/// <summary>Registers the consent module (patients, families, records of discussion, the research-inclusion rule).</summary>
public static class ConsentModule
{
    /// <summary>Adds the module's services over <paramref name="database"/>.</summary>
    public static IServiceCollection AddConsentModule(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<ConsentDbContext, SqliteConsentDbContext, PostgresConsentDbContext>(database);

        services.AddScoped<IConsentStore, EfConsentStore>();
        services.AddScoped<ConsentService>();
        services.AddScoped<IResearchConsent>(sp => sp.GetRequiredService<ConsentService>());
        services.AddScoped<IPatientRegistry>(sp => sp.GetRequiredService<ConsentService>());
        services.AddScoped<IModuleDatabase, ConsentModuleDatabase>();
        return services;
    }

    private sealed class ConsentModuleDatabase(ConsentDbContext db) : IModuleDatabase
    {
        public string Module => "consent";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }
}
