using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Directory.Infrastructure.Persistence.Postgres;

/// <summary>The directory tables on PostgreSQL.</summary>
internal sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>: no server is contacted while generating migrations.</summary>
internal sealed class PostgresDirectoryDbContextFactory : IDesignTimeDbContextFactory<PostgresDirectoryDbContext>
{
    public PostgresDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDirectoryDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
