using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Kernel;
using OpenGms.Orders.Application;
using OpenGms.Orders.Application.Routing;
using OpenGms.Orders.Infrastructure;
using OpenGms.Orders.Infrastructure.Persistence;
using OpenGms.Orders.Infrastructure.Persistence.Postgres;
using OpenGms.Orders.Infrastructure.Persistence.Sqlite;
using OpenGms.Persistence;

namespace OpenGms.Orders;

/// <summary>Registers the orders module (orders, samples, GLH routing, lifecycle, turnaround).</summary>
public static class OrdersModule
{
    /// <summary>The bundled demo routing table's resource name.</summary>
    public const string DemoRoutingResource = "OpenGms.Orders.DemoData.glh-routing.tsv";

    /// <summary>Adds the module's services over <paramref name="database"/>.</summary>
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(database);
        services.AddModuleDbContext<OrdersDbContext, SqliteOrdersDbContext, PostgresOrdersDbContext>(database);
        services.AddScoped<IOrderStore, EfOrderStore>();
        services.AddScoped<IRoutingStore, EfRoutingStore>();
        services.AddScoped<OrderService>();
        services.AddScoped<OpenGms.Orders.Contracts.IOrderWorkflow, OrderWorkflow>();
        services.AddScoped<RoutingService>();
        services.AddScoped<IModuleDatabase, OrdersModuleDatabase>();
        services.AddScoped<IDemoDataSeeder, RoutingDemoSeeder>();
        return services;
    }

    /// <summary>Opens the bundled demo routing table (TSV).</summary>
    public static Stream OpenDemoRoutingTable() =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(DemoRoutingResource)
        ?? throw new InvalidOperationException($"The resource {DemoRoutingResource} is missing from the build.");

    private sealed class OrdersModuleDatabase(OrdersDbContext db) : IModuleDatabase
    {
        public string Module => "orders";

        public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);
    }

    private sealed class RoutingDemoSeeder(OrdersDbContext db, RoutingService routing) : IDemoDataSeeder
    {
        public string Module => "orders (GLH routing table)";

        public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
        {
            if (await db.Glhs.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            using var reader = new StreamReader(OpenDemoRoutingTable());
            var issues = new List<RoutingIssue>();
            Result<RoutingService.ImportSummary> imported = await routing.ImportAsync(reader, "glh-routing.tsv", issues, cancellationToken).ConfigureAwait(false);
            return imported.IsSuccess ? true : throw new InvalidOperationException($"The bundled routing table is invalid: {imported.Error}");
        }
    }
}
