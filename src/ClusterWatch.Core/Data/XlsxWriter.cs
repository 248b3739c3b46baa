using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClusterWatch.Core.Data;

/// <summary>One worksheet to write: a header row and data rows (numbers stay numbers, everything else is text).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Writes real .xlsx workbooks (bold frozen header, numeric cells, fitted column widths), streaming the rows.</summary>
public static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint DecimalStyle = 2;
    private const int WidthSampleRows = 1000;

    public static void Write(Stream stream, string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) =>
        Write(stream, [new XlsxSheet(sheetName, headers, rows)]);

    public static void Write(Stream stream, IReadOnlyList<XlsxSheet> sheets)
    {
        // OpenXml needs a seekable stream; response bodies are not.
        var target = stream.CanSeek ? stream : new MemoryStream();
        using (var document = SpreadsheetDocument.Create(target, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = BuildStylesheet();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(worksheetPart, sheet);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = SafeSheetName(sheet.Name, usedNames) });
            }
            workbookPart.Workbook.Save();
        }
        if (!ReferenceEquals(target, stream))
        {
            target.Position = 0;
            target.CopyTo(stream);
        }
    }

    /// <summary>Writes the workbook into a byte array (for downloads).</summary>
    public static byte[] ToBytes(IReadOnlyList<XlsxSheet> sheets)
    {
        using var memory = new MemoryStream();
        Write(memory, sheets);
        return memory.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var rows = sheet.Rows.GetEnumerator();
        var sample = new List<IReadOnlyList<object?>>();
        while (sample.Count < WidthSampleRows && rows.MoveNext()) sample.Add(rows.Current);
        var widths = ColumnWidths(sheet.Headers, sample);

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = true });
        writer.WriteElement(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        writer.WriteElement(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
        writer.WriteEndElement();
        writer.WriteEndElement();
        if (widths.Length > 0)
        {
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Length; i++)
                writer.WriteElement(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            writer.WriteEndElement();
        }
        writer.WriteStartElement(new SheetData());
        var rowIndex = 1u;
        WriteRow(writer, rowIndex++, sheet.Headers.Cast<object?>().ToList(), HeaderStyle);
        foreach (var row in sample) WriteRow(writer, rowIndex++, row, null);
        while (rows.MoveNext()) WriteRow(writer, rowIndex++, rows.Current, null);
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowIndex, IReadOnlyList<object?> values, uint? style)
    {
        writer.WriteStartElement(new Row { RowIndex = rowIndex });
        for (var i = 0; i < values.Count; i++)
        {
            var cell = CreateCell(values[i], style);
            if (cell is null) continue;
            cell.CellReference = ColumnName(i) + rowIndex.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell? CreateCell(object? value, uint? style)
    {
        string? number = value switch
        {
            int v => v.ToString(CultureInfo.InvariantCulture),
            long v => v.ToString(CultureInfo.InvariantCulture),
            short v => v.ToString(CultureInfo.InvariantCulture),
            decimal v => v.ToString(CultureInfo.InvariantCulture),
            double v when double.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
            float v when float.IsFinite(v) => v.ToString("R", CultureInfo.InvariantCulture),
            _ => null,
        };
        if (number is not null)
        {
            var isFraction = value is decimal or double or float;
            return new Cell { CellValue = new CellValue(number), DataType = CellValues.Number, StyleIndex = style ?? (isFraction ? DecimalStyle : null) };
        }
        var text = value switch
        {
            null => null,
            string s => s,
            bool b => b ? "是" : "否",
            DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        if (string.IsNullOrEmpty(text)) return style is null ? null : new Cell { StyleIndex = style };
        return new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(SanitizeXml(text)) { Space = SpaceProcessingModeValues.Preserve }),
            StyleIndex = style,
        };
    }

    /// <summary>XML 1.0 forbids most control characters; they would make the file unreadable.</summary>
    private static string SanitizeXml(string text) =>
        text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray()) : text;

    private static double[] ColumnWidths(IReadOnlyList<string> headers, List<IReadOnlyList<object?>> sample)
    {
        var count = Math.Max(headers.Count, sample.Count == 0 ? 0 : sample.Max(r => r.Count));
        var widths = new double[count];
        for (var i = 0; i < count; i++)
        {
            var longest = i < headers.Count ? DisplayLength(headers[i]) + 2 : 0;
            foreach (var row in sample)
                if (i < row.Count && row[i] is not null)
                    longest = Math.Max(longest, DisplayLength(Convert.ToString(row[i], CultureInfo.InvariantCulture) ?? ""));
            widths[i] = Math.Clamp(longest + 2, 8, 60);
        }
        return widths;
    }

    /// <summary>CJK characters take about two Latin character widths in Excel.</summary>
    private static int DisplayLength(string text) => text.Sum(c => c > 0x2E80 ? 2 : 1);

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string SafeSheetName(string name, HashSet<string> used)
    {
        var cleaned = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim('\'');
        if (cleaned.Length == 0) cleaned = "Sheet";
        if (cleaned.Length > 31) cleaned = cleaned[..31];
        var candidate = cleaned;
        for (var n = 2; !used.Add(candidate); n++) candidate = (cleaned.Length > 27 ? cleaned[..27] : cleaned) + $"({n})";
        return candidate;
    }

    private static Stylesheet BuildStylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "等线" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "等线" })) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true }) { Count = 3 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
