using OpenGms.Genomics.Validation;
using OpenGms.Testing;

namespace OpenGms.Genomics.Tests.Validation;

/// <summary>The hts-specs conformance folders: every passed file validates, every failed file is rejected with an issue of the right kind.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    // Which issue codes name the problem each group of failed files is about (by file-name prefix).
    private static readonly (string Prefix, string[] Codes)[] s_expected =
    [
        ("failed_body_alt", [VcfIssueCodes.InvalidAlt]),
        ("failed_body_chrom", [VcfIssueCodes.InvalidChrom]),
        ("failed_body_contiguous", [VcfIssueCodes.NonContiguous]),
        ("failed_body_duplicated", [VcfIssueCodes.Duplicate]),
        ("failed_body_filter", [VcfIssueCodes.InvalidFilter]),
        ("failed_body_format", [VcfIssueCodes.InvalidFormat, VcfIssueCodes.SampleFields, VcfIssueCodes.InvalidGenotype]),
        ("failed_body_id", [VcfIssueCodes.InvalidId]),
        ("failed_body_info", [VcfIssueCodes.InvalidInfo, VcfIssueCodes.TypeMismatch, VcfIssueCodes.CountMismatch, VcfIssueCodes.IntegerRange]),
        ("failed_body_no_newline", [VcfIssueCodes.MissingNewline]),
        ("failed_body_pos", [VcfIssueCodes.InvalidPos]),
        ("failed_body_qual", [VcfIssueCodes.InvalidQual]),
        ("failed_body_ref", [VcfIssueCodes.InvalidRef]),
        ("failed_body_samples_ploidy", [VcfIssueCodes.PloidyMismatch, VcfIssueCodes.CountMismatch]),
        ("failed_body_sample", [VcfIssueCodes.SampleFields, VcfIssueCodes.InvalidGenotype, VcfIssueCodes.GenotypeAlleleRange, VcfIssueCodes.TypeMismatch, VcfIssueCodes.CountMismatch, VcfIssueCodes.DuplicateSample, VcfIssueCodes.ColumnCount]),
        ("failed_body_unsorted", [VcfIssueCodes.Unsorted]),
        ("failed_empty", [VcfIssueCodes.EmptyFile, VcfIssueCodes.ColumnLine, VcfIssueCodes.FileFormat]),
        ("failed_fileformat", [VcfIssueCodes.FileFormat]),
        ("failed_header", [VcfIssueCodes.ColumnLine, VcfIssueCodes.FileFormat]),
        ("failed_meta", [VcfIssueCodes.MetaLine, VcfIssueCodes.MissingAttribute, VcfIssueCodes.InvalidNumber, VcfIssueCodes.InvalidType, VcfIssueCodes.ReservedTagDefinition, VcfIssueCodes.InvalidDefinition, VcfIssueCodes.InvalidMetaValue, VcfIssueCodes.DuplicateDefinition, VcfIssueCodes.MisplacedLine, VcfIssueCodes.ColumnCount]),
    ];

    private static string Root => SharedData.PathOf("variants/vcf-conformance/hts-specs");

    [Fact]
    public void Validate_every_passed_file_is_valid()
    {
        string[] files = System.IO.Directory.GetFiles(Root, "*.vcf", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}passed{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order().ToArray();
        var bad = new List<string>();
        foreach (string f in files)
        {
            VcfValidationReport report = VcfValidator.Validate(f);
            if (!report.IsValid)
            {
                bad.Add($"{Path.GetRelativePath(Root, f)}: {string.Join("; ", report.Issues.Where(i => i.Severity != VcfSeverity.Note).Take(3))}");
            }
        }

        output.WriteLine($"passed/: {files.Length - bad.Count} of {files.Length} valid");
        Assert.True(files.Length > 50, "expected the hts-specs passed files");
        Assert.True(bad.Count == 0, string.Join('\n', bad));
    }

    [Fact]
    public void Validate_every_failed_file_is_rejected_with_an_issue_naming_the_problem()
    {
        string[] files = System.IO.Directory.GetFiles(Root, "*.vcf", SearchOption.AllDirectories).Where(f => f.Contains($"{Path.DirectorySeparatorChar}failed{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).Order().ToArray();
        var accepted = new List<string>();
        var wrongKind = new List<string>();
        foreach (string f in files)
        {
            VcfValidationReport report = VcfValidator.Validate(f);
            string name = Path.GetFileName(f);
            if (report.IsValid)
            {
                accepted.Add(Path.GetRelativePath(Root, f));
                continue;
            }

            string[] codes = s_expected.First(e => name.StartsWith(e.Prefix, StringComparison.Ordinal)).Codes;
            if (!report.Issues.Any(i => i.Severity != VcfSeverity.Note && codes.Contains(i.Code)))
            {
                wrongKind.Add($"{Path.GetRelativePath(Root, f)}: got {string.Join(", ", report.IssueCounts.Keys)}");
            }
        }

        output.WriteLine($"failed/: {files.Length - accepted.Count} of {files.Length} rejected; {files.Length - accepted.Count - wrongKind.Count} with an issue of the expected kind");
        Assert.True(files.Length > 400, "expected the hts-specs failed files");
        Assert.True(accepted.Count == 0, "accepted: " + string.Join('\n', accepted));
        Assert.True(wrongKind.Count == 0, "rejected for another reason: " + string.Join('\n', wrongKind));
    }
}
