using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenGms.Kernel;

namespace OpenGms.Persistence;

/// <summary>
/// The one way a module registers its EF Core context: a model in an abstract base context and one sealed subclass
/// per database provider, each carrying that provider's migrations. Modules resolve the base type.
/// </summary>
public static class ModuleDbContexts
{
    /// <summary>
    /// Registers <typeparamref name="TSqlite"/> or <typeparamref name="TPostgres"/> (chosen by the provider of
    /// <paramref name="database"/>) and makes <typeparamref name="TContext"/> resolve to it, in the request scope.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext, TSqlite, TPostgres>(this IServiceCollection services, DatabaseSettings database)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContext<TPostgres>(o => o.UseNpgsql(database.ConnectionString));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TPostgres>());
        }
        else
        {
            services.AddDbContext<TSqlite>(o => o.UseSqlite(database.ConnectionString));
            services.AddScoped<TContext>(sp => sp.GetRequiredService<TSqlite>());
        }

        services.AddScoped(sp => new ModuleDbContextHandle(sp.GetRequiredService<TContext>()));
        services.TryAddScoped<IUnitOfWork, EfUnitOfWork>();
        return services;
    }
}
