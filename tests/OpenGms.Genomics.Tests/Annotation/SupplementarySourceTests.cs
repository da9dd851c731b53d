using System.Globalization;
using System.Text;
using System.Text.Json;
using OpenGms.Genomics.Annotation.Sources;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// <c>gms annotation add-source</c>: real gnomAD (v2.0.1, v2.1, v4.0), ExAC and ClinVar files compiled into a cache,
/// then every allele of the input looked up again (the oracle is the input file itself, read directly).
/// </summary>
public sealed class SupplementarySourceTests
{
    private static readonly TimeProvider s_clock = TimeProvider.System;
    private static readonly string[] s_notInGrpmax = ["fin", "oth", "asj"];

    /// <summary>Each input allele with its own INFO value of <paramref name="key"/> (Number=A split by hand).</summary>
    private static List<(string Chrom, long Pos, string Ref, string Alt, string? Value, string Id)> Alleles(string path, string key)
    {
        var list = new List<(string, long, string, string, string?, string)>();
        using VcfReader reader = VcfReader.Open(path);
        reader.Header.Info.TryGetValue(key, out VcfFieldDefinition? def);
        while (reader.Read())
        {
            VcfRecord r = reader.Current;
            string? raw = r.TryGetInfo(Encoding.UTF8.GetBytes(key), out ReadOnlySpan<byte> v) ? Encoding.UTF8.GetString(v) : null;
            int i = 0;
            foreach (ReadOnlySpan<byte> alt in r.Alts)
            {
                string? value = raw is null ? null : def?.Number.Kind == VcfNumberKind.PerAltAllele ? raw.Split(',')[i] : raw;
                value = value == "." ? null : value;
                string altText = Encoding.UTF8.GetString(alt);
                if (altText.Length > 0 && altText != "." && altText != "*" && altText[0] != '<')
                {
                    list.Add((Encoding.UTF8.GetString(r.Chrom), r.Position, Encoding.UTF8.GetString(r.Ref), altText, value, Encoding.UTF8.GetString(r.Id)));
                }

                i++;
            }
        }

        return list;
    }

    [Theory]
    [InlineData("variants/extra/gnomad/jannovar/gnomad.exomes.r2.0.1.sites.head.vcf.gz")]
    [InlineData("variants/extra/gnomad/annonars/gnomad.exomes.v2.1.grch37.vcf")]
    [InlineData("variants/extra/gnomad/annonars/gnomad.genomes.v4.0.grch38.vcf")]
    [InlineData("variants/extra/gnomad/annonars/gnomad.genomes.v3.1.grch38.vcf.bgz")]
    [InlineData("variants/population/vcfanno-exac-r0.3-subset.GRCh37.vcf.gz")]
    public void Compile_population_vcf_every_allele_found_with_its_own_AF(string relative)
    {
        string input = SharedData.PathOf(relative);
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(input, SourceKind.Population, "gnomad", temp.Path, null, null, s_clock).Value;

        var alleles = Alleles(input, "AF");
        Assert.NotEmpty(alleles);
        using SiteSource source = SiteSource.Open(temp.Path, entry);
        int found = 0;
        foreach ((string chrom, long pos, string refAllele, string alt, string? af, string _) in alleles)
        {
            SourceHit? hit = source.Lookup(chrom, pos, refAllele, alt);
            Assert.True(hit is not null, $"{chrom}:{pos} {refAllele}>{alt} not found");
            if (af is not null)
            {
                Assert.Equal(double.Parse(af, CultureInfo.InvariantCulture), double.Parse(hit.Get("AF")!, CultureInfo.InvariantCulture), 6);
            }

            found++;
        }

        Assert.Equal(found, entry.Records + entry.Skipped - SkippedSymbolic(input));
        Assert.Equal(64, entry.SourceSha256.Length);
    }

    private static long SkippedSymbolic(string path)
    {
        long n = 0;
        using VcfReader reader = VcfReader.Open(path);
        while (reader.Read())
        {
            foreach (ReadOnlySpan<byte> alt in reader.Current.Alts)
            {
                n += alt.IsEmpty || alt.SequenceEqual("*"u8) || alt.SequenceEqual("."u8) || alt[0] == (byte)'<' ? 1 : 0;
            }
        }

        return n;
    }

