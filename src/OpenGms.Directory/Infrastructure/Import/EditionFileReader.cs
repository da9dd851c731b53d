using System.Security.Cryptography;
using System.Text.Json;
using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>Picks the reader for a file by its extension (and, for JSON, by its shape) and checksums the bytes.</summary>
internal sealed class EditionFileReader : IEditionFileReader
{
    public async Task<EditionReadResult> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail(DirectoryIssueCodes.FileNotFound, name, $"No such file: {path}");
        }

        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Read(bytes, name);
    }

    /// <summary>Reads an in-memory file (the demo resources, tests).</summary>
    public static EditionReadResult Read(byte[] bytes, string name, string jsonSourceFormat = "opengms-json")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".xlsx":
            case ".xlsm":
                using (var stream = new MemoryStream(bytes, writable: false))
                {
                    return NhseSpreadsheetReader.Read(stream, name, sha256);
                }

            case ".json":
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                }
                catch (JsonException ex)
                {
                    return Fail(DirectoryIssueCodes.Unreadable, name, $"Not valid JSON: {ex.Message}", (int?)ex.LineNumber + 1);
                }

                using (document)
                {
                    if (EastGenomicsJsonReader.Looks(document.RootElement))
                    {
                        return EastGenomicsJsonReader.Read(document.RootElement, name, sha256);
                    }

                    if (OpenGmsJsonReader.Looks(document.RootElement))
                    {
                        return OpenGmsJsonReader.Read(document.RootElement, name, sha256, jsonSourceFormat);
                    }

                    return Fail(DirectoryIssueCodes.UnknownLayout, name,
                        "JSON that is neither East Genomics' parsed directory (td_source, indications) nor OpenGMS's (\"format\": \"opengms-test-directory\").");
                }

            default:
                return Fail(DirectoryIssueCodes.UnsupportedFormat, name,
                    $"Unsupported file type \"{extension}\": expected an NHS England .xlsx, East Genomics' parsed .json, or OpenGMS directory .json.");
        }
    }

    private static EditionReadResult Fail(string code, string file, string message, int? row = null) =>
        new(null, [new ImportIssue(code, message, file, null, row, null, IsError: true)]);
}
