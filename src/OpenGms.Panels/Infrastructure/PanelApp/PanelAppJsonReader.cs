using System.Globalization;
using System.Text.Json;
using OpenGms.Panels.Application.ImportPanels;
using OpenGms.Panels.Contracts;
using OpenGms.Panels.Domain;

namespace OpenGms.Panels.Infrastructure.PanelApp;

/// <summary>
/// Reads PanelApp API v1 JSON: a panel list page (<c>{"count","next","previous","results":[…]}</c>, as from
/// <c>/api/v1/panels/</c> or <c>/api/v1/panels/signedoff/</c>) or a panel detail response (<c>/api/v1/panels/{id}/</c>,
/// with <c>genes</c>, <c>strs</c> and <c>regions</c>). A super-panel's genes carry their child panel in <c>panel</c>;
/// those children are read as list entries too. Problems become coded issues with the JSON path; nothing throws for
/// bad input.
/// </summary>
internal sealed class PanelAppJsonReader
{
    private static readonly JsonDocumentOptions s_options = new() { MaxDepth = 64 };

    private readonly string _file;
    private readonly List<PanelImportIssue> _issues;
    private readonly List<PanelVersion> _versions = [];

    private PanelAppJsonReader(string file, List<PanelImportIssue> issues)
    {
        _file = file;
        _issues = issues;
    }

