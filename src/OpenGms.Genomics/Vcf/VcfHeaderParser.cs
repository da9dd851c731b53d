using System.Globalization;
using OpenGms.Genomics.Validation;

namespace OpenGms.Genomics.Vcf;

/// <summary>Builds a <see cref="VcfHeader"/> from header lines and reports every rule they break (codes VCF003 to VCF013).</summary>
internal static class VcfHeaderParser
{
    public static VcfHeader Parse(IReadOnlyList<string> lines, VcfIssueSink issues)
    {
        var metaLines = new List<VcfMetaLine>(lines.Count);
        var info = new Dictionary<string, VcfFieldDefinition>(StringComparer.Ordinal);
        var format = new Dictionary<string, VcfFieldDefinition>(StringComparer.Ordinal);
        var filters = new Dictionary<string, VcfFilterDefinition>(StringComparer.Ordinal);
        var alts = new Dictionary<string, VcfAltDefinition>(StringComparer.Ordinal);
        var contigs = new List<VcfContig>();
        var contigIds = new HashSet<string>(StringComparer.Ordinal);
        string fileFormat = string.Empty;
        IReadOnlyList<string> samples = [];
        bool hasFormat = false;
        bool sawColumns = false;
        Version? version = null;

        for (int i = 0; i < lines.Count; i++)
        {
            string text = lines[i];
            long lineNumber = i + 1;
            if (text.StartsWith("##", StringComparison.Ordinal))
            {
                VcfMetaLine? meta = ParseMetaLine(text, lineNumber, issues);
                if (meta is null)
                {
                    continue;
                }

                metaLines.Add(meta);
                if (meta.Key == "fileformat")
                {
                    if (i != 0)
                    {
                        issues.Add(VcfIssueCodes.FileFormat, VcfSeverity.Error, lineNumber, 0, "fileformat", "##fileformat must be the first line.");
                    }
                    else
                    {
                        fileFormat = meta.Value;
                        version = CheckFileFormat(meta, issues);
                    }

                    continue;
                }

                if (i == 0)
                {
                    issues.Add(VcfIssueCodes.FileFormat, VcfSeverity.Error, lineNumber, 0, "fileformat", "The first line must be ##fileformat=VCFv4.x.");
                }

                Interpret(meta, version, info, format, filters, alts, contigs, contigIds, issues);
            }
            else if (text.StartsWith("#CHROM", StringComparison.Ordinal) || (text.StartsWith('#') && !sawColumns))
            {
                if (i == 0)
                {
                    issues.Add(VcfIssueCodes.FileFormat, VcfSeverity.Error, lineNumber, 0, "fileformat", "The first line must be ##fileformat=VCFv4.x.");
                }

                sawColumns = true;
                (samples, hasFormat) = ParseColumnLine(text, lineNumber, issues);
            }
            else
            {
                issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, string.Empty, "A header line must start with ## (meta line) or #CHROM (column line).");
            }
        }

        if (lines.Count == 0)
        {
            issues.Add(VcfIssueCodes.EmptyFile, VcfSeverity.Error, 0, 0, string.Empty, "The file is empty: a VCF needs at least the ##fileformat and #CHROM lines.");
        }
        else if (!sawColumns)
        {
            issues.Add(VcfIssueCodes.ColumnLine, VcfSeverity.Error, lines.Count, 0, "#CHROM", "The #CHROM header line is missing.");
        }

