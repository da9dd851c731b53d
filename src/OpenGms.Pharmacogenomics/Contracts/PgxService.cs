using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenGms.Genomics.Reference;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Application.Calling;
using OpenGms.Pharmacogenomics.Application.Matching;
using OpenGms.Pharmacogenomics.Domain;
using OpenGms.Pharmacogenomics.Infrastructure;

namespace OpenGms.Pharmacogenomics.Contracts;

/// <summary>
/// What hosts (CLI, web) use: load a definition set, call samples from a VCF, render the report, import definitions.
/// Definitions are chosen in this order: an explicit folder, the set imported into the data folder, the bundled demo.
/// </summary>
public sealed partial class PgxService
{
    /// <summary>Below this many samples a VCF is called on one thread (starting workers costs more than it saves).</summary>
    private const int ParallelFrom = 8;

    private readonly SampleCaller _caller;
    private readonly Lazy<PgxSites> _sites;

    // One contract object per recommendation row (the caller hands out the same DrugResult instances for a cohort), so
    // the HTML-to-text conversion runs once per row, not once per sample.
    private readonly ConcurrentDictionary<DrugResult, PgxDrug> _drugs = new(ReferenceEqualityComparer.Instance);

    private PgxService(DefinitionSet definitions)
    {
        _caller = new SampleCaller(definitions);
        _sites = new Lazy<PgxSites>(() => PgxSites.FromLoci(definitions.Genes.Values.SelectMany(g => g.Variants)));
    }

    /// <summary>The version of the definitions in use; shown on every report.</summary>
    public string DefinitionsVersion => _caller.Definitions.Version;

    /// <summary>Where the definitions came from.</summary>
    public string DefinitionsSource => _caller.Definitions.Source;

    /// <summary>The genes the definitions cover.</summary>
    public IReadOnlyList<string> Genes => [.. _caller.Definitions.Genes.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Opens the definitions: <paramref name="definitionsDirectory"/> if given, else the imported set under
    /// <paramref name="dataDirectory"/>, else the bundled demo definitions.</summary>
    public static Result<PgxService> Open(string? definitionsDirectory, string? dataDirectory)
    {
        if (definitionsDirectory is not null)
        {
            Result<DefinitionSet> explicitSet = DefinitionLoader.Load([definitionsDirectory]);
            return explicitSet.IsSuccess ? new PgxService(explicitSet.Value) : explicitSet.Error;
        }

        if (dataDirectory is not null)
        {
            string imported = DefinitionImporter.ImportedPath(dataDirectory);
            if (System.IO.Directory.Exists(imported))
            {
                string cache = Path.Combine(imported, DefinitionCache.FileName);
                if (DefinitionCache.TryRead(cache) is { } cached)
                {
                    return new PgxService(cached);
                }

                Result<DefinitionSet> importedSet = DefinitionLoader.Load([imported]);
                if (!importedSet.IsSuccess)
                {
                    return importedSet.Error;
                }

                TryWriteCache(importedSet.Value, cache);
                return new PgxService(importedSet.Value);
            }
        }

        return new PgxService(DefinitionLoader.LoadDemo());
    }

    /// <summary>A set imported before the cache existed gets one on first use; a read-only data folder just goes without.</summary>
    private static void TryWriteCache(DefinitionSet set, string path)
    {
        try
        {
            DefinitionCache.Write(set, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without a cache every call parses the JSON: slower, still correct.
        }
    }

    /// <summary>Validates PharmCAT-format definitions from one or more folders and copies them into the data folder;
    /// returns the version now in use.</summary>
    public static Result<string> ImportDefinitions(IReadOnlyList<string> sourceDirectories, string dataDirectory) =>
        DefinitionImporter.Import(sourceDirectories, dataDirectory);

    /// <summary>
    /// Calls every sample of a VCF (or only <paramref name="sampleId"/>), reading just the PGx positions: through the
    /// tabix/CSI index when one is beside a BGZF file, else by streaming the file. Records at the PGx positions are
    /// normalised first (joined as <c>bcftools norm -m+</c>; left-aligned, trimmed and REF-checked when
    /// <paramref name="referencePath"/> is given), so the input need not be pre-processed for PharmCAT.
    /// </summary>
    /// <param name="vcfPath">VCF, plain or gzip/BGZF, GRCh38.</param>
    /// <param name="sampleId">One sample, or null for all.</param>
    /// <param name="outsideCallsPath">Optional outside-calls TSV (gene, diplotype, phenotype, activity score).</param>
    /// <param name="topCandidateOnly">Keep only the best-scoring diplotypes (ties kept), as PharmCAT does by default.</param>
    /// <param name="referencePath">Optional GRCh38 FASTA (plain with .fai, or bgzipped with .fai and .gzi) for left-alignment.</param>
    public Result<IReadOnlyList<PgxReport>> CallVcf(string vcfPath, string? sampleId, string? outsideCallsPath, bool topCandidateOnly = true, string? referencePath = null)
    {
        IReadOnlyList<OutsideCall> outside = [];
        if (outsideCallsPath is not null)
        {
            Result<IReadOnlyList<OutsideCall>> parsed = OutsideCallReader.Read(outsideCallsPath);
            if (!parsed.IsSuccess)
            {
                return parsed.Error;
            }

            outside = parsed.Value;
        }

        ReferenceGenome? reference = null;
        if (referencePath is not null)
        {
            Result<ReferenceGenome> opened = ReferenceGenome.Open(referencePath);
            if (!opened.IsSuccess)
            {
                return Error.BadInput("PGX013", $"{referencePath}: the reference cannot be used: {opened.Error}");
            }

            reference = opened.Value;
        }

        Result<IReadOnlyList<SampleGenotypes>> samples;
        using (reference)
        {
            samples = PgxVcfReader.Read(vcfPath, _sites.Value, sampleId, reference);
        }

        if (!samples.IsSuccess)
        {
            return samples.Error;
        }

        var options = new MatcherOptions(topCandidateOnly);
        IReadOnlyList<SampleGenotypes> read = samples.Value;
        var reports = new PgxReport[read.Count];
        if (read.Count < ParallelFrom)
        {
            for (int i = 0; i < read.Count; i++)
            {
                reports[i] = ToContract(_caller.Call(read[i], outside, options));
            }
        }
        else
        {
            // Samples are independent; the caller's caches are thread-safe. Output order stays the VCF's.
            Parallel.For(0, read.Count, i => reports[i] = ToContract(_caller.Call(read[i], outside, options)));
        }

        return reports;
    }

    /// <summary>One report as one line of UTF-8 JSON, with its line break (the <c>--json</c> shape).</summary>
    public static byte[] ToJsonLine(PgxReport report)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, report, PgxJsonContext.Default.PgxReport);
        }

