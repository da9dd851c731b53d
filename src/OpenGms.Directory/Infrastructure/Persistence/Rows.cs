namespace OpenGms.Directory.Infrastructure.Persistence;

// Table rows of the directory module. Lower-case "*Search" columns hold normalised text so that search is
// case-insensitive the same way on SQLite and PostgreSQL (storage.md).

internal sealed class EditionRow
{
    public int Id { get; set; }

    public required string Key { get; set; }

    public required string Kind { get; set; }

    public required string Version { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public required string SourceFormat { get; set; }

    public required string SourceFile { get; set; }

    public required string Sha256 { get; set; }

    public int IndicationCount { get; set; }

    public int TestCount { get; set; }

    public DateTimeOffset ImportedAt { get; set; }

    public List<IndicationRow> Indications { get; set; } = [];
}

internal sealed class IndicationRow
{
    public int Id { get; set; }

    public int EditionId { get; set; }

    public EditionRow? Edition { get; set; }

    public int Ordinal { get; set; }

    public required string Code { get; set; }

    public required string CodeSearch { get; set; }

    public required string Name { get; set; }

    public required string NameSearch { get; set; }

    public string? SpecialistTestGroup { get; set; }

    public string? CommissioningCategory { get; set; }

    public string? Eligibility { get; set; }

    public List<TestRow> Tests { get; set; } = [];
}

internal sealed class TestRow
{
    public int Id { get; set; }

    public int IndicationId { get; set; }

    public IndicationRow? Indication { get; set; }

    // Denormalised so edition-wide lookups by code need no join.
    public int EditionId { get; set; }

    public int Ordinal { get; set; }

    public required string Code { get; set; }

    public required string CodeSearch { get; set; }

    public required string Name { get; set; }

    // Null when the test's name is its indication's (rare disease): the indication is the hit for name searches then.
    public string? NameSearch { get; set; }

    public string? MethodPublished { get; set; }

    // Normalised methods, kebab-case, comma-separated in published order.
    public required string Methods { get; set; }

    public string? Scope { get; set; }

    public string? TargetsPublished { get; set; }

    public string? ChangeNote { get; set; }

    public string? Eligibility { get; set; }

    public string? Source { get; set; }

    public List<TargetRow> Targets { get; set; } = [];
}

internal sealed class TargetRow
{
    public int Id { get; set; }

    public int TestId { get; set; }

    public TestRow? Test { get; set; }

    // Denormalised for gene and panel lookups across an edition.
    public int EditionId { get; set; }

    public int Ordinal { get; set; }

    public required string Kind { get; set; }

    public int? PanelId { get; set; }

    public string? Name { get; set; }

    public string? Symbol { get; set; }

    public string? SymbolSearch { get; set; }

    public string? HgncId { get; set; }
}
