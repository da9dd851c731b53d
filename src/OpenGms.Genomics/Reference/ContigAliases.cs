namespace OpenGms.Genomics.Reference;

/// <summary>A human reference assembly.</summary>
public enum GenomeBuild
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>GRCh37 (hg19 uses the same nuclear sequences; its chrM is the older 16,571 bp Yoruba sequence).</summary>
    GRCh37,

    /// <summary>GRCh38.</summary>
    GRCh38,
}

/// <summary>One primary human chromosome with its names and lengths in both builds.</summary>
/// <param name="Name">Ensembl/NCBI-style name: <c>1</c>..<c>22</c>, <c>X</c>, <c>Y</c>, <c>MT</c>.</param>
/// <param name="Grch37Length">Length in GRCh37.</param>
/// <param name="Grch38Length">Length in GRCh38.</param>
/// <param name="Grch37Accession">RefSeq accession in GRCh37.</param>
/// <param name="Grch38Accession">RefSeq accession in GRCh38.</param>
public sealed record HumanChromosome(string Name, long Grch37Length, long Grch38Length, string Grch37Accession, string Grch38Accession)
{
    /// <summary>The UCSC-style name (<c>chr1</c>, <c>chrM</c>).</summary>
    public string UcscName => Name == "MT" ? "chrM" : "chr" + Name;
}

/// <summary>
/// Contig name aliases for the primary GRCh37/GRCh38 chromosomes: <c>1</c>, <c>chr1</c> and the RefSeq
/// accessions (<c>NC_000001.10</c>, <c>NC_000001.11</c>) name the same chromosome; <c>MT</c>, <c>M</c>, <c>chrM</c>
/// and <c>chrMT</c> the mitochondrion. Lengths and accessions are those of the GRC assembly reports.
/// </summary>
public static class ContigAliases
{
    private static readonly HumanChromosome[] s_chromosomes =
    [
        new("1", 249250621, 248956422, "NC_000001.10", "NC_000001.11"),
        new("2", 243199373, 242193529, "NC_000002.11", "NC_000002.12"),
        new("3", 198022430, 198295559, "NC_000003.11", "NC_000003.12"),
        new("4", 191154276, 190214555, "NC_000004.11", "NC_000004.12"),
        new("5", 180915260, 181538259, "NC_000005.9", "NC_000005.10"),
        new("6", 171115067, 170805979, "NC_000006.11", "NC_000006.12"),
        new("7", 159138663, 159345973, "NC_000007.13", "NC_000007.14"),
        new("8", 146364022, 145138636, "NC_000008.10", "NC_000008.11"),
        new("9", 141213431, 138394717, "NC_000009.11", "NC_000009.12"),
        new("10", 135534747, 133797422, "NC_000010.10", "NC_000010.11"),
        new("11", 135006516, 135086622, "NC_000011.9", "NC_000011.10"),
        new("12", 133851895, 133275309, "NC_000012.11", "NC_000012.12"),
        new("13", 115169878, 114364328, "NC_000013.10", "NC_000013.11"),
        new("14", 107349540, 107043718, "NC_000014.8", "NC_000014.9"),
        new("15", 102531392, 101991189, "NC_000015.9", "NC_000015.10"),
        new("16", 90354753, 90338345, "NC_000016.9", "NC_000016.10"),
        new("17", 81195210, 83257441, "NC_000017.10", "NC_000017.11"),
        new("18", 78077248, 80373285, "NC_000018.9", "NC_000018.10"),
        new("19", 59128983, 58617616, "NC_000019.9", "NC_000019.10"),
        new("20", 63025520, 64444167, "NC_000020.10", "NC_000020.11"),
        new("21", 48129895, 46709983, "NC_000021.8", "NC_000021.9"),
        new("22", 51304566, 50818468, "NC_000022.10", "NC_000022.11"),
        new("X", 155270560, 156040895, "NC_000023.10", "NC_000023.11"),
        new("Y", 59373566, 57227415, "NC_000024.9", "NC_000024.10"),
        new("MT", 16569, 16569, "NC_012920.1", "NC_012920.1"),
    ];

    /// <summary>hg19's chrM (NC_001807), which differs from GRCh37's rCRS mitochondrion.</summary>
    public const long Hg19ChrMLength = 16571;

    private static readonly Dictionary<string, HumanChromosome> s_byAlias = BuildAliases();

    /// <summary>The 25 primary chromosomes, in karyotype order.</summary>
    public static IReadOnlyList<HumanChromosome> Chromosomes => s_chromosomes;

    /// <summary>Finds the chromosome any alias names (case-insensitive for the <c>chr</c> prefix).</summary>
    public static bool TryGetChromosome(string contig, out HumanChromosome chromosome)
    {
        ArgumentNullException.ThrowIfNull(contig);
        return s_byAlias.TryGetValue(contig, out chromosome!);
    }

    /// <summary>
    /// Other names of <paramref name="contig"/>, most common first (<c>chr1</c>, <c>1</c>, then accessions);
    /// empty when the name is not a primary chromosome.
    /// </summary>
    public static IEnumerable<string> AliasesOf(string contig)
    {
        if (!TryGetChromosome(contig, out HumanChromosome c))
        {
            yield break;
        }

        foreach (string name in new[] { c.UcscName, c.Name, c.Grch38Accession, c.Grch37Accession, c.Name == "MT" ? "M" : c.Name, c.Name == "MT" ? "chrMT" : c.UcscName })
        {
            if (!string.Equals(name, contig, StringComparison.Ordinal))
            {
                yield return name;
            }
        }
    }

    /// <summary>The name to use for <paramref name="contig"/> in a given style, or the contig itself when it is not a primary chromosome.</summary>
    public static string Canonical(string contig, bool ucscStyle)
    {
        if (!TryGetChromosome(contig, out HumanChromosome c))
        {
            return contig;
        }

        return ucscStyle ? c.UcscName : c.Name;
    }

    private static Dictionary<string, HumanChromosome> BuildAliases()
    {
        var map = new Dictionary<string, HumanChromosome>(StringComparer.OrdinalIgnoreCase);
        foreach (HumanChromosome c in s_chromosomes)
        {
            map[c.Name] = c;
            map["chr" + c.Name] = c;
            map[c.Grch37Accession] = c;
            map[c.Grch38Accession] = c;
        }

        HumanChromosome mt = s_chromosomes[^1];
        map["M"] = mt;
        map["chrM"] = mt;
        return map;
    }
}
