using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Consent.Infrastructure.Persistence.Sqlite;

/// <summary>The consent tables on the embedded SQLite store.</summary>
public sealed class SqliteConsentDbContext(DbContextOptions<SqliteConsentDbContext> options) : ConsentDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>: a context over a scratch file.</summary>
internal sealed class SqliteConsentDbContextFactory : IDesignTimeDbContextFactory<SqliteConsentDbContext>
{
    public SqliteConsentDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConsentDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
