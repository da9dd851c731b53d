using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Cases.Infrastructure.Persistence.Postgres;

/// <summary>The cases tables on PostgreSQL.</summary>
public sealed class PostgresCasesDbContext(DbContextOptions<PostgresCasesDbContext> options) : CasesDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresCasesDbContextFactory : IDesignTimeDbContextFactory<PostgresCasesDbContext>
{
    public PostgresCasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresCasesDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
