using System.Text;
using OpenGms.Interpretation.Phenotype;
using OpenGms.Testing;

namespace OpenGms.Interpretation.Tests.Phenotype;

public sealed class OntologyParsingTests
{
    private static HpoOntology ParseTiny(List<HpoIssue>? issues = null) =>
        OboParser.Parse(Encoding.UTF8.GetBytes(TinyHpo.Obo), "hp.obo", issues ?? []);

    [Fact]
    public void Parse_tiny_obo_reads_terms_names_parents_and_version()
    {
        HpoOntology o = ParseTiny();

        Assert.Equal("hp/releases/tiny-1", o.Version);
        Assert.Equal(12, o.Count);
        Assert.Equal(10, o.CurrentCount);
        int ab = o.IndexOfPrimary(300);
        Assert.Equal("AB", o.Names[ab]);
        Assert.Equal([101, 201], o.Parents[ab].Select(p => o.Numbers[p]).Order());
        Assert.Equal([1, 100, 101, 118, 200, 201, 300], o.Ancestors[ab].Select(a => o.Numbers[a]).Order());
    }

    [Fact]
    public void Parse_is_a_with_qualifier_block_and_comment_keeps_only_the_id()
    {
        HpoOntology o = ParseTiny();

        int a2 = o.IndexOfPrimary(102);
        Assert.Equal([100], o.Parents[a2].Select(p => o.Numbers[p]));
    }

    [Fact]
    public void TopologicalOrder_parents_come_before_children()
    {
        HpoOntology o = ParseTiny();
        var position = new int[o.Count];
        for (int i = 0; i < o.TopologicalOrder.Length; i++)
        {
            position[o.TopologicalOrder[i]] = i;
        }

        for (int t = 0; t < o.Count; t++)
        {
            Assert.All(o.Parents[t], p => Assert.True(position[p] < position[t]));
        }
    }

    [Theory]
    [InlineData("HP:0000101", 101, "Primary")]
    [InlineData("HP:0000199", 100, "AltId")]
    [InlineData("HP:0000400", 101, "Replaced")]
    [InlineData("HP_0000101", 101, "Primary")]
    [InlineData(" HP:0000101 ", 101, "Primary")]
    public void Lookup_maps_alt_ids_and_replacements_to_current_terms(string id, int expectedNumber, string expectedKind)
    {
        HpoOntology o = ParseTiny();

        TermLookup lookup = o.Lookup(id);

        Assert.Equal(expectedKind, lookup.Kind.ToString());
        Assert.Equal(expectedNumber, o.Numbers[lookup.Index]);
    }

    [Theory]
    [InlineData("HP:0000401", "Obsolete")]
    [InlineData("HP:9999999", "Unknown")]
    [InlineData("HP:12x", "Malformed")]
    [InlineData("OMIM:101600", "Malformed")]
    [InlineData("", "Malformed")]
    public void Lookup_unusable_ids_return_no_index(string id, string expectedKind)
    {
        HpoOntology o = ParseTiny();

        TermLookup lookup = o.Lookup(id);

        Assert.Equal(-1, lookup.Index);
        Assert.Equal(expectedKind, lookup.Kind.ToString());
    }

    [Fact]
    public void Lookup_obsolete_without_replacement_lists_consider_terms()
    {
        TermLookup lookup = ParseTiny().Lookup("HP:0000401");

        Assert.Equal(["HP:0000100", "HP:0000200"], lookup.Consider!);
    }

    [Fact]
    public void Parse_unknown_parent_drops_edge_with_coded_issue()
    {
        string obo = TinyHpo.Obo.Replace("is_a: HP:0000201 ! B1", "is_a: HP:0000201 ! B1\nis_a: HP:0777777", StringComparison.Ordinal);
        var issues = new List<HpoIssue>();

        HpoOntology o = OboParser.Parse(Encoding.UTF8.GetBytes(obo), "hp.obo", issues);

        HpoIssue issue = Assert.Single(issues);
        Assert.Equal(HpoIssueCodes.ParentUnknown, issue.Code);
        Assert.Equal(2, o.Parents[o.IndexOfPrimary(300)].Length);
    }

