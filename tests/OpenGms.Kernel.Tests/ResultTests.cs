using OpenGms.Kernel;

namespace OpenGms.Kernel.Tests;

public sealed class ResultTests
{
    [Fact]
    public void Value_of_failure_throws()
    {
        Result<int> result = Error.NotFound("T001", "missing");

        Assert.False(result.IsSuccess);
        Assert.Equal("T001", result.Error.Code);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Ok_carries_value()
    {
        Result<string> result = "R134";

        Assert.True(result.IsSuccess);
        Assert.Equal("R134", result.Value);
    }

    [Fact]
    public void ForDataDirectory_points_sqlite_at_gms_db()
    {
        DatabaseSettings settings = DatabaseSettings.ForDataDirectory("some-folder");

        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(Path.Combine("some-folder", "gms.db"), settings.ConnectionString, StringComparison.Ordinal);
    }
}
