using System.Text;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>
/// Gene and disease phenotype annotations over the term indices of one <see cref="HpoOntology"/>, in compressed
/// rows: each gene and each disease has a sorted, duplicate-free array of directly annotated term indices, all under
/// Phenotypic abnormality. Ancestors are not stored per gene; they come from <see cref="HpoOntology.Ancestors"/>.
/// </summary>
internal sealed class HpoAnnotations
{
    public required string[] GeneSymbols { get; init; }

    public required int[][] GeneTerms { get; init; }

    public required int[][] GeneDiseases { get; init; }

    public required string[] DiseaseIds { get; init; }

    public required string[] DiseaseNames { get; init; }

    public required int[][] DiseaseTerms { get; init; }

    public required int[][] DiseaseGenes { get; init; }

    /// <summary>The annotation files and their versions, for <see cref="IPhenotypeScorer.DataVersion"/>.</summary>
    public required string Description { get; init; }

    /// <summary>Rows read and rows left out, by reason; reported by the CLI and in the docs.</summary>
    public required IReadOnlyDictionary<string, long> Counts { get; init; }
}

/// <summary>Collects annotation rows from the HPO annotation files and builds <see cref="HpoAnnotations"/>.</summary>
internal sealed class HpoAnnotationBuilder
{
    private readonly HpoOntology _ontology;
    private readonly List<HpoIssue> _issues;
    private readonly Dictionary<string, int> _genes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _diseases = new(StringComparer.Ordinal);
    private readonly List<string> _geneSymbols = [];
    private readonly List<int> _geneEntrez = [];
    private readonly List<string> _diseaseIds = [];
    private readonly List<string?> _diseaseNames = [];
    private readonly List<long> _geneTerm = new(300_000);
    private readonly List<long> _diseaseTerm = new(300_000);
    private readonly List<long> _geneDisease = new(20_000);
    private readonly Dictionary<int, int> _termCache = [];
    private readonly Dictionary<(string File, int Number), (string Code, long Line, int Rows)> _termProblems = [];
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly List<string> _sources = [];

    public HpoAnnotationBuilder(HpoOntology ontology, List<HpoIssue> issues)
    {
        _ontology = ontology;
        _issues = issues;
    }

    public bool HasDiseaseTerms => _diseaseTerm.Count > 0;

    public bool HasGeneTerms => _geneTerm.Count > 0;

    /// <summary>
    /// Reads <c>phenotype.hpoa</c>: disease to phenotype, aspect P only, NOT-qualified rows and rows whose frequency
    /// is "Excluded" (HP:0040285 or 0/n) left out. Columns are found by their header names.
    /// </summary>
    public void ReadHpoa(ReadOnlySpan<byte> data, string fileName)
    {
        string? version = null;
        var reader = new LineReader(data);
        int id = -1, name = -1, qualifier = -1, hpo = -1, frequency = -1, aspect = -1, columns = 0;
        Span<Range> f = stackalloc Range[16];
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (columns == 0)
            {
                if (line.StartsWith("#version:"u8))
                {
                    version = HpoFiles.Text(line[9..].Trim((byte)' '));
                    continue;
                }

                // Current files: a plain header line after the '#' lines. Releases before 2021 put it after '#'.
                ReadOnlySpan<byte> header = line.StartsWith("#"u8) ? line[1..] : line;
                if (!header.StartsWith("database_id"u8) && !header.StartsWith("DatabaseID"u8) && !header.StartsWith("DB"u8))
                {
                    if (line[0] == (byte)'#')
                    {
                        continue;
                    }

                    throw Malformed(fileName, reader.LineNumber, "header", "No header line with database_id before the first row.");
                }

                columns = TabFields.Split(header, f);
                ReadOnlySpan<Range> names = f[..columns];
                id = TabFields.Column(header, names, "database_id", "DatabaseID");
                name = TabFields.Column(header, names, "disease_name", "DiseaseName");
                qualifier = TabFields.Column(header, names, "qualifier", "Qualifier");
                hpo = TabFields.Column(header, names, "hpo_id", "HPO_ID");
                frequency = TabFields.Column(header, names, "frequency", "Frequency");
                aspect = TabFields.Column(header, names, "aspect", "Aspect");
                if (id < 0 || hpo < 0 || aspect < 0)
                {
                    throw Malformed(fileName, reader.LineNumber, "header", "The header lacks database_id, hpo_id or aspect.");
                }

                continue;
            }

            int got = TabFields.Split(line, f);
            if (got < columns)
            {
                throw Malformed(fileName, reader.LineNumber, "row", $"{got} fields where the header has {columns}.");
            }

            Count("hpoa.rows");
            if (!line[f[aspect]].SequenceEqual("P"u8))
            {
                Count("hpoa.skipped.aspect-not-P");
                continue;
            }

            if (qualifier >= 0 && line[f[qualifier]].SequenceEqual("NOT"u8))
            {
                Count("hpoa.skipped.NOT");
                continue;
            }

            if (frequency >= 0 && IsExcludedFrequency(line[f[frequency]]))
            {
                Count("hpoa.skipped.frequency-excluded");
                continue;
            }

            int term = Term(line[f[hpo]], fileName, reader.LineNumber, "hpo_id");
            if (term < 0)
            {
                continue;
            }

            int disease = Disease(line[f[id]], name >= 0 ? line[f[name]] : default);
            _diseaseTerm.Add(Pack(disease, term));
        }

