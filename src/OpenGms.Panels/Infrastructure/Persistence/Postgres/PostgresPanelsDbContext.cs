using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Panels.Infrastructure.Persistence.Postgres;

/// <summary>The panels tables on PostgreSQL.</summary>
public sealed class PostgresPanelsDbContext(DbContextOptions<PostgresPanelsDbContext> options) : PanelsDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context PostgresPanelsDbContext</c>.</summary>
public sealed class PostgresPanelsDbContextFactory : IDesignTimeDbContextFactory<PostgresPanelsDbContext>
{
    /// <inheritdoc />
    public PostgresPanelsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPanelsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
