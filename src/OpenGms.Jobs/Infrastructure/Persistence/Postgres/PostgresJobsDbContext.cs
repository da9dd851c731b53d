using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Jobs.Infrastructure.Persistence.Postgres;

/// <summary>The job table on the PostgreSQL.</summary>
public sealed class PostgresJobsDbContext(DbContextOptions<PostgresJobsDbContext> options) : JobsDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresJobsDbContextFactory : IDesignTimeDbContextFactory<PostgresJobsDbContext>
{
    public PostgresJobsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresJobsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
