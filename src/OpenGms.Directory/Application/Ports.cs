using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Application;

/// <summary>What reading a file gave: the edition, or the errors (and warnings either way).</summary>
/// <param name="Edition">The edition; null when any error was found.</param>
/// <param name="Issues">Errors and warnings, in file order.</param>
public sealed record EditionReadResult(DirectoryEdition? Edition, IReadOnlyList<ImportIssue> Issues);

/// <summary>Reads a directory file in any supported format (implemented in Infrastructure/Import).</summary>
public interface IEditionFileReader
{
    /// <summary>Reads and checksums <paramref name="path"/>; never throws for bad content (issues instead).</summary>
    Task<EditionReadResult> ReadAsync(string path, CancellationToken cancellationToken);
}

/// <summary>A stored edition's identity, as the import use case needs it.</summary>
/// <param name="Key">Edition key.</param>
/// <param name="Sha256">Checksum of the file it came from.</param>
/// <param name="SourceFile">That file's name.</param>
/// <param name="Indications">Indication count.</param>
/// <param name="Tests">Test count.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Version">Version.</param>
public sealed record StoredEdition(string Key, string Sha256, string SourceFile, int Indications, int Tests, EditionKind Kind, string Version);

/// <summary>The directory's storage port (implemented with EF Core in Infrastructure/Persistence).</summary>
public interface IDirectoryStore
{
    /// <summary>The edition stored under <paramref name="key"/>, or null.</summary>
    Task<StoredEdition?> FindByKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>An edition imported from a file with this checksum, or null.</summary>
    Task<StoredEdition?> FindByChecksumAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>Stores a whole edition in one transaction.</summary>
    Task AddAsync(DirectoryEdition edition, DateTimeOffset importedAt, CancellationToken cancellationToken);

    /// <summary>True when no edition is stored.</summary>
    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Loads a stored edition back as the domain aggregate (for diffs), or null.</summary>
    Task<DirectoryEdition?> LoadAsync(string key, CancellationToken cancellationToken);
}