        if (columns == 0)
        {
            throw Malformed(fileName, 0, "header", "No header line with database_id; is this a phenotype.hpoa file?");
        }

        _sources.Add(version is null ? fileName : $"{fileName} (version {version})");
    }

    /// <summary>
    /// Reads a gene to phenotype table: current <c>genes_to_phenotype.txt</c>
    /// (<c>ncbi_gene_id gene_symbol hpo_id hpo_name frequency disease_id</c>), current <c>phenotype_to_genes.txt</c>
    /// (<c>hpo_id hpo_name ncbi_gene_id gene_symbol disease_id</c>), or the pre-2022 <c>#Format:</c> files.
    /// </summary>
    public void ReadGeneTable(ReadOnlySpan<byte> data, string fileName, bool addDiseaseTerms)
    {
        var reader = new LineReader(data);
        int symbol = -1, hpo = -1, disease = -1, frequency = -1, entrez = -1, columns = 0;
        bool legacy = false;
        Span<Range> f = stackalloc Range[16];
        ReadOnlySpan<byte> lastSymbol = default;
        int lastGene = -1;
        ReadOnlySpan<byte> lastDiseaseId = default;
        int lastDisease = -1;
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (columns == 0)
            {
                ReadOnlySpan<byte> header = line;
                if (header.StartsWith("#Format:"u8))
                {
                    legacy = true;
                    header = header[8..].TrimStart((byte)' ');
                    if (header.IndexOf("<tab>"u8) >= 0)
                    {
                        // Releases before 2022 spell the separators out: "entrez-gene-id<tab>entrez-gene-symbol<tab>…".
                        header = Encoding.UTF8.GetBytes(HpoFiles.Text(header).Replace("<tab>", "\t", StringComparison.Ordinal));
                    }
                }
                else if (header[0] == (byte)'#')
                {
                    continue;
                }

                columns = TabFields.Split(header, f);
                ReadOnlySpan<Range> names = f[..columns];
                symbol = TabFields.Column(header, names, "gene_symbol", "entrez-gene-symbol");
                hpo = TabFields.Column(header, names, "hpo_id", "HPO-Term-ID", "HPO-id");
                disease = TabFields.Column(header, names, "disease_id", "disease-ID for link");
                frequency = TabFields.Column(header, names, "frequency", "Frequency-HPO");
                entrez = TabFields.Column(header, names, "ncbi_gene_id", "entrez-gene-id");
                if (symbol < 0 || hpo < 0)
                {
                    throw Malformed(fileName, reader.LineNumber, "header", "The header lacks gene_symbol or hpo_id (or the #Format: names of older releases).");
                }

                continue;
            }

            int got = TabFields.Split(line, f);
            int need = Math.Max(symbol, Math.Max(hpo, disease)) + 1;
            if (got < need)
            {
                throw Malformed(fileName, reader.LineNumber, "row", $"{got} fields; at least {need} expected.");
            }

            Count("genes.rows");
            ReadOnlySpan<byte> hpoField = line[f[hpo]];
            if (legacy && !hpoField.StartsWith("HP:"u8))
            {
                // The #Format: header of old genes_to_phenotype.txt names the label column before the id column,
                // while the rows have the id first: take whichever neighbouring field holds the id.
                ReadOnlySpan<byte> before = hpo > 0 ? line[f[hpo - 1]] : default;
                ReadOnlySpan<byte> after = hpo + 1 < got ? line[f[hpo + 1]] : default;
                hpoField = before.StartsWith("HP:"u8) ? before : after;
            }

            if (frequency >= 0 && frequency < got && IsExcludedFrequency(line[f[frequency]]))
            {
                Count("genes.skipped.frequency-excluded");
                continue;
            }

            int term = Term(hpoField, fileName, reader.LineNumber, "hpo_id");
            if (term < 0)
            {
                continue;
            }

            ReadOnlySpan<byte> sym = line[f[symbol]];
            if (lastGene < 0 || !sym.SequenceEqual(lastSymbol))
            {
                lastGene = Gene(sym, entrez >= 0 && entrez < got ? line[f[entrez]] : default);
                lastSymbol = sym;
            }

            _geneTerm.Add(Pack(lastGene, term));
            if (disease >= 0 && disease < got)
            {
                ReadOnlySpan<byte> did = line[f[disease]];
                if (!did.IsEmpty)
                {
                    if (lastDisease < 0 || !did.SequenceEqual(lastDiseaseId))
                    {
                        lastDisease = Disease(did, default);
                        lastDiseaseId = did;
                    }

                    _geneDisease.Add(Pack(lastGene, lastDisease));
                    if (addDiseaseTerms)
                    {
                        _diseaseTerm.Add(Pack(lastDisease, term));
                    }
                }
            }
        }

        if (columns == 0)
        {
            throw Malformed(fileName, 0, "header", "No header line; is this a genes_to_phenotype file?");
        }

        _sources.Add(fileName);
    }

    /// <summary>
    /// Reads <c>genes_to_disease.txt</c> (<c>ncbi_gene_id gene_symbol association_type disease_id source</c>). POLYGENIC
    /// associations are left out: a susceptibility locus is not a candidate for a Mendelian diagnosis.
    /// </summary>
    public void ReadGenesToDisease(ReadOnlySpan<byte> data, string fileName)
    {
        var reader = new LineReader(data);
        int symbol = -1, type = -1, disease = -1, entrez = -1, columns = 0;
        Span<Range> f = stackalloc Range[8];
        while (reader.TryRead(out ReadOnlySpan<byte> line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            if (columns == 0)
            {
                ReadOnlySpan<byte> header = line[0] == (byte)'#' ? line[1..] : line;
                columns = TabFields.Split(header, f);
                ReadOnlySpan<Range> names = f[..columns];
                symbol = TabFields.Column(header, names, "gene_symbol");
                type = TabFields.Column(header, names, "association_type");
                disease = TabFields.Column(header, names, "disease_id");
                entrez = TabFields.Column(header, names, "ncbi_gene_id");
                if (symbol < 0 || disease < 0)
                {
                    throw Malformed(fileName, reader.LineNumber, "header", "The header lacks gene_symbol or disease_id.");
                }

                continue;
            }

            int got = TabFields.Split(line, f);
            if (got < columns)
            {
                throw Malformed(fileName, reader.LineNumber, "row", $"{got} fields where the header has {columns}.");
            }

            Count("genes_to_disease.rows");
            if (type >= 0 && line[f[type]].SequenceEqual("POLYGENIC"u8))
            {
                Count("genes_to_disease.skipped.polygenic");
                continue;
            }

            _geneDisease.Add(Pack(Gene(line[f[symbol]], entrez >= 0 ? line[f[entrez]] : default), Disease(line[f[disease]], default)));
        }

        _sources.Add(fileName);
    }

    public HpoAnnotations Build()
    {
        foreach (KeyValuePair<(string File, int Number), (string Code, long Line, int Rows)> p in _termProblems)
        {
            string what = p.Value.Code switch
            {
                HpoIssueCodes.AnnotationTermMapped => "is obsolete or an alternative id; mapped to the current term",
                HpoIssueCodes.AnnotationTermObsolete => "is obsolete without replacement; rows skipped",
                _ => "is not in the ontology; rows skipped",
            };
            HpoIssueSeverity severity = p.Value.Code == HpoIssueCodes.AnnotationTermMapped ? HpoIssueSeverity.Info : HpoIssueSeverity.Warning;
            _issues.Add(new HpoIssue(p.Value.Code, severity, p.Key.File, p.Value.Line, "hpo_id",
                $"{HpoOntology.Curie(p.Key.Number)} {what} ({p.Value.Rows} row(s); first at this line)."));
        }

        int genes = _geneSymbols.Count;
        int diseases = _diseaseIds.Count;
        int[][] diseaseTerms = Rows(_diseaseTerm, diseases);
        int[][] geneDiseases = Rows(_geneDisease, genes);
        int[][] geneTerms;
        if (_geneTerm.Count > 0)
        {
            geneTerms = Rows(_geneTerm, genes);
        }
        else
        {
            // No gene table: a gene's phenotypes are the union of its diseases' phenotypes.
            var derived = new List<long>();
            for (int g = 0; g < genes; g++)
            {
                foreach (int d in geneDiseases[g])
                {
                    foreach (int t in diseaseTerms[d])
                    {
                        derived.Add(Pack(g, t));
                    }
                }
            }

            geneTerms = Rows(derived, genes);
        }

        var diseaseGenePairs = new List<long>(_geneDisease.Count);
        foreach (long gd in _geneDisease)
        {
            diseaseGenePairs.Add(Pack((int)(gd & 0xFFFFFFFF), (int)(gd >> 32)));
        }

        int[][] diseaseGenes = Rows(diseaseGenePairs, diseases);
        var names = new string[diseases];
        for (int d = 0; d < diseases; d++)
        {
            names[d] = _diseaseNames[d] ?? string.Empty;
        }

        Count("genes.annotated", geneTerms.Count(t => t.Length > 0));
        Count("diseases.annotated", diseaseTerms.Count(t => t.Length > 0));
        return new HpoAnnotations
        {
            GeneSymbols = [.. _geneSymbols],
            GeneTerms = geneTerms,
            GeneDiseases = geneDiseases,
            DiseaseIds = [.. _diseaseIds],
            DiseaseNames = names,
            DiseaseTerms = diseaseTerms,
            DiseaseGenes = diseaseGenes,
            Description = string.Join(", ", _sources),
            Counts = new Dictionary<string, long>(_counts, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// True for a frequency that says the feature is absent: HP:0040285 "Excluded (0%)", <c>0/n</c>, or <c>0%</c>.
    /// </summary>
    internal static bool IsExcludedFrequency(ReadOnlySpan<byte> value) =>
        value.SequenceEqual("HP:0040285"u8) || value.StartsWith("0/"u8) || value.SequenceEqual("0%"u8);

    private static long Pack(int row, int column) => ((long)row << 32) | (uint)column;

    /// <summary>Turns (row, column) pairs into sorted, duplicate-free rows.</summary>
    private static int[][] Rows(List<long> pairs, int rowCount)
    {
        long[] sorted = [.. pairs];
        Array.Sort(sorted);
        var counts = new int[rowCount];
        long previous = -1;
        foreach (long p in sorted)
        {
            if (p != previous)
            {
                counts[(int)(p >> 32)]++;
                previous = p;
            }
        }

        var rows = new int[rowCount][];
        for (int r = 0; r < rowCount; r++)
        {
            rows[r] = counts[r] == 0 ? [] : new int[counts[r]];
        }

        var fill = new int[rowCount];
        previous = -1;
        foreach (long p in sorted)
        {
            if (p != previous)
            {
                int r = (int)(p >> 32);
                rows[r][fill[r]++] = (int)(p & 0xFFFFFFFF);
                previous = p;
            }
        }

        return rows;
    }

    private int Term(ReadOnlySpan<byte> field, string fileName, long line, string column)
    {
        if (!HpoOntology.TryParseId(field, out int number))
        {
            throw Malformed(fileName, line, column, $"'{HpoFiles.Text(field)}' is not an HPO id.");
        }

        if (_termCache.TryGetValue(number, out int cached))
        {
            if (cached < -1)
            {
                Problem(fileName, number, line, cached == -2 ? HpoIssueCodes.AnnotationTermUnknown : HpoIssueCodes.AnnotationTermObsolete);
                Count("annotations.skipped.term-unusable");
                return -1;
            }

            if (cached == -1)
            {
                Count("annotations.skipped.not-phenotypic-abnormality");
                return -1;
            }

            if (_ontology.Numbers[cached] != number)
            {
                Problem(fileName, number, line, HpoIssueCodes.AnnotationTermMapped);
            }

            return cached;
        }

        TermLookup lookup = _ontology.Lookup(number);
        int value = lookup.Kind switch
        {
            TermLookupKind.Unknown => -2,
            TermLookupKind.Obsolete => -3,
            _ => _ontology.IsPhenotype(lookup.Index) ? lookup.Index : -1,
        };
        _termCache[number] = value;
        return Term(field, fileName, line, column);
    }

    private void Problem(string fileName, int number, long line, string code)
    {
        (string File, int Number) key = (fileName, number);
        _termProblems[key] = _termProblems.TryGetValue(key, out (string Code, long Line, int Rows) seen)
            ? seen with { Rows = seen.Rows + 1 }
            : (code, line, 1);
    }

    private int Gene(ReadOnlySpan<byte> symbol, ReadOnlySpan<byte> entrezField)
    {
        string key = HpoFiles.Text(symbol.Trim((byte)' '));
        if (!_genes.TryGetValue(key, out int index))
        {
            index = _geneSymbols.Count;
            _genes.Add(key, index);
            _geneSymbols.Add(key);
            _geneEntrez.Add(0);
        }

        // genes_to_disease writes "NCBIGene:64170", genes_to_phenotype a bare 64170.
        if (_geneEntrez[index] == 0 && !entrezField.IsEmpty)
        {
            ReadOnlySpan<byte> digits = entrezField.StartsWith("NCBIGene:"u8) ? entrezField[9..] : entrezField;
            if (System.Buffers.Text.Utf8Parser.TryParse(digits, out int id, out int used) && used == digits.Length)
            {
                _geneEntrez[index] = id;
            }
        }

        return index;
    }

    /// <summary>
    /// Renames genes to their approved HGNC symbol through their NCBI Gene id. A rename that would give two genes
    /// the same symbol is not done (counted as <c>hgnc.rename-conflict</c>).
    /// </summary>
    public void ApplyHgnc(HgncSymbols hgnc)
    {
        ArgumentNullException.ThrowIfNull(hgnc);
        for (int g = 0; g < _geneSymbols.Count; g++)
        {
            string? approved = _geneEntrez[g] == 0 ? null : hgnc.ByEntrez(_geneEntrez[g]);
            if (approved is null)
            {
                Count("hgnc.not-found");
                continue;
            }

            if (approved == _geneSymbols[g])
            {
                continue;
            }

            if (_genes.ContainsKey(approved))
            {
                Count("hgnc.rename-conflict");
                continue;
            }

            _genes.Remove(_geneSymbols[g]);
            _genes.Add(approved, g);
            _geneSymbols[g] = approved;
            Count("hgnc.renamed");
        }

        _sources.Add(hgnc.FileName);
    }

    private int Disease(ReadOnlySpan<byte> id, ReadOnlySpan<byte> name)
    {
        // Ids are short ASCII CURIEs (OMIM:154700, ORPHA:558); look them up without allocating a string.
        Span<char> chars = stackalloc char[64];
        int length = id.Length <= chars.Length ? Encoding.UTF8.GetChars(id, chars) : -1;
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = _diseases.GetAlternateLookup<ReadOnlySpan<char>>();
        if (length >= 0 && lookup.TryGetValue(chars[..length], out int index))
        {
            if (_diseaseNames[index] is null && !name.IsEmpty)
            {
                _diseaseNames[index] = HpoFiles.Text(name);
            }

            return index;
        }

        string key = HpoFiles.Text(id);
        if (!_diseases.TryGetValue(key, out index))
        {
            index = _diseaseIds.Count;
            _diseases.Add(key, index);
            _diseaseIds.Add(key);
            _diseaseNames.Add(name.IsEmpty ? null : HpoFiles.Text(name));
        }

        return index;
    }

    private void Count(string key, long by = 1) => _counts[key] = _counts.GetValueOrDefault(key) + by;

    private static HpoDataException Malformed(string fileName, long line, string field, string message) =>
        new(new HpoIssue(HpoIssueCodes.AnnotationMalformed, HpoIssueSeverity.Error, fileName, line, field, message));
}
