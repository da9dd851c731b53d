using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Domain;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// Reads PharmCAT-format data with System.Text.Json: <c>*_translation.json</c> allele definitions and
/// <c>exemptions.json</c>, phenotype files (<c>phenotype/*.json</c>, CPIC; <c>phenotype/dpwg/*.json</c>, DPWG) and
/// guideline files (<c>guidelines/{CPIC,DPWG}_*.json</c>). Several roots may be given; the first one holding a gene's
/// file wins. Issue codes: PGX001 no definitions found, PGX002 malformed JSON, PGX003 inconsistent definition.
/// </summary>
internal static class DefinitionLoader
{
    private const string DemoPrefix = "OpenGms.Pharmacogenomics.Demo.";

    /// <summary>Loads and validates a set from one or more folders laid out as PharmCAT's repository or as an imported set.</summary>
    public static Result<DefinitionSet> Load(IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        foreach (string root in roots)
        {
            if (!System.IO.Directory.Exists(root))
            {
                return Error.NotFound("PGX001", $"{root}: definitions folder not found.");
            }
        }

        return Build(FindFiles(roots).Select(f => (f.Kind, f.Path, (Func<Stream>)(() => File.OpenRead(f.Path)))).ToList(), string.Join(";", roots));
    }

    /// <summary>The definition files under each root, in load order (first root first).</summary>
    public static List<(string Kind, string Path)> FindFiles(IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        var files = new List<(string Kind, string Path)>();
        foreach (string root in roots)
        {
            foreach (string dir in new[] { "alleles", Path.Combine("definition", "alleles"), "." })
            {
                string d = Path.Combine(root, dir);
                if (System.IO.Directory.Exists(d))
                {
                    files.AddRange(System.IO.Directory.EnumerateFiles(d, "*_translation.json").Order(StringComparer.Ordinal).Select(f => ("allele", f)));
                    string exemptions = Path.Combine(d, "exemptions.json");
                    if (File.Exists(exemptions))
                    {
                        files.Add(("exemptions", exemptions));
                    }
                }
            }

            foreach ((string dir, string kind) in new[] { ("phenotype", "cpic"), (Path.Combine("phenotype", "cpic"), "cpic"), (Path.Combine("phenotype", "dpwg"), "dpwg") })
            {
                string d = Path.Combine(root, dir);
                if (System.IO.Directory.Exists(d))
                {
                    files.AddRange(System.IO.Directory.EnumerateFiles(d, "*.json").Order(StringComparer.Ordinal).Select(f => (kind, f)));
                }
            }

            foreach (string dir in new[] { "guidelines", Path.Combine("reporter", "guidelines") })
            {
                string d = Path.Combine(root, dir);
                if (System.IO.Directory.Exists(d))
                {
                    files.AddRange(System.IO.Directory.EnumerateFiles(d, "*.json").Order(StringComparer.Ordinal).Select(f => ("guideline", f)));
                }
            }
        }

        return files;
    }

    /// <summary>The bundled demo set (CYP2C19, DPYD, TPMT, SLCO1B1), written by us from published allele facts.</summary>
    public static DefinitionSet LoadDemo()
    {
        Assembly assembly = typeof(DefinitionLoader).Assembly;
        var files = new List<(string Kind, string Path, Func<Stream> Open)>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(DemoPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string file = name[DemoPrefix.Length..];
            string kind = file.EndsWith("_translation.json", StringComparison.Ordinal) ? "allele"
                : file.StartsWith("phenotype_", StringComparison.Ordinal) ? "cpic"
                : file.StartsWith("guideline_", StringComparison.Ordinal) ? "guideline"
                : "other";
            files.Add((kind, "demo:" + file, () => assembly.GetManifestResourceStream(name)!));
        }

        Result<DefinitionSet> set = Build(files, "bundled demo definitions");
        return set.IsSuccess ? set.Value : throw new InvalidOperationException($"The bundled demo definitions are invalid: {set.Error}");
    }

