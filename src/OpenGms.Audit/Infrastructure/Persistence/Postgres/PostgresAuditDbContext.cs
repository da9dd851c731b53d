using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Audit.Infrastructure.Persistence.Postgres;

/// <summary>The audit table on PostgreSQL.</summary>
public sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresAuditDbContextFactory : IDesignTimeDbContextFactory<PostgresAuditDbContext>
{
    public PostgresAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAuditDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
