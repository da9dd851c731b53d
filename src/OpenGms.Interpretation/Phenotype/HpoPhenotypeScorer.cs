using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Phenotype;

/// <summary>How a gene's phenotype score is formed from the annotations.</summary>
public enum GeneScoreModel
{
    /// <summary>The gene's score is that of its best-matching disease (what Exomiser's phenotype step does).</summary>
    BestDisease,

    /// <summary>The gene is scored against the union of all its annotated terms.</summary>
    GeneAnnotations,
}

/// <summary>Scoring choices; the defaults are the ones measured and documented in docs/phenotype-ranking.md.</summary>
/// <param name="Model">Best disease or gene term union.</param>
/// <param name="Symmetric">True: mean of patient→target and target→patient best-match averages; false: patient→target only.</param>
public sealed record HpoScoringOptions(GeneScoreModel Model = GeneScoreModel.BestDisease, bool Symmetric = false)
{
    /// <summary>The default options.</summary>
    public static HpoScoringOptions Default { get; } = new();
}

/// <summary>How one patient term was read.</summary>
/// <param name="Given">The text given.</param>
/// <param name="TermId">The current HPO id it was scored as, or null when it is not scored.</param>
/// <param name="Name">The label of <paramref name="TermId"/>, or null.</param>
public sealed record ResolvedPatientTerm(string Given, string? TermId, string? Name);

/// <summary>How well one disease's annotated phenotypes match the patient's.</summary>
/// <param name="DiseaseId">OMIM, ORPHA or DECIPHER id.</param>
/// <param name="Name">Disease name from phenotype.hpoa (empty when only a gene table was loaded).</param>
/// <param name="Genes">The genes associated with the disease.</param>
/// <param name="Score">Raw score divided by the best disease's raw score in this case (0..1).</param>
/// <param name="RawScore">Resnik best-match average, in nats.</param>
/// <param name="Explanation">The best-matching term pairs.</param>
public sealed record DiseasePhenotypeScore(string DiseaseId, string Name, IReadOnlyList<string> Genes, double Score, double RawScore, string Explanation);

/// <summary>A ranked answer for one case.</summary>
/// <param name="Genes">Every annotated gene with a score above zero, best first (ties by symbol).</param>
/// <param name="Diseases">The best diseases, best first.</param>
/// <param name="Terms">How each patient term was read.</param>
/// <param name="Issues">Coded issues for the patient's terms (unknown, obsolete, mapped).</param>
public sealed record PhenotypeRanking(
    IReadOnlyList<GenePhenotypeScore> Genes,
    IReadOnlyList<DiseasePhenotypeScore> Diseases,
    IReadOnlyList<ResolvedPatientTerm> Terms,
    IReadOnlyList<HpoIssue> Issues);

/// <summary>
/// Ranks genes (and diseases) by the Resnik best-match-average similarity of their HPO annotations to a patient's
/// HPO terms. Immutable after <see cref="Load(string, HpoScoringOptions?)"/>; safe to share between threads.
/// Method, formulas and measured ranks: docs/phenotype-ranking.md.
/// </summary>
public sealed class HpoPhenotypeScorer : IPhenotypeScorer
{
    private readonly HpoOntology _ontology;
    private readonly HpoAnnotations _annotations;
    private readonly InformationContent _ic;
    private readonly Dictionary<string, int> _geneIndex;
    private HgncSymbols? _hgnc;

    private HpoPhenotypeScorer(HpoOntology ontology, HpoAnnotations annotations, IReadOnlyList<HpoIssue> loadIssues, HpoScoringOptions options)
    {
        _ontology = ontology;
        _annotations = annotations;
        _geneIndex = new Dictionary<string, int>(annotations.GeneSymbols.Length, StringComparer.Ordinal);
        for (int g = 0; g < annotations.GeneSymbols.Length; g++)
        {
            if (annotations.GeneTerms[g].Length > 0)
            {
                _geneIndex[annotations.GeneSymbols[g]] = g;
            }
        }

        LoadIssues = loadIssues;
        Options = options;
        bool byDisease = annotations.DiseaseTerms.Any(t => t.Length > 0);
        _ic = byDisease
            ? InformationContent.Compute(ontology, annotations.DiseaseTerms, "diseases")
            : InformationContent.Compute(ontology, annotations.GeneTerms, "genes");
        string version = string.IsNullOrEmpty(ontology.Version) ? "(no data-version)" : ontology.Version;
        DataVersion = $"HPO {version} ({ontology.SourceFile}); annotations {annotations.Description}; IC over {_ic.ItemCount} {_ic.Basis}";
    }

