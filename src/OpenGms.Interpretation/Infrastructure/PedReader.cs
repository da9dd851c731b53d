using System.Globalization;
using OpenGms.Interpretation.Domain;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Infrastructure;

/// <summary>
/// Reads a PED (linkage pedigree) file: family, individual, father, mother, sex, phenotype; tab or space separated,
/// <c>#</c> lines are comments. Codes: INT001 (fewer than 6 columns), INT002 (sex not 0/1/2), INT003 (phenotype not
/// 0/1/2/-9), INT004 (individual listed twice), INT005 (no individuals), INT006 (a person is their own parent).
/// </summary>
public static class PedReader
{
    /// <summary>Reads a PED file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The pedigree or the first error, naming file, line and field.</returns>
    public static Result<Pedigree> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Error.NotFound("INT007", $"{path}: PED file not found");
        }

        return Parse(File.ReadAllLines(path), Path.GetFileName(path));
    }

    /// <summary>Parses PED lines.</summary>
    /// <param name="lines">The lines.</param>
    /// <param name="file">File name for messages.</param>
    /// <returns>The pedigree or the first error.</returns>
    public static Result<Pedigree> Parse(IReadOnlyList<string> lines, string file)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var members = new List<FamilyMember>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            int lineNumber = i + 1;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 6)
            {
                return Error.BadInput("INT001", $"{file}:{lineNumber}: {f.Length} column(s), a PED line needs 6 (family, individual, father, mother, sex, phenotype)");
            }

            Sex sex = f[4] switch
            {
                "1" => Sex.Male,
                "2" => Sex.Female,
                "0" or "-9" or "other" => Sex.Unknown,
                _ => (Sex)(-1),
            };
            if ((int)sex < 0)
            {
                return Error.BadInput("INT002", $"{file}:{lineNumber}: column 5 (sex) is '{f[4]}', expected 1 (male), 2 (female) or 0 (unknown)");
            }

            AffectedStatus affected = f[5] switch
            {
                "2" => AffectedStatus.Affected,
                "1" => AffectedStatus.Unaffected,
                "0" or "-9" => AffectedStatus.Unknown,
                _ => (AffectedStatus)(-1),
            };
            if ((int)affected < 0)
            {
                return Error.BadInput("INT003", $"{file}:{lineNumber}: column 6 (phenotype) is '{f[5]}', expected 1 (unaffected), 2 (affected), 0 or -9 (unknown); quantitative traits are not supported");
            }

            string id = f[1];
            if (!seen.Add(id))
            {
                return Error.BadInput("INT004", $"{file}:{lineNumber}: column 2 (individual) '{id}' is listed twice");
            }

            string? father = Parent(f[2]);
            string? mother = Parent(f[3]);
            if (string.Equals(father, id, StringComparison.Ordinal) || string.Equals(mother, id, StringComparison.Ordinal))
            {
                return Error.BadInput("INT006", $"{file}:{lineNumber}: individual '{id}' is given as their own parent");
            }

            members.Add(new FamilyMember(f[0], id, father, mother, sex, affected));
        }

        if (members.Count == 0)
        {
            return Error.BadInput("INT005", $"{file}: no individuals");
        }

        return new Pedigree(members);
    }

    private static string? Parent(string text) => text is "0" or "-9" or "." ? null : text;

    /// <summary>The PED sex code.</summary>
    /// <param name="sex">Sex.</param>
    /// <returns>1, 2 or 0.</returns>
    public static string Code(Sex sex) => ((int)sex).ToString(CultureInfo.InvariantCulture);
}
