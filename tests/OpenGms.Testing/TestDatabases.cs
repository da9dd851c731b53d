using OpenGms.Kernel;

namespace OpenGms.Testing;

/// <summary>
/// The stores integration tests run against: a fresh SQLite file always, and PostgreSQL when the test script
/// started one (GMS_TEST_POSTGRES holds a connection string to a server on loopback; each test gets its own database).
/// </summary>
public static class TestDatabases
{
    /// <summary>The providers to run a [Theory] over.</summary>
    public static TheoryData<string> Providers => new() { "sqlite", "postgres" };

    /// <summary>A fresh empty database for <paramref name="provider"/>; skips the test when PostgreSQL is not available.</summary>
    public static async Task<TestDatabase> CreateAsync(string provider, CancellationToken ct = default)
    {
        if (provider == "sqlite")
        {
            var dir = new TempDirectory();
            return new TestDatabase(DatabaseSettings.ForDataDirectory(dir.Path), dir, null);
        }

        string? server = Environment.GetEnvironmentVariable("GMS_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException("GMS_TEST_POSTGRES is not set in CI: the test script must start PostgreSQL.");
            }

            Assert.Skip("GMS_TEST_POSTGRES is not set: run ./test.sh, which starts PostgreSQL on loopback.");
        }

        string name = "gms_test_" + Guid.NewGuid().ToString("N")[..16];
        await PostgresAdmin.ExecuteAsync(server, $"CREATE DATABASE {name}", ct).ConfigureAwait(false);
        string connection = PostgresAdmin.WithDatabase(server, name);
        return new TestDatabase(DatabaseSettings.ForPostgres(connection), null, async () =>
            await PostgresAdmin.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None).ConfigureAwait(false));
    }
}

/// <summary>One throwaway database; dispose drops it.</summary>
public sealed class TestDatabase(DatabaseSettings settings, TempDirectory? folder, Func<Task>? drop) : IAsyncDisposable
{
    /// <summary>The settings to hand to the modules.</summary>
    public DatabaseSettings Settings { get; } = settings;

    /// <summary>A folder for files (the SQLite file lives here for the embedded store).</summary>
    public string DataDirectory => folder?.Path ?? System.IO.Path.GetTempPath();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (drop is not null)
        {
            await drop().ConfigureAwait(false);
        }

        folder?.Dispose();
    }
}
