using System.Text;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>Seeded random variants on the FBN1 excerpt (contig <c>ref</c>) for the annotation tests.</summary>
internal static class FbnVariants
{
    /// <summary>
    /// Sorted SNVs and 1-6 bp deletions and insertions, mostly inside the FBN1 gene (positions 200,503-437,985 of the
    /// excerpt); with <paramref name="twoAltRecords"/>, about one record in ten has two SNV ALTs.
    /// </summary>
    public static string Random(string sequence, int count, int seed, bool twoAltRecords = false)
    {
        var random = new Random(seed);
        var text = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=ref>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        var positions = new SortedSet<int>();
        while (positions.Count < count)
        {
            positions.Add(random.Next(199_000, 439_000));
        }

        foreach (int pos in positions)
        {
            char refBase = sequence[pos - 1];
            string others = "ACGT".Replace(refBase.ToString(), string.Empty, StringComparison.Ordinal);
            int kind = random.Next(10);
            string r = kind == 8 ? sequence.Substring(pos - 1, 1 + random.Next(1, 7)) : refBase.ToString();
            string a = kind switch
            {
                8 => refBase.ToString(),
                9 => refBase + new string("ACGT"[random.Next(4)], random.Next(1, 7)),
                7 when twoAltRecords => others[0] + "," + others[1],
                _ => others[random.Next(3)].ToString(),
            };
            text.Append("ref\t").Append(pos).Append("\t.\t").Append(r).Append('\t').Append(a).Append("\t.\t.\t.\n");
        }

        return text.ToString();
    }
}
