using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace OpenGms.Web.Identity;

/// <summary>Local accounts (ASP.NET Core Identity) for the embedded default; tables prefixed <c>accounts_</c>.</summary>
public abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<IdentityUser, IdentityRole, string>(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUser>().ToTable("accounts_user");
        builder.Entity<IdentityRole>().ToTable("accounts_role");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_role");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claim");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_login");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_token");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claim");
    }
}

/// <summary>Accounts on SQLite.</summary>
public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>Accounts on PostgreSQL.</summary>
public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteAccountsDbContextFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAccountsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>For <c>dotnet ef migrations add</c>.</summary>
internal sealed class PostgresAccountsDbContextFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAccountsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
