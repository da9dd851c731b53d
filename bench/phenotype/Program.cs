// Whole-process benchmark and accuracy run for the HPO phenotype scorer (docs/phenotype-ranking.md, docs/benchmarks.md).
//   dotnet run -c Release --project bench/phenotype -- [SHARED_DATA_DIR]
// Prints: load times of each full release, time to score every gene for 6- and 10-term patients, and the rank of the
// causal gene over the phenopacket-store cases for each scoring option.
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OpenGms.Interpretation.Phenotype;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool timingOnly = args.Contains("--timing-only");
bool accuracyOnly = args.Contains("--accuracy-only");
string shared = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
    ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../shared/data"));
if (!Directory.Exists(shared))
{
    Console.Error.WriteLine($"shared data not found at {shared}; pass it as the first argument");
    return 2;
}

string[] releases = ["variants/hpo/full/hpo-2026-02-16", "variants/hpo/full/hpo-2025-05-06"];
string pfeifferPath = Path.Combine(shared, "variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json");
(string Name, string[] Terms, string[] Genes)[] cases = [.. Directory.GetFiles(Path.Combine(shared, "kb/phenopacket-store"), "*.json", SearchOption.AllDirectories)
    .Where(p => p.Contains("/phenopackets/", StringComparison.Ordinal))
    .Order(StringComparer.Ordinal)
    .Select(ReadCase)
    .Where(c => c.Terms.Length > 0 && c.Genes.Length > 0)];
(string Name, string[] Terms, string[] Genes) pfeiffer = ReadCase(pfeifferPath);
(string Name, string[] Terms, string[] Genes) tenTerms = cases.First(c => c.Terms.Length >= 10);
string[] ten = tenTerms.Terms[..10];

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
// Other builds share the machine; the load average says how much, and CPU time per operation is less affected than wall time.
Console.WriteLine($"load average at start: {(File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a")}");
Process self = Process.GetCurrentProcess();
Console.WriteLine($"phenopackets with a causal gene: {cases.Length}; 10-term patient from {tenTerms.Name}");
foreach (string release in releases)
{
    string dir = Path.Combine(shared, release);
    var loads = new List<double>();
    var loadCpu = new List<double>();
    HpoPhenotypeScorer scorer = null!;
    for (int i = 0; i < 4; i++)
    {
        GC.Collect();
        self.Refresh();
        TimeSpan cpu0 = self.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        scorer = HpoPhenotypeScorer.Load(dir).Value;
        loads.Add(sw.Elapsed.TotalMilliseconds);
        self.Refresh();
        loadCpu.Add((self.TotalProcessorTime - cpu0).TotalMilliseconds);
    }

    Console.WriteLine();
    Console.WriteLine($"## {release}: {scorer.DataVersion}");
    Console.WriteLine($"terms {scorer.TermCount}, genes {scorer.GeneCount}, diseases {scorer.DiseaseCount}, load issues {scorer.LoadIssues.Count}");
    Console.WriteLine($"load: first (cold JIT) {loads[0]:0} ms wall / {loadCpu[0]:0} ms CPU; warm median {Median(loads.Skip(1)):0} ms wall / {Median(loadCpu.Skip(1)):0} ms CPU");
    GC.Collect();
    Console.WriteLine($"managed heap after load: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0} MB; peak working set so far {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
    foreach ((string label, string[] terms) in accuracyOnly ? [] : new[] { ("6-term (Pfeiffer)", pfeiffer.Terms), ("10-term", ten) })
    {
        for (int i = 0; i < 5; i++)
        {
            scorer.ScoreGenes(terms);
        }

        var times = new List<double>();
        int genes = 0;
        const int Iterations = 50;
        self.Refresh();
        TimeSpan cpu0 = self.TotalProcessorTime;
        long allocated0 = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            genes = scorer.ScoreGenes(terms).Count;
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        long allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated0) / Iterations;
        self.Refresh();
        double cpuPerOp = (self.TotalProcessorTime - cpu0).TotalMilliseconds / Iterations;
        times.Sort();
        Console.WriteLine($"ScoreGenes {label}: {genes} genes scored, wall median {Median(times):0.0} ms (min {times[0]:0.0}, p95 {times[(int)(times.Count * 0.95)]:0.0}), CPU {cpuPerOp:0.0} ms/op, {allocated / 1024.0:0} KB allocated/op");
    }

    if (timingOnly)
    {
        continue;
    }

    Console.WriteLine();
    // Decoys: the other studied genes (causal in other cases). A scorer that favours heavily annotated genes whatever
    // the phenotype ranks them high too; the share of decoys in the top 10 shows that bias.
    string[] studied = [.. cases.SelectMany(c => c.Genes).Distinct().Order(StringComparer.Ordinal)];
    Console.WriteLine("| model | BMA | FGFR2 rank (Pfeiffer) | top1 | top5 | top10 | not found | decoys in top 10 |");
    Console.WriteLine("|---|---|---|---|---|---|---|---|");
    foreach (HpoScoringOptions options in new HpoScoringOptions[]
    {
        new(GeneScoreModel.BestDisease, Symmetric: true),
        new(GeneScoreModel.BestDisease, Symmetric: false),
        new(GeneScoreModel.GeneAnnotations, Symmetric: true),
        new(GeneScoreModel.GeneAnnotations, Symmetric: false),
    })
    {
        HpoPhenotypeScorer s = HpoPhenotypeScorer.Load(dir, options).Value;
        int[] ranks = [.. cases.Select(c => Rank(s, c.Terms, c.Genes))];
        int[] decoyRanks = [.. cases.SelectMany(c => studied.Where(g => !c.Genes.Contains(g)).Select(g => Rank(s, c.Terms, [g])))];
        string decoys = $"{decoyRanks.Count(r => r >= 1 && r <= 10)}/{decoyRanks.Length} ({100.0 * decoyRanks.Count(r => r >= 1 && r <= 10) / decoyRanks.Length:0.0}%)";
        int n = ranks.Length;
        string Share(int k) => $"{ranks.Count(r => r >= 1 && r <= k)}/{n} ({100.0 * ranks.Count(r => r >= 1 && r <= k) / n:0}%)";
        Console.WriteLine($"| {options.Model} | {(options.Symmetric ? "symmetric" : "patient→gene")} | {Rank(s, pfeiffer.Terms, ["FGFR2"])} | {Share(1)} | {Share(5)} | {Share(10)} | {ranks.Count(r => r == 0)} | {decoys} |");
        if (options == HpoScoringOptions.Default)
        {
            foreach (IGrouping<string, int> byGene in cases.Zip(ranks).GroupBy(x => string.Join('/', x.First.Genes), x => x.Second).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"    {byGene.Key}: ranks {string.Join(", ", byGene.Order())}");
            }
        }
    }
}

