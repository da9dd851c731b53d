using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Normalisation;
using OpenGms.Genomics.Reference;
using OpenGms.Kernel;
using OpenGms.Pharmacogenomics.Domain;
using OpenGms.Pharmacogenomics.Infrastructure;
using OpenGms.Testing;

namespace OpenGms.Pharmacogenomics.Tests;

/// <summary>Reading PGx sites through the engine: index selection, normalisation, re-expression against definitions.</summary>
public sealed class VcfReadingTests
{
    private const string Header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tA\tB\n";

    [Theory]
    [InlineData("CAT", "CAT", "CAT", "CAT")] // the reference is the site's reference
    [InlineData("C", "CAT", "CAT", "CATAT")] // shorter REF: extended with the site's bases
    [InlineData("C", "C", "CAT", "CAT")]
    [InlineData("CATAT", "CAT", "CAT", "C")] // longer REF (joined): trimmed back
    [InlineData("GA", "AA", "G", "A")] // a SNP joined with a deletion, back at the SNP site
    [InlineData("GA", "G", "G", "G")] // the deletion cannot be a SNP: kept as an allele no definition uses
    [InlineData("T", "<*>", "TG", "<*>")] // symbolic alleles are left alone
    public void Reexpress_writes_allele_against_site_reference(string recordRef, string allele, string siteRef, string expected)
    {
        Assert.Equal(expected, PgxVcfReader.Reexpress(recordRef, allele, siteRef));
    }

    [Fact]
    public void Read_split_records_at_one_site_are_joined()
    {
        // UGT1A1 *28/*37 style: three biallelic records at the (TA)n repeat written the way callers split them.
        using var dir = new TempDirectory();
        string path = dir.File("split.vcf");
        File.WriteAllText(path, Header
            + "2\t233760233\t.\tC\tCAT\t.\tPASS\t.\tGT\t1/0\t0/0\n"
            + "2\t233760233\t.\tCAT\tC\t.\tPASS\t.\tGT\t0/0\t0/1\n"
            + "2\t233760233\t.\tC\tCATAT\t.\tPASS\t.\tGT\t0/1\t1/0\n");

        Result<IReadOnlyList<SampleGenotypes>> read = PgxVcfReader.Read(path, Sites(("chr2", 233760233, "CAT")));

        Assert.True(read.IsSuccess, read.Error?.ToString());
        Assert.True(read.Value[0].TryGet("chr2", 233760233, out SampleAllele a));
        Assert.Equal(new SampleAllele("CATAT", "CATATAT", false, null), a);
        Assert.True(read.Value[1].TryGet("chr2", 233760233, out SampleAllele b));
        Assert.Equal(new SampleAllele("CATATAT", "C", false, null), b);
    }

    [Fact]
    public void Read_with_reference_left_aligns_indel_onto_site()
    {
        // chr9 (synthetic): ...G[ATGA]ATGA... the deletion of one ATGA written at its rightmost place must land on the
        // site PharmCAT defines at the leftmost place (anchor base before the repeat).
        using var dir = new TempDirectory();
        string sequence = new string('C', 99) + "GATGAATGAC" + new string('C', 91); // 1-based: 100 = G, 101..104 = ATGA
        string fasta = dir.File("ref.fa");
        File.WriteAllText(fasta, ">chr9\n" + sequence + "\n");
        string path = dir.File("shifted.vcf");
        File.WriteAllText(path, Header + "chr9\t104\t.\tAATGA\tA\t.\tPASS\t.\tGT\t0/1\t0/0\n");
        PgxSites sites = Sites(("chr9", 100, "GATGA"));
        using ReferenceGenome reference = ReferenceGenome.Open(fasta).Value;

        Result<IReadOnlyList<SampleGenotypes>> without = PgxVcfReader.Read(path, sites);
        Result<IReadOnlyList<SampleGenotypes>> with = PgxVcfReader.Read(path, sites, null, reference);

        Assert.False(without.Value[0].TryGet("chr9", 100, out _));
        Assert.True(with.Value[0].TryGet("chr9", 100, out SampleAllele a));
        Assert.Equal(new SampleAllele("GATGA", "G", false, null), a);
    }

    [Fact]
    public void Read_indexed_and_streamed_give_the_same_genotypes()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder(Header);
        for (int pos = 1000; pos < 400_000; pos += 97)
        {
            text.Append("chr6\t").Append(pos).Append("\t.\tT\tC\t.\tPASS\t.\tGT:PS\t0|1:").Append(pos / 1000).Append("\t1/1:.\n");
        }