    /// <inheritdoc />
    public string DataVersion { get; }

    /// <summary>Each file read, as <c>name sha256:first 16 hex digits of the file as stored</c>, so a report names its data exactly.</summary>
    public IReadOnlyList<string> DataFiles { get; private init; } = [];

    /// <summary>The scoring options in use.</summary>
    public HpoScoringOptions Options { get; }

    /// <summary>Coded issues met while loading (mapped or unknown annotation terms, dropped edges).</summary>
    public IReadOnlyList<HpoIssue> LoadIssues { get; }

    /// <summary>Row counts by what happened to them (read, skipped as NOT, skipped as not aspect P, …).</summary>
    public IReadOnlyDictionary<string, long> Counts => _annotations.Counts;

    /// <summary>Number of current terms in the ontology.</summary>
    public int TermCount => _ontology.CurrentCount;

    /// <summary>Number of genes with at least one phenotype annotation.</summary>
    public int GeneCount => _annotations.GeneTerms.Count(t => t.Length > 0);

    /// <summary>Number of diseases with at least one phenotype annotation.</summary>
    public int DiseaseCount => _annotations.DiseaseTerms.Count(t => t.Length > 0);

    /// <summary>Internal access for tests and the benchmark.</summary>
    internal HpoOntology Ontology => _ontology;

    internal HpoAnnotations Annotations => _annotations;

    internal InformationContent InformationContent => _ic;

    /// <summary>
    /// Loads the ontology and annotations found in <paramref name="hpoDataDirectory"/> (each file plain or gzipped):
    /// <c>hp.obo</c> or another <c>*.obo</c>, else <c>hp.json</c> or <c>hp*.json</c> (obographs); <c>*.hpoa</c>;
    /// <c>genes_to_phenotype*.txt</c> or <c>phenotype_to_genes*.txt</c>; <c>genes_to_disease*.txt</c>. Gene annotations
    /// come from the gene table, or else from phenotype.hpoa joined with genes_to_disease.
    /// </summary>
    /// <returns>The scorer, or an error: <c>HPO001</c>/<c>HPO002</c> (not found: a file is missing) or
    /// <c>HPO003</c>/<c>HPO004</c> (bad input: a file is malformed), the message naming file, line and field.</returns>
    public static Result<HpoPhenotypeScorer> Load(string hpoDataDirectory, HpoScoringOptions? options = null) => Load(hpoDataDirectory, options, null);

