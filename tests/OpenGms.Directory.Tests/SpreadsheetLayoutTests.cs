using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;
using OpenGms.Directory.Infrastructure.Import;
using OpenGms.Testing;

namespace OpenGms.Directory.Tests;

/// <summary>Synthetic workbooks (written here with ClosedXML) for the layouts and the coded failures.</summary>
public sealed class SpreadsheetLayoutTests
{
    private static Task<EditionReadResult> ReadAsync(string path) =>
        new EditionFileReader().ReadAsync(path, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Read_rare_layout_with_columns_reordered_and_extra_finds_by_name()
    {
        using var dir = new TempDirectory();
        string[] header = ["Notes", "Test Method", "Target/Genes", "Test ID", "Clinical Indication", "Clinical indication ID", "Specialist test group"];
        string path = Workbooks.Write(dir, "reordered.xlsx", "Sheet9", "Directory v7.2 May 2031", header,
            ["x", "Small panel", "LDLR; APOB", "R134.1", "Familial hypercholesterolaemia", "R134", "Core"],
            [null, "MLPA or equivalent", "LDLR", "R134.2", "Familial hypercholesterolaemia", "R134", "Core"]);

        EditionReadResult result = await ReadAsync(path);

        DirectoryEdition edition = Assert.IsType<DirectoryEdition>(result.Edition);
        Assert.Equal("rd-7.2", edition.Key);
        Assert.Equal(2, edition.TestCount);
        Assert.Equal(["LDLR", "APOB"], edition.Indications[0].Tests[0].Targets.Select(t => t.Symbol));
    }

    [Fact]
    public async Task Read_cancer_layout_carries_indication_down_and_skips_note_sheet()
    {
        using var dir = new TempDirectory();
        string[] header = ["CI Code", "Clinical Indication Name", "Test Code", "Test Name", "Target Gene(s) ", "Test Scope", "Technology", "Eligibility Criteria"];
        string path = Workbooks.Write(dir, "cancer-2030-31.xlsx", "Solid Tumours", "Cancer directory", header,
            ["M1", "Colorectal Carcinoma", "M1.1", "Panel", "KRAS, NRAS", "Small variant detection", "Panel", "Known CRC"],
            [null, null, "M1.2", "KRAS hotspot", "KRAS", "Small variant detection", "Simple targeted mutation testing", "Known CRC"],
            ["M2", "Ovarian Carcinoma", "M2.1", "Panel", "BRCA1, BRCA2", "Small variant detection", "Panel", "HGSOC"]);

        EditionReadResult result = await ReadAsync(path);

        DirectoryEdition edition = Assert.IsType<DirectoryEdition>(result.Edition);
        Assert.Equal(EditionKind.Cancer, edition.Kind);
        Assert.Equal("cancer-2030-31", edition.Key);
        Assert.Equal(["M1.1", "M1.2"], edition.Indications[0].Tests.Select(t => t.Code));
        Assert.Equal("Known CRC", edition.Indications[0].Eligibility);
        Assert.Equal("Solid Tumours", edition.Indications[0].SpecialistTestGroup);
    }

    [Fact]
    public async Task Read_sheet_without_test_code_column_is_unknown_layout()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.Write(dir, "bad.xlsx", "Data", null, ["Clinical indication ID", "Clinical Indication", "Target/Genes", "Test Method"],
            ["R134", "Familial hypercholesterolaemia", "LDLR", "MLPA"]);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        ImportIssue issue = Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal(DirectoryIssueCodes.UnknownLayout, issue.Code);
        Assert.Equal("Data", issue.Sheet);
        Assert.Equal(1, issue.Row);
    }

    [Fact]
    public async Task Read_workbook_without_any_header_is_unknown_layout()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.Write(dir, "empty.xlsx", "Sheet1", "Nothing here", ["a", "b"], ["1", "2"]);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        Assert.Equal(DirectoryIssueCodes.UnknownLayout, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public async Task Read_duplicated_test_code_reports_sheet_and_row()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir, extra: [["R127", "R127.1", "Long QT syndrome", "KCNQ1", "Small panel", "Specialised", "Cardiology", "No change"]]);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        ImportIssue issue = Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal(DirectoryIssueCodes.DuplicateTest, issue.Code);
        Assert.Equal("R&ID indications", issue.Sheet);
        Assert.Equal(6, issue.Row); // title row 1, header row 2, data rows 3..6
        Assert.Equal("Test ID", issue.Field);
    }

    [Fact]
    public async Task Read_row_without_test_code_is_bad_row()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir, extra: [["R127", null, "Long QT syndrome", "KCNQ1", "Small panel", "Specialised", "Cardiology", "No change"]]);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        ImportIssue issue = Assert.Single(result.Issues, i => i.IsError);
        Assert.Equal(DirectoryIssueCodes.BadRow, issue.Code);
        Assert.Equal(6, issue.Row);
    }

    [Fact]
    public async Task Read_test_code_of_another_indication_is_code_mismatch()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir, extra: [["R127", "R128.1", "Long QT syndrome", "KCNQ1", "Small panel", "Specialised", "Cardiology", "No change"]]);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        Assert.Equal(DirectoryIssueCodes.CodeMismatch, Assert.Single(result.Issues, i => i.IsError).Code);
    }

    [Fact]
    public async Task Read_file_that_is_not_a_workbook_is_unreadable()
    {
        using var dir = new TempDirectory();
        string path = dir.File("fake.xlsx");
        await File.WriteAllTextAsync(path, "this is not a zip", TestContext.Current.CancellationToken);

        EditionReadResult result = await ReadAsync(path);

        Assert.Null(result.Edition);
        Assert.Equal(DirectoryIssueCodes.Unreadable, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public async Task Read_unknown_extension_is_unsupported_format()
    {
        using var dir = new TempDirectory();
        string path = dir.File("directory.csv");
        await File.WriteAllTextAsync(path, "a,b", TestContext.Current.CancellationToken);

        EditionReadResult result = await ReadAsync(path);

        Assert.Equal(DirectoryIssueCodes.UnsupportedFormat, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public async Task Read_unknown_method_warns_and_keeps_edition()
    {
        using var dir = new TempDirectory();
        string path = Workbooks.SmallRare(dir, extra: [["R127", "R127.2", "Long QT syndrome", "KCNQ1", "Interpretive dance", "Specialised", "Cardiology", "New test"]]);

        EditionReadResult result = await ReadAsync(path);

        Assert.NotNull(result.Edition);
        ImportIssue warning = Assert.Single(result.Issues);
        Assert.False(warning.IsError);
        Assert.Equal(DirectoryIssueCodes.UnknownMethod, warning.Code);
    }
}
