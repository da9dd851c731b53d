using System.Text.RegularExpressions;
using OpenGms.Directory.Application;
using OpenGms.Directory.Domain;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>
/// Reads NHS England's test-directory workbooks (.xlsx) as published: the rare-and-inherited layout (one sheet, one
/// row per test, indication code and name on every row) and the cancer layout (one sheet per tumour group, indication
/// code and name only on the first row of each group, eligibility per test). Header rows and columns are found by
/// name in the first rows of every sheet, so column order and extra columns do not matter; sheets without a
/// directory header (explanatory notes) are skipped.
/// </summary>
internal static partial class NhseSpreadsheetReader
{
    private const int HeaderSearchRows = 30;

    private enum Column
    {
        IndicationCode,
        IndicationName,
        TestCode,
        TestName,
        Targets,
        Method,
        Scope,
        Commissioning,
        Group,
        Eligibility,
        Changes,
    }

    public static EditionReadResult Read(Stream content, string fileName, string sha256)
    {
        var context = new ImportContext(fileName);
        List<XlsxSheet> sheets;
        try
        {
            sheets = XlsxSheets.Read(content);
        }
#pragma warning disable CA1031 // The Open XML SDK throws many exception types for a damaged or non-xlsx file; all mean "unreadable".
        catch (Exception ex)
#pragma warning restore CA1031
        {
            context.Error(DirectoryIssueCodes.Unreadable, $"Not a readable .xlsx workbook: {ex.Message}");
            return new EditionReadResult(null, context.Issues);
        }

        return Read(sheets, context, fileName, sha256);
    }

    private static EditionReadResult Read(List<XlsxSheet> sheets, ImportContext context, string fileName, string sha256)
    {
        var builder = new IndicationBuilder(context);
        string? title = null;
        int dataSheets = 0;
        int rCodes = 0, mCodes = 0;
        foreach (XlsxSheet sheet in sheets)
        {
            int lastRow = sheet.LastRow;
            int lastColumn = sheet.LastColumn;
            if (lastRow == 0)
            {
                continue;
            }

            title ??= FirstText(sheet, lastColumn);
            (int headerRow, Dictionary<Column, int>? columns) = FindHeader(sheet, lastRow, lastColumn, context);
            if (columns is null)
            {
                continue;
            }

            dataSheets++;
            string? currentCode = null, currentName = null;
            for (int r = headerRow + 1; r <= lastRow; r++)
            {
                string? Get(Column c) => columns.TryGetValue(c, out int index) ? Cells.Clean(sheet.Cell(r, index)) : null;

                string? indicationCode = Get(Column.IndicationCode);
                string? indicationName = Get(Column.IndicationName);
                string? testCode = Get(Column.TestCode);
                string? method = Get(Column.Method);
                string? targets = Get(Column.Targets);
                string? testName = Get(Column.TestName);
                if (indicationCode is null && indicationName is null && testCode is null && method is null && targets is null && testName is null)
                {
                    continue; // blank row
                }

                if (indicationCode is not null)
                {
                    if (!IndicationCodePattern().IsMatch(indicationCode))
                    {
                        context.Error(DirectoryIssueCodes.BadRow, $"\"{indicationCode}\" is not a clinical indication code.", sheet.Name, r, HeaderName(sheet, headerRow, columns[Column.IndicationCode]));
                        currentCode = null;
                        continue;
                    }

                    if (indicationName is null)
                    {
                        context.Error(DirectoryIssueCodes.BadRow, $"Indication {indicationCode} has no name.", sheet.Name, r, columns.TryGetValue(Column.IndicationName, out int nameColumn) ? HeaderName(sheet, headerRow, nameColumn) : "indication name");
                        currentCode = null;
                        continue;
                    }

                    currentCode = indicationCode;
                    currentName = indicationName;
                }
                else if (currentCode is null)
                {
                    context.Error(DirectoryIssueCodes.BadRow, "A test row comes before any clinical indication code.", sheet.Name, r, HeaderName(sheet, headerRow, columns[Column.IndicationCode]));
                    continue;
                }

                if (testCode is null || !TestCodePattern().IsMatch(testCode))
                {
                    context.Error(DirectoryIssueCodes.BadRow, testCode is null ? "The row has no test code." : $"\"{testCode}\" is not a test code.", sheet.Name, r, HeaderName(sheet, headerRow, columns[Column.TestCode]));
                    continue;
                }

                if (currentCode.StartsWith('M'))
                {
                    mCodes++;
                }
                else
                {
                    rCodes++;
                }

                IReadOnlyList<TestMethod> methods = TestMethods.Normalise(method, out bool recognised);
                if (!recognised)
                {
                    context.Warning(DirectoryIssueCodes.UnknownMethod, $"Test method \"{method}\" of {testCode} is not in the vocabulary; recorded as other.", sheet.Name, r, columns.TryGetValue(Column.Method, out int methodColumn) ? HeaderName(sheet, headerRow, methodColumn) : null);
                }

                var test = new DirectoryTest(
                    testCode, testName ?? currentName!, method, methods, Get(Column.Scope), targets, TargetText.Parse(targets),
                    Get(Column.Changes), Get(Column.Eligibility), $"{sheet.Name}!{r}");
                builder.Add(currentCode, currentName!, Get(Column.Group) ?? (currentCode.StartsWith('M') ? sheet.Name : null), Get(Column.Commissioning), test, sheet.Name, r, HeaderName(sheet, headerRow, columns[Column.TestCode]));
            }
        }

        if (dataSheets == 0 && !context.HasErrors)
        {
            context.Error(DirectoryIssueCodes.UnknownLayout,
                "No sheet has a test-directory header row (a clinical indication code column such as \"Clinical indication ID\" or \"CI Code\", and a \"Test ID\" or \"Test Code\" column).");
        }
        else if (builder.Count == 0 && !context.HasErrors)
        {
            context.Error(DirectoryIssueCodes.UnknownLayout, "The header row was found but no test rows follow it.");
        }

        if (context.HasErrors)
        {
            return new EditionReadResult(null, context.Issues);
        }

        string stem = Path.GetFileNameWithoutExtension(fileName);
        EditionKind kind = mCodes > rCodes || (title?.Contains("cancer", StringComparison.OrdinalIgnoreCase) == true && rCodes == 0)
            ? EditionKind.Cancer
            : EditionKind.RareAndInherited;
        string version = EditionNaming.Version(title, stem) ?? stem;
        DateOnly? published = EditionNaming.PublishedOn(title, stem);
        var edition = new DirectoryEdition(
            EditionNaming.Key(kind, version), kind, version, published, "nhse-xlsx", fileName, sha256, builder.Build());
        return new EditionReadResult(edition, context.Issues);
    }

