using System.IO.Compression;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Indexing;
using OpenGms.Genomics.Validation;
using OpenGms.Genomics.Vcf;
using SharpFuzz;

namespace OpenGms.Fuzz;

/// <summary>
/// AFL targets for the engine's readers (run by fuzz/run.sh through SharpFuzz). Each target feeds one input to a
/// reader and walks everything it exposes. Bad input must come back as coded issues or as the documented
/// <see cref="InvalidDataException"/>; any other exception escapes and AFL records it as a crash.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        string target = args.Length > 0 ? args[0] : "vcf";
        Action<Stream> run = target switch
        {
            "vcf" => FuzzVcf,
            "index" => FuzzIndex,
            _ => throw new ArgumentException($"Unknown target '{target}'; use vcf or index.", nameof(args)),
        };

        if (args.Length > 1)
        {
            // Replay mode: run the target on files (a crash found by AFL, or a corpus) without AFL, to debug.
            foreach (string file in args.Skip(1))
            {
                using FileStream input = File.OpenRead(file);
                run(input);
                Console.WriteLine($"ok {file}");
            }

            return 0;
        }

        Fuzzer.OutOfProcess.Run(run);
        return 0;
    }

    /// <summary>A VCF as plain text, gzip or BGZF: validate it, then read every record's typed fields.</summary>
    private static void FuzzVcf(Stream input)
    {
        byte[] data = ReadAll(input);
        try
        {
            using Stream text = Decompressed(data);
            using var reader = new VcfReader(text, new VcfIssueSink(maxKeptPerCode: 10), leaveOpen: false);
            VcfValidator.Validate(reader, "fuzz-input");
        }
        catch (InvalidDataException)
        {
            // The documented outcome for an unreadable stream (bad compression, a header that cannot be read).
        }

        try
        {
            using Stream text = Decompressed(data);
            using var reader = new VcfReader(text, new VcfIssueSink(maxKeptPerCode: 10), leaveOpen: false);
            Span<int> ints = stackalloc int[16];
            Span<float> floats = stackalloc float[16];
            while (reader.Read())
            {
                VcfRecord record = reader.Current;
                _ = record.Position;
                _ = record.Qual;
                _ = record.AltCount;
                foreach (ReadOnlySpan<byte> alt in record.Alts)
                {
                    _ = alt.Length;
                }

                foreach (ReadOnlySpan<byte> filter in record.Filters)
                {
                    _ = filter.Length;
                }

                _ = record.TryGetInfoInt32("DP"u8, out _);
                _ = record.TryGetInfoFloat("AF"u8, out _);
                int ad = record.FormatIndexOf("AD"u8);
                int gq = record.FormatIndexOf("GQ"u8);
                for (int s = 0; s < record.SampleCount; s++)
                {
                    if (record.TryGetGenotype(s, out VcfGenotype gt))
                    {
                        _ = gt.ToString();
                    }

                    _ = record.GetSampleInt32s(s, ad, ints);
                    _ = record.GetSampleFloats(s, gq, floats);
                }
            }
        }
        catch (InvalidDataException)
        {
            // As above.
        }
    }

    /// <summary>Uncompressed bytes of a .tbi or .csi index.</summary>
    private static void FuzzIndex(Stream input)
    {
        byte[] data = ReadAll(input);
        try
        {
            GenomicIndex index = GenomicIndex.Parse(data);
            foreach (string name in index.ContigNames)
            {
                _ = index.Query(new GenomicRegion(name, 1, 1_000_000));
            }
        }
        catch (InvalidDataException)
        {
            // The documented outcome for a malformed index.
        }
    }

    private static Stream Decompressed(byte[] data)
    {
        var raw = new MemoryStream(data, writable: false);
        return BgzfReadStream.Detect(data) switch
        {
            CompressionFormat.Bgzf => new BgzfReadStream(raw, leaveOpen: false, parallelism: 1),
            CompressionFormat.Gzip => new GZipStream(raw, CompressionMode.Decompress),
            _ => raw,
        };
    }

    private static byte[] ReadAll(Stream input)
    {
        using var ms = new MemoryStream();
        input.CopyTo(ms);
        return ms.ToArray();
    }
}
