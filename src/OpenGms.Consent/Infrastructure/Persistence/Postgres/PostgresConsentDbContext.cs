using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Consent.Infrastructure.Persistence.Postgres;

/// <summary>The consent tables on PostgreSQL.</summary>
public sealed class PostgresConsentDbContext(DbContextOptions<PostgresConsentDbContext> options) : ConsentDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>: no connection is opened to generate a migration.</summary>
internal sealed class PostgresConsentDbContextFactory : IDesignTimeDbContextFactory<PostgresConsentDbContext>
{
    public PostgresConsentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConsentDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
