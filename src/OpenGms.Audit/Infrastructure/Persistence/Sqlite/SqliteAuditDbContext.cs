using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Audit.Infrastructure.Persistence.Sqlite;

/// <summary>The audit table on the embedded SQLite store.</summary>
public sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteAuditDbContextFactory : IDesignTimeDbContextFactory<SqliteAuditDbContext>
{
    public SqliteAuditDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAuditDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
