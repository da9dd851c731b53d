using System.Text;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Normalisation;

/// <summary>
/// Runs every case of bcftools' own norm tests (../shared/data/variants/normalisation/bcftools-norm/CASES.tsv)
/// and compares the data lines record for record with bcftools' expected output.
/// </summary>
public sealed class BcftoolsNormCaseTests(ITestOutputHelper output)
{
    private const string Folder = "variants/normalisation/bcftools-norm";

    /// <summary>Cases known to differ, each explained in docs/normalisation.md. The test fails if one starts passing.</summary>
    private static readonly HashSet<string> s_knownDeviations = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void Cases_match_bcftools_record_for_record()
    {
        string casesPath = SharedData.PathOf(Folder + "/CASES.tsv");
        string dir = Path.GetDirectoryName(casesPath)!;
        int pass = 0;
        int fail = 0;
        int skip = 0;
        var failures = new List<string>();
        var unexpected = new List<string>();
        foreach (string line in File.ReadLines(casesPath).Skip(1))
        {
            string[] f = line.Split('\t');
            string name = $"{f[0]} [{f[3]}] -> {f[2]}";
            string? skipReason = SkipReason(dir, f);
            if (skipReason is not null)
            {
                skip++;
                output.WriteLine($"SKIP {name}: {skipReason}");
                continue;
            }

            string? problem = RunCase(dir, f[0], f[1], f[2], f[3]);
            if (problem is null)
            {
                pass++;
                if (s_knownDeviations.Contains(name))
                {
                    unexpected.Add($"now passes, remove from known deviations: {name}");
                }
            }
            else
            {
                fail++;
                failures.Add($"FAIL {name}: {problem}");
                if (!s_knownDeviations.Contains(name))
                {
                    unexpected.Add($"FAIL {name}: {problem}");
                }
            }
        }

        output.WriteLine($"bcftools norm cases: {pass} pass, {fail} fail, {skip} skipped");
        foreach (string failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(pass > 0, "no case ran");
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
    }

    private static string? SkipReason(string dir, string[] f)
    {
        string args = f[3];
        if (args.Contains("-i ", StringComparison.Ordinal) || args.Contains("-e ", StringComparison.Ordinal))
        {
            return "filter expressions (-i/-e) are out of scope";
        }

        if (args.Contains("-g ", StringComparison.Ordinal))
        {
            return "-g (GFF-directed right-alignment) not implemented";
        }

        if (!File.Exists(Path.Combine(dir, f[0])) || !File.Exists(Path.Combine(dir, f[2])) || (f[1].Length > 0 && !File.Exists(Path.Combine(dir, f[1]))))
        {
            return "input, reference or expected output missing from the shared data";
        }

        return null;
    }

    private static string? RunCase(string dir, string input, string fasta, string expected, string args)
    {
        // '-m -','-m +both' means two runs piped.
        List<string[]> passes = SplitPasses(args);
        byte[] data = File.ReadAllBytes(Path.Combine(dir, input));
        ReferenceGenome? reference = null;
        try
        {
            if (fasta.Length > 0)
            {
                using var temp = new TempDirectory();
                string copy = Path.Combine(temp.Path, fasta);
                File.Copy(Path.Combine(dir, fasta), copy);
                if (File.Exists(Path.Combine(dir, fasta + ".fai")))
                {
                    File.Copy(Path.Combine(dir, fasta + ".fai"), copy + ".fai");
                }

                Result<ReferenceGenome> opened = ReferenceGenome.Open(copy);
                if (!opened.IsSuccess)
                {
                    return "reference: " + opened.Error;
                }

                reference = opened.Value;
                foreach (string[] pass in passes)
                {
                    NormaliseOptions options = ParseArgs(pass);
                    using var inStream = new MemoryStream(data);
                    using var outStream = new MemoryStream();
                    new VcfNormaliser(options, reference).Run(inStream, outStream, CancellationToken.None);
                    data = outStream.ToArray();
                }
            }
            else
            {
                foreach (string[] pass in passes)
                {
                    NormaliseOptions options = ParseArgs(pass);
                    using var inStream = new MemoryStream(data);
                    using var outStream = new MemoryStream();
                    new VcfNormaliser(options, null).Run(inStream, outStream, CancellationToken.None);
                    data = outStream.ToArray();
                }
            }
        }
        catch (NormaliseException ex)
        {
            return $"stopped: {ex.Code} {ex.Message}";
        }
        finally
        {
            reference?.Dispose();
        }

        string[] got = DataLines(Encoding.UTF8.GetString(data));
        string[] want = DataLines(File.ReadAllText(Path.Combine(dir, expected)));
        for (int i = 0; i < Math.Max(got.Length, want.Length); i++)
        {
            string g = i < got.Length ? got[i] : "<none>";
            string w = i < want.Length ? want[i] : "<none>";
            if (g != w)
            {
                return $"record {i + 1}: got '{Cut(g)}' want '{Cut(w)}' ({got.Length} vs {want.Length} records)";
            }
        }

        return null;
    }

    private static string Cut(string s) => s.Length > 160 ? s[..160] + "..." : s;

    private static string[] DataLines(string text) =>
        text.Split('\n').Where(l => l.Length > 0 && l[0] != '#').ToArray();

    private static List<string[]> SplitPasses(string args)
    {
        var passes = new List<string[]>();
        if (args.StartsWith('\''))
        {
            foreach (string part in args.Split("','"))
            {
                passes.Add(Tokenise(part.Trim('\'')));
            }
        }
        else
        {
            passes.Add(Tokenise(args));
        }

        return passes;
    }

    private static string[] Tokenise(string args) => args.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>bcftools norm's short and long options, including the glued forms (-m-, -cx, -Nc).</summary>
    private static NormaliseOptions ParseArgs(string[] tokens)
    {
        var o = new NormaliseOptions();
        for (int i = 0; i < tokens.Length; i++)
        {
            string t = tokens[i];
            string Next() => tokens[++i];
            switch (t)
            {
                case "-m" or "--multiallelics":
                    Assert.True(NormaliseOptionParser.TryParseMultiallelic(Next(), out MultiallelicMode m));
                    o = o with { Multiallelics = m };
                    break;
                case "-d" or "--rm-dup":
                    Assert.True(NormaliseOptionParser.TryParseDuplicates(Next(), out DuplicateMode d));
                    o = o with { Duplicates = d };
                    break;
                case "-c" or "--check-ref":
                    Assert.True(NormaliseOptionParser.TryParseRefCheck(Next(), out RefCheckMode c));
                    o = o with { RefCheck = c };
                    break;
                case "-a" or "--atomize":
                    o = o with { Atomize = true };
                    break;
                case "--atom-overlaps":
                    o = o with { AtomOverlaps = Next() };
                    break;
                case "--multi-overlaps":
                    o = o with { MultiOverlaps = Next() };
                    break;
                case "--old-rec-tag":
                    o = o with { OldRecTag = Next() };
                    break;
                case "-S" or "--sort":
                    Assert.True(NormaliseOptionParser.TryParseSort(Next(), out bool lexical));
                    o = o with { SortLexically = lexical };
                    break;
                case "-s" or "--strict-filter":
                    o = o with { StrictFilter = true };
                    break;
                case "-N" or "--do-not-normalize":
                    o = o with { DoNotNormalise = true };
                    break;
                case "--force":
                    o = o with { Force = true };
                    break;
                case "-Nc":
                    o = o with { DoNotNormalise = true };
                    Assert.True(NormaliseOptionParser.TryParseRefCheck(Next().TrimEnd('\'', ',').Split('\'')[0], out RefCheckMode nc));
                    o = o with { RefCheck = nc };
                    break;
                default:
                    if (t.StartsWith("-m", StringComparison.Ordinal) && t.Length > 2)
                    {
                        Assert.True(NormaliseOptionParser.TryParseMultiallelic(t[2..], out MultiallelicMode gm));
                        o = o with { Multiallelics = gm };
                    }
                    else if (t.StartsWith("-c", StringComparison.Ordinal) && t.Length > 2)
                    {
                        Assert.True(NormaliseOptionParser.TryParseRefCheck(t[2..], out RefCheckMode gc));
                        o = o with { RefCheck = gc };
                    }
                    else if (t.StartsWith("fai=>", StringComparison.Ordinal) || t.Contains("=>", StringComparison.Ordinal))
                    {
                        break;
                    }
                    else
                    {
                        Assert.Fail($"unknown option {t}");
                    }

                    break;
            }
        }

        return o;
    }
}