    /// <summary>As <see cref="Load(string, HpoScoringOptions?)"/>, with an HGNC table (<c>hgnc_complete_set.tsv</c>, plain or .gz) that
    /// renames genes to their approved symbols through their NCBI Gene ids and resolves previous and alias symbols in
    /// <see cref="ResolveGeneSymbol"/>. Without <paramref name="hgncFile"/>, an <c>hgnc_complete_set*.tsv</c> in the directory is used.</summary>
    public static Result<HpoPhenotypeScorer> Load(string hpoDataDirectory, HpoScoringOptions? options, string? hgncFile)
    {
        ArgumentException.ThrowIfNullOrEmpty(hpoDataDirectory);
        if (!System.IO.Directory.Exists(hpoDataDirectory))
        {
            return Error.NotFound(HpoIssueCodes.OntologyMissing, $"HPO data directory '{hpoDataDirectory}' does not exist.");
        }

        string? ontologyFile = FindFirst(hpoDataDirectory, "hp.obo", "hp.obo.gz", "*.obo", "*.obo.gz", "hp.json", "hp.json.gz", "hp*.json", "hp*.json.gz");
        if (ontologyFile is null)
        {
            return Error.NotFound(HpoIssueCodes.OntologyMissing,
                $"No HPO ontology in '{hpoDataDirectory}': expected hp.obo or hp.json (plain or .gz).");
        }

        string? hpoa = FindFirst(hpoDataDirectory, "phenotype.hpoa", "phenotype.hpoa.gz", "*.hpoa", "*.hpoa.gz");
        string? geneTable = FindFirst(hpoDataDirectory, "genes_to_phenotype.txt", "genes_to_phenotype.txt.gz", "genes_to_phenotype*.txt", "genes_to_phenotype*.txt.gz",
            "phenotype_to_genes.txt", "phenotype_to_genes.txt.gz", "phenotype_to_genes*.txt", "phenotype_to_genes*.txt.gz");
        string? genesToDisease = FindFirst(hpoDataDirectory, "genes_to_disease.txt", "genes_to_disease.txt.gz", "genes_to_disease*.txt", "genes_to_disease*.txt.gz");
        if (geneTable is null && (hpoa is null || genesToDisease is null))
        {
            return Error.NotFound(HpoIssueCodes.AnnotationsMissing,
                $"No gene annotations in '{hpoDataDirectory}': expected genes_to_phenotype.txt (or phenotype_to_genes.txt), or phenotype.hpoa with genes_to_disease.txt (plain or .gz).");
        }

        hgncFile ??= FindFirst(hpoDataDirectory, "hgnc_complete_set*.tsv", "hgnc_complete_set*.tsv.gz");
        return Load(ontologyFile, hpoa, geneTable, genesToDisease, options, hgncFile);
    }

    /// <summary>Loads from explicit files; see <see cref="Load(string, HpoScoringOptions?)"/>. Either <paramref name="geneTable"/>
    /// or both <paramref name="hpoa"/> and <paramref name="genesToDisease"/> must be given.</summary>
    /// <param name="ontologyFile">hp.obo or hp.json, plain or gzipped.</param>
    /// <param name="hpoa">phenotype.hpoa, or null.</param>
    /// <param name="geneTable">genes_to_phenotype.txt or phenotype_to_genes.txt, or null.</param>
    /// <param name="genesToDisease">genes_to_disease.txt, or null.</param>
    /// <param name="options">Scoring options; null for the defaults.</param>
    /// <param name="hgncFile">hgnc_complete_set.tsv, or null.</param>
    public static Result<HpoPhenotypeScorer> Load(string ontologyFile, string? hpoa, string? geneTable, string? genesToDisease, HpoScoringOptions? options = null, string? hgncFile = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(ontologyFile);
        var issues = new List<HpoIssue>();
        string current = ontologyFile;
        string code = HpoIssueCodes.OntologyMalformed;
        try
        {
            ReadOnlySpan<byte> bytes = HpoFiles.ReadAllBytes(ontologyFile).Span;
            string name = Path.GetFileName(ontologyFile);
            HpoOntology ontology = LooksLikeJson(bytes)
                ? ObographsParser.Parse(bytes, name, issues)
                : OboParser.Parse(bytes, name, issues);

            code = HpoIssueCodes.AnnotationMalformed;
            var builder = new HpoAnnotationBuilder(ontology, issues);
            if (hpoa is not null)
            {
                current = hpoa;
                builder.ReadHpoa(HpoFiles.ReadAllBytes(hpoa).Span, Path.GetFileName(hpoa));
            }

            if (geneTable is not null)
            {
                current = geneTable;
                builder.ReadGeneTable(HpoFiles.ReadAllBytes(geneTable).Span, Path.GetFileName(geneTable), addDiseaseTerms: hpoa is null);
            }
            else if (genesToDisease is not null)
            {
                current = genesToDisease;
                builder.ReadGenesToDisease(HpoFiles.ReadAllBytes(genesToDisease).Span, Path.GetFileName(genesToDisease));
            }
            else
            {
                return Error.NotFound(HpoIssueCodes.AnnotationsMissing, "No gene annotations: give genes_to_phenotype.txt, or phenotype.hpoa with genes_to_disease.txt.");
            }

            HgncSymbols? hgnc = null;
            if (hgncFile is not null)
            {
                current = hgncFile;
                hgnc = HgncSymbols.Parse(HpoFiles.ReadAllBytes(hgncFile).Span, Path.GetFileName(hgncFile));
                builder.ApplyHgnc(hgnc);
            }

            HpoAnnotations annotations = builder.Build();
            string[] files = [.. new[] { ontologyFile, hpoa, geneTable ?? genesToDisease, hgncFile }.OfType<string>().Select(Fingerprint)];
            return new HpoPhenotypeScorer(ontology, annotations, issues, options ?? HpoScoringOptions.Default) { DataFiles = files, _hgnc = hgnc };
        }
        catch (HpoDataException ex)
        {
            return Error.BadInput(ex.Issue.Code, $"{ex.Issue.File}:{ex.Issue.Line} [{ex.Issue.Field}] {ex.Issue.Message}");
        }
        catch (FileNotFoundException)
        {
            return Error.NotFound(code == HpoIssueCodes.OntologyMalformed ? HpoIssueCodes.OntologyMissing : HpoIssueCodes.AnnotationsMissing, $"{current} does not exist.");
        }
        catch (InvalidDataException ex)
        {
            return Error.BadInput(code, $"{Path.GetFileName(current)}: not a readable gzip file ({ex.Message}).");
        }
        catch (IOException ex)
        {
            return Error.BadInput(code, $"{Path.GetFileName(current)}: cannot be read ({ex.Message}).");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Error.BadInput(code, $"{Path.GetFileName(current)}: cannot be read ({ex.Message}).");
        }
    }

