namespace OpenGms.Testing;

/// <summary>Paths inside this repository, found from the test binary.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenGms.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with OpenGms.slnx) is not above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>A file under <c>tests/TestData</c>.</summary>
    public static string TestData(string relativePath) => Path.Combine(Root, "tests", "TestData", relativePath);
}
