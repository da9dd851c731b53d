namespace OpenGms.Kernel;

/// <summary>Which relational store the service runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one SQLite file under the data folder.</summary>
    Sqlite,

    /// <summary>Production: a PostgreSQL server.</summary>
    Postgres,
}

/// <summary>Where a module keeps its tables. Every module gets the same settings from the host.</summary>
/// <param name="Provider">The provider.</param>
/// <param name="ConnectionString">An ADO.NET connection string for that provider.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default: <c>gms.db</c> in <paramref name="dataDirectory"/>.</summary>
    public static DatabaseSettings ForDataDirectory(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        string path = Path.Combine(Path.GetFullPath(dataDirectory), "gms.db");
        return new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={path};Foreign Keys=True;Pooling=True");
    }

    /// <summary>A PostgreSQL connection string as given by <c>--db</c> or <c>GMS_DB</c>.</summary>
    public static DatabaseSettings ForPostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return new DatabaseSettings(DatabaseProvider.Postgres, connectionString);
    }
}

/// <summary>A module's own tables: the host calls <see cref="MigrateAsync"/> on each at <c>gms db migrate</c> and at start.</summary>
public interface IModuleDatabase
{
    /// <summary>The module's name, for messages.</summary>
    string Module { get; }

    /// <summary>Applies the module's pending migrations.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);
}

/// <summary>Loads a module's bundled demo data into an empty store; does nothing when the store already has data.</summary>
public interface IDemoDataSeeder
{
    /// <summary>The module's name, for messages.</summary>
    string Module { get; }

    /// <summary>Seeds when empty; returns true when it wrote anything.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);
}
