using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace OpenGms.Cases.Infrastructure.Persistence.Sqlite;

/// <summary>The cases tables on the embedded SQLite store (instants as Unix milliseconds so they sort).</summary>
public sealed class SqliteCasesDbContext(DbContextOptions<SqliteCasesDbContext> options) : CasesDbContext(options)
{
    /// <inheritdoc />
    protected override ValueConverter<DateTimeOffset, long>? InstantConverter { get; } =
        new(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteCasesDbContextFactory : IDesignTimeDbContextFactory<SqliteCasesDbContext>
{
    public SqliteCasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteCasesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