        System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>One report as one line of JSON (the <c>--json</c> shape).</summary>
    public static string ToJson(PgxReport report) => JsonSerializer.Serialize(report, PgxJsonContext.Default.PgxReport);

    /// <summary>The report as a self-contained HTML page: genotypes first, then drugs grouped by the action they need.</summary>
    public static string ToHtml(PgxReport report) => HtmlReportWriter.Render(report);

    /// <summary>The same report as an HTML fragment (<c>article.pgx-report</c>) for a host page; style it with <see cref="HtmlStyles"/>.</summary>
    public static string ToHtmlFragment(PgxReport report) => HtmlReportWriter.RenderFragment(report);

    /// <summary>CSS for <see cref="ToHtmlFragment"/>, scoped to <c>.pgx-report</c>.</summary>
    public static string HtmlStyles => HtmlReportWriter.Styles;

    private PgxReport ToContract(SampleReport report) => new(
        report.Sample,
        report.DefinitionsVersion,
        [.. report.Genes.Select(g => new PgxGene(g.Gene, g.Called, g.Diplotypes, g.Labels, g.Phenotypes, g.ActivityScore, g.MissingPositions, g.Source, g.Note))],
        [.. report.Drugs.Select(d => _drugs.GetOrAdd(d, static d =>
        {
            string text = PlainText(d.Recommendation);
            return new PgxDrug(d.Drug, d.Source, d.Classification, text, d.Implications, d.Genes, ActionOf(text, d.Classification), d.Population, d.Guideline, d.Url);
        }))]);

    /// <summary>
    /// Sorts a recommendation into what the prescriber must do. A heuristic over the guideline wording, used only to
    /// group the report: the full text is always shown.
    /// </summary>
    internal static string ActionOf(string text, string classification)
    {
        string t = text.ToUpperInvariant();
        if (t.Contains("AVOID", StringComparison.Ordinal) || t.Contains("ALTERNATIVE", StringComparison.Ordinal)
            || t.Contains("NOT RECOMMENDED", StringComparison.Ordinal) || t.Contains("CONTRAINDICATED", StringComparison.Ordinal)
            || t.Contains("REDUCE", StringComparison.Ordinal) || t.Contains("REDUCTION", StringComparison.Ordinal)
            || t.Contains("DECREASE", StringComparison.Ordinal) || t.Contains("INCREASE THE", StringComparison.Ordinal)
            || t.Contains("LOWER DOSE", StringComparison.Ordinal) || t.Contains("HIGHER DOSE", StringComparison.Ordinal)
            || t.Contains("% OF", StringComparison.Ordinal))
        {
            return "change";
        }

        if (t.Contains("STANDARD", StringComparison.Ordinal) || t.Contains("LABEL-RECOMMENDED", StringComparison.Ordinal)
            || t.Contains("NORMAL DOS", StringComparison.Ordinal) || t.Contains("NO ACTION", StringComparison.Ordinal)
            || t.Contains("AS DIRECTED", StringComparison.Ordinal) || t.Contains("DESIRED STARTING DOSE", StringComparison.Ordinal) || t.Contains("NO REASON", StringComparison.Ordinal))
        {
            return "standard";
        }

        return classification.StartsWith("No ", StringComparison.OrdinalIgnoreCase) ? "standard" : "see-guideline";
    }

    private static string PlainText(string html)
    {
        string text = TagPattern().Replace(html.Replace("</li>", "\n", StringComparison.Ordinal).Replace("</p>", "\n", StringComparison.Ordinal), " ");
        text = WebUtility.HtmlDecode(text);
        return SpacePattern().Replace(text, " ").Replace(" \n", "\n", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("[ \\t]+")]
    private static partial Regex SpacePattern();
}
