using System.Text.Json;
using OpenGms.Interpretation.Domain;
using OpenGms.Kernel;
using YamlDotNet.Serialization;

namespace OpenGms.Interpretation.Infrastructure;

/// <summary>
/// Reads a GA4GH Phenopacket (v2, and the v1 fields still found in the wild such as <c>htsFiles</c>) or a Family
/// message, as JSON or YAML, into a <see cref="CaseDefinition"/>. Excluded phenotypic features are kept apart, not
/// used for scoring. Codes: INT010 (not valid JSON/YAML), INT011 (no subject/proband id), INT012 (an HPO id that
/// is not <c>HP:</c> + 7 digits), INT013 (a pedigree person without an id), INT014 (file not found).
/// </summary>
public static class PhenopacketReader
{
    /// <summary>Reads a phenopacket or family file (.json, .yml, .yaml).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The case, or the first error naming the file and field.</returns>
    public static Result<CaseDefinition> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT014", $"{path}: phenopacket not found");
        }

        string file = Path.GetFileName(path);
        string text = File.ReadAllText(path);
        bool yaml = path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(yaml ? YamlToJson(text) : text);
        }
        catch (JsonException e)
        {
            return Error.BadInput("INT010", $"{file}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            return Error.BadInput("INT010", $"{file}: not valid YAML at line {e.Start.Line}: {e.Message}");
        }

        using (document)
        {
            return Parse(document.RootElement, file, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
    }

    private static string YamlToJson(string yaml)
    {
        object? graph = new DeserializerBuilder().Build().Deserialize<object>(yaml);
        return new SerializerBuilder().JsonCompatible().Build().Serialize(graph);
    }

    private static Result<CaseDefinition> Parse(JsonElement root, string file, string directory)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Error.BadInput("INT010", $"{file}: the top level is not an object");
        }

        // A Family message has a proband phenopacket; a Phenopacket has a subject.
        bool family = root.TryGetProperty("proband", out JsonElement proband);
        JsonElement packet = family ? proband : root;
        string? subjectId = packet.TryGetProperty("subject", out JsonElement subject) ? Text(subject, "id") : null;
        if (string.IsNullOrWhiteSpace(subjectId))
        {
            return Error.BadInput("INT011", $"{file}: {(family ? "proband." : string.Empty)}subject.id is missing");
        }

        Sex sex = ParseSex(Text(subject, "sex"));
        var observed = new List<string>();
        var excluded = new List<string>();
        if (packet.TryGetProperty("phenotypicFeatures", out JsonElement features) && features.ValueKind == JsonValueKind.Array)
        {
            int index = 0;
            foreach (JsonElement feature in features.EnumerateArray())
            {
                string? id = feature.TryGetProperty("type", out JsonElement type) ? Text(type, "id") : null;
                if (id is null || !IsHpoId(id))
                {
                    return Error.BadInput("INT012", $"{file}: phenotypicFeatures[{index}].type.id '{id}' is not an HPO id (HP:nnnnnnn)");
                }

                bool isExcluded = feature.TryGetProperty("excluded", out JsonElement ex) && ex.ValueKind == JsonValueKind.True;
                List<string> target = isExcluded ? excluded : observed;
                if (!target.Contains(id, StringComparer.Ordinal))
                {
                    target.Add(id);
                }

                index++;
            }
        }

        Pedigree pedigree;
        if (family && root.TryGetProperty("pedigree", out JsonElement ped) && ped.TryGetProperty("persons", out JsonElement persons))
        {
            var members = new List<FamilyMember>();
            int index = 0;
            foreach (JsonElement person in persons.EnumerateArray())
            {
                string? id = Text(person, "individualId");
                if (string.IsNullOrWhiteSpace(id))
                {
                    return Error.BadInput("INT013", $"{file}: pedigree.persons[{index}].individualId is missing");
                }

                AffectedStatus status = Text(person, "affectedStatus") switch
                {
                    "AFFECTED" => AffectedStatus.Affected,
                    "UNAFFECTED" => AffectedStatus.Unaffected,
                    _ => AffectedStatus.Unknown,
                };
                if (members.Exists(m => string.Equals(m.Id, id, StringComparison.Ordinal)))
                {
                    return Error.BadInput("INT004", $"{file}: pedigree.persons[{index}].individualId '{id}' is listed twice");
                }

                members.Add(new FamilyMember(Text(person, "familyId") ?? "family", id, Parent(Text(person, "paternalId")), Parent(Text(person, "maternalId")), ParseSex(Text(person, "sex")), status));
                index++;
            }

            if (!members.Exists(m => string.Equals(m.Id, subjectId, StringComparison.Ordinal)))
            {
                members.Insert(0, new FamilyMember(members.Count > 0 ? members[0].FamilyId : subjectId, subjectId, null, null, sex, AffectedStatus.Affected));
            }

            pedigree = new Pedigree(members);
        }
        else
        {
            pedigree = Pedigree.Singleton(subjectId, sex);
        }

        (string? vcf, string? build) = FindVcf(root, directory);
        if (vcf is null && family)
        {
            (vcf, build) = FindVcf(packet, directory);
        }

        string caseId = Text(root, "id") ?? subjectId;
        return new CaseDefinition(caseId, subjectId, pedigree, vcf, observed, excluded, null, NormaliseBuild(build));
    }

    private static (string? Path, string? Build) FindVcf(JsonElement element, string directory)
    {
        foreach (string key in (ReadOnlySpan<string>)["files", "htsFiles"])
        {
            if (!element.TryGetProperty(key, out JsonElement files) || files.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (JsonElement f in files.EnumerateArray())
            {
                string? uri = Text(f, "uri");
                string? format = Text(f, "htsFormat");
                string? build = Text(f, "genomeAssembly");
                if (f.TryGetProperty("fileAttributes", out JsonElement attributes))
                {
                    format ??= Text(attributes, "fileFormat");
                    build ??= Text(attributes, "genomeAssembly");
                }

                bool isVcf = (format is not null && format.Contains("VCF", StringComparison.OrdinalIgnoreCase))
                    || (uri is not null && (uri.EndsWith(".vcf", StringComparison.OrdinalIgnoreCase) || uri.EndsWith(".vcf.gz", StringComparison.OrdinalIgnoreCase)));
                if (uri is null || !isVcf)
                {
                    continue;
                }

                return (ResolveUri(uri, directory), build);
            }
        }

        return (null, null);
    }

    /// <summary>
    /// Resolves a file URI: absolute or relative to the phenopacket's folder; when that file is absent, the same file
    /// name (or name + .gz) beside the phenopacket, since packets often carry the path of the machine they were made on.
    /// </summary>
    private static string ResolveUri(string uri, string directory)
    {
        string path = uri.StartsWith("file://", StringComparison.OrdinalIgnoreCase) ? new Uri(uri).LocalPath : uri;
        string full = Path.IsPathRooted(path) ? path : Path.Combine(directory, path);
        if (File.Exists(full))
        {
            return full;
        }

        string beside = Path.Combine(directory, Path.GetFileName(path));
        foreach (string candidate in (ReadOnlySpan<string>)[beside, beside + ".gz", beside + ".bgz"])
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return full;
    }

    /// <summary>GRCh37/GRCh38 from the many spellings (hg19, b37, GRCh38.p13).</summary>
    /// <param name="build">The label.</param>
    /// <returns>The normalised label, or the input when not recognised.</returns>
    public static string? NormaliseBuild(string? build)
    {
        if (build is null)
        {
            return null;
        }

        string b = build.ToUpperInvariant();
        if (b.Contains("GRCH37", StringComparison.Ordinal) || b.Contains("HG19", StringComparison.Ordinal) || b == "B37" || b == "37")
        {
            return "GRCh37";
        }

        return b.Contains("GRCH38", StringComparison.Ordinal) || b.Contains("HG38", StringComparison.Ordinal) || b == "38" ? "GRCh38" : build;
    }

    /// <summary>True for <c>HP:</c> followed by seven digits.</summary>
    /// <param name="id">The text.</param>
    /// <returns>Whether it is an HPO id.</returns>
    public static bool IsHpoId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length != 10 || !id.StartsWith("HP:", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in id.AsSpan(3))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static Sex ParseSex(string? text) => text switch
    {
        "MALE" or "male" => Sex.Male,
        "FEMALE" or "female" => Sex.Female,
        _ => Sex.Unknown,
    };

    private static string? Parent(string? id) => string.IsNullOrEmpty(id) || id == "0" ? null : id;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
