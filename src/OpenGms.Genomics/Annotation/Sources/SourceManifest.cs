using System.Security.Cryptography;
using System.Text.Json;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>What a supplementary source holds.</summary>
public enum SourceKind
{
    /// <summary>Population allele frequencies from a gnomAD- or ExAC-style sites VCF.</summary>
    Population,

    /// <summary>Clinical assertions from a ClinVar VCF.</summary>
    ClinVar,

    /// <summary>Per-gene constraint (pLI, LOEUF, missense z) from a gnomAD constraint table.</summary>
    GeneConstraint,

    /// <summary>HGNC gene ids and names from the HGNC complete set.</summary>
    Hgnc,
}

/// <summary>One compiled source in a cache's <c>sources.json</c>.</summary>
/// <param name="Name">The name users select it by (<c>gnomad</c>, <c>clinvar</c>, ...); also the prefix of its VCF INFO fields.</param>
/// <param name="Kind">What it holds.</param>
/// <param name="File">The compiled file, relative to the cache folder.</param>
/// <param name="SourceFile">The file it was compiled from (name only).</param>
/// <param name="SourceSha256">SHA-256 of that file.</param>
/// <param name="Version">The source's version or release (given, or read from its header).</param>
/// <param name="Assembly">Genome build from the source's header, when it says.</param>
/// <param name="Records">Records (alleles for VCF sources, genes for tables) compiled.</param>
/// <param name="Skipped">Input alleles or rows left out (symbolic, <c>*</c>, duplicates, no gene symbol).</param>
/// <param name="Created">When it was compiled.</param>
public sealed record SourceEntry(
    string Name,
    SourceKind Kind,
    string File,
    string SourceFile,
    string SourceSha256,
    string? Version,
    string? Assembly,
    long Records,
    long Skipped,
    DateTimeOffset Created);

/// <summary>
/// The list of supplementary sources compiled into an annotation cache folder (<c>sources.json</c>). Written to a
/// temporary file and renamed, so a failed <c>add-source</c> never leaves a half-written manifest.
/// </summary>
public static class SourceManifest
{
    /// <summary>The manifest's file name inside the cache folder.</summary>
    public const string FileName = "sources.json";

    /// <summary>Reads the sources of <paramref name="cacheDirectory"/>; empty when it has none.</summary>
    /// <exception cref="InvalidDataException">The manifest exists but cannot be read.</exception>
    public static IReadOnlyList<SourceEntry> Read(string cacheDirectory)
    {
        string path = Path.Combine(cacheDirectory, FileName);
        if (!System.IO.File.Exists(path))
        {
            return [];
        }

        try
        {
            using JsonDocument doc = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
            var list = new List<SourceEntry>();
            foreach (JsonElement e in doc.RootElement.GetProperty("sources").EnumerateArray())
            {
                list.Add(new SourceEntry(
                    e.GetProperty("name").GetString()!,
                    Enum.Parse<SourceKind>(e.GetProperty("kind").GetString()!, ignoreCase: true),
                    e.GetProperty("file").GetString()!,
                    e.GetProperty("sourceFile").GetString()!,
                    e.GetProperty("sourceSha256").GetString()!,
                    e.GetProperty("version").GetString(),
                    e.GetProperty("assembly").GetString(),
                    e.GetProperty("records").GetInt64(),
                    e.GetProperty("skipped").GetInt64(),
                    e.GetProperty("created").GetDateTimeOffset()));
            }

            return list;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a readable sources manifest ({ex.Message}).", ex);
        }
    }

    /// <summary>Adds or replaces (by name) <paramref name="entry"/> in the manifest, atomically.</summary>
    public static void Upsert(string cacheDirectory, SourceEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = Read(cacheDirectory).Where(e => !string.Equals(e.Name, entry.Name, StringComparison.Ordinal)).ToList();
        entries.Add(entry);
        entries.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        string path = Path.Combine(cacheDirectory, FileName);
        string temp = path + ".tmp" + Environment.ProcessId;
        using (FileStream stream = System.IO.File.Create(temp))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("format", "opengms-annotation-sources");
            json.WriteStartArray("sources");
            foreach (SourceEntry e in entries)
            {
                json.WriteStartObject();
                json.WriteString("name", e.Name);
                json.WriteString("kind", e.Kind.ToString());
                json.WriteString("file", e.File);
                json.WriteString("sourceFile", e.SourceFile);
                json.WriteString("sourceSha256", e.SourceSha256);
                json.WriteString("version", e.Version);
                json.WriteString("assembly", e.Assembly);
                json.WriteNumber("records", e.Records);
                json.WriteNumber("skipped", e.Skipped);
                json.WriteString("created", e.Created);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        System.IO.File.Move(temp, path, overwrite: true);
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using FileStream stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
