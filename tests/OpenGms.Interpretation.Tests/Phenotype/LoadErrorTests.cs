using OpenGms.Interpretation.Phenotype;
using OpenGms.Kernel;

namespace OpenGms.Interpretation.Tests.Phenotype;

public sealed class LoadErrorTests
{
    private static Error LoadError(string dir)
    {
        try
        {
            Result<HpoPhenotypeScorer> result = HpoPhenotypeScorer.Load(dir);
            Assert.False(result.IsSuccess);
            return result.Error;
        }
        finally
        {
            if (System.IO.Directory.Exists(dir))
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Load_missing_directory_is_not_found()
    {
        Error error = HpoPhenotypeScorer.Load(Path.Combine(Path.GetTempPath(), "gms-no-such-hpo-" + Guid.NewGuid().ToString("N"))).Error!;

        Assert.Equal(HpoIssueCodes.OntologyMissing, error.Code);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Load_directory_without_ontology_is_HPO001()
    {
        string dir = TinyHpo.WriteDirectory();
        File.Delete(Path.Combine(dir, "hp.obo"));

        Assert.Equal(HpoIssueCodes.OntologyMissing, LoadError(dir).Code);
    }

    [Fact]
    public void Load_directory_without_gene_annotations_is_HPO002()
    {
        string dir = TinyHpo.WriteDirectory();
        File.Delete(Path.Combine(dir, "genes_to_phenotype.txt"));

        Assert.Equal(HpoIssueCodes.AnnotationsMissing, LoadError(dir).Code);
    }

    [Fact]
    public void Load_malformed_obo_is_HPO003_naming_file_and_line()
    {
        string dir = TinyHpo.WriteDirectory(obo: TinyHpo.Obo.Replace("alt_id: HP:0000199", "alt_id: HPO:199", StringComparison.Ordinal), genes: TinyHpo.GenesToPhenotype);

        Error error = LoadError(dir);

        Assert.Equal(HpoIssueCodes.OntologyMalformed, error.Code);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.StartsWith("hp.obo:16 [alt_id]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_file_that_is_not_obo_is_HPO003()
    {
        string dir = TinyHpo.WriteDirectory(obo: "this is not an ontology\n", genes: TinyHpo.GenesToPhenotype);

        Assert.Equal(HpoIssueCodes.OntologyMalformed, LoadError(dir).Code);
    }

    [Fact]
    public void Load_gene_table_without_hpo_column_is_HPO004()
    {
        string dir = TinyHpo.WriteDirectory(obo: TinyHpo.Obo, genes: "ncbi_gene_id\tgene_symbol\tterm\n1\tG1\tHP:0000101\n");

        Error error = LoadError(dir);

        Assert.Equal(HpoIssueCodes.AnnotationMalformed, error.Code);
        Assert.StartsWith("genes_to_phenotype.txt:1 [header]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_gene_row_with_bad_hpo_id_is_HPO004_naming_line()
    {
        string dir = TinyHpo.WriteDirectory(obo: TinyHpo.Obo, genes: TinyHpo.GenesToPhenotype + "\n4\tG4\tHP:abc\tx\t-\tOMIM:5\n");

        Error error = LoadError(dir);

        Assert.Equal(HpoIssueCodes.AnnotationMalformed, error.Code);
        Assert.StartsWith("genes_to_phenotype.txt:9 [hpo_id]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_truncated_gzip_is_bad_input()
    {
        string dir = TinyHpo.WriteDirectory();
        File.WriteAllBytes(Path.Combine(dir, "genes_to_phenotype.txt"), [0x1f, 0x8b, 0x08, 0x00, 0x01]);

        Error error = LoadError(dir);

        Assert.Equal(HpoIssueCodes.AnnotationMalformed, error.Code);
    }

    [Fact]
    public void Load_annotation_with_obsolete_and_unknown_terms_maps_or_skips_with_issues()
    {
        string genes = TinyHpo.GenesToPhenotype + "\n4\tG4\tHP:0000400\told\t-\tOMIM:5\n4\tG4\tHP:0000777\tgone\t-\tOMIM:5\n4\tG4\tHP:0000401\tvague\t-\tOMIM:5\n";
        string dir = TinyHpo.WriteDirectory(obo: TinyHpo.Obo, genes: genes);
        try
        {
            HpoPhenotypeScorer s = HpoPhenotypeScorer.Load(dir).Value;

            Assert.Equal([HpoIssueCodes.AnnotationTermMapped, HpoIssueCodes.AnnotationTermUnknown, HpoIssueCodes.AnnotationTermObsolete],
                s.LoadIssues.Select(i => i.Code));
            Assert.Equal([9L, 10L, 11L], s.LoadIssues.Select(i => i.Line));
            Assert.Equal(2, s.Counts["annotations.skipped.term-unusable"]);
            Assert.Equal(s.ScoreGenes(["HP:0000101"])["G1"].RawScore, s.ScoreGenes(["HP:0000101"])["G4"].RawScore, 12);
        }
        finally
        {
            System.IO.Directory.Delete(dir, recursive: true);
        }
    }
}
