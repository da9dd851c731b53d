using System.Text;
using OpenGms.Genomics.Annotation.GeneModels;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Annotation;

public sealed class GeneModelReaderTests
{
    private const string Gff3Header = "##gff-version 3\n";

    private static GeneModel Read(string text, GeneModelFormat format) =>
        GeneModelReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test", format);

    [Fact]
    public void Read_ensembl_gff3_builds_transcript_with_cds_phase_and_tags()
    {
        string text = Gff3Header
            + "1\tensembl\tgene\t100\t900\t.\t-\t.\tID=gene:G1;Name=ABC;biotype=protein_coding;gene_id=G1\n"
            + "1\tensembl\tmRNA\t100\t900\t.\t-\t.\tID=transcript:T1;Parent=gene:G1;biotype=protein_coding;tag=basic,Ensembl_canonical,MANE_Select;transcript_id=T1;version=3\n"
            + "1\tensembl\texon\t100\t300\t.\t-\t.\tParent=transcript:T1\n"
            + "1\tensembl\texon\t500\t900\t.\t-\t.\tParent=transcript:T1\n"
            + "1\tensembl\tCDS\t200\t300\t.\t-\t2\tID=CDS:P1;Parent=transcript:T1;protein_id=P1\n"
            + "1\tensembl\tCDS\t500\t800\t.\t-\t0\tID=CDS:P1;Parent=transcript:T1;protein_id=P1\n";

        GeneModel model = Read(text, GeneModelFormat.Gff3);

        Assert.Empty(model.Issues);
        Transcript t = Assert.Single(model.Transcripts);
        Assert.Equal("T1.3", t.VersionedId);
        Assert.Equal("ABC", t.GeneName);
        Assert.Equal(Strand.Reverse, t.Strand);
        Assert.Equal((200, 800), (t.CodingStart, t.CodingEnd));
        Assert.Equal(0, t.StartPhase);
        Assert.Equal(TranscriptTags.Basic | TranscriptTags.Canonical | TranscriptTags.ManeSelect, t.Tags);
        Assert.Equal("P1", t.ProteinId);
        Assert.Equal(2, t.ExonNumber(0));
    }

    [Fact]
    public void Read_gtf_adds_stop_codon_to_cds()
    {
        string text =
            "1\th\texon\t10\t50\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\"; gene_name \"X\"; transcript_biotype \"protein_coding\"; tag \"MANE_Select\";\n"
            + "1\th\tCDS\t20\t40\t.\t+\t0\tgene_id \"G\"; transcript_id \"T\"; protein_id \"P\";\n"
            + "1\th\tstop_codon\t41\t43\t.\t+\t0\tgene_id \"G\"; transcript_id \"T\";\n";

        Transcript t = Assert.Single(Read(text, GeneModelFormat.Gtf).Transcripts);

        Assert.Equal((20, 43), (t.CodingStart, t.CodingEnd));
        Assert.Equal(TranscriptTags.ManeSelect, t.Tags);
        Assert.Equal("X", t.GeneName);
    }

    [Theory]
    [InlineData("1\tx\texon\t10\n", "ANN001", 5)]
    [InlineData("1\tx\texon\tten\t50\t.\t+\t.\tParent=t\n", "ANN002", 4)]
    [InlineData("1\tx\texon\t60\t50\t.\t+\t.\tParent=t\n", "ANN003", 5)]
    [InlineData("1\tx\texon\t10\t50\t.\tx\t.\tParent=t\n", "ANN004", 7)]
    [InlineData("1\tx\tCDS\t10\t50\t.\t+\t5\tParent=t\n", "ANN005", 8)]
    [InlineData("1\tx\texon\t10\t50\t.\t+\t.\tName=x\n", "ANN006", 9)]
    public void Read_malformed_gff3_line_reports_code_line_and_column(string bad, string code, int column)
    {
        string text = Gff3Header + "1\tx\tmRNA\t10\t50\t.\t+\t.\tID=t\n" + bad;

        GeneModel model = Read(text, GeneModelFormat.Gff3);

        GeneModelIssue issue = Assert.Single(model.Issues);
        Assert.Equal(code, issue.Code);
        Assert.Equal(3, issue.Line);
        Assert.Equal(column, issue.Column);
    }

    [Fact]
    public void Read_gtf_given_as_gff3_is_rejected()
    {
        string text = "1\th\texon\t10\t50\t.\t+\t.\tgene_id \"G\"; transcript_id \"T\";\n";

        GeneModel model = Read(text, GeneModelFormat.Gff3);

        Assert.Empty(model.Transcripts);
        Assert.Equal("ANN010", Assert.Single(model.Issues).Code);
    }

    [Fact]
    public void Read_fasta_given_as_gff3_is_rejected()
    {
        GeneModel model = Read(">chr1\nACGTACGT\n", GeneModelFormat.Gff3);

        Assert.Equal("ANN010", Assert.Single(model.Issues).Code);
    }

    [Fact]
    public void Read_vep_chr21_gtf_and_gff3_agree_on_shared_transcripts()
    {
        string gtf = SharedData.PathOf("variants/gene-models/ensembl-vep/custom/test.gtf.gz");
        string gff = SharedData.PathOf("variants/gene-models/ensembl-vep/custom/test.gff.gz");

        GeneModel fromGtf = GeneModelReader.Read(gtf, GeneModelFormat.Gtf);
        GeneModel fromGff = GeneModelReader.Read(gff, GeneModelFormat.Gff3);

        Assert.Empty(fromGtf.Issues);
        Assert.Empty(fromGff.Issues);
        Dictionary<string, Transcript> byId = fromGff.Transcripts.ToDictionary(t => t.Id, StringComparer.Ordinal);
        int shared = 0;
        foreach (Transcript t in fromGtf.Transcripts)
        {
            if (!byId.TryGetValue(t.Id, out Transcript? other))
            {
                continue;
            }

            shared++;
            Assert.Equal(other.ExonStarts.ToArray(), t.ExonStarts.ToArray());
            Assert.Equal(other.ExonEnds.ToArray(), t.ExonEnds.ToArray());
            Assert.Equal((other.CodingStart, other.CodingEnd), (t.CodingStart, t.CodingEnd));
        }

        Assert.True(shared > 50, $"{shared} shared transcripts");
    }

    [Fact]
    public void Read_refseq_gff3_maps_mrna_to_protein_coding_with_accession()
    {
        string gff = SharedData.PathOf("variants/gene-models/ensembl-vep/custom/refseq.gff.gz");

        GeneModel model = GeneModelReader.Read(gff, GeneModelFormat.Gff3);

        Assert.Empty(model.Issues);
        Transcript nm = model.Transcripts.First(t => t.Id.StartsWith("NM_", StringComparison.Ordinal));
        Assert.Equal("protein_coding", nm.Biotype);
        Assert.True(nm.IsCoding);
        Assert.Contains(model.Transcripts, t => t.Id.StartsWith("NR_", StringComparison.Ordinal) && t.Biotype == "lncRNA");
    }
}