        string plain = dir.File("many.vcf");
        File.WriteAllText(plain, text.ToString());
        string bgzf = dir.File("many.vcf.gz");
        using (var output = new BgzfWriteStream(File.Create(bgzf)))
        {
            output.Write(Encoding.UTF8.GetBytes(text.ToString()));
        }

        BgzfVcfIndexer.WriteTabix(bgzf);
        PgxSites sites = Sites(("chr6", 1000 + (97 * 5), "T"), ("chr6", 1000 + (97 * 3000), "T"), ("chr6", 50, "T"));

        Result<IReadOnlyList<SampleGenotypes>> streamed = PgxVcfReader.Read(plain, sites, null, null, out PgxVcfReader.Selection s1);
        Result<IReadOnlyList<SampleGenotypes>> indexed = PgxVcfReader.Read(bgzf, sites, null, null, out PgxVcfReader.Selection s2);

        Assert.Equal(PgxVcfReader.Selection.Streamed, s1);
        Assert.Equal(PgxVcfReader.Selection.Indexed, s2);
        foreach (int pos in (int[])[1000 + (97 * 5), 1000 + (97 * 3000)])
        {
            Assert.True(streamed.Value[0].TryGet("chr6", pos, out SampleAllele expected));
            Assert.True(indexed.Value[0].TryGet("chr6", pos, out SampleAllele actual));
            Assert.Equal(expected, actual);
            Assert.Equal(new SampleAllele("T", "C", true, (pos / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture)), actual);
        }

        Assert.Equal(2, indexed.Value[1].Count);
        Assert.Equal(streamed.Value[1].Count, indexed.Value[1].Count);
    }

    [Fact]
    public void Read_preprocessor_raw_vcf_agrees_with_pharmcat_preprocessed_output()
    {
        // PharmCAT's preprocessor test: raw.vcf (split records, no chr prefix, unnormalised indels) and its expected
        // output raw.preprocessed.vcf (bcftools norm -m+ -c ws against GRCh38, then PharmCAT's own representation).
        string tests = SharedData.PathOf("pgx/pharmcat-v3.1.1/preprocessor/tests");
        string pgx = SharedData.PathOf("pgx");
        DefinitionSet definitions = DefinitionLoader.Load([Path.Combine(pgx, "pharmcat-v3.1.1")]).Value;
        PgxSites sites = PgxSites.FromLoci(definitions.Genes.Values.SelectMany(g => g.Variants));

        IReadOnlyList<SampleGenotypes> raw = PgxVcfReader.Read(Path.Combine(tests, "raw.vcf"), sites).Value;
        IReadOnlyList<SampleGenotypes> expected = PgxVcfReader.Read(Path.Combine(tests, "raw.preprocessed.vcf"), sites).Value;

        // Sites whose raw record needs left-alignment (no GRCh38 FASTA in shared/data): chr1:97740410 (DPYD),
        // chr10:94942205 (CYP2C9), chr19:38499644 (RYR1). chr7:117509035 (CFTR): PharmCAT keeps only the record that
        // matches its SNP definition and filters the deletion (PCATxREF); we keep the deletion as an undocumented allele.
        (string Chromosome, int Position)[] needsReference = [("chr1", 97740410), ("chr10", 94942205), ("chr19", 38499644)];
        (string Chromosome, int Position)[] compared =
        [
            ("chr1", 97078987), ("chr1", 97450065), ("chr2", 233760233), ("chr13", 48037782), ("chr19", 38448712),
            ("chr19", 40991381), ("chr22", 42130727), ("chrX", 154532046), ("chrX", 154532055),
        ];
        for (int s = 0; s < 2; s++)
        {
            foreach ((string chromosome, int position) in compared)
            {
                Assert.True(expected[s].TryGet(chromosome, position, out SampleAllele want), $"{chromosome}:{position} not in the expected output");
                Assert.True(raw[s].TryGet(chromosome, position, out SampleAllele got), $"{chromosome}:{position} not read from raw.vcf");
                Assert.Equal(Sorted(want), Sorted(got));
            }

            foreach ((string chromosome, int position) in needsReference)
            {
                Assert.True(expected[s].TryGet(chromosome, position, out _));
                Assert.False(raw[s].TryGet(chromosome, position, out _));
            }
        }
    }

    private static (string?, string?) Sorted(SampleAllele a) =>
        string.CompareOrdinal(a.Allele1, a.Allele2) <= 0 ? (a.Allele1, a.Allele2) : (a.Allele2, a.Allele1);

    private static PgxSites Sites(params (string Chromosome, int Position, string Ref)[] sites) =>
        PgxSites.FromLoci(sites.Select(s => new VariantLocus(s.Chromosome, s.Position, null, s.Ref, [])));
}