return 0;

// Rank of the best-placed causal gene; genes tied on score share the best rank of the tie. 0 when unranked.
static int Rank(HpoPhenotypeScorer scorer, string[] terms, string[] genes)
{
    IReadOnlyDictionary<string, GenePhenotypeScore> scores = scorer.ScoreGenes(terms);
    double best = genes.Select(g => scores.TryGetValue(g, out GenePhenotypeScore? s) ? s.RawScore : -1).Max();
    return best <= 0 ? 0 : 1 + scores.Values.Count(s => s.RawScore > best);
}

static double Median(IEnumerable<double> values)
{
    double[] v = [.. values.Order()];
    return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
}

static (string Name, string[] Terms, string[] Genes) ReadCase(string path)
{
    using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(path));
    var terms = new List<string>();
    var genes = new SortedSet<string>(StringComparer.Ordinal);
    if (doc.RootElement.TryGetProperty("phenotypicFeatures", out JsonElement features))
    {
        terms.AddRange(features.EnumerateArray()
            .Where(f => !(f.TryGetProperty("excluded", out JsonElement e) && e.GetBoolean()))
            .Select(f => f.GetProperty("type").GetProperty("id").GetString()!));
    }

    if (doc.RootElement.TryGetProperty("interpretations", out JsonElement interpretations))
    {
        foreach (JsonElement gi in interpretations.EnumerateArray()
            .Where(i => i.TryGetProperty("diagnosis", out _))
            .SelectMany(i => i.GetProperty("diagnosis").TryGetProperty("genomicInterpretations", out JsonElement g) ? g.EnumerateArray() : default))
        {
            if (gi.TryGetProperty("variantInterpretation", out JsonElement vi) && vi.GetProperty("variationDescriptor").TryGetProperty("geneContext", out JsonElement gc))
            {
                genes.Add(gc.GetProperty("symbol").GetString()!);
            }
            else if (gi.TryGetProperty("gene", out JsonElement gene))
            {
                genes.Add(gene.GetProperty("symbol").GetString()!);
            }
        }
    }

    return (Path.GetFileNameWithoutExtension(path), [.. terms], [.. genes]);
}