    [Fact]
    public void Parse_cycle_is_malformed_ontology()
    {
        string obo = TinyHpo.Obo.Replace("name: A\n", "name: A\nis_a: HP:0000300\n", StringComparison.Ordinal);

        HpoDataException ex = Assert.Throws<HpoDataException>(() => OboParser.Parse(Encoding.UTF8.GetBytes(obo), "hp.obo", []));

        Assert.Equal(HpoIssueCodes.OntologyMalformed, ex.Issue.Code);
    }

    [Fact]
    public void Parse_exomiser_test_obo_matches_its_term_stanzas()
    {
        string path = SharedData.PathOf("variants/hpo/exomiser-test/hp_test.obo");
        byte[] bytes = File.ReadAllBytes(path);
        // Oracle: count stanzas and is_a lines with plain string handling.
        string[] lines = File.ReadAllLines(path);
        int stanzas = lines.Count(l => l == "[Term]");
        var defined = lines.Where(l => l.StartsWith("id: HP:", StringComparison.Ordinal)).Select(l => l[4..]).ToHashSet();
        string[] isA = [.. lines.Where(l => l.StartsWith("is_a: HP:", StringComparison.Ordinal)).Select(l => l[6..16])];
        var issues = new List<HpoIssue>();

        HpoOntology o = OboParser.Parse(bytes, "hp_test.obo", issues);

        // The test file is a handful of terms whose parents are mostly outside it: those edges become HPO008.
        Assert.Equal("hp/releases/2020-06-08", o.Version);
        Assert.Equal(stanzas, o.Count);
        Assert.Equal(isA.Count(defined.Contains), o.Parents.Sum(p => p.Length));
        Assert.Equal(isA.Count(p => !defined.Contains(p)), issues.Count(i => i.Code == HpoIssueCodes.ParentUnknown));
        Assert.Equal("Abnormality of body height", o.Names[o.IndexOfPrimary(2)]);
    }

    [Fact]
    public void Parse_full_obo_and_json_releases_agree_with_provenance_counts()
    {
        string obo = SharedData.PathOf("variants/hpo/full/hpo-2026-02-16/hp.obo.gz");
        string json = SharedData.PathOf("variants/hpo/full/hpo-2025-05-06/hp.v2025-05-06.json.gz");

        HpoOntology fromObo = OboParser.Parse(HpoFiles.ReadAllBytes(obo).Span, "hp.obo.gz", []);
        HpoOntology fromJson = ObographsParser.Parse(HpoFiles.ReadAllBytes(json).Span, "hp.json.gz", []);

        // PROVENANCE.md: 19,944 [Term] stanzas (555 obsolete) and 23,677 is_a in the OBO; 19,650 classes (473
        // deprecated) and 23,528 is_a edges in the JSON.
        Assert.Equal("hp/releases/2026-02-16", fromObo.Version);
        Assert.Equal(19_944, fromObo.Count);
        Assert.Equal(19_944 - 555, fromObo.CurrentCount);
        Assert.Equal(23_677, fromObo.Parents.Sum(p => p.Length));
        Assert.Equal("hp/releases/2025-05-06", fromJson.Version);
        Assert.Equal(19_650, fromJson.Count);
        Assert.Equal(19_650 - 473, fromJson.CurrentCount);
        Assert.Equal(23_528, fromJson.Parents.Sum(p => p.Length));
        Assert.Equal("Phenotypic abnormality", fromJson.Names[fromJson.PhenotypicAbnormality]);
        Assert.Equal(fromObo.Names[fromObo.IndexOfPrimary(1159)], fromJson.Names[fromJson.IndexOfPrimary(1159)]);
    }

    [Fact]
    public void Parse_json_maps_deprecated_term_to_replacement()
    {
        string json = SharedData.PathOf("variants/hpo/full/hpo-2025-05-06/hp.v2025-05-06.json.gz");
        HpoOntology o = ObographsParser.Parse(HpoFiles.ReadAllBytes(json).Span, "hp.json.gz", []);

        // HP:0000057 "obsolete Clitoromegaly" carries IAO:0100001 (term replaced by) HP:0008665.
        TermLookup lookup = o.Lookup("HP:0000057");

        Assert.Equal(TermLookupKind.Replaced, lookup.Kind);
        Assert.Equal("HP:0008665", o.IdOf(lookup.Index));
    }

