using System.IO.Compression;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Interpretation.Application.Analysis;
using OpenGms.Interpretation.Application.Reports;
using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Analysis;

[Collection(Grch37Group.Name)]
public sealed class CaseAnalyserTests(Grch37Regions regions, ITestOutputHelper output)
{
    private const string Pfeiffer = "variants/clinical-cases/exomiser-pfeiffer/";

    [Fact]
    public void Analyse_pfeiffer_ranks_fgfr2_first()
    {
        CaseDefinition c = PhenopacketReader.Read(SharedData.PathOf(Pfeiffer + "pfeiffer-phenopacket.json")).Value;
        AnnotationCache cache = regions.Cache;
        Assert.SkipWhen(regions.Scorer is null, "HPO data absent");

        Result<AnalysisResult> r = CaseAnalyser.Analyse(c, cache, Options(regions), TestContext.Current.CancellationToken);

        Assert.True(r.IsSuccess, r.Error?.ToString());
        Log(r.Value);
        Candidate top = r.Value.Candidates[0];
        Assert.Equal("FGFR2", top.Gene);
        Assert.Equal(123256215, top.Position);
        Assert.Contains("missense_variant", top.Consequence, StringComparison.Ordinal);
        Assert.True(top.PhenotypeScore > 0.5, top.Explanation);
    }

