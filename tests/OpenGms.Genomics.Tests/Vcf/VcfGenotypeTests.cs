using System.Text;
using OpenGms.Genomics.Vcf;

namespace OpenGms.Genomics.Tests.Vcf;

public sealed class VcfGenotypeTests
{
    [Theory]
    [InlineData("0/1", 2, false, "0,1")]
    [InlineData("1|0", 2, true, "1,0")]
    [InlineData("1", 1, false, "1")]
    [InlineData(".", 1, false, "-1")]
    [InlineData("./.", 2, false, "-1,-1")]
    [InlineData("./1", 2, false, "-1,1")]
    [InlineData("0/1/2", 3, false, "0,1,2")]
    [InlineData("|0", 1, true, "0")]
    [InlineData("12|3", 2, true, "12,3")]
    public void TryParse_valid_genotypes_give_alleles_and_phase(string text, int ploidy, bool phased, string alleles)
    {
        Assert.True(VcfGenotype.TryParse(Encoding.ASCII.GetBytes(text), out VcfGenotype gt));
        Assert.Equal(ploidy, gt.Ploidy);
        Assert.Equal(phased, gt.IsPhased);
        Assert.Equal(alleles, string.Join(',', Enumerable.Range(0, gt.Ploidy).Select(i => gt[i])));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0/")]
    [InlineData("1/C")]
    [InlineData("0-1")]
    [InlineData("a")]
    [InlineData("0/1/2/3/4/5/6/7/8")]
    public void TryParse_malformed_genotypes_fail(string text)
    {
        Assert.False(VcfGenotype.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("0/0", true, false, false)]
    [InlineData("0/1", false, true, false)]
    [InlineData("1/1", false, false, true)]
    [InlineData("1/2", false, true, false)]
    [InlineData("./1", false, false, false)]
    public void Zygosity_follows_the_alleles(string text, bool homRef, bool het, bool homAlt)
    {
        Assert.True(VcfGenotype.TryParse(Encoding.ASCII.GetBytes(text), out VcfGenotype gt));
        Assert.Equal(homRef, gt.IsHomRef);
        Assert.Equal(het, gt.IsHet);
        Assert.Equal(homAlt, gt.IsHomAlt);
    }
}
