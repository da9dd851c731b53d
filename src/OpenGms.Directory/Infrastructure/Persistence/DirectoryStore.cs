using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Persistence;

/// <summary>EF Core implementation of the directory's storage port.</summary>
internal sealed class DirectoryStore(DirectoryDbContext db) : IDirectoryStore
{
    public async Task<StoredEdition?> FindByKeyAsync(string key, CancellationToken cancellationToken)
    {
        EditionRow? row = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<StoredEdition?> FindByChecksumAsync(string sha256, CancellationToken cancellationToken)
    {
        EditionRow? row = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Sha256 == sha256, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToStored(row);
    }

    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken) =>
        !await db.Editions.AnyAsync(cancellationToken).ConfigureAwait(false);

    public async Task AddAsync(DirectoryEdition edition, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edition);
        await using IDbContextTransaction transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var row = new EditionRow
        {
            Key = edition.Key,
            Kind = edition.Kind.ToText(),
            Version = edition.Version,
            PublishedOn = edition.PublishedOn,
            SourceFormat = edition.SourceFormat,
            SourceFile = edition.SourceFile,
            Sha256 = edition.Sha256,
            IndicationCount = edition.Indications.Count,
            TestCount = edition.TestCount,
            ImportedAt = importedAt,
        };
        db.Editions.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Children carry the edition id (denormalised), so they are added once the edition row has its id.
        int ordinal = 0;
        foreach (ClinicalIndication indication in edition.Indications)
        {
            var indicationRow = new IndicationRow
            {
                EditionId = row.Id,
                Ordinal = ordinal++,
                Code = indication.Code,
                CodeSearch = indication.Code.ToLowerInvariant(),
                Name = indication.Name,
                NameSearch = SearchText(indication.Name, indication.SpecialistTestGroup),
                SpecialistTestGroup = indication.SpecialistTestGroup,
                CommissioningCategory = indication.CommissioningCategory,
                Eligibility = indication.Eligibility,
            };
            int testOrdinal = 0;
            foreach (DirectoryTest test in indication.Tests)
            {
                var testRow = new TestRow
                {
                    EditionId = row.Id,
                    Ordinal = testOrdinal++,
                    Code = test.Code,
                    CodeSearch = test.Code.ToLowerInvariant(),
                    Name = test.Name,
                    NameSearch = string.Equals(test.Name, indication.Name, StringComparison.OrdinalIgnoreCase) ? null : SearchText(test.Name, null),
                    MethodPublished = test.MethodPublished,
                    Methods = string.Join(',', test.Methods.Select(m => m.ToText())),
                    Scope = test.Scope,
                    TargetsPublished = test.TargetsPublished,
                    ChangeNote = test.ChangeNote,
                    Eligibility = test.Eligibility,
                    Source = test.Source,
                };
                int targetOrdinal = 0;
                foreach (TestTarget target in test.Targets)
                {
                    testRow.Targets.Add(new TargetRow
                    {
                        EditionId = row.Id,
                        Ordinal = targetOrdinal++,
                        Kind = KindText(target.Kind),
                        PanelId = target.PanelId,
                        Name = target.Name,
                        Symbol = target.Symbol,
                        SymbolSearch = target.Symbol?.ToLowerInvariant(),
                        HgncId = target.HgncId,
                    });
                }

                indicationRow.Tests.Add(testRow);
            }

            db.Indications.Add(indicationRow);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    public async Task<DirectoryEdition?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        EditionRow? row = await db.Editions.AsNoTracking().AsSplitQuery()
            .Include(e => e.Indications).ThenInclude(i => i.Tests).ThenInclude(t => t.Targets)
            .FirstOrDefaultAsync(e => e.Key == key, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToDomain(row);
    }

    internal static DirectoryEdition ToDomain(EditionRow row)
    {
        var indications = row.Indications.OrderBy(i => i.Ordinal).Select(i => new ClinicalIndication(
            i.Code, i.Name, i.SpecialistTestGroup, i.CommissioningCategory, i.Eligibility,
            i.Tests.OrderBy(t => t.Ordinal).Select(ToDomain).ToList())).ToList();
        return new DirectoryEdition(row.Key, EditionKinds.Parse(row.Kind) ?? EditionKind.RareAndInherited, row.Version, row.PublishedOn,
            row.SourceFormat, row.SourceFile, row.Sha256, indications);
    }

    internal static DirectoryTest ToDomain(TestRow t) => new(
        t.Code, t.Name, t.MethodPublished, ParseMethods(t.Methods), t.Scope, t.TargetsPublished,
        t.Targets.OrderBy(x => x.Ordinal).Select(x => new TestTarget(ParseKind(x.Kind), x.PanelId, x.Name, x.Symbol, x.HgncId)).ToList(),
        t.ChangeNote, t.Eligibility, t.Source);

    internal static List<TestMethod> ParseMethods(string methods) =>
        methods.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => TestMethods.Parse(m) ?? TestMethod.Other).ToList();

    internal static string KindText(TargetKind kind) => kind switch
    {
        TargetKind.PanelAppPanel => "panelapp-panel",
        TargetKind.Gene => "gene",
        _ => "gene-agnostic",
    };

    internal static TargetKind ParseKind(string kind) => kind switch
    {
        "panelapp-panel" => TargetKind.PanelAppPanel,
        "gene" => TargetKind.Gene,
        _ => TargetKind.GeneAgnostic,
    };

    internal static string SearchText(string name, string? extra) =>
        (name + (extra is null ? string.Empty : " \u2022 " + extra)).ToLowerInvariant();

    private static StoredEdition ToStored(EditionRow row) =>
        new(row.Key, row.Sha256, row.SourceFile, row.IndicationCount, row.TestCount, EditionKinds.Parse(row.Kind) ?? EditionKind.RareAndInherited, row.Version);
}
