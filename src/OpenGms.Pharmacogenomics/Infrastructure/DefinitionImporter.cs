using System.Text.Json;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// Copies a validated PharmCAT-format set into <c>DATA/pgx/definitions</c> (alleles/, phenotype/, phenotype/dpwg/,
/// guidelines/, version.json, and the binary <see cref="DefinitionCache"/> every call reads). The new set is loaded and validated from a staging folder first and swapped in by
/// renaming, so a failed import leaves the old set in place.
/// </summary>
internal static class DefinitionImporter
{
    private static readonly JsonSerializerOptions s_manifestJson = new() { WriteIndented = true };

    public static string ImportedPath(string dataDirectory) => Path.Combine(dataDirectory, "pgx", "definitions");

    public static Result<string> Import(IReadOnlyList<string> sources, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(sources);
        Result<DefinitionSet> loaded = DefinitionLoader.Load(sources);
        if (!loaded.IsSuccess)
        {
            return loaded.Error;
        }

        string target = ImportedPath(dataDirectory);
        string staging = target + ".staging";
        if (System.IO.Directory.Exists(staging))
        {
            System.IO.Directory.Delete(staging, recursive: true);
        }

        foreach ((string kind, string path) in DefinitionLoader.FindFiles(sources))
        {
            string folder = kind switch
            {
                "allele" or "exemptions" => "alleles",
                "cpic" => "phenotype",
                "dpwg" => Path.Combine("phenotype", "dpwg"),
                _ => "guidelines",
            };
            string destination = Path.Combine(staging, folder, Path.GetFileName(path));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            if (!File.Exists(destination))
            {
                // The first folder given wins for a file name, as it does when loading.
                File.Copy(path, destination);
            }
        }

        Result<DefinitionSet> check = DefinitionLoader.Load([staging]);
        if (!check.IsSuccess)
        {
            System.IO.Directory.Delete(staging, recursive: true);
            return check.Error;
        }

        var manifest = new
        {
            version = check.Value.Version,
            importedAt = DateTimeOffset.UtcNow,
            sources = sources.Select(Path.GetFullPath).ToArray(),
            genes = check.Value.Genes.Keys.Order(StringComparer.Ordinal).ToArray(),
            phenotypes = check.Value.CpicPhenotypes.Count,
            guidelines = check.Value.Guidelines.Count,
        };
        File.WriteAllText(Path.Combine(staging, "version.json"), JsonSerializer.Serialize(manifest, s_manifestJson));
        DefinitionCache.Write(check.Value, Path.Combine(staging, DefinitionCache.FileName));
        string old = target + ".old";
        if (System.IO.Directory.Exists(old))
        {
            System.IO.Directory.Delete(old, recursive: true);
        }

        if (System.IO.Directory.Exists(target))
        {
            System.IO.Directory.Move(target, old);
        }

        System.IO.Directory.Move(staging, target);
        if (System.IO.Directory.Exists(old))
        {
            System.IO.Directory.Delete(old, recursive: true);
        }

        return check.Value.Version;
    }
}
