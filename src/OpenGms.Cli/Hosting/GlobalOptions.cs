using System.CommandLine;

namespace OpenGms.Cli.Hosting;

/// <summary>Options every command accepts, before or after its name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string> Data = new("--data")
    {
        Description = "Folder of the embedded storage (SQLite and DuckDB files).",
        Recursive = true,
        DefaultValueFactory = _ => "gms-data",
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "PostgreSQL connection string (also GMS_DB); without it the embedded SQLite store under --data is used.",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine-readable JSON on stdout.",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Data);
        root.Options.Add(Db);
        root.Options.Add(Json);
    }
}