    [Fact]
    public void Analyse_pfeiffer_without_phenotype_still_lists_fgfr2_with_filter_counts()
    {
        CaseDefinition c = PhenopacketReader.Read(SharedData.PathOf(Pfeiffer + "pfeiffer-phenopacket.json")).Value;

        Result<AnalysisResult> r = CaseAnalyser.Analyse(c, regions.Cache, new AnalysisOptions { IgnoreContigLengths = true }, TestContext.Current.CancellationToken);

        Assert.True(r.IsSuccess, r.Error?.ToString());
        Assert.Contains(r.Value.Candidates, x => x.Gene == "FGFR2" && x.Tier == 3);
        FilterStep input = r.Value.Filters[0];
        Assert.True(input.Out > 30_000);
        for (int i = 1; i < r.Value.Filters.Count; i++)
        {
            Assert.True(r.Value.Filters[i].Out <= r.Value.Filters[i].In, r.Value.Filters[i].Step);
        }

        string json = AnalysisReports.ToJson(r.Value);
        Assert.Contains("\"gene\": \"FGFR2\"", json, StringComparison.Ordinal);
        string html = AnalysisReports.ToHtml(r.Value, DateTimeOffset.UnixEpoch);
        Assert.Contains("What was not tested", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_spiked_fbn1_nonsense_in_pfeiffer_exome_ranks_first_for_marfan_terms()
    {
        AnnotationCache cache = regions.Cache;
        Assert.SkipWhen(regions.Scorer is null, "HPO data absent");

        // NM_000138.5:c.7605C>A p.(Cys2535Ter), heterozygous, from phenopacket-store PMID_10756346_Patient_D22 (Marfan syndrome).
        string packet = SharedData.PathOf("kb/phenopacket-store/notebooks/FBN1/phenopackets/PMID_10756346_Patient_D22.json");
        CaseDefinition marfan = PhenopacketReader.Read(packet).Value;
        (int pos, char refBase) = CodingToGenomic(cache, "15", "NM_000138.4", 7605);
        Assert.Equal('G', refBase); // c.7605C on the minus strand
        string vcf = Spike(regions.Root, "fbn1", $"15\t{pos}\t.\tG\tT\t500\tPASS\tDP=40\tGT:AD:DP:GQ:PL\t0/1:20,20:40:99:500,0,500");
        CaseDefinition c = new("fbn1-spike", "manuel", Pedigree.Singleton("manuel", Sex.Female), vcf, marfan.HpoTerms, [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, Options(regions), TestContext.Current.CancellationToken).Value;

        Log(r);
        Candidate spiked = r.Candidates.Single(x => x.Position == pos);
        output.WriteLine($"FBN1 c.7605C>A rank {spiked.Rank} of {r.Candidates.Count}");
        Assert.Equal("p.Cys2535Ter", spiked.HgvsP?.Split(':')[^1]);
        Assert.Contains("PVS1", spiked.AcmgCriteria.Where(x => x.Met).Select(x => x.Criterion));
        Assert.Equal(1, spiked.Rank);
    }

    [Fact]
    public void Analyse_spiked_homozygous_ctns_nonsense_ranks_first_for_cystinosis_terms()
    {
        AnnotationCache cache = regions.Cache;
        Assert.SkipWhen(regions.Scorer is null, "HPO data absent");

        // NM_004937.2:c.414G>A p.(Trp138Ter), the French-Canadian founder allele of nephropathic cystinosis, homozygous.
        (int pos, char refBase) = CodingToGenomic(cache, "17", "NM_004937.2", 414);
        Assert.Equal('G', refBase);
        string vcf = Spike(regions.Root, "ctns", $"17\t{pos}\t.\tG\tA\t500\tPASS\tDP=40\tGT:AD:DP:GQ:PL\t1/1:0,40:40:99:900,99,0");

        // Renal Fanconi syndrome, photophobia, failure to thrive, rickets, corneal crystals.
        string[] terms = ["HP:0001994", "HP:0000613", "HP:0001508", "HP:0002748", "HP:0000531"];
        CaseDefinition c = new("ctns-spike", "manuel", Pedigree.Singleton("manuel", Sex.Male), vcf, terms, [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, Options(regions), TestContext.Current.CancellationToken).Value;

        Log(r);
        Candidate spiked = r.Candidates.Single(x => x.Position == pos);
        output.WriteLine($"CTNS c.414G>A rank {spiked.Rank} of {r.Candidates.Count}");
        Assert.Contains("AR_hom", spiked.Inheritance);
        Assert.Equal(1, spiked.Rank);
    }

    [Fact]
    public void Analyse_gives_a_candidate_the_hgnc_id_of_its_panel_gene_when_the_panel_has_one()
    {
        AnnotationCache cache = regions.Cache;
        (int pos, _) = CodingToGenomic(cache, "17", "NM_004937.2", 414);
        string vcf = Spike(regions.Root, "ctns-hgnc", $"17\t{pos}\t.\tG\tA\t500\tPASS\tDP=40\tGT:AD:DP:GQ:PL\t1/1:0,40:40:99:500,120,0", keepFgfr2: true);
        var panel = new Panels.Contracts.ResolvedPanel(1, "test", "1.0", true,
        [
            new Panels.Contracts.PanelGene("FGFR2", "3689", Panels.Contracts.PanelConfidence.Green, "MONOALLELIC, autosomal or pseudoautosomal, NOT imprinted"),
            new Panels.Contracts.PanelGene("CTNS", null, Panels.Contracts.PanelConfidence.Green, "BIALLELIC, autosomal or pseudoautosomal"),
        ]);
        var options = new AnalysisOptions { IgnoreContigLengths = true, Panel = panel };
        CaseDefinition c = new("ctns-hgnc", "manuel", Pedigree.Singleton("manuel", Sex.Male), vcf, [], [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, options, TestContext.Current.CancellationToken).Value;

        Candidate fgfr2 = r.Candidates.First(x => x.Gene == "FGFR2");
        Candidate ctns = r.Candidates.Single(x => x.Position == pos);
        Assert.Equal("HGNC:3689", fgfr2.HgncId); // the panel's bare number, written as the IG wants it
        Assert.Null(ctns.HgncId);
        Assert.Contains("\"hgncId\": \"HGNC:3689\"", AnalysisReports.ToJson(r), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HGNC:3689", "HGNC:3689")]
    [InlineData(" hgnc:3689 ", "HGNC:3689")]
    [InlineData("3689", "HGNC:3689")]
    [InlineData("", null)]
    [InlineData("HGNC:", null)]
    [InlineData("FGFR2", null)]
    [InlineData(null, null)]
    public void HgncIdOf_writes_the_prefixed_id_or_nothing(string? id, string? expected) =>
        Assert.Equal(expected, CaseAnalyser.HgncIdOf(id));

    [Fact]
    public void Analyse_with_panel_tiers_and_single_het_in_biallelic_gene_is_not_tiered()
    {
        AnnotationCache cache = regions.Cache;
        (int pos, _) = CodingToGenomic(cache, "17", "NM_004937.2", 414);
        string vcf = Spike(regions.Root, "ctns-het", $"17\t{pos}\t.\tG\tA\t500\tPASS\tDP=40\tGT:AD:DP:GQ:PL\t0/1:20,20:40:99:500,0,500", keepFgfr2: true);
        string genes = Path.Combine(regions.Root, "genes.tsv");
        File.WriteAllText(genes, "CTNS\tBIALLELIC, autosomal or pseudoautosomal\nFGFR2\tMONOALLELIC, autosomal or pseudoautosomal, NOT imprinted\n");
        var options = new AnalysisOptions { IgnoreContigLengths = true, Panel = PanelFileReader.ReadGeneList(genes).Value };
        CaseDefinition c = new("ctns-het", "manuel", Pedigree.Singleton("manuel", Sex.Male), vcf, [], [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, options, TestContext.Current.CancellationToken).Value;

        Candidate ctns = r.Candidates.Single(x => x.Position == pos);
        Assert.Null(ctns.Tier);
        Assert.Contains("single heterozygous", ctns.TierReason, StringComparison.Ordinal);
        Candidate fgfr2 = r.Candidates.Single(x => x.Gene == "FGFR2" && x.Position == 123256215);
        Assert.Equal(2, fgfr2.Tier);
    }

    [Theory]
    [InlineData("0.45", true)]
    [InlineData("0.03", false)]
    public void Analyse_keeps_a_deep_intronic_allele_with_a_predicted_splice_change_and_gives_it_pp3(string deltaScore, bool kept)
    {
        // 60 bases into the CTNS intron after the exon holding c.414 (well outside the splice region).
        AnnotationCache cache = regions.Cache;
        Transcript ctns = cache.Transcripts.OnChromosome("17").ToArray().First(x => x.VersionedId == "NM_004937.2" || x.Id == "NM_004937.2");
        (int coding, _) = CodingToGenomic(cache, "17", "NM_004937.2", 414);
        int exon = Enumerable.Range(0, ctns.ExonCount).First(i => ctns.ExonStarts[i] <= coding && coding <= ctns.ExonEnds[i]);
        int pos = ctns.Strand == Strand.Forward ? ctns.ExonEnds[exon] + 60 : ctns.ExonStarts[exon] - 60;
        Span<byte> b = stackalloc byte[1];
        cache.Sequence.TryRead("17", pos, b);
        char reference = (char)b[0];
        char alt = reference == 'A' ? 'G' : 'A';
        string vcf = Spike(regions.Root, "ctns-splice-" + deltaScore, $"17\t{pos}\t.\t{reference}\t{alt}\t500\tPASS\tDP=40;SpliceAI={alt}|CTNS|0.00|0.01|{deltaScore}|0.00|-12|30|60|2\tGT:AD:DP:GQ:PL\t1/1:0,40:40:99:500,120,0");
        CaseDefinition c = new("ctns-splice", "manuel", Pedigree.Singleton("manuel", Sex.Male), vcf, [], [], null, "GRCh37");
        var options = new AnalysisOptions { IgnoreContigLengths = true, SpliceInfoKey = "SpliceAI" };

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, options, TestContext.Current.CancellationToken).Value;

        Candidate? intronic = r.Candidates.SingleOrDefault(x => x.Position == pos);
        Assert.Equal(kept, intronic is not null);
        if (intronic is not null)
        {
            Assert.Contains("intron", intronic.Consequence, StringComparison.Ordinal);
            CriterionView pp3 = intronic.AcmgCriteria.Single(x => x.Criterion.StartsWith("PP3", StringComparison.Ordinal));
            Assert.True(pp3.Met);
            Assert.Contains("SpliceAI 0.45", pp3.Evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Analyse_scout_trio_segregation_per_member_matches_genotypes()
    {
        string dir = SharedData.PathOf("variants/clinical-cases/scout-trio-643594");
        Pedigree ped = PedReader.Read(Path.Combine(dir, "643594.ped")).Value;
        CaseDefinition c = new("643594", "ADM1059A2", ped, Path.Combine(dir, "643594.clinical.vcf.gz"), [], [], null, "GRCh37");

        // No cache: the VCF's own VEP CSQ gives genes and consequences. Filters off to see every carried allele.
        Result<AnalysisResult> r = CaseAnalyser.Analyse(c, null, new AnalysisOptions { RequirePass = false, MinDepth = 0, MinGenotypeQuality = 0 }, TestContext.Current.CancellationToken);

        Assert.True(r.IsSuccess, r.Error?.ToString());
        Assert.NotEmpty(r.Value.Candidates);
        int deNovo = 0, hom = 0;
        foreach (Candidate x in r.Value.Candidates)
        {
            MemberGenotype father = x.Genotypes.Single(g => g.Member == "ADM1059A1");
            MemberGenotype child = x.Genotypes.Single(g => g.Member == "ADM1059A2");
            MemberGenotype mother = x.Genotypes.Single(g => g.Member == "ADM1059A3");
            Assert.True(child.Carries);
            bool autosome = x.Chrom is not ("X" or "Y" or "MT");
            if (autosome)
            {
                // Unaffected parents: a dominant pattern needs both to lack the allele; de novo needs both genotyped hom-ref.
                Assert.Equal(father.Call == "hom_ref" && mother.Call == "hom_ref" && child.Call == "het", x.Inheritance.Contains("de_novo"));
                Assert.Equal(father.Call is "hom_ref" or "missing" && mother.Call is "hom_ref" or "missing", x.Inheritance.Contains("AD"));
                Assert.Equal(child.Call == "hom_alt" && father.Call is not ("hom_ref" or "hom_alt") && mother.Call is not ("hom_ref" or "hom_alt"), x.Inheritance.Contains("AR_hom"));
                deNovo += x.Inheritance.Contains("de_novo") ? 1 : 0;
                Assert.Equal(x.Inheritance.Contains("de_novo"), x.AcmgCriteria.Any(k => k.Criterion == "PS2" && k.Met));
                hom += x.Inheritance.Contains("AR_hom") ? 1 : 0;
            }

            if (x.Inheritance.Contains("AR_comp_het"))
            {
                Candidate partner = r.Value.Candidates.First(p => p.Variant == x.CompoundHetPartner);
                Assert.Equal(x.Gene, partner.Gene);
                bool xFromFather = father.Carries && mother.Call == "hom_ref";
                bool pFromFather = partner.Genotypes[0].Carries && partner.Genotypes[2].Call == "hom_ref";
                Assert.NotEqual(xFromFather, pFromFather);
            }
        }

        output.WriteLine($"{r.Value.Candidates.Count} candidates, {deNovo} de novo, {hom} homozygous recessive");
    }

    [Theory]
    [InlineData(0.005, "frequency by mode")]
    [InlineData(0.02, "population frequency")]
    [InlineData(0.0005, null)]
    public void Analyse_frequency_thresholds_follow_mode_of_inheritance(double af, string? droppedAt)
    {
        // The FGFR2 missense is a single heterozygous allele: only dominant patterns fit, so 0.1% applies.
        string sites = Path.Combine(regions.Root, $"sites-{af.ToString(System.Globalization.CultureInfo.InvariantCulture)}.vcf");
        File.WriteAllText(sites, "##fileformat=VCFv4.2\n##INFO=<ID=AF,Number=A,Type=Float,Description=\"Allele frequency\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
            + $"10\t123256215\t.\tT\tG\t.\tPASS\tAF={af.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        CaseDefinition c = PhenopacketReader.Read(SharedData.PathOf(Pfeiffer + "pfeiffer-phenopacket.json")).Value;
        var options = new AnalysisOptions { IgnoreContigLengths = true, Frequencies = FrequencySource.Load(sites, "AF").Value };

        AnalysisResult r = CaseAnalyser.Analyse(c, regions.Cache, options, TestContext.Current.CancellationToken).Value;

        Candidate? fgfr2 = r.Candidates.SingleOrDefault(x => x.Gene == "FGFR2");
        if (droppedAt is null)
        {
            Assert.NotNull(fgfr2);
            Assert.False(fgfr2.AcmgCriteria.Single(x => x.Criterion == "PM2_Supporting").Met); // 0.05% is above PM2's 0.01%
            Assert.Equal(af, fgfr2.Frequency!.Value, 1e-9);
        }
        else
        {
            Assert.Null(fgfr2);
            FilterStep step = r.Filters.Single(f => f.Step == droppedAt);
            Assert.Equal(step.In - 1, step.Out);
        }
    }

    [Fact]
    public void Analyse_acmg_override_recomputes_class_and_marks_row()
    {
        CaseDefinition c = PhenopacketReader.Read(SharedData.PathOf(Pfeiffer + "pfeiffer-phenopacket.json")).Value;
        Assert.True(Application.Acmg.AcmgRules.TryParseOverride("PS2:on", out Application.Acmg.AcmgOverride ps2));
        Assert.True(Application.Acmg.AcmgRules.TryParseOverride("PM1:on", out Application.Acmg.AcmgOverride pm1));
        var options = new AnalysisOptions
        {
            IgnoreContigLengths = true,
            Overrides = new Dictionary<string, IReadOnlyList<Application.Acmg.AcmgOverride>>(StringComparer.Ordinal) { ["10-123256215-T-G"] = [ps2, pm1] },
        };

        AnalysisResult r = CaseAnalyser.Analyse(c, regions.Cache, options, TestContext.Current.CancellationToken).Value;

        Candidate fgfr2 = r.Candidates.Single(x => x.Gene == "FGFR2");
        Assert.Equal(6, fgfr2.AcmgPoints);
        Assert.Equal("LP", fgfr2.AcmgClass);
        Assert.All(fgfr2.AcmgCriteria.Where(x => x.Criterion is "PS2" or "PM1"), x => Assert.True(x.Overridden));
    }

    [Theory]
    [InlineData("0|1", "1|0", true)]
    [InlineData("0|1", "0|1", false)]
    public void Analyse_phased_pair_in_ctns_is_compound_het_only_in_trans(string first, string second, bool inTrans)
    {
        AnnotationCache cache = regions.Cache;
        (int a, char refA) = CodingToGenomic(cache, "17", "NM_004937.2", 414);
        (int b, char refB) = CodingToGenomic(cache, "17", "NM_004937.2", 300);
        string vcf = Path.Combine(regions.Root, $"ctns-phase-{inTrans}.vcf");
        File.WriteAllText(vcf, "##fileformat=VCFv4.2\n##contig=<ID=17>\n##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=PS,Number=1,Type=Integer,Description=\"Phase set\">\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tkid\n"
            + $"17\t{b}\t.\t{refB}\t{Other(refB)}\t50\tPASS\t.\tGT:PS\t{first}:100\n"
            + $"17\t{a}\t.\t{refA}\tA\t50\tPASS\t.\tGT:PS\t{second}:100\n");
        CaseDefinition c = new("phase", "kid", Pedigree.Singleton("kid", Sex.Female), vcf, [], [], null, "GRCh37");

        AnalysisResult r = CaseAnalyser.Analyse(c, cache, new AnalysisOptions { IgnoreContigLengths = true }, TestContext.Current.CancellationToken).Value;

        Candidate nonsense = r.Candidates.Single(x => x.Position == a);
        Assert.Equal(inTrans, nonsense.Inheritance.Contains("AR_comp_het"));
        Assert.DoesNotContain("AR_comp_het_unphased", nonsense.Inheritance);
        if (inTrans)
        {
            Assert.Equal($"17-{b}-{refB}-{Other(refB)}", nonsense.CompoundHetPartner);
        }
    }

    private static char Other(char b) => b == 'A' ? 'C' : 'A';

    private static AnalysisOptions Options(Grch37Regions regions) => new() { IgnoreContigLengths = true, Phenotype = regions.Scorer };

    private void Log(AnalysisResult r)
    {
        foreach (FilterStep f in r.Filters)
        {
            output.WriteLine($"{f.Step}: {f.In} -> {f.Out}");
        }

        foreach (Candidate x in r.Candidates.Take(8))
        {
            output.WriteLine($"{x.Rank} {x.Gene} {x.Variant} {x.HgvsP} {x.Score:0.000} {x.Explanation}");
        }
    }

    /// <summary>The Pfeiffer exome without its FGFR2 spike, plus <paramref name="line"/>, written to the temp folder.</summary>
    private static string Spike(string root, string name, string line, bool keepFgfr2 = false)
    {
        string path = Path.Combine(root, name + ".vcf");
        using var input = new StreamReader(new GZipStream(File.OpenRead(SharedData.PathOf(Pfeiffer + "Pfeiffer.vcf.gz")), CompressionMode.Decompress));
        using var writer = new StreamWriter(path);
        string? l;
        while ((l = input.ReadLine()) is not null)
        {
            if (keepFgfr2 || !l.StartsWith("10\t123256215\t", StringComparison.Ordinal))
            {
                writer.WriteLine(l);
            }
        }

        writer.WriteLine(line);
        return path;
    }

    /// <summary>The genomic position of coding base c.<paramref name="c"/> of a transcript, and the forward-strand reference base there.</summary>
    private static (int Position, char Reference) CodingToGenomic(AnnotationCache cache, string chrom, string transcriptId, int c)
    {
        Transcript t = cache.Transcripts.OnChromosome(chrom).ToArray().First(x => x.VersionedId == transcriptId || x.Id == transcriptId);
        int remaining = c;
        int n = t.ExonCount;
        for (int k = 0; k < n; k++)
        {
            int i = t.Strand == Strand.Forward ? k : n - 1 - k;
            int lo = Math.Max(t.ExonStarts[i], t.CodingStart);
            int hi = Math.Min(t.ExonEnds[i], t.CodingEnd);
            if (lo > hi)
            {
                continue;
            }

            int len = hi - lo + 1;
            if (remaining <= len)
            {
                int pos = t.Strand == Strand.Forward ? lo + remaining - 1 : hi - remaining + 1;
                Span<byte> b = stackalloc byte[1];
                cache.Sequence.TryRead(chrom, pos, b);
                return (pos, (char)b[0]);
            }

            remaining -= len;
        }

        throw new InvalidOperationException("c. position beyond the CDS");
    }
}
