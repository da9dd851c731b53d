namespace OpenGms.Panels.Application.ImportPanels;

/// <summary>What an import did. When <see cref="Stored"/> is false nothing was written.</summary>
public sealed record PanelImportReport
{
    /// <summary>True when the import was committed (it may still have changed nothing).</summary>
    public required bool Stored { get; init; }

    /// <summary>JSON files read.</summary>
    public int Files { get; init; }

    /// <summary>Distinct panel versions found in the input.</summary>
    public int VersionsRead { get; init; }

    /// <summary>Panels new to the store.</summary>
    public int PanelsAdded { get; init; }

    /// <summary>Panel versions new to the store.</summary>
    public int VersionsAdded { get; init; }

    /// <summary>Stored versions that gained their entities or sign-off date.</summary>
    public int VersionsCompleted { get; init; }

    /// <summary>Versions already stored with the same content.</summary>
    public int VersionsUnchanged { get; init; }

    /// <summary>Genes written.</summary>
    public int GenesAdded { get; init; }

    /// <summary>STRs written.</summary>
    public int StrsAdded { get; init; }

    /// <summary>Regions written.</summary>
    public int RegionsAdded { get; init; }

    /// <summary>Errors and warnings.</summary>
    public IReadOnlyList<PanelImportIssue> Issues { get; init; } = [];

    /// <summary>True when anything was written.</summary>
    public bool Changed => PanelsAdded + VersionsAdded + VersionsCompleted > 0;
}

/// <summary>Imports PanelApp API JSON (a file or a folder, recursively) in one transaction.</summary>
public interface IPanelImporter
{
    /// <summary>
    /// Reads every <c>*.json</c> under <paramref name="path"/> and stores the panel versions found; a single error
    /// stores nothing. Importing the same content again changes nothing.
    /// </summary>
    Task<PanelImportReport> ImportAsync(string path, CancellationToken cancellationToken);

    /// <summary>Imports in-memory documents (name, UTF-8 JSON) with the same rules, e.g. the bundled demo panels.</summary>
    Task<PanelImportReport> ImportDocumentsAsync(IReadOnlyList<(string Name, byte[] Json)> documents, CancellationToken cancellationToken);
}
