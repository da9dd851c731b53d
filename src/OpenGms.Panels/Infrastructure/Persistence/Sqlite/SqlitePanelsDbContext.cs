using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Panels.Infrastructure.Persistence.Sqlite;

/// <summary>The panels tables on SQLite (the embedded default).</summary>
public sealed class SqlitePanelsDbContext(DbContextOptions<SqlitePanelsDbContext> options) : PanelsDbContext(options);

/// <summary>For <c>dotnet ef migrations add … --context SqlitePanelsDbContext</c>.</summary>
public sealed class SqlitePanelsDbContextFactory : IDesignTimeDbContextFactory<SqlitePanelsDbContext>
{
    /// <inheritdoc />
    public SqlitePanelsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePanelsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
