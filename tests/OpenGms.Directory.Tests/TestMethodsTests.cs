using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Tests;

public sealed class TestMethodsTests
{
    // Published texts from the directories (typos included) and the vocabulary they must map to.
    [Theory]
    [InlineData("WES or Large Panel", "wes,large-panel")]
    [InlineData("WES or Large penel", "wes,large-panel")]
    [InlineData("WES or Medium panel", "wes,medium-panel")]
    [InlineData("Small panel ", "small-panel")]
    [InlineData("Small panel - deep sequencing", "small-panel")]
    [InlineData("Exon level CNV detection by MLPA or equivalent", "mlpa")]
    [InlineData("MLPA or equivalent", "mlpa")]
    [InlineData("Single gene sequencing >=10 amplicons", "single-gene")]
    [InlineData("Single gene testing (<10 amplicons)", "single-gene")]
    [InlineData("Targeted variant testing", "targeted-mutation")]
    [InlineData("Microarray", "array-cgh")]
    [InlineData("Karyotype or equivalent i.e. SNP array", "karyotype,array-cgh")]
    [InlineData("FISH/Simple targeted mutation testing", "fish,targeted-mutation")]
    [InlineData("FISH / Array", "fish,array-cgh")]
    [InlineData("Methylation array (whole genome)", "methylation")]
    [InlineData("Confirmatory STR testing", "str")]
    [InlineData("Common aneuploidy testing", "qf-pcr")]
    [InlineData("RT-PCR", "rt-pcr")]
    [InlineData("Microsatellite instability", "msi")]
    [InlineData("Panel", "panel")]
    [InlineData("WGS", "wgs")]
    [InlineData("Other", "other")]
    public void Normalise_published_text_maps_to_vocabulary(string published, string expected)
    {
        IReadOnlyList<TestMethod> methods = TestMethods.Normalise(published, out bool recognised);

        Assert.True(recognised);
        Assert.Equal(expected, string.Join(',', methods.Select(m => m.ToText())));
    }

    [Theory]
    [InlineData("Quantum teleportation")]
    [InlineData("")]
    public void Normalise_unknown_text_is_other_and_not_recognised(string published)
    {
        IReadOnlyList<TestMethod> methods = TestMethods.Normalise(published, out bool recognised);

        Assert.False(recognised);
        Assert.Equal([TestMethod.Other], methods);
    }

    [Fact]
    public void Parse_round_trips_every_text_form()
    {
        foreach (TestMethod method in Enum.GetValues<TestMethod>())
        {
            Assert.Equal(method, TestMethods.Parse(method.ToText()));
        }
    }
}
