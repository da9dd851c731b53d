using BenchmarkDotNet.Attributes;
using OpenGms.Pharmacogenomics.Contracts;

namespace OpenGms.Bench;

/// <summary>
/// Pharmacogenomic calls on PharmCAT's 100-sample VCF (shared/data; set GMS_SHARED_DATA) with PharmCAT v3.1.1's
/// allele definitions and phenotype tables (its folder alone: no guideline files, so few recommendations): time and
/// bytes per sample for reading through the engine, matching and JSON.
/// The whole-process figures (start-up, imported PharmCAT definitions, WGS with an index) are bench/pgx/run.sh's.
/// </summary>
[MemoryDiagnoser]
public class PgxCallBenchmarks
{
    private const int Samples = 100;
    private PgxService _service = null!;
    private string _vcf = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        string root = Environment.GetEnvironmentVariable("GMS_SHARED_DATA")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../shared/data"));
        _vcf = Path.Combine(root, "pgx/pharmcat-v3.1.1/test-resources/100samples.vcf.bgz");
        if (!File.Exists(_vcf))
        {
            throw new InvalidOperationException($"{_vcf} not found: set GMS_SHARED_DATA to the shared/data folder.");
        }

        _service = PgxService.Open(Path.Combine(root, "pgx/pharmcat-v3.1.1"), null).Value;
    }

    /// <summary>Every sample called, as JSON lines.</summary>
    [Benchmark(OperationsPerInvoke = Samples)]
    public long CallAndWriteJson()
    {
        long bytes = 0;
        foreach (PgxReport report in _service.CallVcf(_vcf, null, null).Value)
        {
            bytes += PgxService.ToJsonLine(report).Length;
        }

        return bytes;
    }
}
