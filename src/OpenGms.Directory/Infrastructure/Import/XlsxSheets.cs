using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace OpenGms.Directory.Infrastructure.Import;

/// <summary>One worksheet's cell texts, 1-based rows and columns as in Excel.</summary>
internal sealed class XlsxSheet(string name, Dictionary<int, string?[]> rows, int lastRow, int lastColumn)
{
    public string Name { get; } = name;

    public int LastRow { get; } = lastRow;

    public int LastColumn { get; } = lastColumn;

    public string? Cell(int row, int column) =>
        rows.TryGetValue(row, out string?[]? cells) && column <= cells.Length ? cells[column - 1] : null;
}

/// <summary>
/// Reads the cell texts of every worksheet with the Open XML SDK's forward-only reader (shared strings, inline strings,
/// numbers and booleans as written). Loading the cancer workbook through ClosedXML's object model took about 3 s
/// (styles, comments and validations are all materialised); this reads only what the importer needs.
/// </summary>
internal static class XlsxSheets
{
    public static List<XlsxSheet> Read(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, isEditable: false);
        WorkbookPart workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook part.");
        List<string> shared = SharedStrings(workbook);
        var result = new List<XlsxSheet>();
        foreach (Sheet sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not string id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            result.Add(ReadSheet(sheet.Name?.Value ?? id, part, shared));
        }

        return result;
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var shared = new List<string>();
        SharedStringTablePart? part = workbook.SharedStringTablePart;
        if (part is null)
        {
            return shared;
        }

        using OpenXmlReader reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                // Rich text runs are concatenated; phonetic runs are not text of the cell.
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                shared.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }

        return shared;
    }

    private static XlsxSheet ReadSheet(string name, WorksheetPart part, List<string> shared)
    {
        var rows = new Dictionary<int, string?[]>();
        int lastRow = 0, lastColumn = 0, currentRow = 0;
        List<string?>? cells = null;
        using OpenXmlReader reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row) && reader.IsStartElement)
            {
                Flush();
                currentRow = (int)(reader.Attributes.FirstOrDefault(a => a.LocalName == "r").Value is string r
                    ? uint.Parse(r, CultureInfo.InvariantCulture) : (uint)currentRow + 1);
                cells = [];
            }
            else if (reader.ElementType == typeof(Cell) && reader.IsStartElement && cells is not null)
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                int column = cell.CellReference?.Value is string reference ? ColumnOf(reference) : cells.Count + 1;
                string? text = Text(cell, shared);
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                while (cells.Count < column)
                {
                    cells.Add(null);
                }

                cells[column - 1] = text;
            }
        }

        Flush();
        return new XlsxSheet(name, rows, lastRow, lastColumn);

        void Flush()
        {
            if (cells is { Count: > 0 })
            {
                rows[currentRow] = [.. cells];
                lastRow = Math.Max(lastRow, currentRow);
                lastColumn = Math.Max(lastColumn, cells.Count);
            }

            cells = null;
        }
    }

    private static string? Text(Cell cell, List<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.Text?.Text ?? string.Concat(cell.InlineString?.Elements<Run>().Select(r => r.Text?.Text) ?? []);
        }

        string? value = cell.CellValue?.Text;
        if (value is null)
        {
            return null;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < shared.Count ? shared[index] : null;
        }

        if (cell.DataType?.Value == CellValues.Boolean)
        {
            return value == "1" ? "TRUE" : "FALSE";
        }

        return value;
    }

    private static int ColumnOf(string reference)
    {
        int column = 0;
        foreach (char c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            column = (column * 26) + (c - 'A' + 1);
        }

        return column;
    }
}
