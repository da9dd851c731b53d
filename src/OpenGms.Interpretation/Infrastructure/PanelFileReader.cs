using System.Text.Json;
using OpenGms.Kernel;
using OpenGms.Panels.Contracts;

namespace OpenGms.Interpretation.Infrastructure;

/// <summary>
/// Reads a panel from files, for offline use: a PanelApp API panel JSON (<c>/api/v1/panels/ID/</c>, with
/// <c>genes[].gene_data.gene_symbol</c>, <c>confidence_level</c>, <c>mode_of_inheritance</c>) or a plain gene list
/// (one symbol a line, optionally a tab and a mode of inheritance). Codes: INT020 (not a PanelApp panel), INT021 (empty).
/// </summary>
public static class PanelFileReader
{
    /// <summary>Reads a PanelApp panel JSON, keeping genes rated at or above <paramref name="minimum"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="minimum">Lowest rating kept (green for diagnostic use).</param>
    /// <returns>The panel.</returns>
    public static Result<ResolvedPanel> ReadPanelApp(string path, PanelConfidence minimum)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT022", $"{path}: panel file not found");
        }

        string file = Path.GetFileName(path);
        try
        {
            using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
            JsonElement root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("genes", out JsonElement genes) || genes.ValueKind != JsonValueKind.Array)
            {
                return Error.BadInput("INT020", $"{file}: not a PanelApp panel (no genes array)");
            }

            int id = root.TryGetProperty("id", out JsonElement idElement) && idElement.TryGetInt32(out int i) ? i : 0;
            string name = root.TryGetProperty("name", out JsonElement n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : file;
            string version = root.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "unknown";
            var list = new List<PanelGene>();
            int index = 0;
            foreach (JsonElement g in genes.EnumerateArray())
            {
                string? symbol = g.TryGetProperty("gene_data", out JsonElement data) && data.TryGetProperty("gene_symbol", out JsonElement s) ? s.GetString() : null;
                symbol ??= g.TryGetProperty("entity_name", out JsonElement e) ? e.GetString() : null;
                if (string.IsNullOrEmpty(symbol))
                {
                    return Error.BadInput("INT020", $"{file}: genes[{index}] has no gene_data.gene_symbol or entity_name");
                }

                string? hgnc = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("hgnc_id", out JsonElement h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                PanelConfidence confidence = g.TryGetProperty("confidence_level", out JsonElement c) ? ParseConfidence(c) : PanelConfidence.Unrated;
                string? moi = g.TryGetProperty("mode_of_inheritance", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                if (confidence >= minimum)
                {
                    list.Add(new PanelGene(symbol, hgnc, confidence, moi));
                }

                index++;
            }

            list.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
            return new ResolvedPanel(id, name, version, false, list);
        }
        catch (JsonException e)
        {
            return Error.BadInput("INT020", $"{file}: not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
    }

    /// <summary>Reads a gene list: one HGNC symbol a line, optionally a tab and PanelApp mode-of-inheritance text; # comments.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A panel of green genes named after the file.</returns>
    public static Result<ResolvedPanel> ReadGeneList(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT022", $"{path}: gene list not found");
        }

        var genes = new Dictionary<string, PanelGene>(StringComparer.Ordinal);
        foreach (string raw in File.ReadLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            string symbol = f[0].Trim();
            genes.TryAdd(symbol, new PanelGene(symbol, null, PanelConfidence.Green, f.Length > 1 ? f[1].Trim() : null));
        }

        if (genes.Count == 0)
        {
            return Error.BadInput("INT021", $"{Path.GetFileName(path)}: no genes");
        }

        var list = genes.Values.ToList();
        list.Sort((a, b) => string.CompareOrdinal(a.Symbol, b.Symbol));
        return new ResolvedPanel(0, Path.GetFileNameWithoutExtension(path), "gene list", false, list);
    }

    private static PanelConfidence ParseConfidence(JsonElement c)
    {
        int level = c.ValueKind switch
        {
            JsonValueKind.Number when c.TryGetInt32(out int n) => n,
            JsonValueKind.String when int.TryParse(c.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int n) => n,
            _ => 0,
        };
        return level is >= 0 and <= 3 ? (PanelConfidence)level : PanelConfidence.Unrated;
    }
}
