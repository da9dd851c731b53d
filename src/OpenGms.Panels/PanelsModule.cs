using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Kernel;
using OpenGms.Persistence;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Infrastructure;
using OpenGms.Panels.Infrastructure.Demo;
using OpenGms.Panels.Infrastructure.Persistence;
using OpenGms.Panels.Infrastructure.Persistence.Postgres;
using OpenGms.Panels.Infrastructure.Persistence.Sqlite;

namespace OpenGms.Panels;

/// <summary>Registers the panels module: storage on the configured provider, import, queries, catalogue, demo data.</summary>
public static class PanelsModule
{
    /// <summary>Adds the panels module's services.</summary>
    public static IServiceCollection AddPanelsModule(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<PanelsDbContext, SqlitePanelsDbContext, PostgresPanelsDbContext>(database);

        services.AddScoped<IModuleDatabase, PanelsModuleDatabase>();
        services.AddScoped<IPanelImporter, PanelImporter>();
        services.AddScoped<PanelQueries>();
        services.AddScoped<IPanelQueries>(sp => sp.GetRequiredService<PanelQueries>());
        services.AddScoped<IPanelCatalog>(sp => sp.GetRequiredService<PanelQueries>());
        services.AddScoped<IDemoDataSeeder, DemoPanelSeeder>();
        return services;
    }
}

internal sealed class PanelsModuleDatabase(PanelsDbContext db) : IModuleDatabase
{
    public string Module => "panels";

    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
}
