using System.Globalization;
using System.Text;
using OpenGms.Genomics.Annotation;
using OpenGms.Genomics.Annotation.Consequences;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Genomics.Vcf;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Annotation;

/// <summary>
/// The CSQ INFO field as <c>gms annotate</c> writes it (UTF-8 bytes straight into the output buffer): header and
/// field order, percent-encoding of characters INFO does not allow, several ALTs and transcripts per record, and a
/// string-built reference implementation as the oracle on real sequence (FBN1).
/// </summary>
public sealed class CsqOutputTests
{
    private const string ExpectedFormat = "Allele|Consequence|SYMBOL|Gene|Feature|BIOTYPE|STRAND|EXON|INTRON|HGVSc|HGVSp|Protein_position|Amino_acids|DISTANCE|MANE_SELECT|CANONICAL|HGVSg";

    // A forward coding transcript (T1, gene symbol with every character INFO forbids, GFF3-percent-encoded; MANE and
    // canonical) and a reverse lncRNA (T2) that overlaps its second exon, on a synthetic 7 kb sequence.
    private const string Gff3 = """
        ##gff-version 3
        chr1	sim	gene	51	150	.	+	.	ID=gene:G1;Name=AB%3BC%2CD%3DE%7CF%20G%25H;biotype=protein_coding;gene_id=G1
        chr1	sim	mRNA	51	150	.	+	.	ID=transcript:T1;Parent=gene:G1;biotype=protein_coding;tag=Ensembl_canonical,MANE_Select;transcript_id=T1;version=2
        chr1	sim	exon	51	80	.	+	.	Parent=transcript:T1
        chr1	sim	CDS	56	80	.	+	0	ID=CDS:T1;Parent=transcript:T1;protein_id=P1
        chr1	sim	exon	121	150	.	+	.	Parent=transcript:T1
        chr1	sim	CDS	121	141	.	+	2	ID=CDS:T1;Parent=transcript:T1;protein_id=P1
        chr1	sim	gene	100	200	.	-	.	ID=gene:G2;Name=REV;biotype=lncRNA;gene_id=G2
        chr1	sim	lnc_RNA	100	200	.	-	.	ID=transcript:T2;Parent=gene:G2;biotype=lncRNA;transcript_id=T2
        chr1	sim	exon	100	200	.	-	.	Parent=transcript:T2

        """;

    private const string Vcf = """
        ##fileformat=VCFv4.2
        ##contig=<ID=chr1,length=7000>
        #CHROM	POS	ID	REF	ALT	QUAL	FILTER	INFO
        chr1	60	.	A	C,G	.	.	DP=5
        chr1	129	rs1	ACGT	A	50	PASS	.
        chr1	250	.	G	T	.	.	.
        chr1	6900	.	C	A,<DEL>	.	.	END=6950

        """;

    /// <summary>
    /// What the string-built writer (before the byte writer) wrote for <see cref="Vcf"/>; checked by hand: two ALTs
    /// times two transcripts give four entries in ALT-then-transcript order, INFO "." is replaced and DP=5 kept.
    /// </summary>
    private static readonly string[] s_expectedRecords =
    [
        "chr1\t60\t.\tA\tC,G\t.\t.\tDP=5;CSQ=C|missense_variant|AB%3BC%2CD%3DE%7CF%20G%25H|G1|T1.2|protein_coding|1|1/2||T1.2:c.5A>C|P1:p.His2Pro|2|H/P||YES|YES|chr1:g.60A>C,C|downstream_gene_variant|REV|G2|T2|lncRNA|-1|||||||40|||chr1:g.60A>C,G|missense_variant|AB%3BC%2CD%3DE%7CF%20G%25H|G1|T1.2|protein_coding|1|1/2||T1.2:c.5A>G|P1:p.His2Arg|2|H/R||YES|YES|chr1:g.60A>G,G|downstream_gene_variant|REV|G2|T2|lncRNA|-1|||||||40|||chr1:g.60A>G",
        "chr1\t129\trs1\tACGT\tA\t50\tPASS\tCSQ=A|inframe_deletion|AB%3BC%2CD%3DE%7CF%20G%25H|G1|T1.2|protein_coding|1|2/2||T1.2:c.35_37del|P1:p.Thr12_Tyr13delinsAsn|12|TY/N||YES|YES|chr1:g.130_132del,A|non_coding_transcript_exon_variant|REV|G2|T2|lncRNA|-1|1/1||T2:n.69_71del|||||||chr1:g.130_132del",
        "chr1\t250\t.\tG\tT\t.\t.\tCSQ=T|downstream_gene_variant|AB%3BC%2CD%3DE%7CF%20G%25H|G1|T1.2|protein_coding|1|||||||100|YES|YES|chr1:g.250G>T,T|upstream_gene_variant|REV|G2|T2|lncRNA|-1|||||||50|||chr1:g.250G>T",
        "chr1\t6900\t.\tC\tA,<DEL>\t.\t.\tEND=6950;CSQ=A|intergenic_variant||||||||||||||chr1:g.6900C>A,<DEL>|intergenic_variant||||||||||||||chr1:g.6901_6950del",
    ];

