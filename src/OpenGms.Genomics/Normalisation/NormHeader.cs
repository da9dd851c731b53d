using System.Globalization;

namespace OpenGms.Genomics.Normalisation;

/// <summary>How many values an INFO/FORMAT field has (VCF 4.3 section 1.4.2).</summary>
internal enum FieldCardinality
{
    Fixed,
    PerAlt,
    PerAllele,
    PerGenotype,
    Unbounded,
}

/// <summary>An INFO or FORMAT definition: what splitting and joining need to know.</summary>
internal sealed record FieldDefinition(string Id, FieldCardinality Cardinality, int Count, string Type);

/// <summary>
/// The VCF header as normalisation needs it: meta lines kept verbatim, INFO/FORMAT cardinalities, samples.
/// Built from the header's text lines; a minimal model until the engine's shared VCF header is used here.
/// </summary>
internal sealed class NormHeader
{
    private readonly List<string> _meta = [];

    public Dictionary<string, FieldDefinition> Info { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, FieldDefinition> Format { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> MetaLines => _meta;

    public string ColumnLine { get; private set; } = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO";

    public int SampleCount { get; private set; }

    public void AddMetaLine(string line)
    {
        _meta.Add(line);
        if (line.StartsWith("##INFO=<", StringComparison.Ordinal))
        {
            FieldDefinition? d = ParseDefinition(line);
            if (d is not null)
            {
                Info[d.Id] = d;
            }
        }
        else if (line.StartsWith("##FORMAT=<", StringComparison.Ordinal))
        {
            FieldDefinition? d = ParseDefinition(line);
            if (d is not null)
            {
                Format[d.Id] = d;
            }
        }
    }

    public void SetColumnLine(string line)
    {
        ColumnLine = line;
        int columns = line.Split('\t').Length;
        SampleCount = Math.Max(0, columns - 9);
    }

    /// <summary>Adds an INFO definition after the last INFO line (or at the end) unless one with that ID exists.</summary>
    public void EnsureInfo(string id, string number, string type, string description)
    {
        if (Info.ContainsKey(id))
        {
            return;
        }

        string line = $"##INFO=<ID={id},Number={number},Type={type},Description=\"{description}\">";
        _meta.Add(line);
        Info[id] = ParseDefinition(line)!;
    }

    /// <summary>Adds <c>##FILTER=&lt;ID=PASS&gt;</c> after the fileformat line when absent, as htslib does on output.</summary>
    public void EnsurePassFilter()
    {
        foreach (string m in _meta)
        {
            if (m.StartsWith("##FILTER=<ID=PASS,", StringComparison.Ordinal))
            {
                return;
            }
        }

        int at = _meta.Count > 0 && _meta[0].StartsWith("##fileformat", StringComparison.Ordinal) ? 1 : 0;
        _meta.Insert(at, "##FILTER=<ID=PASS,Description=\"All filters passed\">");
    }

    public void AddRawLine(string line) => _meta.Add(line);

    private static FieldDefinition? ParseDefinition(string line)
    {
        int lt = line.IndexOf('<', StringComparison.Ordinal);
        if (lt < 0)
        {
            return null;
        }

        string? id = null;
        string number = ".";
        string type = "String";
        string body = line[(lt + 1)..].TrimEnd('>');
        int i = 0;
        while (i < body.Length)
        {
            int eq = body.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }

            string key = body[i..eq];
            int valueStart = eq + 1;
            int end;
            if (valueStart < body.Length && body[valueStart] == '"')
            {
                end = valueStart + 1;
                while (end < body.Length && body[end] != '"')
                {
                    end += body[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, body.Length);
            }
            else
            {
                end = body.IndexOf(',', valueStart);
                if (end < 0)
                {
                    end = body.Length;
                }
            }

            string value = body[valueStart..end];
            switch (key)
            {
                case "ID":
                    id = value;
                    break;
                case "Number":
                    number = value;
                    break;
                case "Type":
                    type = value;
                    break;
                default:
                    break;
            }

            i = end + 1;
        }

        if (id is null)
        {
            return null;
        }

        return number switch
        {
            "A" => new FieldDefinition(id, FieldCardinality.PerAlt, 0, type),
            "R" => new FieldDefinition(id, FieldCardinality.PerAllele, 0, type),
            "G" => new FieldDefinition(id, FieldCardinality.PerGenotype, 0, type),
            _ when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int n) => new FieldDefinition(id, FieldCardinality.Fixed, n, type),
            _ => new FieldDefinition(id, FieldCardinality.Unbounded, 0, type),
        };
    }
}
