using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Orders.Infrastructure.Persistence.Postgres;

/// <summary>The orders tables on PostgreSQL.</summary>
public sealed class PostgresOrdersDbContext(DbContextOptions<PostgresOrdersDbContext> options) : OrdersDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>: no connection is opened to generate a migration.</summary>
internal sealed class PostgresOrdersDbContextFactory : IDesignTimeDbContextFactory<PostgresOrdersDbContext>
{
    public PostgresOrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOrdersDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