    private static (int Row, Dictionary<Column, int>? Columns) FindHeader(XlsxSheet sheet, int lastRow, int lastColumn, ImportContext context)
    {
        int limit = Math.Min(lastRow, HeaderSearchRows);
        for (int r = 1; r <= limit; r++)
        {
            var columns = new Dictionary<Column, int>();
            for (int c = 1; c <= lastColumn; c++)
            {
                Column? column = Classify(Cells.HeaderKey(sheet.Cell(r, c)));
                if (column is not null)
                {
                    columns.TryAdd(column.Value, c);
                }
            }

            bool hasCode = columns.ContainsKey(Column.IndicationCode);
            bool hasTest = columns.ContainsKey(Column.TestCode);
            if (hasCode && hasTest)
            {
                if (!columns.ContainsKey(Column.IndicationName))
                {
                    context.Error(DirectoryIssueCodes.UnknownLayout, "The header row has no clinical indication name column.", sheet.Name, r);
                    return (r, null);
                }

                return (r, columns);
            }

            if (columns.Count >= 3)
            {
                // Looks like a directory header but lacks a key column: an unknown layout, said precisely.
                string missing = hasCode ? "test code (\"Test ID\" / \"Test Code\")" : "clinical indication code (\"Clinical indication ID\" / \"CI Code\")";
                context.Error(DirectoryIssueCodes.UnknownLayout, $"The header row has no {missing} column.", sheet.Name, r);
                return (r, null);
            }
        }

        return (0, null);
    }

    private static Column? Classify(string header) => header switch
    {
        "clinical indication id" or "ci code" or "clinical indication code" or "ci id" or "indication code" or "ci" => Column.IndicationCode,
        "clinical indication" or "clinical indication name" or "ci name" or "indication name" or "indication" => Column.IndicationName,
        "test id" or "test code" => Column.TestCode,
        "test name" => Column.TestName,
        "target/genes" or "target genes" or "target gene(s)" or "targets" or "target" or "target/gene(s)" or "genes" => Column.Targets,
        "test method" or "technology" or "test technology" or "method" => Column.Method,
        "test scope" or "scope" => Column.Scope,
        "commissioning category" => Column.Commissioning,
        "specialist test group" => Column.Group,
        "eligibility criteria" or "eligibility" => Column.Eligibility,
        _ when header.StartsWith("changes", StringComparison.Ordinal) || header.StartsWith("change since", StringComparison.Ordinal) => Column.Changes,
        _ => null,
    };

    private static string HeaderName(XlsxSheet sheet, int headerRow, int column) =>
        Cells.Clean(sheet.Cell(headerRow, column)) ?? $"column {column}";

    private static string? FirstText(XlsxSheet sheet, int lastColumn)
    {
        for (int c = 1; c <= Math.Min(lastColumn, 5); c++)
        {
            string? text = Cells.Clean(sheet.Cell(1, c));
            if (text is not null)
            {
                return text;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Z]{1,2}\d{1,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex IndicationCodePattern();

    [GeneratedRegex(@"^[A-Z]{1,2}\d{1,4}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex TestCodePattern();
}
