using System.Globalization;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Application.Calling;

namespace OpenGms.Pharmacogenomics.Infrastructure;

/// <summary>
/// Reads PharmCAT's outside-call TSV: gene, diplotype, phenotype, activity score (the last three optional; <c>#</c>
/// starts a comment). A gene prefix on alleles (<c>CYP2D6*3/CYP2D6*4</c>) is dropped; <c>./.</c> means no call.
/// Several lines for one gene give several possible diplotypes (an ambiguous CYP2D6 call), as in PharmCAT.
/// Issue code: PGX020 malformed line (file:line:column).
/// </summary>
internal static class OutsideCallReader
{
    public static Result<IReadOnlyList<OutsideCall>> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("PGX020", $"{path}: outside-calls file not found.");
        }

        return Parse(File.ReadLines(path), path);
    }

    public static Result<IReadOnlyList<OutsideCall>> Parse(IEnumerable<string> lines, string source)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var calls = new List<OutsideCall>();
        int number = 0;
        foreach (string raw in lines)
        {
            number++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#') || line.Trim().Length == 0)
            {
                continue;
            }

            string[] fields = line.Split('\t');
            string gene = fields[0].Trim();
            if (gene.Length == 0 || gene.Contains(' ', StringComparison.Ordinal))
            {
                return Error.BadInput("PGX020", $"{source}:{Num(number)}:1: gene '{gene}' is not a gene symbol (the file is tab-separated: gene, diplotype, phenotype, activity score).");
            }

            if (fields.Length < 2 || fields.Skip(1).All(f => f.Trim().Length == 0))
            {
                return Error.BadInput("PGX020", $"{source}:{Num(number)}:{Num(gene.Length + 1)}: {gene} has no diplotype, phenotype or activity score.");
            }

            string? diplotype = Field(fields, 1);
            if (diplotype is "./." or ".")
            {
                diplotype = null;
            }
            else if (diplotype is not null)
            {
                diplotype = string.Join('/', diplotype.Split('/').Select(a => a.StartsWith(gene, StringComparison.Ordinal) ? a[gene.Length..] : a));
            }

            string? phenotype = Field(fields, 2);
            if (phenotype is not null && phenotype.StartsWith(gene + " ", StringComparison.Ordinal))
            {
                phenotype = phenotype[(gene.Length + 1)..];
            }

            calls.Add(new OutsideCall(gene, diplotype, phenotype, Field(fields, 3), number));
        }

        return calls;
    }

    private static string? Field(string[] fields, int index) =>
        index < fields.Length && fields[index].Trim().Length > 0 ? fields[index].Trim() : null;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