    [Fact]
    public void Compile_exac_per_group_counts_become_group_frequencies_and_grpmax()
    {
        string input = SharedData.PathOf("variants/population/vcfanno-exac-r0.3-subset.GRCh37.vcf.gz");
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(input, SourceKind.Population, "exac", temp.Path, "r0.3", null, s_clock).Value;
        var acNfe = Alleles(input, "AC_NFE");
        var anNfe = Alleles(input, "AN_NFE");
        using SiteSource source = SiteSource.Open(temp.Path, entry);

        int checkedAlleles = 0;
        for (int i = 0; i < acNfe.Count; i++)
        {
            (string chrom, long pos, string r, string a, string? ac, _) = acNfe[i];
            string? an = anNfe[i].Value;
            if (ac is null || an is null || an == "0")
            {
                continue;
            }

            SourceHit hit = source.Lookup(chrom, pos, r, a)!;
            double expected = double.Parse(ac, CultureInfo.InvariantCulture) / double.Parse(an, CultureInfo.InvariantCulture);
            Assert.Equal(expected, double.Parse(hit.Get("AF_nfe")!, CultureInfo.InvariantCulture), expected * 1e-5);
            double grpmax = double.Parse(hit.Get("GRPMAX_AF")!, CultureInfo.InvariantCulture);
            Assert.True(grpmax >= double.Parse(hit.Get("AF_nfe")!, CultureInfo.InvariantCulture));
            Assert.DoesNotContain(hit.Get("GRPMAX")!, s_notInGrpmax);
            checkedAlleles++;
        }

        Assert.True(checkedAlleles > 50, $"only {checkedAlleles} alleles had NFE counts");
        Assert.Equal("r0.3", entry.Version);
    }

    [Fact]
    public void Compile_gnomad_v4_keeps_grpmax_and_nhomalt_from_the_file()
    {
        string input = SharedData.PathOf("variants/extra/gnomad/annonars/gnomad.genomes.v4.0.grch38.vcf");
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(input, SourceKind.Population, "gnomad", temp.Path, null, null, s_clock).Value;
        var grpmax = Alleles(input, "grpmax");
        var nhomalt = Alleles(input, "nhomalt");
        using SiteSource source = SiteSource.Open(temp.Path, entry);

        for (int i = 0; i < grpmax.Count; i++)
        {
            SourceHit hit = source.Lookup(grpmax[i].Chrom, grpmax[i].Pos, grpmax[i].Ref, grpmax[i].Alt)!;
            Assert.Equal(grpmax[i].Value, hit.Get("GRPMAX"));
            Assert.Equal(nhomalt[i].Value, hit.Get("NHOMALT"));
        }
    }

    [Fact]
    public void Compile_clinvar_keeps_variation_id_significance_and_stars()
    {
        string input = SharedData.PathOf("variants/clinvar/exomiser-clinvar-test.GRCh37.vcf.gz");
        using var temp = new TempDirectory();
        SourceEntry entry = SiteSourceCompiler.Compile(input, SourceKind.ClinVar, "clinvar", temp.Path, null, null, s_clock).Value;
        var sig = Alleles(input, "CLNSIG");
        var rev = Alleles(input, "CLNREVSTAT");
        using SiteSource source = SiteSource.Open(temp.Path, entry);

        Assert.Equal("2023-07-10", entry.Version);
        Assert.Equal("GRCh37", entry.Assembly);
        var stars = new int[5];
        for (int i = 0; i < sig.Count; i++)
        {
            SourceHit hit = source.Lookup(sig[i].Chrom, sig[i].Pos, sig[i].Ref, sig[i].Alt)!;
            Assert.Equal(sig[i].Id, hit.Id);
            Assert.Equal(sig[i].Value, hit.Get("CLNSIG"));
            int s = int.Parse(hit.Get("STARS")!, CultureInfo.InvariantCulture);
            Assert.Equal(SiteSourceCompiler.Stars(rev[i].Value!), s);
            stars[s]++;
        }

        Assert.True(stars[1] > 0 && stars[2] > 0 && stars[0] > 0, string.Join(",", stars));
    }

    [Theory]
    [InlineData("criteria_provided,_single_submitter", 1)]
    [InlineData("criteria_provided,_multiple_submitters,_no_conflicts", 2)]
    [InlineData("criteria_provided,_conflicting_classifications", 1)]
    [InlineData("reviewed_by_expert_panel", 3)]
    [InlineData("practice_guideline", 4)]
    [InlineData("no_assertion_criteria_provided", 0)]
    [InlineData("no_classification_provided", 0)]
    public void Stars_follow_clinvar_review_status(string status, int stars)
    {
        Assert.Equal(stars, SiteSourceCompiler.Stars(status));
    }

