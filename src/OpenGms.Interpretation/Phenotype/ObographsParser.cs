using System.Text.Json;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Reads the HPO from obographs JSON (<c>hp.json</c>): nodes with <c>id</c> (an OBO PURL such as
/// <c>http://purl.obolibrary.org/obo/HP_0000118</c>), <c>lbl</c>, <c>meta.deprecated</c> and
/// <c>meta.basicPropertyValues</c> (IAO:0100001 term replaced by, oboInOwl hasAlternativeId and consider), edges
/// with <c>pred = is_a</c>, and the release from <c>graphs[0].meta.version</c>. Only HP classes are kept.
/// </summary>
internal static class ObographsParser
{
    private const string ReplacedBy = "http://purl.obolibrary.org/obo/IAO_0100001";
    private const string AltId = "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId";
    private const string Consider = "http://www.geneontology.org/formats/oboInOwl#consider";

    public static HpoOntology Parse(ReadOnlyMemory<byte> data, string fileName, List<HpoIssue> issues)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw Malformed(fileName, (ex.LineNumber ?? -1) + 1, "json", $"Not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("graphs", out JsonElement graphs) || graphs.ValueKind != JsonValueKind.Array || graphs.GetArrayLength() == 0)
            {
                throw Malformed(fileName, 0, "graphs", "No 'graphs' array; is this an obographs JSON file?");
            }

            JsonElement graph = graphs[0];
            string version = string.Empty;
            if (graph.TryGetProperty("meta", out JsonElement meta) && meta.TryGetProperty("version", out JsonElement v) && v.ValueKind == JsonValueKind.String)
            {
                version = ReleaseOf(v.GetString()!);
            }

            var terms = new List<RawTerm>(20_000);
            var byNumber = new Dictionary<int, RawTerm>(20_000);
            if (!graph.TryGetProperty("nodes", out JsonElement nodes) || nodes.ValueKind != JsonValueKind.Array)
            {
                throw Malformed(fileName, 0, "nodes", "The first graph has no 'nodes' array.");
            }

            foreach (JsonElement node in nodes.EnumerateArray())
            {
                if (!node.TryGetProperty("id", out JsonElement idElement) || !TryNumberOfPurl(idElement.GetString(), out int number))
                {
                    continue;
                }

                if (node.TryGetProperty("type", out JsonElement type) && type.ValueKind == JsonValueKind.String && !type.ValueEquals("CLASS"u8))
                {
                    continue;
                }

                var term = new RawTerm { Number = number, Line = 0 };
                if (node.TryGetProperty("lbl", out JsonElement label) && label.ValueKind == JsonValueKind.String)
                {
                    term.Name = label.GetString()!;
                }

                if (node.TryGetProperty("meta", out JsonElement nodeMeta))
                {
                    term.Obsolete = nodeMeta.TryGetProperty("deprecated", out JsonElement deprecated) && deprecated.ValueKind == JsonValueKind.True;
                    if (nodeMeta.TryGetProperty("basicPropertyValues", out JsonElement values) && values.ValueKind == JsonValueKind.Array)
                    {
                        foreach (JsonElement pv in values.EnumerateArray())
                        {
                            string? pred = pv.TryGetProperty("pred", out JsonElement p) ? p.GetString() : null;
                            string? val = pv.TryGetProperty("val", out JsonElement x) ? x.GetString() : null;
                            if (pred is null || val is null)
                            {
                                continue;
                            }

                            switch (pred)
                            {
                                case ReplacedBy when HpoOntology.TryParseId(val, out int r) || TryNumberOfPurl(val, out r):
                                    term.ReplacedBy = r;
                                    break;
                                case AltId when HpoOntology.TryParseId(val, out int a):
                                    term.AltIds.Add(a);
                                    break;
                                case Consider:
                                    term.Consider.Add(val);
                                    break;
                                default:
                                    break;
                            }
                        }
                    }
                }

                if (byNumber.TryAdd(number, term))
                {
                    terms.Add(term);
                }
                else if (!string.IsNullOrEmpty(term.Name) && string.IsNullOrEmpty(byNumber[number].Name))
                {
                    byNumber[number].Name = term.Name;
                }
            }

            if (terms.Count == 0)
            {
                throw Malformed(fileName, 0, "nodes", "No HP class nodes found.");
            }

            if (graph.TryGetProperty("edges", out JsonElement edges) && edges.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement edge in edges.EnumerateArray())
                {
                    if (!edge.TryGetProperty("pred", out JsonElement pred) || !pred.ValueEquals("is_a"u8))
                    {
                        continue;
                    }

                    if (TryNumberOfPurl(edge.GetProperty("sub").GetString(), out int child)
                        && TryNumberOfPurl(edge.GetProperty("obj").GetString(), out int parent)
                        && byNumber.TryGetValue(child, out RawTerm? c))
                    {
                        c.Parents.Add(parent);
                    }
                }
            }

            return HpoOntology.Build(version, fileName, terms, issues);
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

    private static bool TryNumberOfPurl(string? iri, out int number)
    {
        number = 0;
        if (iri is null)
        {
            return false;
        }

        int at = iri.LastIndexOf("/HP_", StringComparison.Ordinal);
        return at >= 0 && HpoOntology.TryParseId(iri.AsSpan(at + 1), out number);
    }

    private static HpoDataException Malformed(string fileName, long line, string field, string message) =>
        new(new HpoIssue(HpoIssueCodes.OntologyMalformed, HpoIssueSeverity.Error, fileName, line, field, message));
}