        return new VcfHeader(fileFormat, metaLines, info, format, filters, alts, contigs, samples, hasFormat);
    }

    private static Version? CheckFileFormat(VcfMetaLine meta, VcfIssueSink issues)
    {
        string v = meta.Value;
        if (v.Length > 4 && v.StartsWith("VCFv", StringComparison.Ordinal) && System.Version.TryParse(v.AsSpan(4), out Version? version)
            && version.Major == 4 && version.Minor is >= 0 and <= 5 && version.Build < 0)
        {
            return version;
        }

        issues.Add(VcfIssueCodes.FileFormat, VcfSeverity.Error, meta.LineNumber, 0, "fileformat", $"'{v}' is not a supported file format (VCFv4.0 to VCFv4.5).");
        return null;
    }

    private static VcfMetaLine? ParseMetaLine(string text, long lineNumber, VcfIssueSink issues)
    {
        int eq = text.IndexOf('=', 2);
        if (eq < 0)
        {
            issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, string.Empty, "A meta line must be ##key=value.");
            return new VcfMetaLine(string.Empty, text[2..], text, null, lineNumber);
        }

        string key = text[2..eq];
        string value = text[(eq + 1)..];
        if (!IsValidMetaKey(key))
        {
            issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, key, $"'{key}' is not a valid meta key (letters, digits and underscore, not starting with a digit).");
            return new VcfMetaLine(string.Empty, text[2..], text, null, lineNumber);
        }

        if (value.Length == 0)
        {
            issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, key, $"##{key}= has no value.");
            return new VcfMetaLine(key, value, text, null, lineNumber);
        }

        if (value == "<>")
        {
            issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, key, $"##{key}=<> is empty.");
            return new VcfMetaLine(key, value, text, null, lineNumber);
        }

        if (value[0] != '<')
        {
            return new VcfMetaLine(key, value, text, null, lineNumber);
        }

        List<KeyValuePair<string, string>>? attributes = ParseStructured(value, out string? problem);
        if (attributes is null && key is not ("INFO" or "FORMAT" or "FILTER" or "ALT" or "contig" or "SAMPLE" or "PEDIGREE" or "META"))
        {
            // Other keys may hold any text in angle brackets: keep the line unstructured.
            return new VcfMetaLine(key, value, text, null, lineNumber);
        }

        if (attributes is null)
        {
            issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, lineNumber, 0, key, $"Malformed structured meta line: {problem}.");
            return new VcfMetaLine(key, value, text, null, lineNumber);
        }

        return new VcfMetaLine(key, value, text, attributes, lineNumber);
    }

    private static bool IsValidMetaKey(string key)
    {
        if (key.Length == 0 || char.IsAsciiDigit(key[0]))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses <c>&lt;A=1,B="x, \"y\""&gt;</c>; null with a reason when malformed.</summary>
    internal static List<KeyValuePair<string, string>>? ParseStructured(string value, out string? problem)
    {
        var result = new List<KeyValuePair<string, string>>();
        problem = null;
        if (value.Length < 2 || value[^1] != '>')
        {
            problem = "it does not end with '>'";
            return null;
        }

        int p = 1;
        int end = value.Length - 1;
        var sb = new System.Text.StringBuilder();
        while (p < end)
        {
            int eq = value.IndexOf('=', p);
            if (eq < 0 || eq >= end)
            {
                problem = "an attribute has no '='";
                return null;
            }

            string k = value[p..eq];
            if (k.Length == 0 || k.Contains(',', StringComparison.Ordinal) || k.Contains('"', StringComparison.Ordinal))
            {
                problem = $"bad attribute name '{k}'";
                return null;
            }

            p = eq + 1;
            string v;
            if (p < end && value[p] == '"')
            {
                sb.Clear();
                p++;
                bool closed = false;
                while (p < end)
                {
                    char c = value[p];
                    if (c == '\\' && p + 1 < end)
                    {
                        sb.Append(value[p + 1]);
                        p += 2;
                        continue;
                    }

                    if (c == '"')
                    {
                        closed = true;
                        p++;
                        break;
                    }

                    sb.Append(c);
                    p++;
                }

                if (!closed)
                {
                    problem = $"the quoted value of {k} is not closed";
                    return null;
                }

                v = sb.ToString();
                if (p < end && value[p] != ',')
                {
                    problem = $"text after the closing quote of {k}";
                    return null;
                }
            }
            else
            {
                int comma = value.IndexOf(',', p, end - p);
                int stop = comma < 0 ? end : comma;
                // A bracketed list value (META Values=[a, b]) may itself contain commas.
                if (p < end && value[p] == '[')
                {
                    int close = value.IndexOf(']', p, end - p);
                    if (close > 0)
                    {
                        int after = close + 1;
                        stop = after;
                    }
                }

                v = value[p..stop];
                p = stop;
            }

            result.Add(new KeyValuePair<string, string>(k, v));
            if (p < end)
            {
                if (value[p] != ',')
                {
                    problem = "attributes must be separated by commas";
                    return null;
                }

                p++;
                if (p == end)
                {
                    problem = "a trailing comma";
                    return null;
                }
            }
        }

        return result;
    }

    private static (IReadOnlyList<string> Samples, bool HasFormat) ParseColumnLine(string text, long lineNumber, VcfIssueSink issues)
    {
        string[] columns = text[1..].Split('\t');
        int n = Math.Min(columns.Length, VcfHeader.FixedColumns.Count);
        bool ok = columns.Length >= VcfHeader.FixedColumns.Count;
        for (int i = 0; i < n && ok; i++)
        {
            ok = string.Equals(columns[i], VcfHeader.FixedColumns[i], StringComparison.Ordinal);
        }

        if (!ok)
        {
            issues.Add(VcfIssueCodes.ColumnLine, VcfSeverity.Error, lineNumber, 0, "#CHROM", "The column line must be #CHROM POS ID REF ALT QUAL FILTER INFO, tab-separated.");
        }

        if (columns.Length <= 8)
        {
            return ([], false);
        }

        if (columns.Length == 9)
        {
            issues.Add(VcfIssueCodes.ColumnLine, VcfSeverity.Error, lineNumber, 9, "#CHROM", "A FORMAT column needs at least one sample column after it.");
        }

        if (!string.Equals(columns[8], "FORMAT", StringComparison.Ordinal))
        {
            issues.Add(VcfIssueCodes.ColumnLine, VcfSeverity.Error, lineNumber, 9, "#CHROM", "The ninth column, when present, must be FORMAT.");
        }

        string[] samples = columns[9..];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < samples.Length; i++)
        {
            if (samples[i].Length == 0)
            {
                issues.Add(VcfIssueCodes.ColumnLine, VcfSeverity.Error, lineNumber, 10 + i, "#CHROM", "A sample name is empty.");
            }
            else if (!seen.Add(samples[i]))
            {
                issues.Add(VcfIssueCodes.DuplicateSample, VcfSeverity.Error, lineNumber, 10 + i, "#CHROM", $"Sample name '{samples[i]}' appears more than once.");
            }
        }

        return (samples, true);
    }

    private static void Interpret(
        VcfMetaLine meta,
        Version? version,
        Dictionary<string, VcfFieldDefinition> info,
        Dictionary<string, VcfFieldDefinition> format,
        Dictionary<string, VcfFilterDefinition> filters,
        Dictionary<string, VcfAltDefinition> alts,
        List<VcfContig> contigs,
        HashSet<string> contigIds,
        VcfIssueSink issues)
    {
        bool structuredKey = meta.Key is "INFO" or "FORMAT" or "FILTER" or "ALT" or "contig";
        if (!structuredKey)
        {
            VcfHeaderRules.CheckOtherMeta(meta, version, issues);
            return;
        }

        if (meta.Attributes is null)
        {
            if (meta.Value.Length > 0 && meta.Value[0] != '<')
            {
                issues.Add(VcfIssueCodes.MetaLine, VcfSeverity.Error, meta.LineNumber, 0, meta.Key, $"##{meta.Key} must be a structured line ##{meta.Key}=<ID=...>.");
            }

            return;
        }

        VcfHeaderRules.CheckQuoting(meta, version, issues);
        string? id = meta.Id;
        if (string.IsNullOrEmpty(id))
        {
            issues.Add(VcfIssueCodes.MissingAttribute, VcfSeverity.Error, meta.LineNumber, 0, meta.Key, $"##{meta.Key} has no ID.");
            return;
        }

        switch (meta.Key)
        {
            case "INFO":
            case "FORMAT":
                VcfFieldDefinition? def = VcfHeaderRules.ReadFieldDefinition(meta, id, version, issues);
                if (def is not null)
                {
                    Dictionary<string, VcfFieldDefinition> target = meta.Key == "INFO" ? info : format;
                    if (!target.TryAdd(id, def))
                    {
                        issues.Add(VcfIssueCodes.DuplicateDefinition, VcfSeverity.Warning, meta.LineNumber, 0, $"{meta.Key}/{id}", $"{meta.Key} {id} is defined more than once.");
                    }
                }

                break;
            case "FILTER":
                if (!filters.TryAdd(id, new VcfFilterDefinition(id, meta.Attribute("Description") ?? string.Empty, meta)))
                {
                    issues.Add(VcfIssueCodes.DuplicateDefinition, VcfSeverity.Warning, meta.LineNumber, 0, $"FILTER/{id}", $"FILTER {id} is defined more than once.");
                }

                VcfHeaderRules.CheckFilter(meta, id, version, issues);
                break;
            case "ALT":
                VcfHeaderRules.CheckAlt(meta, id, version, issues);
                alts.TryAdd(id, new VcfAltDefinition(id, meta.Attribute("Description") ?? string.Empty, meta));
                break;
            default:
                VcfHeaderRules.CheckContig(meta, id, version, issues);
                long? length = null;
                string? lengthText = meta.Attribute("length");
                if (lengthText is not null)
                {
                    if (long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long len) && len > 0)
                    {
                        length = len;
                    }
                    else
                    {
                        issues.Add(VcfIssueCodes.InvalidDefinition, VcfSeverity.Error, meta.LineNumber, 0, $"contig/{id}", $"contig length '{lengthText}' is not a positive integer.");
                    }
                }

                if (contigIds.Add(id))
                {
                    contigs.Add(new VcfContig(id, length, contigs.Count, meta));
                }
                else
                {
                    // VCF 4.3 made contig IDs unique; earlier files sometimes repeat a line.
                    VcfSeverity severity = version is not null && version >= new Version(4, 3) ? VcfSeverity.Error : VcfSeverity.Note;
                    issues.Add(VcfIssueCodes.DuplicateDefinition, severity, meta.LineNumber, 0, $"contig/{id}", $"contig {id} is defined more than once.");
                }

                break;
        }
    }
}
