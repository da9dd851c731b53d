namespace OpenGms.Directory.Domain;

/// <summary>
/// A coded problem found while reading a directory file, with where it was. Errors stop the import (nothing is stored);
/// warnings are reported beside the stored edition.
/// </summary>
/// <param name="Code">Stable code (<see cref="DirectoryIssueCodes"/>); tests assert on it.</param>
/// <param name="Message">What is wrong, for a person.</param>
/// <param name="File">The file's name.</param>
/// <param name="Sheet">The sheet (spreadsheets) or null.</param>
/// <param name="Row">The 1-based row or line, or null for the whole file.</param>
/// <param name="Field">The column / field name, when one.</param>
/// <param name="IsError">True for an error (the file is rejected), false for a warning.</param>
public sealed record ImportIssue(string Code, string Message, string File, string? Sheet, int? Row, string? Field, bool IsError)
{
    /// <summary>"file!sheet row 12 (Test ID): DIR004 message".</summary>
    public override string ToString()
    {
        string where = File + (Sheet is null ? string.Empty : "!" + Sheet) + (Row is null ? string.Empty : $" row {Row}")
            + (Field is null ? string.Empty : $" ({Field})");
        return $"{where}: {Code} {Message}";
    }
}

/// <summary>The issue codes of directory imports and queries (documented in docs/directory.md).</summary>
public static class DirectoryIssueCodes
{
    /// <summary>The file cannot be opened or read as its format (not an xlsx / not JSON / not TSV).</summary>
    public const string Unreadable = "DIR001";

    /// <summary>No sheet with the expected header row, or a required column is missing: unknown layout.</summary>
    public const string UnknownLayout = "DIR002";

    /// <summary>A row lacks a required value (code, name) or holds one that cannot be read.</summary>
    public const string BadRow = "DIR003";

    /// <summary>A test code appears twice in the file.</summary>
    public const string DuplicateTest = "DIR004";

    /// <summary>A test code does not belong to its indication (R134.1 under R135), or is malformed.</summary>
    public const string CodeMismatch = "DIR005";

    /// <summary>The file's extension is not one of the supported formats.</summary>
    public const string UnsupportedFormat = "DIR006";

    /// <summary>An edition with the same key is already stored from a different file.</summary>
    public const string EditionConflict = "DIR007";

    /// <summary>The file does not exist.</summary>
    public const string FileNotFound = "DIR008";

    /// <summary>No such edition.</summary>
    public const string EditionNotFound = "DIR020";

    /// <summary>No such indication or test code.</summary>
    public const string CodeNotFound = "DIR021";

    /// <summary>A query parameter is missing or invalid.</summary>
    public const string BadQuery = "DIR022";

    /// <summary>Warning: the same indication code is published with different names.</summary>
    public const string IndicationNameDiffers = "DIR101";

    /// <summary>Warning: a test method text is not in the controlled vocabulary (normalised to "other").</summary>
    public const string UnknownMethod = "DIR102";

    /// <summary>Warning: a gene entry has no HGNC id (kept by its published symbol) or could not be matched at all.</summary>
    public const string UnresolvedGene = "DIR103";
}