    [Fact]
    public void Compile_vcf_without_frequencies_is_refused_with_ANN041()
    {
        using var temp = new TempDirectory();
        string vcf = temp.File("x.vcf");
        File.WriteAllText(vcf, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t5\t.\tA\tC\t.\t.\t.\n");

        Assert.Equal("ANN041", SiteSourceCompiler.Compile(vcf, SourceKind.Population, "g", temp.Path, null, null, s_clock).Error!.Code);
        Assert.Equal("ANN041", SiteSourceCompiler.Compile(vcf, SourceKind.ClinVar, "c", temp.Path, null, null, s_clock).Error!.Code);
        Assert.Empty(SourceManifest.Read(temp.Path));
    }

    [Fact]
    public void Lookup_matches_after_split_trim_and_chr_prefix_and_after_seeking_back()
    {
        using var temp = new TempDirectory();
        string vcf = temp.File("g.vcf");
        File.WriteAllText(vcf,
            "##fileformat=VCFv4.2\n##INFO=<ID=AC,Number=A,Type=Integer,Description=\"c\">\n##INFO=<ID=AN,Number=1,Type=Integer,Description=\"n\">\n" +
            "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" +
            "1\t100\t.\tCTT\tC,CT,CTTT\t.\t.\tAC=1,2,3;AN=10\n" +
            "1\t200\t.\tG\tA\t.\t.\tAC=4;AN=10\n" +
            "2\t50\t.\tT\tG\t.\t.\tAC=5;AN=10\n");
        SourceEntry entry = SiteSourceCompiler.Compile(vcf, SourceKind.Population, "g", temp.Path, "test", null, s_clock).Value;
        using SiteSource source = SiteSource.Open(temp.Path, entry);

        Assert.Equal("0.4", source.Lookup("chr1", 200, "G", "A")?.Get("AF"));
        Assert.Equal("0.2", source.Lookup("1", 100, "CT", "C")?.Get("AF")); // CTT>CT trimmed to CT>C
        Assert.Equal("0.1", source.Lookup("1", 100, "CTT", "C")?.Get("AF"));
        Assert.Equal("0.3", source.Lookup("1", 100, "C", "CT")?.Get("AF")); // CTT>CTTT trimmed to C>CT
        Assert.Equal("0.5", source.Lookup("2", 50, "T", "G")?.Get("AF"));
        Assert.Null(source.Lookup("2", 50, "T", "C"));
        Assert.Null(source.Lookup("1", 201, "G", "A"));
        Assert.Null(source.Lookup("3", 50, "T", "G"));
        Assert.Equal(["C>CT", "CT>C", "CTT>C"], source.Query("chr1", 95, 150).Select(x => x.Ref + ">" + x.Alt).Order(StringComparer.Ordinal));
        Assert.Empty(source.Query("1", 103, 199)); // the CTT>C deletion at 100 ends at 102
        Assert.Equal("0.4", source.Lookup("1", 200, "G", "A")?.Get("AF")); // the cursor recovers after a query
    }

    [Theory]
    [InlineData("chr2", 9, "GG", "G", 5L, "TG", "T")] // TTTTTGGGGGCC: a G deleted from the run moves before its start
    [InlineData("chr2", 3, "T", "TT", 1L, "T", "TT")]
    [InlineData("chr2", 11, "CC", "C", 10L, "GC", "G")] // ...GGGGGCC: anchored on the G before the C run
    [InlineData("chr1", 5, "ACG", "ATG", 6L, "C", "T")] // an MNV-shaped SNV is trimmed, not moved
    public void Normalise_left_aligns_and_trims_like_bcftools_norm(string chrom, long pos, string r, string a, long ePos, string eRef, string eAlt)
    {
        using var temp = new TempDirectory();
        string fasta = temp.File("small.fa");
        File.Copy(RepoPaths.TestData("reference/small.fa"), fasta);
        using ReferenceGenome reference = ReferenceGenome.Open(fasta).Value;

        Assert.Equal((ePos, eRef, eAlt), AlleleNormaliser.Normalise(chrom, pos, r, a, reference, 1000));
    }

    [Fact]
    public void GeneTable_constraint_prefers_mane_select_row_and_hgnc_adds_ids()
    {
        string constraint = SharedData.PathOf("variants/gene-panels/scout-resources/gnomad.v4.1.constraint_metrics_reduced.tsv");
        string hgnc = SharedData.PathOf("variants/gene-panels/scout-resources/hgnc_reduced_set.txt");
        using var temp = new TempDirectory();
        GeneTable.Compile(constraint, SourceKind.GeneConstraint, "constraint", temp.Path, "v4.1", s_clock).Value.ToString();
        GeneTable.Compile(hgnc, SourceKind.Hgnc, "hgnc", temp.Path, null, s_clock).Value.ToString();

        // The oracle: the MANE Select row of each gene, read straight from the file.
        string[] header = File.ReadLines(constraint).First().Split('\t');
        int gene = Array.IndexOf(header, "gene"), mane = Array.IndexOf(header, "mane_select"), loeuf = Array.IndexOf(header, "lof.oe_ci.upper");
        var expected = File.ReadLines(constraint).Skip(1).Select(l => l.Split('\t')).Where(f => f[mane] == "true")
            .GroupBy(f => f[gene]).ToDictionary(g => g.Key, g => g.First()[loeuf]);
        IReadOnlyDictionary<string, GeneInfo> genes = GeneTable.Load(temp.Path, SourceManifest.Read(temp.Path));

        Assert.True(expected.Count > 100);
        foreach ((string symbol, string value) in expected)
        {
            Assert.Equal(value == "NA" ? null : double.Parse(value, CultureInfo.InvariantCulture), genes[symbol].Loeuf);
        }

        Assert.Equal("HGNC:25662", genes["AAGAB"].HgncId);
        Assert.Equal(2, SourceManifest.Read(temp.Path).Count);
    }

    [Fact]
    public void SupplementaryAnnotator_json_and_vcf_fields_for_a_clinvar_and_population_hit()
    {
        using var temp = new TempDirectory();
        string vcf = temp.File("g.vcf");
        File.WriteAllText(vcf,
            "##fileformat=VCFv4.2\n##INFO=<ID=AC,Number=A,Type=Integer,Description=\"c\">\n##INFO=<ID=AN,Number=1,Type=Integer,Description=\"n\">\n" +
            "##INFO=<ID=nhomalt,Number=A,Type=Integer,Description=\"h\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n1\t100\t.\tA\tG\t.\t.\tAC=3;AN=1000;nhomalt=1\n");
        string cv = temp.File("c.vcf");
        File.WriteAllText(cv,
            "##fileformat=VCFv4.1\n##INFO=<ID=CLNSIG,Number=.,Type=String,Description=\"s\">\n##INFO=<ID=CLNREVSTAT,Number=.,Type=String,Description=\"r\">\n" +
            "##INFO=<ID=CLNDN,Number=.,Type=String,Description=\"d\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" +
            "1\t100\t12345\tA\tG\t.\t.\tCLNSIG=Pathogenic;CLNREVSTAT=reviewed_by_expert_panel;CLNDN=Some_disease|Other_disease\n");
        SiteSourceCompiler.Compile(vcf, SourceKind.Population, "gnomad", temp.Path, "v1", null, s_clock).Value.ToString();
        SiteSourceCompiler.Compile(cv, SourceKind.ClinVar, "clinvar", temp.Path, null, null, s_clock).Value.ToString();
        using SupplementaryAnnotator annotator = SupplementaryAnnotator.Open(temp.Path, null);
        SourceHit?[][] hits = annotator.LookupAll("1", 100, "A", ["G", "T"]);

        var info = new StringBuilder();
        annotator.AppendVcfInfo(info, hits);
        using var ms = new MemoryStream();
        using (var json = new Utf8JsonWriter(ms))
        {
            json.WriteStartObject();
            annotator.WriteJson(json, hits, 0, []);
            json.WriteEndObject();
        }

        using JsonDocument doc = JsonDocument.Parse(ms.ToArray());
        JsonElement root = doc.RootElement;
        Assert.Equal("clinvar_ID=12345,.;clinvar_CLNSIG=Pathogenic,.;clinvar_STARS=3,.;gnomad_AF=0.003,.;gnomad_NHOMALT=1,.", info.ToString());
        Assert.Equal(0.003, root.GetProperty("frequencies").GetProperty("gnomad").GetProperty("af").GetDouble());
        Assert.Equal(1, root.GetProperty("frequencies").GetProperty("gnomad").GetProperty("nhomalt").GetDouble());
        Assert.Equal("12345", root.GetProperty("clinvar").GetProperty("variationId").GetString());
        Assert.Equal("reviewed by expert panel", root.GetProperty("clinvar").GetProperty("reviewStatus").GetString());
        Assert.Equal(["Some disease", "Other disease"], root.GetProperty("clinvar").GetProperty("conditions").EnumerateArray().Select(e => e.GetString()));
        Assert.Throws<ArgumentException>(() => SupplementaryAnnotator.Open(temp.Path, ["nope"]));
    }
}
