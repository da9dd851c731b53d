using System.Text;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Genomics.Vcf;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests;

/// <summary>
/// The interpretation reads ClinVar and population frequencies either from the VCF (loaded whole) or from the sources
/// compiled into an annotation cache (read through the index). Both must answer alike; the VCF-loaded one is the oracle.
/// </summary>
public sealed class CompiledSourceTests
{
    [Fact]
    public void ClinVar_from_cache_finds_what_the_loaded_vcf_finds()
    {
        string vcf = SharedData.PathOf("variants/clinvar/exomiser-clinvar-test.GRCh37.vcf.gz");
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(vcf, SourceKind.ClinVar, "clinvar", temp.Path, null, null, TimeProvider.System).Value;
        using SiteSource compiled = SiteSource.Open(temp.Path, entry);
        ClinVarSource fromCache = ClinVarSource.FromCache(compiled);
        ClinVarSource loaded = ClinVarSource.Load(vcf).Value;

        int checkedAlleles = 0;
        using VcfReader reader = VcfReader.Open(vcf);
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            string chrom = Encoding.UTF8.GetString(r.Chrom);
            string refAllele = Encoding.UTF8.GetString(r.Ref);
            foreach (ReadOnlySpan<byte> altBytes in r.Alts)
            {
                string alt = Encoding.UTF8.GetString(altBytes);
                if (alt is "" or ".")
                {
                    continue; // a record with no ALT (ClinVar's reference-allele assertions) is not a variant to match
                }

                ClinVarRecord? expected = loaded.Find(chrom, (int)r.Position, refAllele, alt);
                ClinVarRecord? actual = fromCache.Find(chrom, (int)r.Position, refAllele, alt);
                Assert.Equal(expected?.Significance, actual?.Significance);
                Assert.Equal(expected?.Id, actual?.Id);
                checkedAlleles++;
            }

            if (checkedAlleles % 97 == 0)
            {
                int p = (int)r.Position;
                Assert.Equal(
                    loaded.Range(chrom, p - 2, p + 2).Where(x => x.Alternate is not ("" or ".")).Select(x => x.Id),
                    fromCache.Range(chrom, p - 2, p + 2).Select(x => x.Id));
            }
        }

        Assert.True(checkedAlleles > 1500, $"{checkedAlleles} alleles");
    }

    [Fact]
    public void Frequencies_from_cache_match_the_loaded_vcf_where_it_has_no_group_maximum()
    {
        string vcf = SharedData.PathOf("variants/extra/gnomad/annonars/gnomad.exomes.v2.1.grch37.vcf");
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(vcf, SourceKind.Population, "gnomad", temp.Path, null, null, TimeProvider.System).Value;
        using SiteSource compiled = SiteSource.Open(temp.Path, entry);
        FrequencySource fromCache = FrequencySource.FromCache(compiled);
        FrequencySource loaded = FrequencySource.Load(vcf, "AF").Value;
        FrequencySource popmax = FrequencySource.Load(vcf, "AF_popmax").Value;

        using VcfReader reader = VcfReader.Open(vcf);
        int n = 0;
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            string chrom = Encoding.UTF8.GetString(r.Chrom);
            string refAllele = Encoding.UTF8.GetString(r.Ref);
            string alt = Encoding.UTF8.GetString(r.AltText).Split(',')[0];
            double? af = loaded.Lookup(chrom, (int)r.Position, refAllele, alt);
            double? max = popmax.Lookup(chrom, (int)r.Position, refAllele, alt);
            double? expected = af is null ? max : max is null ? af : Math.Max(af.Value, max.Value);
            Assert.Equal(expected ?? -1, fromCache.Lookup(chrom, (int)r.Position, refAllele, alt) ?? -1, 6);
            n++;
        }

        Assert.True(n > 0);
    }
}
