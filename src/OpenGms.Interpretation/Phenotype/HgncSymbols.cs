namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Approved HGNC symbols from <c>hgnc_complete_set.tsv</c> (columns found by header: <c>symbol</c>, <c>entrez_id</c>,
/// <c>alias_symbol</c>, <c>prev_symbol</c>, <c>status</c>): by NCBI Gene id, and from previous and alias symbols where
/// these name one gene only. Used to bring annotation files of different releases to the same symbols, and to find
/// a gene that a caller names by an older symbol.
/// </summary>
internal sealed class HgncSymbols
{
    private readonly Dictionary<int, string> _byEntrez;
    private readonly Dictionary<string, string> _byOtherSymbol;
    private readonly HashSet<string> _approved;

    private HgncSymbols(Dictionary<int, string> byEntrez, Dictionary<string, string> byOtherSymbol, HashSet<string> approved, string fileName)
    {
        _byEntrez = byEntrez;
        _byOtherSymbol = byOtherSymbol;
        _approved = approved;
        FileName = fileName;
    }

    public string FileName { get; }

    public int Count => _approved.Count;

    public string? ByEntrez(int entrez) => _byEntrez.GetValueOrDefault(entrez);

    /// <summary>The approved symbol for an approved, previous or alias symbol; null when unknown or ambiguous.</summary>
    public string? Approved(string symbol) =>
        _approved.Contains(symbol) ? symbol : _byOtherSymbol.GetValueOrDefault(symbol);

    public static HgncSymbols Parse(ReadOnlySpan<byte> data, string fileName)
    {
        var byEntrez = new Dictionary<int, string>(45_000);
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var other = new Dictionary<string, string?>(StringComparer.Ordinal);
        var reader = new LineReader(data);
        int symbol = -1, entrez = -1, alias = -1, previous = -1, status = -1, columns = 0;
        Span<Range> f = stackalloc Range[64];
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (columns == 0)
            {
                columns = TabFields.Split(line, f);
                ReadOnlySpan<Range> names = f[..columns];
                symbol = TabFields.Column(line, names, "symbol");
                entrez = TabFields.Column(line, names, "entrez_id");
                alias = TabFields.Column(line, names, "alias_symbol");
                previous = TabFields.Column(line, names, "prev_symbol");
                status = TabFields.Column(line, names, "status");

                if (symbol < 0 || entrez < 0)
                {
                    throw new HpoDataException(new HpoIssue(HpoIssueCodes.AnnotationMalformed, HpoIssueSeverity.Error, fileName, reader.LineNumber, "header",
                        "The HGNC header lacks symbol or entrez_id."));
                }

                continue;
            }

            int got = TabFields.Split(line, f);
            if (got <= Math.Max(symbol, entrez))
            {
                throw new HpoDataException(new HpoIssue(HpoIssueCodes.AnnotationMalformed, HpoIssueSeverity.Error, fileName, reader.LineNumber, "row",
                    $"{got} fields; the header has {columns}."));
            }

            if (status >= 0 && status < got && !line[f[status]].SequenceEqual("Approved"u8))
            {
                continue;
            }

            string approvedSymbol = HpoFiles.Text(line[f[symbol]]);
            approved.Add(approvedSymbol);
            if (System.Buffers.Text.Utf8Parser.TryParse(line[f[entrez]], out int id, out int used) && used == line[f[entrez]].Length)
            {
                byEntrez[id] = approvedSymbol;
            }

            foreach (int column in (ReadOnlySpan<int>)[previous, alias])
            {
                if (column < 0 || column >= got)
                {
                    continue;
                }

                foreach (Range r in line[f[column]].Split((byte)'|'))
                {
                    ReadOnlySpan<byte> s = line[f[column]][r];
                    if (s.IsEmpty)
                    {
                        continue;
                    }

                    string key = HpoFiles.Text(s);
                    // A symbol used for two genes is ambiguous: remember that, and resolve it to nothing.
                    other[key] = other.TryGetValue(key, out string? seen) && seen != approvedSymbol ? null : approvedSymbol;
                }
            }
        }

        var unique = new Dictionary<string, string>(other.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, string?> p in other)
        {
            if (p.Value is not null && !approved.Contains(p.Key))
            {
                unique[p.Key] = p.Value;
            }
        }

        return new HgncSymbols(byEntrez, unique, approved, fileName);
    }
}
