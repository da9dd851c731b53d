namespace OpenGms.Directory.Domain;

/// <summary>
/// One published edition of a test directory, as read from a file: the aggregate an import stores in one transaction.
/// Invariant: indication codes are unique in the edition, test codes are unique in the edition.
/// </summary>
public sealed class DirectoryEdition
{
    /// <summary>Creates an edition.</summary>
    public DirectoryEdition(
        string key, EditionKind kind, string version, DateOnly? publishedOn, string sourceFormat, string sourceFile,
        string sha256, IReadOnlyList<ClinicalIndication> indications)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentNullException.ThrowIfNull(indications);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tests = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (ClinicalIndication indication in indications)
        {
            if (!codes.Add(indication.Code))
            {
                throw new ArgumentException($"Indication {indication.Code} appears twice.", nameof(indications));
            }

            foreach (DirectoryTest test in indication.Tests)
            {
                if (!tests.Add(test.Code))
                {
                    throw new ArgumentException($"Test {test.Code} appears twice.", nameof(indications));
                }
            }
        }

        Key = key;
        Kind = kind;
        Version = version;
        PublishedOn = publishedOn;
        SourceFormat = sourceFormat;
        SourceFile = sourceFile;
        Sha256 = sha256;
        Indications = indications;
        TestCount = tests.Count;
    }

    /// <summary>The key users name it by, e.g. <c>rd-5.1</c>, <c>cancer-2020-21</c>.</summary>
    public string Key { get; }

    /// <summary>Rare and inherited disease, or cancer.</summary>
    public EditionKind Kind { get; }

    /// <summary>The published version, e.g. <c>5.1</c> or <c>2020-21</c>.</summary>
    public string Version { get; }

    /// <summary>The publication date (first of the month when only the month is published), when known.</summary>
    public DateOnly? PublishedOn { get; }

    /// <summary>The file format read: <c>nhse-xlsx</c>, <c>eastgenomics-json</c> or <c>opengms-demo</c>.</summary>
    public string SourceFormat { get; }

    /// <summary>The source file's name (no folder).</summary>
    public string SourceFile { get; }

    /// <summary>SHA-256 of the source file's bytes, lower-case hex.</summary>
    public string Sha256 { get; }

    /// <summary>The clinical indications, in published order.</summary>
    public IReadOnlyList<ClinicalIndication> Indications { get; }

    /// <summary>How many tests the indications hold.</summary>
    public int TestCount { get; }
}

/// <summary>A clinical indication (R134, M1) and its tests.</summary>
/// <param name="Code">The R or M code.</param>
/// <param name="Name">The indication's name.</param>
/// <param name="SpecialistTestGroup">Specialist test group (rare disease) or the tumour group / sheet (cancer).</param>
/// <param name="CommissioningCategory">Commissioning category, when published.</param>
/// <param name="Eligibility">Eligibility criteria text, when published for the indication as a whole.</param>
/// <param name="Tests">Its tests, in published order.</param>
public sealed record ClinicalIndication(
    string Code, string Name, string? SpecialistTestGroup, string? CommissioningCategory, string? Eligibility,
    IReadOnlyList<DirectoryTest> Tests);

/// <summary>One test of an indication (R134.1).</summary>
/// <param name="Code">The test code.</param>
/// <param name="Name">The test's name (the indication's name where the rare-disease directory gives no test name).</param>
/// <param name="MethodPublished">The test method / technology as published.</param>
/// <param name="Methods">The method normalised to the controlled vocabulary (one or more).</param>
/// <param name="Scope">The test scope (cancer: e.g. "Small variant detection"), when published.</param>
/// <param name="TargetsPublished">The "Target/Genes" text as published.</param>
/// <param name="Targets">The targets read from it.</param>
/// <param name="ChangeNote">The published change note (e.g. "No change"), when published.</param>
/// <param name="Eligibility">Eligibility criteria of this test, when published per test (cancer).</param>
/// <param name="Source">Where it came from in the file, e.g. "R&amp;ID indications!12".</param>
public sealed record DirectoryTest(
    string Code, string Name, string? MethodPublished, IReadOnlyList<TestMethod> Methods, string? Scope,
    string? TargetsPublished, IReadOnlyList<TestTarget> Targets, string? ChangeNote, string? Eligibility, string? Source);
