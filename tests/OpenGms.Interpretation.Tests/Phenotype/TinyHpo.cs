namespace OpenGms.Interpretation.Tests.Phenotype;

/// <summary>
/// A hand-made ontology and annotation set small enough to compute information content and Resnik similarity by hand.
/// <code>
/// All (1)
/// └─ Phenotypic abnormality (118)
///    ├─ A (100) ── A1 (101), A2 (102)
///    └─ B (200) ── B1 (201)
///    AB (300) is_a A1 and is_a B1
/// Mode of inheritance (5) ── Autosomal dominant (6)   (not a phenotype: never scored)
/// </code>
/// Diseases: D1 {A1} gene G1; D2 {A2, B1} gene G2; D3 {AB} gene G2; D4 {B} gene G3. N = 4 diseases.
/// </summary>
internal static class TinyHpo
{
    public const string Obo = """
        format-version: 1.4
        data-version: hp/releases/tiny-1

        [Term]
        id: HP:0000001
        name: All

        [Term]
        id: HP:0000118
        name: Phenotypic abnormality
        is_a: HP:0000001 ! All

        [Term]
        id: HP:0000100
        name: A
        alt_id: HP:0000199
        is_a: HP:0000118 ! Phenotypic abnormality

        [Term]
        id: HP:0000101
        name: A1
        is_a: HP:0000100 ! A

        [Term]
        id: HP:0000102
        name: A2
        is_a: HP:0000100 {source="test"} ! A

        [Term]
        id: HP:0000200
        name: B
        is_a: HP:0000118

        [Term]
        id: HP:0000201
        name: B1
        is_a: HP:0000200 ! B

        [Term]
        id: HP:0000300
        name: AB
        is_a: HP:0000101 ! A1
        is_a: HP:0000201 ! B1

        [Term]
        id: HP:0000005
        name: Mode of inheritance
        is_a: HP:0000001

        [Term]
        id: HP:0000006
        name: Autosomal dominant inheritance
        is_a: HP:0000005

        [Term]
        id: HP:0000400
        name: obsolete A1 old
        is_obsolete: true
        replaced_by: HP:0000101

        [Term]
        id: HP:0000401
        name: obsolete vague
        is_obsolete: true
        consider: HP:0000100
        consider: HP:0000200

        [Typedef]
        id: part_of
        name: part of
        """;

    public const string GenesToPhenotype = """
        ncbi_gene_id	gene_symbol	hpo_id	hpo_name	frequency	disease_id
        1	G1	HP:0000101	A1	-	OMIM:1
        1	G1	HP:0000006	Autosomal dominant inheritance	-	OMIM:1
        2	G2	HP:0000102	A2	1/2	OMIM:2
        2	G2	HP:0000201	B1	-	OMIM:2
        2	G2	HP:0000300	AB	-	OMIM:3
        2	G2	HP:0000200	B	HP:0040285	OMIM:3
        3	G3	HP:0000200	B	-	OMIM:4
        """;

    /// <summary>Writes the two files into a fresh temporary directory and returns it.</summary>
    public static string WriteDirectory(string? obo = null, string? genes = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "gms-tinyhpo-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "hp.obo"), obo ?? Obo);
        if (genes is not null || obo is null)
        {
            File.WriteAllText(Path.Combine(dir, "genes_to_phenotype.txt"), genes ?? GenesToPhenotype);
        }

        return dir;
    }
}
