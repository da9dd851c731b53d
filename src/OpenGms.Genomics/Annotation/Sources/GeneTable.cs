using System.Globalization;
using System.Text;
using OpenGms.Kernel;

namespace OpenGms.Genomics.Annotation.Sources;

/// <summary>What the annotator knows about a gene from the gene tables.</summary>
/// <param name="Symbol">HGNC symbol.</param>
/// <param name="HgncId">HGNC id (<c>HGNC:3689</c>), from an HGNC table.</param>
/// <param name="Pli">gnomAD probability of loss-of-function intolerance.</param>
/// <param name="Loeuf">gnomAD LOEUF: upper bound of the observed/expected loss-of-function ratio's 90% interval.</param>
/// <param name="MissenseZ">gnomAD missense z-score.</param>
/// <param name="ConstraintTranscript">The transcript the constraint figures are for.</param>
public sealed record GeneInfo(string Symbol, string? HgncId, double? Pli, double? Loeuf, double? MissenseZ, string? ConstraintTranscript);

/// <summary>
/// Gene tables compiled into a cache (<c>sources/NAME.tsv</c>): gnomAD constraint (one row per gene: the MANE Select
/// transcript's figures, else the canonical one's, else the first row's) and the HGNC complete set (id, symbol).
/// Small enough to load whole. Errors: ANN043 (a table without the columns of its kind).
/// </summary>
public static class GeneTable
{
    /// <summary>Compiles a gnomAD constraint TSV or an HGNC complete-set TSV into the cache and records it.</summary>
    public static Result<SourceEntry> Compile(string inputPath, SourceKind kind, string name, string cacheDirectory, string? version, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (kind is not (SourceKind.GeneConstraint or SourceKind.Hgnc))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), "Gene tables are constraint or HGNC tables.");
        }

        using StreamReader reader = OpenText(inputPath);
        string? headerLine = reader.ReadLine();
        string[] header = headerLine?.Split('\t') ?? [];
        string[] wanted = kind == SourceKind.GeneConstraint
            ? ["gene", "lof.pLI", "lof.oe_ci.upper", "mis.z_score", "transcript"]
            : ["symbol", "hgnc_id"];
        int[] columns = wanted.Select(w => Array.IndexOf(header, w)).ToArray();
        if (columns.Any(c => c < 0))
        {
            string missing = string.Join(", ", wanted.Where((_, i) => columns[i] < 0));
            return Error.BadInput("ANN043", $"{inputPath}, line 1: a {kind} table needs the columns {string.Join(", ", wanted)}; missing: {missing}.");
        }

        int mane = Array.IndexOf(header, "mane_select");
        int canonical = Array.IndexOf(header, "canonical");
        var rows = new Dictionary<string, (int Rank, string[] Values)>(StringComparer.Ordinal);
        long skipped = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            string[] f = line.Split('\t');
            if (f.Length <= columns.Max() || f[columns[0]].Length == 0 || f[columns[0]] == "NA")
            {
                skipped++;
                continue;
            }

            // Lower rank wins: MANE Select, then canonical, then file order.
            int rank = mane >= 0 && mane < f.Length && f[mane] == "true" ? 0 : canonical >= 0 && canonical < f.Length && f[canonical] == "true" ? 1 : 2;
            string symbol = f[columns[0]];
            if (!rows.TryGetValue(symbol, out (int Rank, string[] Values) existing) || rank < existing.Rank)
            {
                rows[symbol] = (rank, columns.Select(c => f[c]).ToArray());
            }
            else
            {
                skipped++;
            }
        }

        string relative = Path.Combine("sources", name + ".tsv");
        string output = Path.Combine(cacheDirectory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        string temp = output + ".tmp" + Environment.ProcessId;
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            writer.Write("#kind\t");
            writer.WriteLine(kind);
            writer.WriteLine(string.Join('\t', wanted));
            foreach ((string _, (int _, string[] values)) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                writer.WriteLine(string.Join('\t', values));
            }
        }

        File.Move(temp, output, overwrite: true);
        var entry = new SourceEntry(name, kind, relative.Replace('\\', '/'), Path.GetFileName(inputPath), SourceManifest.Sha256(inputPath), version, null, rows.Count, skipped, clock.GetUtcNow());
        SourceManifest.Upsert(cacheDirectory, entry);
        return entry;
    }

    /// <summary>Loads every gene table of a cache into one symbol → <see cref="GeneInfo"/> map.</summary>
    public static IReadOnlyDictionary<string, GeneInfo> Load(string cacheDirectory, IEnumerable<SourceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var genes = new Dictionary<string, GeneInfo>(StringComparer.Ordinal);
        foreach (SourceEntry entry in entries.Where(e => e.Kind is SourceKind.GeneConstraint or SourceKind.Hgnc))
        {
            string path = Path.Combine(cacheDirectory, entry.File);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"{path}: the compiled gene table '{entry.Name}' is missing; run 'gms annotation add-source' again.");
            }

            foreach (string line in File.ReadLines(path).Skip(2))
            {
                string[] f = line.Split('\t');
                GeneInfo current = genes.TryGetValue(f[0], out GeneInfo? g) ? g : new GeneInfo(f[0], null, null, null, null, null);
                genes[f[0]] = entry.Kind == SourceKind.Hgnc
                    ? current with { HgncId = f[1] }
                    : current with { Pli = Number(f[1]), Loeuf = Number(f[2]), MissenseZ = Number(f[3]), ConstraintTranscript = f[4] };
            }
        }

        return genes;
    }

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;

    private static StreamReader OpenText(string path)
    {
        Stream stream = Bgzf.BgzfReadStream.OpenRead(path, out _, parallelism: 1);
        return new StreamReader(stream, Encoding.UTF8);
    }
}
