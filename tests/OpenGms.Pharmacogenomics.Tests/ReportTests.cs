using System.Text.Json;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Contracts;
using OpenGms.Testing;

namespace OpenGms.Pharmacogenomics.Tests;

public sealed class ReportTests
{
    private static string WriteVcf(TempDirectory dir, string records)
    {
        string path = dir.File("s.vcf");
        File.WriteAllText(path, "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP1\n" + records);
        return path;
    }

    [Fact]
    public void CallVcf_demo_dpyd_two_no_function_variants_unphased_is_poor_metabolizer_to_avoid()
    {
        using var dir = new TempDirectory();

        // c.1905+1G>A (*2A) and c.1679T>G (*13) heterozygous, unphased: the two lowest-function alleles give activity 0.
        string vcf = WriteVcf(dir, "chr1\t97450058\trs3918290\tC\tT\t.\tPASS\t.\tGT\t0/1\nchr1\t97515787\trs55886062\tA\tC\t.\tPASS\t.\tGT\t0/1\n");
        PgxService service = PgxService.Open(null, null).Value;

        PgxReport report = service.CallVcf(vcf, null, null).Value.Single();

        PgxGene dpyd = report.Genes.Single(g => g.Gene == "DPYD");
        Assert.Equal(["c.1679T>G (*13)", "c.1905+1G>A (*2A)"], dpyd.Diplotypes);
        Assert.Equal("0.0", dpyd.ActivityScore);
        Assert.Equal(["Poor Metabolizer"], dpyd.Phenotypes);
        Assert.All(report.Drugs.Where(d => d.Drug is "capecitabine" or "fluorouracil"), d => Assert.Equal("change", d.Action));
    }

    [Fact]
    public void CallVcf_missing_positions_are_listed_and_alleles_there_left_out()
    {
        using var dir = new TempDirectory();
        string vcf = WriteVcf(dir, "chr10\t94781859\trs4244285\tG\tA\t.\tPASS\t.\tGT\t0/1\n");
        PgxService service = PgxService.Open(null, null).Value;

        PgxReport report = service.CallVcf(vcf, "P1", null).Value.Single();

        // Only *2's position has data: *3 and *17 cannot be seen, so they are not offered, and their positions are listed.
        PgxGene cyp2c19 = report.Genes.Single(g => g.Gene == "CYP2C19");
        Assert.Equal(["*1/*2"], cyp2c19.Diplotypes);
        Assert.Equal(["chr10:94761900", "chr10:94780653"], cyp2c19.MissingPositions);
        Assert.False(report.Genes.Single(g => g.Gene == "TPMT").Called);
    }

    [Fact]
    public void ToJson_has_the_documented_shape_and_version()
    {
        using var dir = new TempDirectory();
        string vcf = WriteVcf(dir, "chr12\t21178615\trs4149056\tT\tC\t.\tPASS\t.\tGT\t1/1\n");
        PgxService service = PgxService.Open(null, null).Value;
        PgxReport report = service.CallVcf(vcf, null, null).Value.Single();

        using JsonDocument json = JsonDocument.Parse(PgxService.ToJson(report));

        JsonElement root = json.RootElement;
        Assert.Equal("P1", root.GetProperty("sample").GetString());
        Assert.Equal(service.DefinitionsVersion, root.GetProperty("definitionsVersion").GetString());
        JsonElement slco = root.GetProperty("genes").EnumerateArray().Single(g => g.GetProperty("gene").GetString() == "SLCO1B1");
        Assert.Equal("*5/*5", slco.GetProperty("diplotypes")[0].GetString());
        Assert.Equal("matcher", slco.GetProperty("source").GetString());
        foreach (string field in new[] { "called", "phenotypes", "activityScore", "missingPositions" })
        {
            Assert.True(slco.TryGetProperty(field, out _), field);
        }

        JsonElement drug = root.GetProperty("drugs").EnumerateArray().Single(d => d.GetProperty("drug").GetString() == "simvastatin");
        Assert.Equal("CPIC", drug.GetProperty("source").GetString());
        Assert.Equal("Poor Function", drug.GetProperty("genes").GetProperty("SLCO1B1").GetString());
    }

    [Fact]
    public void ToHtml_puts_genotypes_before_drugs_and_changes_first()
    {
        using var dir = new TempDirectory();
        string vcf = WriteVcf(dir, "chr12\t21178615\trs4149056\tT\tC\t.\tPASS\t.\tGT\t1/1\nchr10\t94761900\trs12248560\tC\tC\t.\tPASS\t.\tGT\t0/0\nchr10\t94780653\trs4986893\tG\tG\t.\tPASS\t.\tGT\t0/0\nchr10\t94781859\trs4244285\tG\tG\t.\tPASS\t.\tGT\t0/0\n");
        PgxReport report = PgxService.Open(null, null).Value.CallVcf(vcf, null, null).Value.Single();

        string html = PgxService.ToHtml(report);

        int genotypes = html.IndexOf("<h2>Genotypes</h2>", StringComparison.Ordinal);
        int change = html.IndexOf("Change or review", StringComparison.Ordinal);
        int standard = html.IndexOf("Prescribe as standard", StringComparison.Ordinal);
        Assert.True(genotypes >= 0 && genotypes < change && change < standard, "genotypes, then drugs to change, then standard ones");
        Assert.Contains("simvastatin", html[change..standard], StringComparison.Ordinal);
        Assert.Contains("clopidogrel", html[standard..], StringComparison.Ordinal);
    }

    [Fact]
    public void Open_missing_definitions_folder_is_PGX001()
    {
        Result<PgxService> opened = PgxService.Open("/nonexistent/pgx-definitions", null);

        Assert.Equal("PGX001", opened.Error?.Code);
    }
}
