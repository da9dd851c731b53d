using System.Text;
using OpenGms.Genomics.Bgzf;
using OpenGms.Genomics.Reference;
using OpenGms.Genomics.Validation;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Validation;

/// <summary>
/// <c>validate --reference</c> (VCF037) and the BGZF end-of-file check (VCF039). Reference:
/// tests/TestData/reference/small.fa, chr1 = ACGTACGTAC gtacgtNNAC ACG (soft-masked, with two Ns), chr2 = TTTTTGGGGGCC.
/// </summary>
public sealed class ReferenceAndEofTests
{
    private const string Header =
        "##fileformat=VCFv4.3\n##contig=<ID=chr1,length=23>\n##contig=<ID=chr2,length=12>\n##contig=<ID=chr3,length=5>\n" +
        "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    private static List<VcfIssue> Validate(string records, bool withReference = true, bool bgzf = false, bool dropEof = false)
    {
        using var temp = new TempDirectory();
        string fasta = temp.File("small.fa");
        File.Copy(RepoPaths.TestData("reference/small.fa"), fasta);
        string vcf = temp.File(bgzf ? "in.vcf.gz" : "in.vcf");
        byte[] text = Encoding.UTF8.GetBytes(Header + records);
        if (bgzf)
        {
            using (var file = File.Create(vcf))
            using (var writer = new BgzfWriteStream(file))
            {
                writer.Write(text);
            }

            if (dropEof)
            {
                byte[] all = File.ReadAllBytes(vcf);
                File.WriteAllBytes(vcf, all[..^28]);
            }
        }
        else
        {
            File.WriteAllBytes(vcf, text);
        }

        using ReferenceGenome? reference = withReference ? ReferenceGenome.Open(fasta).Value : null;
        return [.. VcfValidator.Validate(vcf, VcfValidationMode.Strict, 100, null, reference).Issues];
    }

    [Theory]
    [InlineData("chr1\t1\t.\tA\tC\t.\t.\t.\n")]
    [InlineData("chr1\t2\t.\tCGT\tC\t.\t.\t.\n")]
    [InlineData("chr1\t11\t.\tG\tA\t.\t.\t.\n")] // soft-masked (lower case) in the FASTA
    [InlineData("chr1\t11\t.\tgtac\tg\t.\t.\t.\n")]
    [InlineData("chr1\t17\t.\tA\tC\t.\t.\t.\n")] // an N in the reference matches any base
    [InlineData("chr2\t5\t.\tN\tC\t.\t.\t.\n")] // an N in REF matches any base
    public void Validate_ref_matching_reference_reports_nothing(string record)
    {
        Assert.DoesNotContain(Validate(record), i => i.Code == VcfIssueCodes.ReferenceMismatch);
    }

    [Theory]
    [InlineData("chr1\t1\t.\tC\tA\t.\t.\t.\n")]
    [InlineData("chr2\t4\t.\tTGG\tT\t.\t.\t.\n")]
    [InlineData("chr1\t22\t.\tCGA\tC\t.\t.\t.\n")] // runs past the contig's end
    public void Validate_ref_differing_from_reference_reports_VCF037_on_REF(string record)
    {
        VcfIssue issue = Assert.Single(Validate(record), i => i.Code == VcfIssueCodes.ReferenceMismatch);

        Assert.Equal(("REF", 4, VcfSeverity.Error, 6L), (issue.Field, issue.Column, issue.Severity, issue.Line));
    }

    [Fact]
    public void Validate_contig_missing_from_reference_reports_VCF037_once_on_CHROM()
    {
        List<VcfIssue> issues = Validate("chr3\t1\t.\tA\tC\t.\t.\t.\nchr3\t2\t.\tA\tC\t.\t.\t.\n");

        VcfIssue issue = Assert.Single(issues, i => i.Code == VcfIssueCodes.ReferenceMismatch);
        Assert.Equal("CHROM", issue.Field);
    }

    [Fact]
    public void Validate_without_reference_does_not_check_ref()
    {
        Assert.DoesNotContain(Validate("chr1\t1\t.\tC\tA\t.\t.\t.\n", withReference: false), i => i.Code == VcfIssueCodes.ReferenceMismatch);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void Validate_bgzf_without_eof_block_warns_VCF039(bool dropEof, bool expected)
    {
        List<VcfIssue> issues = Validate("chr1\t1\t.\tA\tC\t.\t.\t.\n", withReference: false, bgzf: true, dropEof: dropEof);

        Assert.Equal(expected, issues.Any(i => i.Code == VcfIssueCodes.MissingEofBlock && i.Severity == VcfSeverity.Warning));
    }
}
