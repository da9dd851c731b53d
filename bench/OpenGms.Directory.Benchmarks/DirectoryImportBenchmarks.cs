using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.Extensions.DependencyInjection;
using OpenGms.Directory;
using OpenGms.Directory.Application;
using OpenGms.Directory.Application.ImportEdition;
using OpenGms.Kernel;

namespace OpenGms.Directory.Benchmarks;

/// <summary>
/// Reading (parse + normalise, no storage) and importing (read + store in a fresh SQLite file) the official v5.1
/// rare-disease and 2020/21 cancer workbooks from ../shared/data (GMS_SHARED_DATA overrides).
/// </summary>
[MemoryDiagnoser]
public class DirectoryImportBenchmarks
{
    private static readonly string s_shared = Environment.GetEnvironmentVariable("GMS_SHARED_DATA")
        ?? Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "data"));

    private string _folder = string.Empty;

    [Params("rd-5.1", "cancer-2020-21")]
    public string Edition { get; set; } = "rd-5.1";

    private string File => Edition == "rd-5.1"
        ? Path.Combine(s_shared, "directory/rare_disease/Rare-and-inherited-disease-national-genomic-test-directory-version-5.1.xlsx")
        : Path.Combine(s_shared, "directory/cancer/National-Genomic-Test-Directory-Cancer-November-2020-21.xlsx");

    [IterationSetup(Target = nameof(ImportIntoFreshSqlite))]
    public void FreshFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "gms-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(_folder);
    }

    [IterationCleanup(Target = nameof(ImportIntoFreshSqlite))]
    public void RemoveFolder()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Benchmark]
    public async Task<int> ReadOnly()
    {
        var services = new ServiceCollection().AddDirectoryModule(DatabaseSettings.ForDataDirectory(Path.GetTempPath())).BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            EditionReadResult read = await services.GetRequiredService<IEditionFileReader>().ReadAsync(File, CancellationToken.None).ConfigureAwait(false);
            return read.Edition!.TestCount;
        }
    }

    [Benchmark]
    public async Task<int> ImportIntoFreshSqlite()
    {
        var collection = new ServiceCollection();
        collection.AddSingleton<IClock>(SystemClock.Instance);
        collection.AddDirectoryModule(DatabaseSettings.ForDataDirectory(_folder));
        ServiceProvider services = collection.BuildServiceProvider();
        await using (services.ConfigureAwait(false))
        {
            using IServiceScope scope = services.CreateScope();
            foreach (IModuleDatabase db in scope.ServiceProvider.GetServices<IModuleDatabase>())
            {
                await db.MigrateAsync(CancellationToken.None).ConfigureAwait(false);
            }

            ImportOutcome outcome = await scope.ServiceProvider.GetRequiredService<EditionImporter>().ImportAsync(File, CancellationToken.None).ConfigureAwait(false);
            return outcome.Summary!.Tests;
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "OpenGms.slnx")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}

/// <summary>Entry point: <c>dotnet run -c Release --project bench/OpenGms.Directory.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Runs the benchmarks selected on the command line.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
