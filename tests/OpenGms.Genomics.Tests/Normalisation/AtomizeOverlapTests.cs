using System.Text;
using OpenGms.Genomics.Normalisation;

namespace OpenGms.Genomics.Tests.Normalisation;

/// <summary>
/// <c>-a</c> on multiallelic records with <c>--atom-overlaps '*'|'.'</c>, record for record against bcftools 1.16's
/// output for the same files (Normalisation/Data/PROVENANCE.md).
/// </summary>
public sealed class AtomizeOverlapTests
{
    private static string DataPath(string name) => Path.Combine(AppContext.BaseDirectory, "Normalisation", "Data", name);

    [Theory]
    [InlineData("atomize-1", "*", "star")]
    [InlineData("atomize-1", ".", "dot")]
    [InlineData("atomize-2", "*", "star")]
    [InlineData("atomize-2", ".", "dot")]
    [InlineData("atomize-random", "*", "star")]
    [InlineData("atomize-random", ".", "dot")]
    public void Atomize_multiallelic_matches_bcftools(string name, string overlaps, string suffix)
    {
        string[] expected = File.ReadAllLines(DataPath($"{name}.{suffix}.out"));
        string[] actual = Run(DataPath(name + ".vcf"), overlaps);
        Assert.True(expected.Length > 0);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }
    }

    [Fact]
    public void Atomize_shared_change_sums_AD_and_writes_missing_when_a_part_is_missing()
    {
        string[] lines = Run(DataPath("atomize-ad-missing.vcf"), "*");
        // 330: A>C is carried by CAT and CAC (AD 11 and 12); 430: the same with CAT's AD missing.
        Assert.Contains("1\t330\t.\tA\tC,*\t.\tPASS\t.\tGT:AD:XD:XF:XA\t2:13,23,.:13,11,.:1.5,3,.:2,.", lines);
        Assert.Contains("1\t430\t.\tA\tC,*\t.\tPASS\t.\tGT:AD:XD:XF:XA\t2:13,.,.:13,.,.:1.5,.,.:.,.", lines);
    }

    [Fact]
    public void Atomize_biallelic_MNP_is_unchanged_by_atom_overlaps()
    {
        string vcf = "##fileformat=VCFv4.2\n##contig=<ID=1>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t10\t.\tACG\tTCA\t.\t.\t.\n";
        string path = Path.Combine(Path.GetTempPath(), $"gms-atom-{Guid.NewGuid():N}.vcf");
        File.WriteAllText(path, vcf);
        try
        {
            Assert.Equal(Run(path, "*"), Run(path, "."));
            Assert.Equal(["1\t10\t.\tA\tT\t.\t.\t.", "1\t12\t.\tG\tA\t.\t.\t."], Run(path, "*"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Run(string path, string overlaps)
    {
        var options = new NormaliseOptions { Atomize = true, AtomOverlaps = overlaps };
        using FileStream input = File.OpenRead(path);
        using var output = new MemoryStream();
        new VcfNormaliser(options, null).Run(input, output, TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
    }
}
