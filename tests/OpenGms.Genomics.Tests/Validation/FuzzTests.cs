using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Validation;

/// <summary>
/// A bounded mutation fuzzer for the reader and validator: random edits of the conformance files must only ever
/// produce reported issues, never an exception. The seed is fixed so a failure reproduces; raise GMS_FUZZ_ITERATIONS
/// for a longer run.
/// </summary>
public sealed class FuzzTests
{
    private static readonly byte[] s_interesting = "\t\n\r:;,=<>[]|/.*#\"0123456789-+eE\0\xff"u8.ToArray();

    [Fact]
    public void Validate_mutated_conformance_files_never_throws()
    {
        string root = SharedData.PathOf("variants/vcf-conformance/hts-specs");
        byte[][] corpus = System.IO.Directory.GetFiles(root, "*.vcf", SearchOption.AllDirectories).Order().Select(File.ReadAllBytes).ToArray();
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("GMS_FUZZ_ITERATIONS"), out int n) ? n : 3000;
        var random = new Random(20261124);
        for (int i = 0; i < iterations; i++)
        {
            byte[] input = Mutate(corpus[random.Next(corpus.Length)], random);
            try
            {
                using var reader = new VcfReader(new MemoryStream(input));
                VcfValidator.Validate(reader, "fuzz");
                reader.Dispose();
                using var again = new VcfReader(new MemoryStream(input));
                while (again.Read())
                {
                    Touch(again.Current);
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"iteration {i}: {ex.GetType().Name}: {ex.Message}\ninput:\n{System.Text.Encoding.UTF8.GetString(input)}");
            }
        }
    }

    private static void Touch(VcfRecord r)
    {
        _ = r.Position;
        _ = r.Qual;
        foreach (ReadOnlySpan<byte> alt in r.Alts)
        {
            _ = VcfAlleles.Classify(r.Ref, alt);
        }

        foreach (VcfInfoEntry e in r.Info)
        {
            _ = e.Value.Length;
        }

        Span<int> values = stackalloc int[8];
        for (int s = 0; s < r.SampleCount + 1; s++)
        {
            _ = r.TryGetGenotype(s, out _);
            _ = r.GetSampleInt32s(s, 1, values);
            _ = r.SampleField(s, 3);
        }
    }

    private static byte[] Mutate(byte[] source, Random random)
    {
        var data = new List<byte>(source);
        int edits = random.Next(1, 8);
        for (int e = 0; e < edits && data.Count > 0; e++)
        {
            int at = random.Next(data.Count);
            switch (random.Next(5))
            {
                case 0:
                    data[at] = s_interesting[random.Next(s_interesting.Length)];
                    break;
                case 1:
                    data.Insert(at, s_interesting[random.Next(s_interesting.Length)]);
                    break;
                case 2:
                    data.RemoveRange(at, Math.Min(random.Next(1, 20), data.Count - at));
                    break;
                case 3:
                    data.RemoveRange(at, data.Count - at);
                    break;
                default:
                    // Duplicate a stretch (repeats lines, keys, alleles).
                    int len = Math.Min(random.Next(1, 80), data.Count - at);
                    data.InsertRange(random.Next(data.Count), data.GetRange(at, len));
                    break;
            }
        }

        return [.. data];
    }
}
