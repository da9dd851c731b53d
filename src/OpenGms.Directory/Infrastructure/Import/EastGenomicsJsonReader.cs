using System.Globalization;
using System.Text.Json;
using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>
/// Reads East Genomics' parsed rare-disease directory JSON (eastgenomics/test_directory_parser output:
/// <c>{"td_source", "config_source", "date", "indications": [{"code": "R67.1", "name", "test_method", "panels",
/// "original_targets", "changes"}]}</c>). Each entry is one test; "panels" holds PanelApp panel ids ("126") and/or HGNC
/// ids ("HGNC:1100"), or null for gene-agnostic tests. The file is filtered by its authors (NGS tests only), so the
/// edition is stored under its own key (<c>rd-5.1-east</c>), apart from the official spreadsheet's.
/// </summary>
internal static class EastGenomicsJsonReader
{
    public static bool Looks(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("indications", out _) && root.TryGetProperty("td_source", out _);

    public static EditionReadResult Read(JsonElement root, string fileName, string sha256)
    {
        var context = new ImportContext(fileName);
        string? source = root.TryGetProperty("td_source", out JsonElement s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        JsonElement list = root.GetProperty("indications");
        if (list.ValueKind != JsonValueKind.Array)
        {
            context.Error(DirectoryIssueCodes.UnknownLayout, "\"indications\" is not an array.", field: "indications");
            return new EditionReadResult(null, context.Issues);
        }

        var builder = new IndicationBuilder(context);
        int index = 0;
        foreach (JsonElement item in list.EnumerateArray())
        {
            index++;
            string? code = Text(item, "code");
            string? name = Text(item, "name");
            if (code is null || name is null)
            {
                context.Error(DirectoryIssueCodes.BadRow, $"Entry {index} lacks \"{(code is null ? "code" : "name")}\".", "indications", index, code is null ? "code" : "name");
                continue;
            }

            int dot = code.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0)
            {
                context.Error(DirectoryIssueCodes.CodeMismatch, $"\"{code}\" is not a test code (R67.1).", "indications", index, "code");
                continue;
            }

            string? method = Text(item, "test_method");
            string? published = Text(item, "original_targets");
            IReadOnlyList<TestMethod> methods = TestMethods.Normalise(method, out bool recognised);
            if (!recognised)
            {
                context.Warning(DirectoryIssueCodes.UnknownMethod, $"Test method \"{method}\" of {code} is not in the vocabulary; recorded as other.", "indications", index, "test_method");
            }

            List<TestTarget>? targets = Targets(item, published, context, index);
            if (targets is null)
            {
                continue;
            }

            var test = new DirectoryTest(code, name, method, methods, null, published, targets, Text(item, "changes"), null, $"indications[{index - 1}]");
            builder.Add(code[..dot], name, null, null, test, "indications", index, "code");
        }

        if (context.HasErrors)
        {
            return new EditionReadResult(null, context.Issues);
        }

        string version = EditionNaming.Version(source, fileName) ?? Path.GetFileNameWithoutExtension(fileName);
        var edition = new DirectoryEdition(
            EditionNaming.Key(EditionKind.RareAndInherited, version, "east"), EditionKind.RareAndInherited, version,
            null, "eastgenomics-json", fileName, sha256, builder.Build());
        return new EditionReadResult(edition, context.Issues);
    }

    private static List<TestTarget>? Targets(JsonElement item, string? published, ImportContext context, int index)
    {
        var targets = new List<TestTarget>();
        if (!item.TryGetProperty("panels", out JsonElement panels) || panels.ValueKind == JsonValueKind.Null)
        {
            // No panel and no gene: the parser's gene-agnostic tests (WGS and the like).
            targets.Add(TestTarget.GeneAgnostic);
            return targets;
        }

        if (panels.ValueKind != JsonValueKind.Array)
        {
            context.Error(DirectoryIssueCodes.BadRow, "\"panels\" is neither a list nor null.", "indications", index, "panels");
            return null;
        }

        IReadOnlyList<TestTarget> fromText = TargetText.Parse(published);
        var genes = new List<string?>();
        foreach (JsonElement panel in panels.EnumerateArray())
        {
            string? value = panel.ValueKind switch
            {
                JsonValueKind.String => panel.GetString(),
                JsonValueKind.Number => panel.GetRawText(),
                _ => null,
            };
            if (value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                string? name = fromText.FirstOrDefault(t => t.PanelId == id)?.Name;
                targets.Add(TestTarget.Panel(id, name));
            }
            else if (value is not null && value.StartsWith("HGNC:", StringComparison.OrdinalIgnoreCase))
            {
                genes.Add(value.ToUpperInvariant());
            }
            else if (string.IsNullOrEmpty(value))
            {
                // The parser writes null where it could not find a published symbol in HGNC (e.g. a typo).
                genes.Add(null);
            }
            else
            {
                context.Error(DirectoryIssueCodes.BadRow, $"\"{value}\" in \"panels\" is neither a PanelApp id nor an HGNC id.", "indications", index, "panels");
                return null;
            }
        }

        // The parser keeps the published order, so when the published text names as many symbols as there are gene
        // entries they pair up by position; otherwise the HGNC ids stand alone.
        List<string> symbols = [.. TargetText.GeneSymbols(published ?? string.Empty)];
        bool paired = symbols.Count == genes.Count;
        for (int i = 0; i < genes.Count; i++)
        {
            string? symbol = paired ? symbols[i] : null;
            if (genes[i] is null && symbol is null)
            {
                context.Warning(DirectoryIssueCodes.UnresolvedGene, $"Gene entry {i + 1} is empty and cannot be matched to the published targets; left out.", "indications", index, "panels");
                continue;
            }

            if (genes[i] is null)
            {
                context.Warning(DirectoryIssueCodes.UnresolvedGene, $"\"{symbol}\" has no HGNC id in the file; kept by symbol as published.", "indications", index, "panels");
            }

            targets.Add(TestTarget.Gene(symbol, genes[i]));
        }

        return targets;
    }

    private static string? Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? Cells.Clean(value.GetString())
            : null;
}