    /// <summary>
    /// The symbol under which <paramref name="symbol"/> appears in <see cref="ScoreGenes"/>: itself when annotated,
    /// else (with an HGNC table loaded) the approved symbol it is a previous or alias symbol of; null when the gene
    /// has no phenotype annotation.
    /// </summary>
    public string? ResolveGeneSymbol(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (_geneIndex.ContainsKey(symbol))
        {
            return symbol;
        }

        string? approved = _hgnc?.Approved(symbol);
        return approved is not null && _geneIndex.ContainsKey(approved) ? approved : null;
    }

    /// <inheritdoc />
    /// <remarks>Returns every annotated gene with a score above zero; empty when none of the terms could be scored
    /// (see <see cref="Rank"/> for the coded issues).</remarks>
    public IReadOnlyDictionary<string, GenePhenotypeScore> ScoreGenes(IReadOnlyList<string> patientTerms)
    {
        PhenotypeRanking ranking = Rank(patientTerms, maxDiseases: 0);
        var result = new Dictionary<string, GenePhenotypeScore>(ranking.Genes.Count, StringComparer.Ordinal);
        foreach (GenePhenotypeScore g in ranking.Genes)
        {
            result[g.Gene] = g;
        }

        return result;
    }

    /// <summary>Resolves the patient's terms and ranks all genes and the best <paramref name="maxDiseases"/> diseases.</summary>
    public PhenotypeRanking Rank(IReadOnlyList<string> patientTerms, int maxDiseases = 20)
    {
        ArgumentNullException.ThrowIfNull(patientTerms);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDiseases);
        var issues = new List<HpoIssue>();
        (int[] terms, List<ResolvedPatientTerm> resolved) = Resolve(patientTerms, issues);
        if (terms.Length == 0)
        {
            issues.Add(new HpoIssue(HpoIssueCodes.NoScorableTerms, HpoIssueSeverity.Error, "patient", 0, "hpo", "None of the patient's terms can be scored."));
            return new PhenotypeRanking([], [], resolved, issues);
        }

        using PatientProfile profile = PatientProfile.Create(_ontology, _ic.Values, terms);
        bool symmetric = Options.Symmetric;
        int diseaseCount = _annotations.DiseaseIds.Length;
        var diseaseRaw = new double[diseaseCount];
        bool needDiseases = Options.Model == GeneScoreModel.BestDisease || maxDiseases > 0;
        if (needDiseases)
        {
            for (int d = 0; d < diseaseCount; d++)
            {
                diseaseRaw[d] = profile.BestMatchAverage(_annotations.DiseaseTerms[d], symmetric, default);
            }
        }

