using OpenGms.Directory.Domain;
using OpenGms.Kernel;

namespace OpenGms.Directory.Application.ImportEdition;

/// <summary>What an import did.</summary>
/// <param name="Edition">The edition key.</param>
/// <param name="Kind"><c>rare-and-inherited</c> or <c>cancer</c>.</param>
/// <param name="Version">The version.</param>
/// <param name="Indications">Indications in the edition.</param>
/// <param name="Tests">Tests in the edition.</param>
/// <param name="Unchanged">True when the same file was already imported (nothing was written).</param>
/// <param name="Warnings">Warnings found while reading.</param>
public sealed record ImportSummary(
    string Edition, string Kind, string Version, int Indications, int Tests, bool Unchanged, IReadOnlyList<ImportIssue> Warnings);

/// <summary>The result of an import: a summary, or an error with every coded issue found.</summary>
/// <param name="Summary">The summary on success.</param>
/// <param name="Error">The error on failure (its code is the first issue's).</param>
/// <param name="Issues">All issues, errors and warnings.</param>
public sealed record ImportOutcome(ImportSummary? Summary, Error? Error, IReadOnlyList<ImportIssue> Issues);

/// <summary>
/// Imports one directory file, all or nothing: a file with any error stores nothing; the same file imported again
/// changes nothing (matched by SHA-256); a different file for an edition key already stored is a conflict.
/// <paramref name="stored"/> runs after an edition was stored (the search caches listen).
/// </summary>
public sealed class EditionImporter(IEditionFileReader reader, IDirectoryStore store, IClock clock, Action? stored = null)
{
    /// <summary>Imports <paramref name="path"/>.</summary>
    public async Task<ImportOutcome> ImportAsync(string path, CancellationToken cancellationToken)
    {
        EditionReadResult read = await reader.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        return await StoreAsync(read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores what a reader produced (also used by the demo seeder).</summary>
    public async Task<ImportOutcome> StoreAsync(EditionReadResult read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        List<ImportIssue> warnings = read.Issues.Where(i => !i.IsError).ToList();
        if (read.Edition is null)
        {
            ImportIssue first = read.Issues.FirstOrDefault(i => i.IsError)
                ?? new ImportIssue(DirectoryIssueCodes.Unreadable, "The file could not be read.", "?", null, null, null, true);
            int errors = read.Issues.Count(i => i.IsError);
            Error error = first.Code == DirectoryIssueCodes.FileNotFound
                ? Error.NotFound(first.Code, first.Message)
                : Error.BadInput(first.Code, $"{first}{(errors > 1 ? $" (and {errors - 1} more error(s))" : string.Empty)}; nothing was stored.");
            return new ImportOutcome(null, error, read.Issues);
        }

        DirectoryEdition edition = read.Edition;
        StoredEdition? same = await store.FindByChecksumAsync(edition.Sha256, cancellationToken).ConfigureAwait(false);
        if (same is not null)
        {
            return new ImportOutcome(
                new ImportSummary(same.Key, same.Kind.ToText(), same.Version, same.Indications, same.Tests, Unchanged: true, warnings),
                null, read.Issues);
        }

        StoredEdition? existing = await store.FindByKeyAsync(edition.Key, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            Error conflict = Error.Conflict(DirectoryIssueCodes.EditionConflict,
                $"Edition {edition.Key} is already stored from {existing.SourceFile} (a different file); nothing was stored.");
            return new ImportOutcome(null, conflict, read.Issues);
        }

        await store.AddAsync(edition, clock.UtcNow, cancellationToken).ConfigureAwait(false);
        stored?.Invoke();
        return new ImportOutcome(
            new ImportSummary(edition.Key, edition.Kind.ToText(), edition.Version, edition.Indications.Count, edition.TestCount, Unchanged: false, warnings),
            null, read.Issues);
    }
}
