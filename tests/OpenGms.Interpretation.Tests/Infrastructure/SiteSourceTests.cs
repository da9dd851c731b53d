using OpenGms.Interpretation.Infrastructure;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Infrastructure;

public sealed class SiteSourceTests
{
    [Fact]
    public void FrequencySource_exac_subset_matches_allele_exact()
    {
        Result<FrequencySource> s = FrequencySource.Load(SharedData.PathOf("variants/population/vcfanno-exac-r0.3-subset.GRCh37.vcf.gz"), "AF");

        Assert.True(s.IsSuccess, s.Error?.ToString());
        Assert.True(s.Value.Count > 0);
        double? af = s.Value.Lookup("chr1", 13372, "G", "C");
        Assert.NotNull(af);
        Assert.Equal(6.998e-05, af.Value, 1e-9);
        Assert.Null(s.Value.Lookup("1", 13372, "G", "T"));
    }

    [Fact]
    public void FrequencySource_without_key_gives_INT030()
    {
        Result<FrequencySource> s = FrequencySource.Load(SharedData.PathOf("variants/population/vcfanno-exac-r0.3-subset.GRCh37.vcf.gz"), "gnomAD_NOPE");

        Assert.Equal("INT030", s.Error?.Code);
    }

    [Fact]
    public void ClinVarSource_finds_allele_and_range()
    {
        Result<ClinVarSource> s = ClinVarSource.Load(SharedData.PathOf("variants/clinvar/exomiser-clinvar-test.GRCh37.vcf.gz"));

        Assert.True(s.IsSuccess, s.Error?.ToString());
        ClinVarRecord? r = s.Value.Find("1", 69134, "A", "G");
        Assert.NotNull(r);
        Assert.Equal("Likely_benign", r.Significance);
        Assert.False(r.IsPathogenic);
        Assert.Contains(s.Value.Range("chr1", 69000, 69600), x => x.Position == 69581);
    }

    [Fact]
    public void ClinVarSource_rejects_a_vcf_without_clnsig()
    {
        Result<ClinVarSource> s = ClinVarSource.Load(SharedData.PathOf("variants/population/vcfanno-exac-r0.3-subset.GRCh37.vcf.gz"));

        Assert.Equal("INT032", s.Error?.Code);
    }
}
