using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Directory.Application;
using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Directory.Contracts;
using OpenGms.Directory.Infrastructure;
using OpenGms.Directory.Infrastructure.DemoData;
using OpenGms.Directory.Infrastructure.Import;
using OpenGms.Directory.Infrastructure.Persistence;
using OpenGms.Directory.Infrastructure.Persistence.Postgres;
using OpenGms.Directory.Infrastructure.Persistence.Sqlite;
using OpenGms.Kernel;
using OpenGms.Persistence;
using OpenGms.Panels.Contracts;

namespace OpenGms.Directory;

/// <summary>Registers the test-directory module.</summary>
public static class DirectoryModule
{
    /// <summary>
    /// Adds the directory's storage (SQLite or PostgreSQL per <paramref name="database"/>), its migrations, demo-data
    /// seeder, the import use case (<see cref="EditionImporter"/>) and <see cref="IDirectoryCatalog"/>. Panel targets
    /// resolve through <see cref="IPanelCatalog"/> when the panels module is registered too.
    /// </summary>
    public static IServiceCollection AddDirectoryModule(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<DirectoryDbContext, SqliteDirectoryDbContext, PostgresDirectoryDbContext>(database);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PanelGeneIndex>();
        services.AddScoped<IModuleDatabase, DirectoryModuleDatabase>();
        services.AddScoped<IDirectoryStore, DirectoryStore>();
        services.AddSingleton<IEditionFileReader, EditionFileReader>();
        services.AddScoped<EditionImporter>(sp => new EditionImporter(
            sp.GetRequiredService<IEditionFileReader>(), sp.GetRequiredService<IDirectoryStore>(), sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<PanelGeneIndex>().Invalidate));
        services.AddScoped<IDirectoryCatalog>(sp => new DirectoryCatalog(
            sp.GetRequiredService<DirectoryDbContext>(), sp.GetRequiredService<PanelGeneIndex>(), sp.GetService<IPanelCatalog>()));
        services.AddScoped<IDemoDataSeeder, DirectoryDemoDataSeeder>();
        return services;
    }

    private sealed class DirectoryModuleDatabase(DirectoryDbContext db) : IModuleDatabase
    {
        public string Module => "directory";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }
}
