using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenGms.Kernel;

namespace OpenGms.Cli.Hosting;

/// <summary>What a command needs from the process: settings from the global options, and where to write.</summary>
internal sealed class CliContext
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public CliContext(ParseResult parse, TextWriter output, TextWriter error)
    {
        Parse = parse;
        Output = output;
        Error = error;
        DataDirectory = Path.GetFullPath(parse.GetValue(GlobalOptions.Data) ?? "gms-data");
        string? db = parse.GetValue(GlobalOptions.Db) ?? Environment.GetEnvironmentVariable("GMS_DB");
        Database = string.IsNullOrWhiteSpace(db)
            ? DatabaseSettings.ForDataDirectory(DataDirectory)
            : DatabaseSettings.ForPostgres(db);
        Json = parse.GetValue(GlobalOptions.Json);
    }

    public ParseResult Parse { get; }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public string DataDirectory { get; }

    public DatabaseSettings Database { get; }

    public bool Json { get; }

    /// <summary>Writes one JSON document on its own line to stdout.</summary>
    public void WriteJson<T>(T value) => Output.WriteLine(JsonSerializer.Serialize(value, s_json));

    /// <summary>Prints an expected failure (no stack trace) and returns its exit code.</summary>
    public int Fail(Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (Json)
        {
            WriteJson(new { error = error.Code, kind = error.Kind, message = error.Message });
        }

        Error.WriteLine($"error {error.Code}: {error.Message}");
        return ExitCodes.For(error.Kind);
    }
}
