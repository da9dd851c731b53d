namespace OpenGms.Panels.Domain;

/// <summary>
/// A PanelApp panel, identified by PanelApp's own numeric id. The descriptive fields mirror the newest stored
/// version; each version keeps its own copy because names and groups change over time.
/// </summary>
public sealed class Panel
{
    /// <summary>PanelApp's numeric id (e.g. 635).</summary>
    public required int Id { get; init; }

    /// <summary>The name at the newest stored version.</summary>
    public required string Name { get; set; }

    /// <summary>The disease group at the newest stored version (may be empty).</summary>
    public string DiseaseGroup { get; set; } = "";

    /// <summary>The disease sub-group at the newest stored version (may be empty).</summary>
    public string DiseaseSubGroup { get; set; } = "";

    /// <summary>
    /// Lower-case text searched by <c>panels list TEXT</c>: id, name, groups and relevant disorders. Kept normalised
    /// so search behaves the same on SQLite and PostgreSQL (whose LIKE is case-sensitive).
    /// </summary>
    public string SearchText { get; set; } = "";

    /// <summary>The stored versions, side by side.</summary>
    public List<PanelVersion> Versions { get; init; } = [];

    /// <summary>Copies the descriptive fields of <paramref name="version"/> and rebuilds <see cref="SearchText"/>.</summary>
    public void DescribeFrom(PanelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        Name = version.Name;
        DiseaseGroup = version.DiseaseGroup;
        DiseaseSubGroup = version.DiseaseSubGroup;
        SearchText = string.Join(' ', [Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Name, DiseaseGroup, DiseaseSubGroup, .. version.RelevantDisorders])
            .ToLowerInvariant();
    }
}
