using System.Text.Json;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Reads the HPO from obographs JSON (<c>hp.json</c>) in one forward pass with <see cref="Utf8JsonReader"/>, without
/// building a document: nodes with <c>id</c> (an OBO PURL such as <c>http://purl.obolibrary.org/obo/HP_0000118</c>),
/// <c>lbl</c>, <c>type</c>, <c>meta.deprecated</c> and <c>meta.basicPropertyValues</c> (IAO:0100001 "term replaced
/// by", oboInOwl hasAlternativeId and consider); edges with <c>pred = is_a</c>; and the release from
/// <c>graphs[0].meta.version</c>. Only HP classes of the first graph are kept; every other member is skipped.
/// </summary>
internal static class ObographsParser
{
    public static HpoOntology Parse(ReadOnlySpan<byte> data, string fileName, List<HpoIssue> issues)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
        var state = new GraphState();
        try
        {
            Expect(ref reader, JsonTokenType.StartObject, fileName, "graphs");
            bool sawGraph = false;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("graphs"u8))
                {
                    SkipValue(ref reader);
                    continue;
                }

                Expect(ref reader, JsonTokenType.StartArray, fileName, "graphs");
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    if (sawGraph)
                    {
                        reader.Skip();
                        continue;
                    }

                    ReadGraph(ref reader, state, fileName);
                    sawGraph = true;
                }
            }

            if (!sawGraph)
            {
                throw Malformed(fileName, 0, "graphs", "No 'graphs' array with a graph; is this an obographs JSON file?");
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(fileName, (ex.LineNumber ?? -1) + 1, "json", $"Not valid JSON: {ex.Message}");
        }

        if (state.Terms.Count == 0)
        {
            throw Malformed(fileName, 0, "nodes", "No HP class nodes found.");
        }

        foreach ((int child, int parent) in state.Edges)
        {
            if (state.ByNumber.TryGetValue(child, out RawTerm? c))
            {
                c.Parents.Add(parent);
            }
        }

        return HpoOntology.Build(state.Version, fileName, state.Terms, issues);
    }

    private sealed class GraphState
    {
        public string Version { get; set; } = string.Empty;

        public List<RawTerm> Terms { get; } = new(20_000);

        public Dictionary<int, RawTerm> ByNumber { get; } = new(20_000);

        public List<(int Child, int Parent)> Edges { get; } = new(25_000);
    }

    private static void ReadGraph(ref Utf8JsonReader reader, GraphState state, string fileName)
    {
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("meta"u8))
            {
                Expect(ref reader, JsonTokenType.StartObject, fileName, "meta");
                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("version"u8))
                    {
                        if (StringValue(ref reader))
                        {
                            state.Version = ReleaseOf(reader.GetString()!);
                        }
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else if (reader.ValueTextEquals("nodes"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray, fileName, "nodes");
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    ReadNode(ref reader, state);
                }
            }
            else if (reader.ValueTextEquals("edges"u8))
            {
                Expect(ref reader, JsonTokenType.StartArray, fileName, "edges");
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    ReadEdge(ref reader, state);
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }
    }

    private static void ReadNode(ref Utf8JsonReader reader, GraphState state)
    {
        int number = -1;
        bool isClass = true;
        bool deprecated = false;
        string? name = null;
        int replacedBy = -1;
        List<int>? altIds = null;
        List<string>? consider = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                number = StringValue(ref reader) && !reader.ValueIsEscaped && TryNumberOfIri(reader.ValueSpan, out int n) ? n : -1;
            }
            else if (reader.ValueTextEquals("lbl"u8))
            {
                name = StringValue(ref reader) ? reader.GetString() : null;
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                isClass = !StringValue(ref reader) || reader.ValueTextEquals("CLASS"u8);
            }
            else if (reader.ValueTextEquals("meta"u8))
            {
                if (Next(ref reader) != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (Next(ref reader) == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("deprecated"u8))
                    {
                        deprecated = Next(ref reader) == JsonTokenType.True;
                        reader.Skip();
                    }
                    else if (reader.ValueTextEquals("basicPropertyValues"u8))
                    {
                        if (Next(ref reader) != JsonTokenType.StartArray)
                        {
                            reader.Skip();
                            continue;
                        }

                        while (Next(ref reader) != JsonTokenType.EndArray)
                        {
                            if (reader.TokenType == JsonTokenType.StartObject)
                            {
                                ReadPropertyValue(ref reader, ref replacedBy, ref altIds, ref consider);
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }
                    }
                    else
                    {
                        SkipValue(ref reader);
                    }
                }
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        if (number < 0 || !isClass)
        {
            return;
        }

        if (state.ByNumber.TryGetValue(number, out RawTerm? seen))
        {
            // A node listed twice (seen in some releases for imported axioms): keep the first, fill a missing label.
            if (string.IsNullOrEmpty(seen.Name) && name is not null)
            {
                seen.Name = name;
            }

            return;
        }

        var term = new RawTerm { Number = number, Line = 0, Name = name ?? string.Empty, Obsolete = deprecated, ReplacedBy = replacedBy };
        if (altIds is not null)
        {
            term.AltIds.AddRange(altIds);
        }

        if (consider is not null)
        {
            term.Consider.AddRange(consider);
        }

        state.ByNumber.Add(number, term);
        state.Terms.Add(term);
    }

    private static void ReadPropertyValue(ref Utf8JsonReader reader, ref int replacedBy, ref List<int>? altIds, ref List<string>? consider)
    {
        // pred and val may come in either order: keep the val bytes' meaning until both are known.
        int kind = 0; // 1 replaced_by, 2 alt id, 3 consider
        string? value = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("pred"u8))
            {
                kind = !StringValue(ref reader) ? 0
                    : reader.ValueTextEquals("http://purl.obolibrary.org/obo/IAO_0100001"u8) ? 1
                    : reader.ValueTextEquals("http://www.geneontology.org/formats/oboInOwl#hasAlternativeId"u8) ? 2
                    : reader.ValueTextEquals("http://www.geneontology.org/formats/oboInOwl#consider"u8) ? 3
                    : 0;
            }
            else if (reader.ValueTextEquals("val"u8))
            {
                value = StringValue(ref reader) ? reader.GetString() : null;
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        if (value is null)
        {
            return;
        }

        switch (kind)
        {
            case 1 when HpoOntology.TryParseId(value, out int r) || TryNumberOfIri(System.Text.Encoding.UTF8.GetBytes(value), out r):
                replacedBy = r;
                break;
            case 2 when HpoOntology.TryParseId(value, out int a):
                (altIds ??= []).Add(a);
                break;
            case 3:
                (consider ??= []).Add(value);
                break;
            default:
                break;
        }
    }

    private static void ReadEdge(ref Utf8JsonReader reader, GraphState state)
    {
        int sub = -1, obj = -1;
        bool isA = false;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sub"u8))
            {
                sub = StringValue(ref reader) && !reader.ValueIsEscaped && TryNumberOfIri(reader.ValueSpan, out int s) ? s : -1;
            }
            else if (reader.ValueTextEquals("obj"u8))
            {
                obj = StringValue(ref reader) && !reader.ValueIsEscaped && TryNumberOfIri(reader.ValueSpan, out int o) ? o : -1;
            }
            else if (reader.ValueTextEquals("pred"u8))
            {
                isA = StringValue(ref reader) && reader.ValueTextEquals("is_a"u8);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        if (isA && sub >= 0 && obj >= 0)
        {
            state.Edges.Add((sub, obj));
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("Unexpected end of data.");
        }

        return reader.TokenType;
    }

    /// <summary>After a property name: reads its value; true when it is a string, otherwise skips it (object, array, literal).</summary>
    private static bool StringValue(ref Utf8JsonReader reader)
    {
        if (Next(ref reader) == JsonTokenType.String)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    /// <summary>After a property name: skips its value, whatever it is.</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string fileName, string field)
    {
        if (Next(ref reader) != type)
        {
            throw Malformed(fileName, 0, field, $"Expected {type} for '{field}', found {reader.TokenType}; is this an obographs JSON file?");
        }
    }

    /// <summary><c>http://purl.obolibrary.org/obo/hp/releases/2025-05-06/hp.json</c> becomes <c>hp/releases/2025-05-06</c>, as OBO's data-version.</summary>
    private static string ReleaseOf(string versionIri)
    {
        const string Prefix = "http://purl.obolibrary.org/obo/";
        string v = versionIri.StartsWith(Prefix, StringComparison.Ordinal) ? versionIri[Prefix.Length..] : versionIri;
        int slash = v.LastIndexOf('/');
        return slash > 0 && v.EndsWith(".json", StringComparison.Ordinal) ? v[..slash] : v;
    }

    private static bool TryNumberOfIri(ReadOnlySpan<byte> iri, out int number)
    {
        number = 0;
        int at = iri.LastIndexOf("/HP_"u8);
        return at >= 0 && HpoOntology.TryParseId(iri[(at + 1)..], out number);
    }

    private static HpoDataException Malformed(string fileName, long line, string field, string message) =>
        new(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, fileName, line, field, message));
}