        int geneCount = _annotations.GeneSymbols.Length;
        var geneRaw = new double[geneCount];
        var geneBestDisease = new int[geneCount];
        for (int g = 0; g < geneCount; g++)
        {
            geneBestDisease[g] = -1;
            int[] geneDiseases = _annotations.GeneDiseases[g];
            if (Options.Model == GeneScoreModel.BestDisease && geneDiseases.Length > 0)
            {
                double best = 0;
                foreach (int d in geneDiseases)
                {
                    if (diseaseRaw[d] > best || geneBestDisease[g] < 0)
                    {
                        best = diseaseRaw[d];
                        geneBestDisease[g] = d;
                    }
                }

                geneRaw[g] = best;
            }
            else
            {
                geneRaw[g] = profile.BestMatchAverage(_annotations.GeneTerms[g], symmetric, default);
            }
        }

        double maxGene = geneRaw.Length == 0 ? 0 : geneRaw.Max();
        var genes = new List<GenePhenotypeScore>(geneCount);
        var matches = new TermMatch[terms.Length];
        var text = new StringBuilder(256);
        for (int g = 0; g < geneCount; g++)
        {
            if (geneRaw[g] <= 0)
            {
                continue;
            }

            int d = geneBestDisease[g];
            int[] target = d >= 0 ? _annotations.DiseaseTerms[d] : _annotations.GeneTerms[g];
            profile.BestMatchAverage(target, symmetric: false, matches);
            text.Clear();
            if (d >= 0)
            {
                AppendDiseaseLabel(text, d).Append(": ");
            }

            genes.Add(new GenePhenotypeScore(_annotations.GeneSymbols[g], geneRaw[g] / maxGene, geneRaw[g], Explain(text, matches)));
        }

        genes.Sort(static (a, b) => b.RawScore.CompareTo(a.RawScore) is var c and not 0 ? c : string.CompareOrdinal(a.Gene, b.Gene));

        var diseases = new List<DiseasePhenotypeScore>();
        if (maxDiseases > 0)
        {
            int[] order = Enumerable.Range(0, diseaseCount).Where(d => diseaseRaw[d] > 0).ToArray();
            Array.Sort(order, (a, b) => diseaseRaw[b].CompareTo(diseaseRaw[a]) is var c and not 0 ? c : string.CompareOrdinal(_annotations.DiseaseIds[a], _annotations.DiseaseIds[b]));
            double maxDisease = order.Length == 0 ? 0 : diseaseRaw[order[0]];
            foreach (int d in order.Take(maxDiseases))
            {
                profile.BestMatchAverage(_annotations.DiseaseTerms[d], symmetric: false, matches);
                string[] diseaseGenes = [.. _annotations.DiseaseGenes[d].Select(g => _annotations.GeneSymbols[g])];
                diseases.Add(new DiseasePhenotypeScore(_annotations.DiseaseIds[d], _annotations.DiseaseNames[d], diseaseGenes,
                    diseaseRaw[d] / maxDisease, diseaseRaw[d], Explain(text.Clear(), matches)));
            }
        }