    [Fact]
    public void Run_vcf_header_declares_csq_fields_in_order()
    {
        string[] lines = AnnotateSynthetic();

        Assert.Equal(ExpectedFormat, VcfAnnotator.CsqFormat);
        string header = Assert.Single(lines, l => l.StartsWith("##INFO=<ID=CSQ,", StringComparison.Ordinal));
        Assert.Equal("##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from OpenGMS. Format: " + ExpectedFormat + "\">", header);
        Assert.True(Array.IndexOf(lines, header) < Array.FindIndex(lines, l => l.StartsWith("#CHROM", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_vcf_records_match_the_golden_output()
    {
        string[] records = AnnotateSynthetic().Where(l => l.Length > 0 && l[0] != '#').ToArray();

        Assert.Equal(s_expectedRecords, records);
    }

    [Fact]
    public void Run_escapes_characters_not_allowed_in_info()
    {
        string csq = CsqOf(AnnotateSynthetic().Single(l => l.StartsWith("chr1\t250\t", StringComparison.Ordinal)));

        string[] entries = csq.Split(',');
        Assert.Equal(2, entries.Length);
        string[] fields = entries[0].Split('|');
        Assert.Equal(17, fields.Length);
        Assert.Equal("AB%3BC%2CD%3DE%7CF%20G%25H", fields[2]);
        Assert.DoesNotContain(' ', csq);
        Assert.DoesNotContain(';', csq);
        Assert.DoesNotContain('=', csq);
    }

    [Fact]
    public void Run_multiple_alts_and_transcripts_write_one_entry_per_pair_alt_first()
    {
        string csq = CsqOf(AnnotateSynthetic().Single(l => l.StartsWith("chr1\t60\t", StringComparison.Ordinal)));

        string[][] entries = csq.Split(',').Select(e => e.Split('|')).ToArray();
        Assert.Equal(4, entries.Length);
        Assert.All(entries, e => Assert.Equal(17, e.Length));
        Assert.Equal(["C", "C", "G", "G"], entries.Select(e => e[0]));
        Assert.Equal(["T1.2", "T2", "T1.2", "T2"], entries.Select(e => e[4]));
        Assert.Equal(["1", "-1", "1", "-1"], entries.Select(e => e[6]));
        Assert.Equal(["chr1:g.60A>C", "chr1:g.60A>C", "chr1:g.60A>G", "chr1:g.60A>G"], entries.Select(e => e[16]));
    }

    [Fact]
    public void Run_symbolic_structural_variants_get_VEPs_structural_terms()
    {
        // T1: + strand, exons 51-80 and 121-150 (CDS 56-141); T2: - strand lncRNA, one exon 100-200.
        const string Vcf = """
            ##fileformat=VCFv4.3
            ##contig=<ID=chr1,length=7000>
            ##INFO=<ID=END,Number=1,Type=Integer,Description="End">
            ##INFO=<ID=SVLEN,Number=A,Type=Integer,Description="Length">
            #CHROM	POS	ID	REF	ALT	QUAL	FILTER	INFO
            chr1	40	.	N	<DEL>	.	.	END=210
            chr1	60	.	N	<DUP:TANDEM>	.	.	SVLEN=10
            chr1	90	.	N	<INV>	.	.	END=110
            chr1	95	.	N	<CNV>	.	.	END=99
            chr1	96	.	N	<DEL>	.	.	.

            """;
        using var temp = new TempDirectory();
        string vcf = temp.File("sv.vcf");
        File.WriteAllText(vcf, Vcf.Replace("\r\n", "\n", StringComparison.Ordinal));

        string[] records = Annotate(SyntheticCache(temp, out _), vcf).Where(l => l.Length > 0 && l[0] != '#').ToArray();
        Dictionary<string, string[][]> byRecord = records.ToDictionary(
            r => string.Join(':', r.Split('\t')[1], r.Split('\t')[4]),
            r => CsqOf(r).Split(',').Select(e => e.Split('|')).ToArray());

        string Terms(string key, string feature) => Assert.Single(byRecord[key], e => e[4] == feature)[1];

        Assert.Equal("transcript_ablation", Terms("40:<DEL>", "T1.2"));
        Assert.Equal("transcript_ablation", Terms("40:<DEL>", "T2"));
        Assert.Equal("chr1:g.41_210del", byRecord["40:<DEL>"][0][16]);
        Assert.Equal("feature_elongation&coding_sequence_variant", Terms("60:<DUP:TANDEM>", "T1.2"));
        Assert.Equal("chr1:g.61_70dup", byRecord["60:<DUP:TANDEM>"][0][16]);
        Assert.Equal("intron_variant", Terms("90:<INV>", "T1.2"));
        Assert.Equal("feature_truncation&non_coding_transcript_exon_variant", Terms("90:<INV>", "T2"));

        // A CNV's direction differs per sample, and a DEL without END or SVLEN cannot be placed: no transcripts.
        Assert.Equal("intergenic_variant", Assert.Single(byRecord["95:<CNV>"])[1]);
        Assert.Equal("intergenic_variant", Assert.Single(byRecord["96:<DEL>"])[1]);
    }

    [Fact]
    public void Run_csq_matches_a_string_built_reference_on_real_sequence()
    {
        string gff = SharedData.PathOf("variants/extra/grch37-fbn1/transcript.gff3");
        string fasta = SharedData.PathOf("variants/extra/grch37-fbn1/ref.fa");
        using var temp = new TempDirectory();
        GeneModel model = GeneModelReader.Read(gff, GeneModelFormat.Gff3);
        Assert.True(AnnotationCache.Build(model, gff, GeneModelFormat.Gff3, fasta, temp.File("cache"), "GRCh37", false, TimeProvider.System).IsSuccess);
        AnnotationCache cache = AnnotationCache.Load(temp.File("cache")).Value;
        string sequence = string.Concat(File.ReadLines(fasta).Skip(1)).ToUpperInvariant();
        string vcf = temp.File("in.vcf");
        File.WriteAllText(vcf, FbnVariants.Random(sequence, 3000, seed: 5, twoAltRecords: true));

        string[] records = Annotate(cache, vcf).Where(l => l.Length > 0 && l[0] != '#').ToArray();

        var annotator = new VariantAnnotator(cache.Transcripts, cache.Sequence);
        Assert.Equal(3000, records.Length);
        foreach (string record in records)
        {
            string[] columns = record.Split('\t');
            var expected = new StringBuilder();
            foreach (string alt in columns[4].Split(','))
            {
                ReferenceAppend(expected, annotator.Annotate("ref", int.Parse(columns[1], CultureInfo.InvariantCulture), columns[3], alt));
            }

            Assert.Equal(expected.ToString(), CsqOf(record));
        }
    }

    [Fact]
    public void Run_intergenic_substitutions_written_from_bytes_match_the_general_path()
    {
        // Most records of a genome are substitutions far from any transcript; VcfAnnotator writes those straight from
        // the line. Random records over the whole synthetic sequence (transcripts at 51-200, so from 5,201 on nothing
        // is within 5 kb), with upper- and lower-case bases, N, ALT equal to REF, '*', two ALTs and INFO or none:
        // every record's CSQ must be what the general path (VariantAnnotator, string-built writer) gives.
        using var temp = new TempDirectory();
        AnnotationCache cache = SyntheticCache(temp, out string sequence);
        var random = new Random(17);
        string[] alleles = ["A", "C", "G", "T", "N", "a", "g", "*"];
        var vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=chr1,length=7000>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        var inputs = new List<string[]>();
        int position = 0;
        while ((position += 1 + random.Next(12)) <= 7000)
        {
            string reference = random.Next(10) == 0 ? alleles[random.Next(alleles.Length - 1)] : sequence[position - 1].ToString();
            string alt = alleles[random.Next(alleles.Length)] + (random.Next(15) == 0 ? "," + alleles[random.Next(4)] : string.Empty);
            string[] columns = ["chr1", position.ToString(CultureInfo.InvariantCulture), ".", reference, alt, ".", "PASS", random.Next(2) == 0 ? "." : "DP=7"];
            inputs.Add(columns);
            vcf.AppendJoin('\t', columns).Append('\n');
        }

        string path = temp.File("in.vcf");
        File.WriteAllText(path, vcf.ToString());
        string[] records = Annotate(cache, path).Where(l => l.Length > 0 && l[0] != '#').ToArray();

        var annotator = new VariantAnnotator(cache.Transcripts, cache.Sequence);
        Assert.Equal(inputs.Count, records.Length);
        int intergenicSubstitutions = 0;
        for (int i = 0; i < records.Length; i++)
        {
            string[] input = inputs[i];
            var expected = new StringBuilder();
            foreach (string alt in input[4].Split(','))
            {
                AlleleAnnotation a = annotator.Annotate("chr1", int.Parse(input[1], CultureInfo.InvariantCulture), input[3], alt);
                ReferenceAppend(expected, a);
                bool plain = input[3].Length == 1 && alt.Length == 1 && char.IsAsciiLetterUpper(input[3][0]) && char.IsAsciiLetterUpper(alt[0]) && input[3] != alt;
                intergenicSubstitutions += plain && a.Transcripts.Count == 0 && !input[4].Contains(',', StringComparison.Ordinal) ? 1 : 0;
            }

            string info = input[7] == "." ? string.Empty : input[7] + ";";
            Assert.Equal(string.Join('\t', input[..7]) + "\t" + info + "CSQ=" + expected, records[i]);
        }

        // The byte path was taken (its conditions hold for these), and the general one for the rest.
        Assert.True(intergenicSubstitutions > 100, $"{intergenicSubstitutions} intergenic substitutions");
        Assert.True(records.Length - intergenicSubstitutions > 100);
    }

    /// <summary>The CSQ writer as it was before it wrote bytes: a StringBuilder per record.</summary>
    private static void ReferenceAppend(StringBuilder csq, AlleleAnnotation a)
    {
        if (a.Transcripts.Count == 0)
        {
            Separate(csq).Append(Escape(a.Alternate)).Append('|').Append(a.MostSevere.Name()).Append("||||||||||||||").Append(Escape(a.HgvsG));
            return;
        }

        foreach (TranscriptAnnotation t in a.Transcripts)
        {
            Transcript tx = t.Transcript;
            Separate(csq).Append(Escape(a.Alternate)).Append('|')
                .Append(t.Consequences.ToString()).Append('|')
                .Append(Escape(tx.GeneName)).Append('|')
                .Append(Escape(tx.GeneId)).Append('|')
                .Append(Escape(tx.VersionedId)).Append('|')
                .Append(Escape(tx.Biotype)).Append('|')
                .Append(tx.Strand == Strand.Forward ? "1" : "-1").Append('|')
                .Append(t.ExonText()).Append('|')
                .Append(t.IntronText()).Append('|')
                .Append(Escape(t.HgvsC)).Append('|')
                .Append(Escape(t.HgvsP)).Append('|')
                .Append(t.ProteinStart > 0 ? t.ProteinStart.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('|')
                .Append(Escape(t.AminoAcids)).Append('|')
                .Append(t.Distance > 0 ? t.Distance.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('|')
                .Append((tx.Tags & TranscriptTags.ManeSelect) != 0 ? "YES" : string.Empty).Append('|')
                .Append((tx.Tags & TranscriptTags.Canonical) != 0 ? "YES" : string.Empty).Append('|')
                .Append(Escape(a.HgvsG));
        }
    }

    private static StringBuilder Separate(StringBuilder csq) => csq.Length > 0 ? csq.Append(',') : csq;

    private static string Escape(string? value) => value is null ? string.Empty : value
        .Replace("%", "%25", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal)
        .Replace(";", "%3B", StringComparison.Ordinal).Replace("=", "%3D", StringComparison.Ordinal)
        .Replace("|", "%7C", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal)
        .Replace("\t", "%09", StringComparison.Ordinal);

    private static string CsqOf(string record)
    {
        string info = record.Split('\t')[7];
        string entry = Assert.Single(info.Split(';'), e => e.StartsWith("CSQ=", StringComparison.Ordinal));
        return entry["CSQ=".Length..];
    }

    private static string[] AnnotateSynthetic()
    {
        using var temp = new TempDirectory();
        string vcf = temp.File("in.vcf");
        File.WriteAllText(vcf, Vcf);
        return Annotate(SyntheticCache(temp, out _), vcf);
    }

    /// <summary>The cache of <see cref="Gff3"/> on a fixed 7 kb sequence (returned upper-case, without line breaks).</summary>
    private static AnnotationCache SyntheticCache(TempDirectory temp, out string bases)
    {
        string gff = temp.File("genes.gff3");
        string fasta = temp.File("ref.fa");
        File.WriteAllText(gff, Gff3);
        var sequence = new StringBuilder();
        for (int i = 0; i < 7000; i++)
        {
            // A fixed, irregular sequence (the golden output depends on it).
            sequence.Append("ACGT"[((i * 37) ^ (i >> 3)) & 3]);
        }

        bases = sequence.ToString();
        File.WriteAllText(fasta, ">chr1\n" + string.Join('\n', bases.Chunk(60).Select(c => new string(c))) + "\n");
        GeneModel model = GeneModelReader.Read(gff, GeneModelFormat.Gff3);
        Assert.True(AnnotationCache.Build(model, gff, GeneModelFormat.Gff3, fasta, temp.File("cache"), "sim", false, TimeProvider.System).IsSuccess);
        return AnnotationCache.Load(temp.File("cache")).Value;
    }

    private static string[] Annotate(AnnotationCache cache, string vcf)
    {
        using VcfReader reader = VcfReader.Open(vcf);
        using var output = new MemoryStream();
        _ = new VcfAnnotator(cache) { Parallelism = 1 }.Run(reader, output, AnnotationOutputFormat.Vcf, null, CancellationToken.None);
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n');
    }
}
