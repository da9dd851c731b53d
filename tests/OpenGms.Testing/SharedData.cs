namespace OpenGms.Testing;

/// <summary>
/// The one way tests reach the public reference data in <c>../shared/data</c> (beside the repository).
/// Where it is absent the test is skipped with a message saying so; the files are never copied into the repo.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> s_root = new(FindRoot);

    /// <summary>The <c>shared/data</c> folder, or null when there is none.</summary>
    public static string? Root => s_root.Value;

    /// <summary>The full path of <paramref name="relativePath"/> under shared/data; skips the test when it is missing.</summary>
    public static string PathOf(string relativePath)
    {
        string? root = Root;
        if (root is null)
        {
            Assert.Skip("../shared/data is not present beside the repository (set GMS_SHARED_DATA to point at it); reference-data test skipped.");
        }

        string path = Path.Combine(root, relativePath);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path))
        {
            Assert.Skip($"{relativePath} is not in {root}; reference-data test skipped.");
        }

        return path;
    }

    private static string? FindRoot()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("GMS_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment) && System.IO.Directory.Exists(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        // Walk up from the test binary to the repository root (the folder with OpenGms.slnx), then look beside it.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenGms.slnx")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return System.IO.Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }
}