        return new PhenotypeRanking(genes, diseases, resolved, issues);
    }

    /// <summary>Resolves ids through alt_id and replaced_by, keeping only current Phenotypic abnormality terms, duplicates removed.</summary>
    private (int[] Terms, List<ResolvedPatientTerm> Resolved) Resolve(IReadOnlyList<string> given, List<HpoIssue> issues)
    {
        var terms = new List<int>(given.Count);
        var resolved = new List<ResolvedPatientTerm>(given.Count);
        for (int i = 0; i < given.Count; i++)
        {
            string text = given[i]?.Trim() ?? string.Empty;
            TermLookup lookup = _ontology.Lookup(text);
            int line = i + 1;
            string? mapped = lookup.Index >= 0 ? $"{_ontology.IdOf(lookup.Index)} {_ontology.Names[lookup.Index]}" : null;
            (string Code, HpoIssueSeverity Severity, string Message)? issue = lookup.Kind switch
            {
                TermLookupKind.Malformed => (HpoIssueCodes.PatientTermMalformed, HpoIssueSeverity.Warning, $"'{text}' is not an HPO id (HP:nnnnnnn); not scored."),
                TermLookupKind.Unknown => (HpoIssueCodes.PatientTermUnknown, HpoIssueSeverity.Warning, $"{text} is not in HPO {_ontology.Version}; not scored."),
                TermLookupKind.Obsolete => (HpoIssueCodes.PatientTermObsolete, HpoIssueSeverity.Warning,
                    $"{text} is obsolete without a replacement{(lookup.Consider is { Length: > 0 } c ? $" (consider {string.Join(", ", c)})" : string.Empty)}; not scored."),
                TermLookupKind.AltId => (HpoIssueCodes.PatientTermAltId, HpoIssueSeverity.Info, $"{text} is an alternative id of {mapped}."),
                TermLookupKind.Replaced => (HpoIssueCodes.PatientTermReplaced, HpoIssueSeverity.Warning, $"{text} is obsolete; scored as its replacement {mapped}."),
                _ => null,
            };
            if (issue is { } found)
            {
                issues.Add(new HpoIssue(found.Code, found.Severity, "patient", line, "hpo", found.Message));
            }

            int index = lookup.Index;
            if (index >= 0 && !_ontology.IsPhenotype(index))
            {
                issues.Add(new HpoIssue(HpoIssueCodes.PatientTermNotPhenotype, HpoIssueSeverity.Warning, "patient", line, "hpo",
                    $"{_ontology.IdOf(index)} {_ontology.Names[index]} is not under Phenotypic abnormality (HP:0000118); not scored."));
                index = -1;
            }

            resolved.Add(new ResolvedPatientTerm(text, index >= 0 ? _ontology.IdOf(index) : null, index >= 0 ? _ontology.Names[index] : null));
            if (index >= 0 && !terms.Contains(index))
            {
                terms.Add(index);
            }
        }

        return ([.. terms], resolved);
    }

    private StringBuilder AppendDiseaseLabel(StringBuilder text, int d)
    {
        text.Append(_annotations.DiseaseIds[d]);
        string name = _annotations.DiseaseNames[d];
        return name.Length == 0 ? text : text.Append(' ').Append(name);
    }

    /// <summary>The three most informative patient→target matches: "patient term → target term via ancestor (IC x.xx)".</summary>
    private string Explain(StringBuilder text, TermMatch[] matches)
    {
        // Top three by IC, earlier patient terms first on ties; a small insertion pass, as this runs once per gene.
        Span<int> top = [-1, -1, -1];
        for (int i = 0; i < matches.Length; i++)
        {
            TermMatch m = matches[i];
            if (m.TargetTerm < 0 || m.Mica < 0 || m.Ic <= 0)
            {
                continue;
            }

            for (int slot = 0; slot < top.Length; slot++)
            {
                if (top[slot] < 0 || m.Ic > matches[top[slot]].Ic)
                {
                    for (int move = top.Length - 1; move > slot; move--)
                    {
                        top[move] = top[move - 1];
                    }

                    top[slot] = i;
                    break;
                }
            }
        }

        int start = text.Length;
        foreach (int i in top)
        {
            if (i < 0)
            {
                break;
            }

            TermMatch m = matches[i];
            if (text.Length > start)
            {
                text.Append("; ");
            }

            text.Append(_ontology.Names[m.PatientTerm]).Append(" → ").Append(_ontology.Names[m.TargetTerm]);
            if (m.Mica != m.PatientTerm || m.Mica != m.TargetTerm)
            {
                text.Append(" via ").Append(_ontology.Names[m.Mica]);
            }

            text.Append(CultureInfo.InvariantCulture, $" (IC {m.Ic:0.00})");
        }

        return text.ToString();
    }

    private static string Fingerprint(string path)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] hash = SHA256.HashData(stream);
        return $"{Path.GetFileName(path)} sha256:{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    private static string? FindFirst(string directory, params string[] patterns)
    {
        foreach (string pattern in patterns)
        {
            string[] hits = System.IO.Directory.GetFiles(directory, pattern, SearchOption.TopDirectoryOnly);
            if (hits.Length > 0)
            {
                Array.Sort(hits, StringComparer.Ordinal);
                return hits[0];
            }
        }

        return null;
    }
}
