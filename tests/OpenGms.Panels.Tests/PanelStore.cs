using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Kernel;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Application.QueryPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Infrastructure.Persistence;
using OpenGms.Testing;

namespace OpenGms.Panels.Tests;

/// <summary>The panels module over a fresh migrated database, for integration tests.</summary>
internal sealed class PanelStore : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;

    private PanelStore(TestDatabase database, ServiceProvider services)
    {
        _database = database;
        _services = services;
    }

    public static async Task<PanelStore> CreateAsync(string provider)
    {
        TestDatabase database = await TestDatabases.CreateAsync(provider, TestContext.Current.CancellationToken);
        var services = new ServiceCollection();
        services.AddPanelsModule(database.Settings);
        ServiceProvider provider1 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (AsyncServiceScope scope = provider1.CreateAsyncScope())
        {
            foreach (IModuleDatabase module in scope.ServiceProvider.GetServices<IModuleDatabase>())
            {
                await module.MigrateAsync(TestContext.Current.CancellationToken);
            }
        }

        return new PanelStore(database, provider1);
    }

    public async Task<PanelImportReport> ImportAsync(string path)
    {
        await using AsyncServiceScope scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPanelImporter>().ImportAsync(path, TestContext.Current.CancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<IPanelQueries, Task<T>> query)
    {
        await using AsyncServiceScope scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<IPanelQueries>());
    }

    public async Task<Result<ResolvedPanel>> ResolveAsync(int id, string? version, PanelConfidence minimum)
    {
        await using AsyncServiceScope scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPanelCatalog>().ResolveAsync(id, version, minimum, TestContext.Current.CancellationToken);
    }

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> body)
    {
        await using AsyncServiceScope scope = _services.CreateAsyncScope();
        return await body(scope.ServiceProvider);
    }

    /// <summary>Row counts of every panels table: panels, versions, entities, components.</summary>
    public async Task<(int Panels, int Versions, int Entities, int Components)> CountRowsAsync()
    {
        await using AsyncServiceScope scope = _services.CreateAsyncScope();
        PanelsDbContext db = scope.ServiceProvider.GetRequiredService<PanelsDbContext>();
        CancellationToken ct = TestContext.Current.CancellationToken;
        return (await db.Panels.CountAsync(ct), await db.Versions.CountAsync(ct), await db.Entities.CountAsync(ct), await db.Components.CountAsync(ct));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }
}
