using System.Text.Json;
using OpenGms.Pharmacogenomics.Application.Calling;
using OpenGms.Pharmacogenomics.Application.Matching;
using OpenGms.Pharmacogenomics.Domain;
using OpenGms.Pharmacogenomics.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Pharmacogenomics.Tests;

/// <summary>The binary definition cache against its oracle, the JSON it was made from.</summary>
public sealed class DefinitionCacheTests
{
    [Fact]
    public void TryRead_round_trip_gives_the_same_report_as_json()
    {
        string pgx = SharedData.PathOf("pgx");
        DefinitionSet json = DefinitionLoader.Load([
            Path.Combine(pgx, "pharmcat-v3.1.1"),
            Path.Combine(pgx, "pharmcat-v2.15.2-11-gc8100ec8"),
            Path.Combine(pgx, "pharmcat-v2.12.0-20-g30f8cfb7")]).Value;
        using var dir = new TempDirectory();
        string path = dir.File(DefinitionCache.FileName);

        DefinitionCache.Write(json, path);
        DefinitionSet? cached = DefinitionCache.TryRead(path);

        Assert.NotNull(cached);
        Assert.Equal(json.Version, cached.Version);
        Assert.Equal(json.Genes.Keys.Order(StringComparer.Ordinal), cached.Genes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(json.CpicPhenotypes.Values.Sum(m => m.Count), cached.CpicPhenotypes.Values.Sum(m => m.Count));
        Assert.Equal(json.Guidelines.Sum(g => g.Recommendations.Count), cached.Guidelines.Sum(g => g.Recommendations.Count));
        string vcf = Path.Combine(pgx, "pharmcat-v3.1.1", "docs", "examples", "pharmcat.example.vcf");
        Assert.Equal(Report(json, vcf), Report(cached, vcf));
    }

    [Fact]
    public void TryRead_damaged_or_foreign_file_is_ignored()
    {
        using var dir = new TempDirectory();
        string path = dir.File(DefinitionCache.FileName);
        File.WriteAllBytes(path, [0x47, 0x47, 0x50, 0x58, 1, 0, 0, 0, 1]);

        Assert.Null(DefinitionCache.TryRead(path));
        Assert.Null(DefinitionCache.TryRead(dir.File("absent.cache")));
    }

    private static string Report(DefinitionSet set, string vcf)
    {
        SampleGenotypes sample = PgxVcfReader.Read(vcf, PgxSites.FromLoci(set.Genes.Values.SelectMany(g => g.Variants))).Value.Single();
        SampleReport report = new SampleCaller(set).Call(sample, [], MatcherOptions.Default);
        return JsonSerializer.Serialize(report);
    }
}
