using OpenGms.Orders.Domain.Routing;

namespace OpenGms.Orders.Application.Routing;

/// <summary>A problem in a routing table file: code, line (1-based), field and message.</summary>
/// <param name="Code">GLH001 to GLH009.</param>
/// <param name="File">The file name.</param>
/// <param name="Line">The line (1-based; 0 for the file as a whole).</param>
/// <param name="Field">The column, when one is at fault.</param>
/// <param name="Message">What is wrong.</param>
public sealed record RoutingIssue(string Code, string File, int Line, string? Field, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}{(Field is null ? string.Empty : $" [{Field}]")}: {Code} {Message}";
}

/// <summary>The outcome of reading a routing table file: the table, or every problem found.</summary>
/// <param name="Table">The table, when there were no issues.</param>
/// <param name="Issues">The issues.</param>
public sealed record RoutingReadResult(RoutingTable? Table, IReadOnlyList<RoutingIssue> Issues);

/// <summary>
/// Reads a GLH routing table from CSV or TSV (delimiter: tab when the header line has one, else comma; fields may
/// be double-quoted in CSV). Columns, found by name in the header: <c>kind</c>, <c>code</c>, <c>name</c>,
/// <c>glh</c>. Rows of kind <c>glh</c> declare a hub (code, name); <c>organisation</c> rows map an ODS code to
/// the code of its hub; <c>specialist-test</c> rows name a test or indication code and the hubs that perform it
/// (<c>;</c>-separated, in order of preference). Blank lines and lines starting with <c>#</c> are skipped.
/// </summary>
public static class RoutingTableReader
{
    private static readonly string[] s_columns = ["kind", "code", "name", "glh"];

    /// <summary>Reads <paramref name="reader"/>; <paramref name="fileName"/> names the file in issues.</summary>
    public static RoutingReadResult Read(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var issues = new List<RoutingIssue>();
        var glhs = new List<Glh>();
        var organisations = new List<ReferringOrganisation>();
        var specialist = new List<(SpecialistTest Test, int Line, string Raw)>();
        var orgLines = new List<int>();
        Dictionary<string, int>? columns = null;
        char delimiter = ',';
        int lineNumber = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (columns is null)
            {
                delimiter = line.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
                List<string> header = Split(line, delimiter);
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (int i = 0; i < header.Count; i++)
                {
                    columns.TryAdd(header[i].Trim(), i);
                }

                foreach (string column in s_columns)
                {
                    if (!columns.ContainsKey(column))
                    {
                        issues.Add(new RoutingIssue("GLH001", fileName, lineNumber, column, $"The header has no '{column}' column (columns: {string.Join(", ", s_columns)})."));
                    }
                }

                if (issues.Count > 0)
                {
                    return new RoutingReadResult(null, issues);
                }

                continue;
            }

            List<string> fields = Split(line, delimiter);
            string Field(string name) => columns[name] < fields.Count ? fields[columns[name]].Trim() : string.Empty;
            string kind = Field("kind").ToLowerInvariant();
            string code = Field("code");
            string name = Field("name");
            string glh = Field("glh");
            if (code.Length == 0)
            {
                issues.Add(new RoutingIssue("GLH003", fileName, lineNumber, "code", "The code is empty."));
                continue;
            }

            if (name.Length == 0)
            {
                issues.Add(new RoutingIssue("GLH003", fileName, lineNumber, "name", "The name is empty."));
                continue;
            }

            switch (kind)
            {
                case "glh":
                    if (glhs.Any(g => string.Equals(g.Code, code, StringComparison.OrdinalIgnoreCase)))
                    {
                        issues.Add(new RoutingIssue("GLH005", fileName, lineNumber, "code", $"The GLH {code} is declared twice."));
                    }
                    else
                    {
                        glhs.Add(new Glh(code.ToLowerInvariant(), name));
                    }

                    break;
                case "organisation":
                    string ods = code.ToUpperInvariant();
                    if (ods.Length is < 3 or > 6 || !ods.All(char.IsAsciiLetterOrDigit))
                    {
                        issues.Add(new RoutingIssue("GLH007", fileName, lineNumber, "code", $"'{code}' is not an ODS code (3 to 6 letters and digits)."));
                    }
                    else if (organisations.Any(o => o.OdsCode == ods))
                    {
                        issues.Add(new RoutingIssue("GLH005", fileName, lineNumber, "code", $"The organisation {ods} is listed twice (each belongs to one GLH)."));
                    }
                    else if (glh.Length == 0)
                    {
                        issues.Add(new RoutingIssue("GLH003", fileName, lineNumber, "glh", $"The organisation {ods} names no GLH."));
                    }
                    else
                    {
                        organisations.Add(new ReferringOrganisation(ods, name, glh.ToLowerInvariant()));
                        orgLines.Add(lineNumber);
                    }

                    break;
                case "specialist-test":
                    string[] hubs = glh.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(h => h.ToLowerInvariant()).ToArray();
                    if (hubs.Length == 0)
                    {
                        issues.Add(new RoutingIssue("GLH003", fileName, lineNumber, "glh", $"The specialist test {code} names no GLH."));
                    }
                    else if (specialist.Any(s => string.Equals(s.Test.Code, code, StringComparison.OrdinalIgnoreCase)))
                    {
                        issues.Add(new RoutingIssue("GLH005", fileName, lineNumber, "code", $"The specialist test {code} is listed twice."));
                    }
                    else
                    {
                        specialist.Add((new SpecialistTest(code.ToUpperInvariant(), name, hubs), lineNumber, glh));
                    }

                    break;
                default:
                    issues.Add(new RoutingIssue("GLH002", fileName, lineNumber, "kind", $"'{Field("kind")}' is not a row kind (glh, organisation, specialist-test)."));
                    break;
            }
        }

