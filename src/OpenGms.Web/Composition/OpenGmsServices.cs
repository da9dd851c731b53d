using Microsoft.Extensions.DependencyInjection;
using OpenGms.Directory;
using OpenGms.Kernel;

namespace OpenGms.Web.Composition;

/// <summary>The one place that wires every module: both hosts (web and CLI) call it.</summary>
public static class OpenGmsServices
{
    /// <summary>Registers every module against one database.</summary>
    public static IServiceCollection AddOpenGms(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddSingleton(database);
        services.AddSingleton<IClock>(SystemClock.Instance);
        // Modules register themselves here, one line each.
        services.AddDirectoryModule(database);
        return services;
    }

    /// <summary>Applies every module's migrations, then (optionally) seeds demo data into empty stores.</summary>
    public static async Task InitialiseAsync(IServiceProvider services, bool seedDemoData, TextWriter? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        using IServiceScope scope = services.CreateScope();
        foreach (IModuleDatabase database in scope.ServiceProvider.GetServices<IModuleDatabase>())
        {
            await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!seedDemoData)
        {
            return;
        }

        foreach (IDemoDataSeeder seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
        {
            if (await seeder.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false))
            {
                log?.WriteLine($"Loaded bundled demo data: {seeder.Module}");
            }
        }
    }
}
