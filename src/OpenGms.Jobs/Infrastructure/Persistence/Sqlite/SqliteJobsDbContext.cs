using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Jobs.Infrastructure.Persistence.Sqlite;

/// <summary>The job table on the embedded SQLite store.</summary>
public sealed class SqliteJobsDbContext(DbContextOptions<SqliteJobsDbContext> options) : JobsDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteJobsDbContextFactory : IDesignTimeDbContextFactory<SqliteJobsDbContext>
{
    public SqliteJobsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteJobsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