        if (columns is null)
        {
            issues.Add(new RoutingIssue("GLH001", fileName, 0, null, "The file is empty: a header line is needed."));
            return new RoutingReadResult(null, issues);
        }

        var known = glhs.Select(g => g.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < organisations.Count; i++)
        {
            if (!known.Contains(organisations[i].GlhCode))
            {
                issues.Add(new RoutingIssue("GLH004", fileName, orgLines[i], "glh", $"The GLH '{organisations[i].GlhCode}' of {organisations[i].OdsCode} is not declared."));
            }
        }

        foreach ((SpecialistTest test, int at, string _) in specialist)
        {
            foreach (string hub in test.GlhCodes.Where(h => !known.Contains(h)))
            {
                issues.Add(new RoutingIssue("GLH004", fileName, at, "glh", $"The GLH '{hub}' named for {test.Code} is not declared."));
            }
        }

        if (glhs.Count == 0)
        {
            issues.Add(new RoutingIssue("GLH006", fileName, 0, null, "The file declares no GLH."));
        }

        issues.Sort((a, b) => a.Line.CompareTo(b.Line));
        return issues.Count > 0
            ? new RoutingReadResult(null, issues)
            : new RoutingReadResult(new RoutingTable(glhs, organisations, specialist.Select(s => s.Test)), issues);
    }

    /// <summary>Writes a table in the TSV form <see cref="Read"/> reads.</summary>
    public static void Write(RoutingTable table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("kind\tcode\tname\tglh");
        foreach (Glh g in table.Glhs.OrderBy(g => g.Code, StringComparer.Ordinal))
        {
            writer.WriteLine($"glh\t{g.Code}\t{g.Name}\t");
        }

        foreach (ReferringOrganisation o in table.Organisations.OrderBy(o => o.GlhCode, StringComparer.Ordinal).ThenBy(o => o.OdsCode, StringComparer.Ordinal))
        {
            writer.WriteLine($"organisation\t{o.OdsCode}\t{o.Name}\t{o.GlhCode}");
        }

        foreach (SpecialistTest s in table.SpecialistTests.OrderBy(s => s.Code, StringComparer.Ordinal))
        {
            writer.WriteLine($"specialist-test\t{s.Code}\t{s.Name}\t{string.Join(';', s.GlhCodes)}");
        }
    }

    private static List<string> Split(string line, char delimiter)
    {
        var fields = new List<string>();
        if (delimiter == '\t')
        {
            fields.AddRange(line.Split('\t'));
            return fields;
        }

        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