    private const string TinyJson = """
        {
          "graphs": [ {
            "id": "http://purl.obolibrary.org/obo/hp.json",
            "meta": { "basicPropertyValues": [ { "pred": "x", "val": "y" } ],
                      "version": "http://purl.obolibrary.org/obo/hp/releases/tiny-2/hp.json" },
            "nodes": [
              { "id": "http://purl.obolibrary.org/obo/HP_0000001", "lbl": "All", "type": "CLASS" },
              { "type": "CLASS", "lbl": "Phenotypic abnormality", "id": "http://purl.obolibrary.org/obo/HP_0000118",
                "meta": { "definition": { "val": "x", "xrefs": [] },
                          "basicPropertyValues": [ { "val": "HP:0000199", "pred": "http://www.geneontology.org/formats/oboInOwl#hasAlternativeId" } ] } },
              { "id": "http://purl.obolibrary.org/obo/HP_0000400", "lbl": "obsolete thing", "type": "CLASS",
                "meta": { "deprecated": true, "basicPropertyValues": [ { "pred": "http://purl.obolibrary.org/obo/IAO_0100001", "val": "HP:0000118" } ] } },
              { "id": "http://purl.obolibrary.org/obo/HP_0000401", "lbl": "obsolete vague", "type": "CLASS",
                "meta": { "deprecated": true, "basicPropertyValues": [ { "pred": "http://www.geneontology.org/formats/oboInOwl#consider", "val": "HP:0000001" } ] } },
              { "id": "http://purl.obolibrary.org/obo/UBERON_0000001", "lbl": "not HP", "type": "CLASS" },
              { "id": "http://purl.obolibrary.org/obo/HP_0000500", "lbl": "a property", "type": "PROPERTY" }
            ],
            "edges": [
              { "sub": "http://purl.obolibrary.org/obo/HP_0000118", "pred": "is_a", "obj": "http://purl.obolibrary.org/obo/HP_0000001" },
              { "sub": "http://purl.obolibrary.org/obo/HP_0000118", "pred": "http://purl.obolibrary.org/obo/BFO_0000050", "obj": "http://purl.obolibrary.org/obo/UBERON_0000001" }
            ],
            "logicalDefinitionAxioms": [ { "definedClassId": "x", "genusIds": [ "y" ] } ]
          }, { "id": "second graph ignored", "nodes": [ { "id": "http://purl.obolibrary.org/obo/HP_0000002" } ] } ]
        }
        """;

    [Fact]
    public void Parse_obographs_json_reads_classes_edges_alt_ids_replacements_and_version()
    {
        HpoOntology o = ObographsParser.Parse(Encoding.UTF8.GetBytes(TinyJson), "hp.json", []);

        Assert.Equal("hp/releases/tiny-2", o.Version);
        Assert.Equal([1, 118, 400, 401], o.Numbers.Order());
        Assert.Equal("Phenotypic abnormality", o.Names[o.PhenotypicAbnormality]);
        Assert.Equal([1], o.Parents[o.PhenotypicAbnormality].Select(p => o.Numbers[p]));
        Assert.Equal(TermLookupKind.AltId, o.Lookup("HP:0000199").Kind);
        Assert.Equal(118, o.Numbers[o.Lookup("HP:0000400").Index]);
        Assert.Equal(["HP:0000001"], o.Lookup("HP:0000401").Consider!);
    }

    [Theory]
    [InlineData("{ \"graphs\": [ { \"nodes\": [ { \"id\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"graphs\": [] }")]
    [InlineData("{ \"graphs\": [ { \"nodes\": [] } ] }")]
    public void Parse_obographs_json_malformed_is_HPO003(string json)
    {
        HpoDataException ex = Assert.Throws<HpoDataException>(() => ObographsParser.Parse(Encoding.UTF8.GetBytes(json), "hp.json", []));

        Assert.Equal(HpoIssueCodes.OntologyMalformed, ex.Issue.Code);
    }
}
