using OpenGms.Interpretation.Domain;
using OpenGms.Interpretation.Infrastructure;
using OpenGms.Kernel;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Infrastructure;

public sealed class CaseInputTests
{
    [Fact]
    public void Read_scout_trio_ped_links_parents_and_picks_affected_child()
    {
        Result<Pedigree> ped = PedReader.Read(SharedData.PathOf("variants/clinical-cases/scout-trio-643594/643594.ped"));

        Assert.True(ped.IsSuccess, ped.Error?.ToString());
        FamilyMember proband = ped.Value.ChooseProband(null)!;
        Assert.Equal("ADM1059A2", proband.Id);
        Assert.Equal("ADM1059A1", proband.FatherId);
        Assert.Equal("ADM1059A3", proband.MotherId);
        Assert.Equal(Sex.Male, proband.Sex);
        Assert.Equal(AffectedStatus.Unaffected, ped.Value.Find("ADM1059A3")!.Affected);
    }

    [Theory]
    [InlineData("f1 a 0 0 1", "INT001")]
    [InlineData("f1 a 0 0 3 2", "INT002")]
    [InlineData("f1 a 0 0 1 7", "INT003")]
    [InlineData("f1 a 0 0 1 2\nf1 a 0 0 1 2", "INT004")]
    [InlineData("# only a comment", "INT005")]
    [InlineData("f1 a a 0 1 2", "INT006")]
    public void Parse_bad_ped_gives_code(string text, string code)
    {
        Result<Pedigree> ped = PedReader.Parse(text.Split('\n'), "bad.ped");

        Assert.False(ped.IsSuccess);
        Assert.Equal(code, ped.Error!.Code);
        Assert.Contains("bad.ped", ped.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_pfeiffer_phenopacket_json_gives_terms_sex_build_and_vcf_beside_it()
    {
        Result<CaseDefinition> c = PhenopacketReader.Read(SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json"));

        Assert.True(c.IsSuccess, c.Error?.ToString());
        Assert.Equal("manuel", c.Value.ProbandId);
        Assert.Equal(Sex.Male, c.Value.Pedigree.Find("manuel")!.Sex);
        Assert.Equal(["HP:0001159", "HP:0000486", "HP:0000327", "HP:0000520", "HP:0000316", "HP:0000244"], c.Value.HpoTerms);
        Assert.Equal("GRCh37", c.Value.GenomeBuild);
        Assert.EndsWith("Pfeiffer.vcf.gz", c.Value.VcfPath, StringComparison.Ordinal);
        Assert.True(File.Exists(c.Value.VcfPath));
    }

    [Fact]
    public void Read_pfeiffer_phenopacket_yaml_matches_json()
    {
        CaseDefinition json = PhenopacketReader.Read(SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.json")).Value;
        Result<CaseDefinition> yaml = PhenopacketReader.Read(SharedData.PathOf("variants/clinical-cases/exomiser-pfeiffer/pfeiffer-phenopacket.yml"));

        Assert.True(yaml.IsSuccess, yaml.Error?.ToString());
        Assert.Equal(json.HpoTerms, yaml.Value.HpoTerms);
        Assert.Equal(json.ProbandId, yaml.Value.ProbandId);
    }

    [Fact]
    public void Read_phenopacket_store_case_keeps_excluded_terms_apart()
    {
        string dir = SharedData.PathOf("kb/phenopacket-store/notebooks/FBN1/phenopackets");
        string file = System.IO.Directory.EnumerateFiles(dir, "*.json").Order(StringComparer.Ordinal).First(f => File.ReadAllText(f).Contains("\"excluded\": true", StringComparison.Ordinal));

        Result<CaseDefinition> c = PhenopacketReader.Read(file);

        Assert.True(c.IsSuccess, c.Error?.ToString());
        Assert.NotEmpty(c.Value.ExcludedHpoTerms);
        Assert.Empty(c.Value.HpoTerms.Intersect(c.Value.ExcludedHpoTerms));
    }

    [Theory]
    [InlineData("{\"id\":\"x\",\"phenotypicFeatures\":[]}", "INT011")]
    [InlineData("{\"id\":\"x\",\"subject\":{\"id\":\"p\"},\"phenotypicFeatures\":[{\"type\":{\"id\":\"HP:12\"}}]}", "INT012")]
    [InlineData("{\"id\":", "INT010")]
    [InlineData("{\"proband\":{\"subject\":{\"id\":\"p\"}},\"pedigree\":{\"persons\":[{\"familyId\":\"f\"}]}}", "INT013")]
    public void Read_bad_phenopacket_gives_code(string json, string code)
    {
        string path = Path.Combine(Path.GetTempPath(), "gms-pp-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        try
        {
            Result<CaseDefinition> c = PhenopacketReader.Read(path);

            Assert.False(c.IsSuccess);
            Assert.Equal(code, c.Error!.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_family_message_takes_pedigree()
    {
        string path = Path.Combine(Path.GetTempPath(), "gms-fam-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """
            {"id":"fam1","proband":{"id":"pp","subject":{"id":"kid","sex":"FEMALE"},"phenotypicFeatures":[{"type":{"id":"HP:0001250"}},{"type":{"id":"HP:0001263"},"excluded":true}]},
             "pedigree":{"persons":[{"familyId":"f","individualId":"kid","paternalId":"dad","maternalId":"mum","sex":"FEMALE","affectedStatus":"AFFECTED"},
               {"familyId":"f","individualId":"dad","sex":"MALE","affectedStatus":"UNAFFECTED"},{"familyId":"f","individualId":"mum","sex":"FEMALE","affectedStatus":"UNAFFECTED"}]},
             "files":[{"uri":"trio.vcf.gz","fileAttributes":{"genomeAssembly":"GRCh38","fileFormat":"vcf"}}]}
            """);
        try
        {
            CaseDefinition c = PhenopacketReader.Read(path).Value;

            Assert.Equal(3, c.Pedigree.Members.Count);
            Assert.Equal("dad", c.Pedigree.Find("kid")!.FatherId);
            Assert.Equal(["HP:0001250"], c.HpoTerms);
            Assert.Equal(["HP:0001263"], c.ExcludedHpoTerms);
            Assert.Equal("GRCh38", c.GenomeBuild);
            Assert.EndsWith("trio.vcf.gz", c.VcfPath, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadPanelApp_keeps_green_genes_with_mode_of_inheritance()
    {
        var panel = PanelFileReader.ReadPanelApp(SharedData.PathOf("panelapp/panelapprex/panel_details/panel_76.json"), Panels.Contracts.PanelConfidence.Green);

        Assert.True(panel.IsSuccess, panel.Error?.ToString());
        Assert.NotEmpty(panel.Value.Genes);
        Assert.All(panel.Value.Genes, g => Assert.Equal(Panels.Contracts.PanelConfidence.Green, g.Confidence));
        Assert.Contains(panel.Value.Genes, g => g.Symbol == "CACNA1C" && Inheritance.Parse(g.ModeOfInheritance) == GeneInheritance.Monoallelic);
    }

    [Theory]
    [InlineData("MONOALLELIC, autosomal or pseudoautosomal, NOT imprinted", GeneInheritance.Monoallelic)]
    [InlineData("BIALLELIC, autosomal or pseudoautosomal", GeneInheritance.Biallelic)]
    [InlineData("BOTH monoallelic and biallelic, autosomal or pseudoautosomal", GeneInheritance.Monoallelic | GeneInheritance.Biallelic)]
    [InlineData("X-LINKED: hemizygous mutation in males, biallelic mutations in females", GeneInheritance.XLinkedRecessive)]
    [InlineData("X-LINKED: hemizygous mutation in males, monoallelic mutations in females may cause disease (may be less severe, later onset than males)", GeneInheritance.XLinkedRecessive | GeneInheritance.XLinkedDominant)]
    [InlineData("MITOCHONDRIAL", GeneInheritance.Mitochondrial)]
    [InlineData("Unknown", GeneInheritance.Unknown)]
    public void Parse_panelapp_mode_of_inheritance(string text, GeneInheritance expected) => Assert.Equal(expected, Inheritance.Parse(text));
}
