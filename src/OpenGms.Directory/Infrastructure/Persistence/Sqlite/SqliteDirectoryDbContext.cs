using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Directory.Infrastructure.Persistence.Sqlite;

/// <summary>The directory tables on SQLite (the embedded store).</summary>
internal sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>: a context on a throwaway SQLite file.</summary>
internal sealed class SqliteDirectoryDbContextFactory : IDesignTimeDbContextFactory<SqliteDirectoryDbContext>
{
    public SqliteDirectoryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