    /// <summary>Reads one document; appends what it finds to <paramref name="versions"/> and problems to <paramref name="issues"/>.</summary>
    public static void Read(string file, ReadOnlyMemory<byte> json, List<PanelVersion> versions, List<PanelImportIssue> issues)
    {
        var reader = new PanelAppJsonReader(file, issues);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, s_options);
        }
        catch (JsonException ex)
        {
            issues.Add(new PanelImportIssue(PanelIssueCodes.NotJson, IssueSeverity.Error, file, ex.Path ?? "", "not well-formed JSON: " + FirstSentence(ex.Message),
                (ex.LineNumber ?? 0) + 1, (ex.BytePositionInLine ?? 0) + 1));
            return;
        }

        using (document)
        {
            reader.ReadDocument(document.RootElement);
        }

        versions.AddRange(reader._versions);
    }

    /// <summary>The parser's message without its own 0-based position and path (the issue carries 1-based ones).</summary>
    private static string FirstSentence(string message)
    {
        foreach (string marker in (ReadOnlySpan<string>)[" LineNumber:", " Path:"])
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return message;
    }

    private void ReadDocument(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out JsonElement results))
        {
            if (results.ValueKind != JsonValueKind.Array)
            {
                Error(PanelIssueCodes.MissingField, "$.results", "'results' must be an array of panels");
                return;
            }

            int i = 0;
            foreach (JsonElement item in results.EnumerateArray())
            {
                ReadPanel(item, $"$.results[{i}]");
                i++;
            }

            return;
        }

        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("id", out _) && root.TryGetProperty("version", out _))
        {
            ReadPanel(root, "$");
            return;
        }

        Error(PanelIssueCodes.UnknownDocument, "$", "neither a PanelApp panel list page (with 'results') nor a panel detail response (with 'id' and 'version')");
    }

    private PanelVersion? ReadPanel(JsonElement panel, string path)
    {
        if (panel.ValueKind != JsonValueKind.Object)
        {
            Error(PanelIssueCodes.MissingField, path, "a panel must be a JSON object");
            return null;
        }

        int? id = RequiredInt(panel, "id", path);
        string? name = RequiredString(panel, "name", path);
        string? versionText = RequiredString(panel, "version", path);
        if (id is null || name is null || versionText is null)
        {
            return null;
        }

        if (!PanelVersion.TryParseVersion(versionText, out int major, out int minor))
        {
            Error(PanelIssueCodes.BadVersion, path + ".version", $"version '{versionText}' is not major.minor");
            return null;
        }

        var version = new PanelVersion
        {
            PanelId = id.Value,
            Version = versionText,
            Major = major,
            Minor = minor,
            Name = name,
            DiseaseGroup = OptionalString(panel, "disease_group", path) ?? "",
            DiseaseSubGroup = OptionalString(panel, "disease_sub_group", path) ?? "",
            Status = OptionalString(panel, "status", path) ?? "",
            Created = OptionalTimestamp(panel, "version_created", path),
            SignedOffOn = OptionalDate(panel, "signed_off", path),
            RelevantDisorders = StringList(panel, "relevant_disorders", path),
        };
        ReadTypes(panel, path, version);
        if (panel.TryGetProperty("stats", out JsonElement stats) && stats.ValueKind == JsonValueKind.Object)
        {
            version.StatedGenes = OptionalInt(stats, "number_of_genes", path + ".stats") ?? 0;
            version.StatedStrs = OptionalInt(stats, "number_of_strs", path + ".stats") ?? 0;
            version.StatedRegions = OptionalInt(stats, "number_of_regions", path + ".stats") ?? 0;
        }

        bool detail = panel.TryGetProperty("genes", out _) || panel.TryGetProperty("strs", out _) || panel.TryGetProperty("regions", out _);
        if (detail)
        {
            version.HasEntities = true;
            ReadEntities(panel, "genes", PanelEntityKind.Gene, path, version);
            ReadEntities(panel, "strs", PanelEntityKind.Str, path, version);
            ReadEntities(panel, "regions", PanelEntityKind.Region, path, version);
            CheckStats(version, path);
        }

        _versions.Add(version);
        return version;
    }

    private void CheckStats(PanelVersion version, string path)
    {
        int genes = 0, strs = 0, regions = 0;
        foreach (PanelEntity entity in version.Entities)
        {
            switch (entity.Kind)
            {
                case PanelEntityKind.Gene: genes++; break;
                case PanelEntityKind.Str: strs++; break;
                default: regions++; break;
            }
        }

        // A super-panel lists a gene once per child panel; its stats count those entries.
        if ((version.StatedGenes != 0 && genes != version.StatedGenes) || (version.StatedStrs != 0 && strs != version.StatedStrs)
            || (version.StatedRegions != 0 && regions != version.StatedRegions))
        {
            Warning(PanelIssueCodes.StatsMismatch, path + ".stats",
                $"stats say {version.StatedGenes} genes, {version.StatedStrs} STRs, {version.StatedRegions} regions; the lists hold {genes}, {strs}, {regions}");
        }
    }

    private void ReadTypes(JsonElement panel, string path, PanelVersion version)
    {
        if (!panel.TryGetProperty("types", out JsonElement types) || types.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (types.ValueKind != JsonValueKind.Array)
        {
            Error(PanelIssueCodes.MissingField, path + ".types", "'types' must be an array");
            return;
        }

        int i = 0;
        foreach (JsonElement type in types.EnumerateArray())
        {
            string typePath = $"{path}.types[{i++}]";
            if (type.ValueKind != JsonValueKind.Object)
            {
                Error(PanelIssueCodes.MissingField, typePath, "a panel type must be an object with 'slug' and 'name'");
                continue;
            }

            string? slug = RequiredString(type, "slug", typePath);
            if (slug is not null)
            {
                version.TypeSlugs.Add(slug);
                version.TypeNames.Add(OptionalString(type, "name", typePath) ?? slug);
            }
        }
    }

    private void ReadEntities(JsonElement panel, string property, PanelEntityKind kind, string path, PanelVersion version)
    {
        if (!panel.TryGetProperty(property, out JsonElement list) || list.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        string listPath = path + "." + property;
        if (list.ValueKind != JsonValueKind.Array)
        {
            Error(PanelIssueCodes.MissingField, listPath, $"'{property}' must be an array");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            string itemPath = $"{listPath}[{i++}]";
            PanelEntity? entity = ReadEntity(item, kind, itemPath, version);
            if (entity is null)
            {
                continue;
            }

            if (!seen.Add(entity.Identity))
            {
                Warning(PanelIssueCodes.DuplicateEntity, itemPath, $"{entity.EntityName} is listed twice in this version; the first entry is kept");
                continue;
            }

            version.Entities.Add(entity);
        }
    }

    private PanelEntity? ReadEntity(JsonElement item, PanelEntityKind kind, string path, PanelVersion version)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Error(PanelIssueCodes.MissingField, path, "an entity must be a JSON object");
            return null;
        }

        string? name = RequiredString(item, "entity_name", path);
        string? type = OptionalString(item, "entity_type", path);
        string expected = kind switch { PanelEntityKind.Gene => "gene", PanelEntityKind.Str => "str", _ => "region" };
        if (type is not null && !string.Equals(type, expected, StringComparison.Ordinal))
        {
            Error(PanelIssueCodes.WrongEntityType, path + ".entity_type", $"entity_type '{type}' in a list of {expected}s");
            return null;
        }

        int? level = ReadConfidence(item, path);
        if (name is null || level is null)
        {
            return null;
        }

        GeneData gene = ReadGeneData(item, path);
        (string? Chrom, int? Start, int? End) b37 = (gene.Chromosome37, gene.Start37, gene.End37);
        (string? Chrom, int? Start, int? End) b38 = (gene.Chromosome38, gene.Start38, gene.End38);
        if (kind != PanelEntityKind.Gene)
        {
            string? chromosome = OptionalString(item, "chromosome", path);
            (int? s37, int? e37) = CoordinatePair(item, "grch37_coordinates", path);
            (int? s38, int? e38) = CoordinatePair(item, "grch38_coordinates", path);
            b37 = s37 is null ? (null, null, null) : (chromosome, s37, e37);
            b38 = s38 is null ? (null, null, null) : (chromosome, s38, e38);
        }

        int? sourcePanel = null;
        string? sourceVersion = null;
        if (item.TryGetProperty("panel", out JsonElement child) && child.ValueKind == JsonValueKind.Object)
        {
            PanelVersion? component = ReadPanel(child, path + ".panel");
            if (component is not null)
            {
                sourcePanel = component.PanelId;
                sourceVersion = component.Version;
                if (!version.Components.Exists(c => c.ChildPanelId == component.PanelId))
                {
                    version.Components.Add(new PanelComponent { ChildPanelId = component.PanelId, ChildVersion = component.Version, ChildName = component.Name });
                }
            }
        }

        return new PanelEntity
        {
            Kind = kind,
            EntityName = name,
            GeneSymbol = gene.Symbol ?? (kind == PanelEntityKind.Gene ? name : null),
            HgncId = gene.HgncId,
            ConfidenceLevel = level.Value,
            Confidence = ToConfidence(level.Value),
            ModeOfInheritance = Blank(OptionalString(item, "mode_of_inheritance", path)),
            ModeOfPathogenicity = Blank(OptionalString(item, "mode_of_pathogenicity", path)),
            Penetrance = Blank(OptionalString(item, "penetrance", path)),
            Phenotypes = StringList(item, "phenotypes", path),
            Tags = StringList(item, "tags", path),
            PublicationCount = item.TryGetProperty("publications", out JsonElement pubs) && pubs.ValueKind == JsonValueKind.Array ? pubs.GetArrayLength() : 0,
            Grch37Chromosome = b37.Chrom,
            Grch37Start = b37.Start,
            Grch37End = b37.End,
            Grch37EnsemblId = gene.Ensembl37,
            Grch38Chromosome = b38.Chrom,
            Grch38Start = b38.Start,
            Grch38End = b38.End,
            Grch38EnsemblId = gene.Ensembl38,
            RepeatedSequence = kind == PanelEntityKind.Str ? OptionalString(item, "repeated_sequence", path) : null,
            NormalRepeats = kind == PanelEntityKind.Str ? OptionalInt(item, "normal_repeats", path) : null,
            PathogenicRepeats = kind == PanelEntityKind.Str ? OptionalInt(item, "pathogenic_repeats", path) : null,
            VerboseName = kind == PanelEntityKind.Region ? Blank(OptionalString(item, "verbose_name", path)) : null,
            TypeOfVariants = kind == PanelEntityKind.Region ? Blank(OptionalString(item, "type_of_variants", path)) : null,
            HaploinsufficiencyScore = kind == PanelEntityKind.Region ? Blank(OptionalString(item, "haploinsufficiency_score", path)) : null,
            TriplosensitivityScore = kind == PanelEntityKind.Region ? Blank(OptionalString(item, "triplosensitivity_score", path)) : null,
            RequiredOverlapPercentage = kind == PanelEntityKind.Region ? OptionalInt(item, "required_overlap_percentage", path) : null,
            SourcePanelId = sourcePanel,
            SourcePanelVersion = sourceVersion,
        };
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static PanelConfidence ToConfidence(int level) => level switch
    {
        >= 3 => PanelConfidence.Green,
        2 => PanelConfidence.Amber,
        1 => PanelConfidence.Red,
        _ => PanelConfidence.Unrated,
    };

    private int? ReadConfidence(JsonElement item, string path)
    {
        string field = path + ".confidence_level";
        if (!item.TryGetProperty("confidence_level", out JsonElement value))
        {
            Error(PanelIssueCodes.MissingField, field, "'confidence_level' is missing");
            return null;
        }

        int level;
        bool ok = value.ValueKind switch
        {
            JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out level),
            JsonValueKind.Number => value.TryGetInt32(out level),
            _ => (level = -1) >= 0,
        };
        if (!ok || level is < 0 or > 4)
        {
            Error(PanelIssueCodes.BadConfidence, field, $"confidence level {value.GetRawText()} is not 0-4");
            return null;
        }

        return level;
    }

    private readonly record struct GeneData(
        string? Symbol, string? HgncId,
        string? Chromosome37, int? Start37, int? End37, string? Ensembl37,
        string? Chromosome38, int? Start38, int? End38, string? Ensembl38);

    private GeneData ReadGeneData(JsonElement item, string path)
    {
        if (!item.TryGetProperty("gene_data", out JsonElement data) || data.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        string dataPath = path + ".gene_data";
        string? symbol = OptionalString(data, "hgnc_symbol", dataPath) ?? OptionalString(data, "gene_symbol", dataPath);
        string? hgnc = Blank(OptionalString(data, "hgnc_id", dataPath));
        (string? c37, int? s37, int? e37, string? id37) = EnsemblLocation(data, "GRch37", dataPath);
        (string? c38, int? s38, int? e38, string? id38) = EnsemblLocation(data, "GRch38", dataPath);
        return new GeneData(Blank(symbol), hgnc, c37, s37, e37, id37, c38, s38, e38, id38);
    }

    /// <summary>The location at the newest Ensembl release PanelApp lists for the build (<c>{"82":{"location":"11:1-2"}}</c>).</summary>
    private (string?, int?, int?, string?) EnsemblLocation(JsonElement data, string build, string path)
    {
        if (!data.TryGetProperty("ensembl_genes", out JsonElement builds) || builds.ValueKind != JsonValueKind.Object
            || !builds.TryGetProperty(build, out JsonElement releases) || releases.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        JsonElement best = default;
        string? bestName = null;
        int bestRelease = -1;
        foreach (JsonProperty release in releases.EnumerateObject())
        {
            if (int.TryParse(release.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > bestRelease
                && release.Value.ValueKind == JsonValueKind.Object)
            {
                bestRelease = number;
                best = release.Value;
                bestName = release.Name;
            }
        }

        if (bestName is null)
        {
            return default;
        }

        string locationPath = $"{path}.ensembl_genes.{build}.{bestName}";
        string? ensemblId = Blank(OptionalString(best, "ensembl_id", locationPath));
        string? location = Blank(OptionalString(best, "location", locationPath));
        if (location is null)
        {
            return (null, null, null, ensemblId);
        }

        if (!TryParseLocation(location, out string chromosome, out int start, out int end))
        {
            Error(PanelIssueCodes.BadCoordinates, locationPath + ".location", $"location '{location}' is not CHROM:START-END with START <= END");
            return (null, null, null, ensemblId);
        }

        return (chromosome, start, end, ensemblId);
    }

    /// <summary>Parses Ensembl's <c>CHROM:START-END</c> (1-based closed).</summary>
    internal static bool TryParseLocation(string text, out string chromosome, out int start, out int end)
    {
        chromosome = "";
        start = end = 0;
        int colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return false;
        }

        ReadOnlySpan<char> range = text.AsSpan(colon + 1);
        int dash = range.IndexOf('-');
        if (dash <= 0
            || !int.TryParse(range[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out start)
            || !int.TryParse(range[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out end)
            || start < 1 || end < start)
        {
            return false;
        }

        chromosome = text[..colon];
        return true;
    }

    private (int?, int?) CoordinatePair(JsonElement item, string property, string path)
    {
        if (!item.TryGetProperty(property, out JsonElement pair) || pair.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
            && pair[0].TryGetInt32(out int start) && pair[1].TryGetInt32(out int end) && start >= 1 && end >= start)
        {
            return (start, end);
        }

        Error(PanelIssueCodes.BadCoordinates, path + "." + property, $"{pair.GetRawText()} is not a [start, end] pair with 1 <= start <= end");
        return (null, null);
    }

    private int? RequiredInt(JsonElement element, string property, string path)
    {
        if (element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        Error(PanelIssueCodes.MissingField, path + "." + property, $"'{property}' must be an integer");
        return null;
    }

    private int? OptionalInt(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && (value.GetString() ?? "").Length == 0)
        {
            return null;
        }

        Error(PanelIssueCodes.MissingField, path + "." + property, $"'{property}' must be an integer");
        return null;
    }

    private string? RequiredString(JsonElement element, string property, string path)
    {
        if (element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }

        Error(PanelIssueCodes.MissingField, path + "." + property, $"'{property}' must be a non-empty string");
        return null;
    }

    private string? OptionalString(JsonElement element, string property, string path)
    {
        if (!element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Trim();
        }

        Error(PanelIssueCodes.MissingField, path + "." + property, $"'{property}' must be a string");
        return null;
    }

    private List<string> StringList(JsonElement element, string property, string path)
    {
        var list = new List<string>();
        if (!element.TryGetProperty(property, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(PanelIssueCodes.MissingField, path + "." + property, $"'{property}' must be an array of strings");
            return list;
        }

        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                string text = item.GetString()!.Trim();
                if (text.Length > 0)
                {
                    list.Add(text);
                }
            }
            else
            {
                Error(PanelIssueCodes.MissingField, $"{path}.{property}[{i}]", $"'{property}' must hold strings");
            }

            i++;
        }

        return list;
    }

    private DateTimeOffset? OptionalTimestamp(JsonElement element, string property, string path)
    {
        string? text = Blank(OptionalString(element, property, path));
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value))
        {
            // Microseconds are dropped so that every store round-trips the value exactly.
            return new DateTimeOffset(value.Ticks - (value.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        }

        Error(PanelIssueCodes.BadDate, path + "." + property, $"'{text}' is not an ISO 8601 date-time");
        return null;
    }

    private DateOnly? OptionalDate(JsonElement element, string property, string path)
    {
        string? text = Blank(OptionalString(element, property, path));
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            return date;
        }

        Error(PanelIssueCodes.BadDate, path + "." + property, $"'{text}' is not a yyyy-MM-dd date");
        return null;
    }

    private void Error(string code, string path, string message) =>
        _issues.Add(new PanelImportIssue(code, IssueSeverity.Error, _file, path, message));

    private void Warning(string code, string path, string message) =>
        _issues.Add(new PanelImportIssue(code, IssueSeverity.Warning, _file, path, message));
}
