namespace OpenGms.Panels.Application.ImportPanels;

/// <summary>How bad an issue is: an error stops the whole import, a warning is reported and counted.</summary>
public enum IssueSeverity
{
    /// <summary>Reported; the import goes on.</summary>
    Warning,

    /// <summary>Nothing of this import is stored.</summary>
    Error,
}

/// <summary>
/// A coded problem found in an input file. <see cref="JsonPath"/> points at the offending value
/// (e.g. <c>$.genes[12].confidence_level</c>); <see cref="Line"/>/<see cref="Column"/> are set for syntax errors.
/// The codes are stable (docs/panels.md lists them); tests assert on them.
/// </summary>
/// <param name="Code">PAN001 ...</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="File">The file (as given or found).</param>
/// <param name="JsonPath">The JSON path, or empty when the issue concerns the whole file.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="Line">1-based line, for syntax errors.</param>
/// <param name="Column">1-based byte column, for syntax errors.</param>
public sealed record PanelImportIssue(
    string Code, IssueSeverity Severity, string File, string JsonPath, string Message, long? Line = null, long? Column = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        string where = Line is null ? File : $"{File}:{Line}:{Column}";
        string path = JsonPath.Length == 0 ? "" : " " + JsonPath;
        string severity = Severity == IssueSeverity.Error ? "error" : "warning";
        return $"{severity} {Code} {where}{path}: {Message}";
    }
}

/// <summary>The stable issue codes of the panel importer.</summary>
public static class PanelIssueCodes
{
    /// <summary>The file is not well-formed JSON.</summary>
    public const string NotJson = "PAN001";

    /// <summary>The document is neither a PanelApp panel list page nor a panel detail response.</summary>
    public const string UnknownDocument = "PAN002";

    /// <summary>A required field is missing or has the wrong JSON type.</summary>
    public const string MissingField = "PAN003";

    /// <summary>A panel version is not <c>major.minor</c>.</summary>
    public const string BadVersion = "PAN004";

    /// <summary>A confidence level is not 0-4.</summary>
    public const string BadConfidence = "PAN005";

    /// <summary>A location or coordinate pair cannot be read, or ends before it starts.</summary>
    public const string BadCoordinates = "PAN006";

    /// <summary>An entity's <c>entity_type</c> does not match the list it is in.</summary>
    public const string WrongEntityType = "PAN007";

    /// <summary>A date or time cannot be read.</summary>
    public const string BadDate = "PAN008";

    /// <summary>The same panel version arrives with different genes/STRs/regions (PanelApp versions never change).</summary>
    public const string ConflictingVersion = "PAN010";

    /// <summary>The path given does not exist.</summary>
    public const string PathNotFound = "PAN011";

    /// <summary>The folder holds no JSON file.</summary>
    public const string NoInput = "PAN012";

    /// <summary>Warning: a file that is not JSON was skipped.</summary>
    public const string SkippedFile = "PAN013";

    /// <summary>Warning: the stated stats differ from the entities listed.</summary>
    public const string StatsMismatch = "PAN014";

    /// <summary>Warning: the same entity is listed twice in one version; the first is kept.</summary>
    public const string DuplicateEntity = "PAN015";
}