    private static Result<DefinitionSet> Build(List<(string Kind, string Path, Func<Stream> Open)> files, string source)
    {
        var genes = new Dictionary<string, GeneDefinition>(StringComparer.Ordinal);
        var exemptions = new Dictionary<string, GeneExemption>(StringComparer.Ordinal);
        var cpic = new Dictionary<string, GenePhenotypeMap>(StringComparer.Ordinal);
        var dpwg = new Dictionary<string, GenePhenotypeMap>(StringComparer.Ordinal);
        var guidelines = new List<Guideline>();
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((string kind, string path, Func<Stream> open) in files)
        {
            if (kind == "other")
            {
                continue;
            }

            JsonDocument document;
            try
            {
                using Stream stream = open();
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                return Error.BadInput("PGX002", $"{path}:{(ex.LineNumber ?? 0) + 1}:{(ex.BytePositionInLine ?? 0) + 1}: malformed JSON ({ex.Message}).");
            }

            using (document)
            {
                JsonElement root = document.RootElement;
                try
                {
                    switch (kind)
                    {
                        case "allele":
                            GeneDefinition gene = ReadGene(root);
                            if (genes.TryAdd(gene.Gene, gene))
                            {
                                versions.Add(gene.Version);
                            }

                            break;
                        case "exemptions":
                            foreach (GeneExemption exemption in ReadExemptions(root))
                            {
                                exemptions.TryAdd(exemption.Gene, exemption);
                            }

                            break;
                        case "cpic":
                        case "dpwg":
                            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("diplotypes", out _))
                            {
                                GenePhenotypeMap map = ReadPhenotype(root);
                                (kind == "cpic" ? cpic : dpwg).TryAdd(map.Gene, map);
                            }

                            break;
                        case "guideline":
                            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("guideline", out _))
                            {
                                guidelines.Add(ReadGuideline(root));
                            }

                            break;
                        default:
                            break;
                    }
                }
                catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
                {
                    return Error.BadInput("PGX003", $"{path}: not a valid PharmCAT {kind} file ({ex.Message}).");
                }
            }
        }

        if (genes.Count == 0)
        {
            return Error.BadInput("PGX001", $"{source}: no allele definition files (*_translation.json) found.");
        }

        string version = versions.Count == 1 ? versions.Min! : string.Join("+", versions);
        return new DefinitionSet(version, source, genes, exemptions, cpic, dpwg, guidelines);
    }

    private static GeneDefinition ReadGene(JsonElement root)
    {
        string gene = root.GetProperty("gene").GetString()!;
        string chromosome = root.GetProperty("chromosome").GetString()!;
        string version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unversioned";
        var variants = new List<VariantLocus>();
        foreach (JsonElement e in root.GetProperty("variants").EnumerateArray())
        {
            variants.Add(ReadLocus(e));
        }

        var alleles = new List<NamedAllele>();
        foreach (JsonElement e in root.GetProperty("namedAlleles").EnumerateArray())
        {
            var values = new List<string?>();
            foreach (JsonElement a in e.GetProperty("alleles").EnumerateArray())
            {
                values.Add(a.ValueKind == JsonValueKind.Null ? null : a.GetString());
            }

            alleles.Add(new NamedAllele(
                e.GetProperty("name").GetString()!,
                e.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
                values,
                e.TryGetProperty("reference", out JsonElement r) && r.ValueKind == JsonValueKind.True));
        }

        var suballeles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("suballelesMap", out JsonElement sub) && sub.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in sub.EnumerateObject())
            {
                suballeles[p.Name] = p.Value.GetString()!;
            }
        }

        return new GeneDefinition(gene, chromosome, version, variants, alleles, suballeles);
    }

    private static VariantLocus ReadLocus(JsonElement e)
    {
        var alts = new List<string>();
        if (e.TryGetProperty("alts", out JsonElement a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement alt in a.EnumerateArray())
            {
                alts.Add(alt.GetString()!);
            }
        }

        return new VariantLocus(
            GenomicPosition.NormaliseChromosome(e.GetProperty("chromosome").GetString()!),
            e.GetProperty("position").GetInt32(),
            e.TryGetProperty("rsid", out JsonElement rs) && rs.ValueKind == JsonValueKind.String ? rs.GetString() : null,
            e.GetProperty("ref").GetString()!,
            alts);
    }

    private static IEnumerable<GeneExemption> ReadExemptions(JsonElement root)
    {
        foreach (JsonProperty gene in root.EnumerateObject())
        {
            var positions = new HashSet<int>();
            if (gene.Value.TryGetProperty("ignoredPositions", out JsonElement ip))
            {
                foreach (JsonElement p in ip.EnumerateArray())
                {
                    positions.Add(p.GetProperty("position").GetInt32());
                }
            }

            var alleles = new HashSet<string>(StringComparer.Ordinal);
            if (gene.Value.TryGetProperty("ignoredAlleles", out JsonElement ia))
            {
                foreach (JsonElement a in ia.EnumerateArray())
                {
                    alleles.Add(a.GetString()!);
                }
            }

            yield return new GeneExemption(gene.Name, positions, alleles);
        }
    }

    private static GenePhenotypeMap ReadPhenotype(JsonElement root)
    {
        string gene = root.GetProperty("gene").GetString()!;
        var functions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("haplotypes", out JsonElement h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in h.EnumerateObject())
            {
                functions[p.Name] = p.Value.GetString() ?? string.Empty;
            }
        }

        var activity = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("activityValues", out JsonElement av) && av.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty p in av.EnumerateObject())
            {
                activity[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
            }
        }

        var rows = new List<KeyValuePair<string, DiplotypePhenotype>>();
        foreach (JsonElement d in root.GetProperty("diplotypes").EnumerateArray())
        {
            var key = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (JsonProperty p in d.GetProperty("diplotypekey").EnumerateObject())
            {
                key[p.Name] = p.Value.GetInt32();
            }

            rows.Add(new(GenePhenotypeMap.TableKey(key), new DiplotypePhenotype(
                StringOrEmpty(d, "generesult"),
                StringOrEmpty(d, "lookupkey"),
                d.TryGetProperty("activityScore", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null)));
        }

        string? version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new GenePhenotypeMap(gene, version, functions, activity, rows);
    }

    private static Guideline ReadGuideline(JsonElement root)
    {
        JsonElement g = root.GetProperty("guideline");
        var recommendations = new List<GuidelineRecommendation>();
        if (root.TryGetProperty("recommendations", out JsonElement recs) && recs.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement r in recs.EnumerateArray())
            {
                var key = new Dictionary<string, string>(StringComparer.Ordinal);
                if (r.TryGetProperty("lookupKey", out JsonElement lk) && lk.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty p in lk.EnumerateObject())
                    {
                        key[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                    }
                }

                var implications = new List<string>();
                if (r.TryGetProperty("implications", out JsonElement im) && im.ValueKind == JsonValueKind.Array)
                {
                    implications.AddRange(im.EnumerateArray().Select(x => x.GetString() ?? string.Empty));
                }

                string classification = r.TryGetProperty("classification", out JsonElement c) && c.ValueKind == JsonValueKind.Object ? StringOrEmpty(c, "term") : string.Empty;
                string text = r.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.Object ? StringOrEmpty(t, "html") : string.Empty;
                recommendations.Add(new GuidelineRecommendation(
                    Names(r, "relatedChemicals", "name"),
                    r.TryGetProperty("population", out JsonElement pop) && pop.ValueKind == JsonValueKind.String ? pop.GetString() : null,
                    classification,
                    text,
                    implications,
                    key));
            }
        }

        return new Guideline(
            StringOrEmpty(g, "source"),
            StringOrEmpty(g, "name"),
            g.TryGetProperty("url", out JsonElement url) && url.ValueKind == JsonValueKind.String ? url.GetString() : null,
            Names(g, "relatedChemicals", "name"),
            Names(g, "relatedGenes", "symbol"),
            recommendations);
    }

    private static List<string> Names(JsonElement e, string property, string field)
    {
        var names = new List<string>();
        if (e.TryGetProperty(property, out JsonElement a) && a.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement x in a.EnumerateArray())
            {
                string value = StringOrEmpty(x, field);
                if (value.Length > 0)
                {
                    names.Add(value);
                }
            }
        }

        return names;
    }

    private static string StringOrEmpty(JsonElement e, string property) =>
        e.TryGetProperty(property, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : string.Empty;

    /// <summary>Formats a count for messages without culture surprises.</summary>
    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
