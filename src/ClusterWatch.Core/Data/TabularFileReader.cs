using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClusterWatch.Core.Data;

/// <summary>One data row of a table file: its row number as the user sees it (header = 1) and its cells by header.</summary>
public sealed record TabularRow(int RowNumber, IReadOnlyDictionary<string, string> Cells)
{
    /// <summary>The trimmed cell under header, or "" when the column or the cell is missing.</summary>
    public string Get(string header) => Cells.TryGetValue(header, out var value) ? value : "";
}

/// <summary>The headers (in file order) and data rows of the first sheet of an XLSX or of a CSV file.</summary>
public sealed record TabularTable(IReadOnlyList<string> Headers, IReadOnlyList<TabularRow> Rows);

/// <summary>A file that cannot be read as a table; the message is in Chinese and shown to the user as is.</summary>
public sealed class TabularFileException(string message) : Exception(message);

/// <summary>Reads CSV (UTF-8 with or without BOM, or GB18030, detected from the bytes) and XLSX (first sheet) into rows keyed by header.</summary>
public static class TabularFileReader
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const int MaxRows = 500_000;

    static TabularFileReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TabularTable Read(Stream stream, string fileName)
    {
        var bytes = ReadAllBytes(stream);
        if (bytes.Length == 0) throw new TabularFileException($"文件“{fileName}”是空文件");
        if (IsZip(bytes)) return ReadXlsx(bytes, fileName);
        if (IsOleCompound(bytes)) throw new TabularFileException($"文件“{fileName}”是旧版 Excel（.xls）格式，请在 Excel 中另存为 .xlsx 或 CSV 后再导入");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            throw new TabularFileException($"文件“{fileName}”扩展名为 .xlsx，但内容不是有效的 Excel 工作簿");
        return ParseCsv(DecodeText(bytes, fileName), fileName);
    }

    private static byte[] ReadAllBytes(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes) throw new TabularFileException($"文件超过 {MaxBytes / 1024 / 1024} MB 上限，请拆分后分批导入");
        }
        return buffer.ToArray();
    }

    private static bool IsZip(byte[] b) => b.Length >= 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04;
    private static bool IsOleCompound(byte[] b) => b.Length >= 8 && b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0;

    /// <summary>Decodes by content: BOM first, then strict UTF-8, then strict GB18030; control characters mean it was not text.</summary>
    public static string DecodeText(byte[] bytes, string fileName)
    {
        string? text = null;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            text = TryDecode(new UTF8Encoding(false, true), bytes, 3);
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            text = TryDecode(new UnicodeEncoding(false, false, true), bytes, 2);
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            text = TryDecode(new UnicodeEncoding(true, false, true), bytes, 2);
        else
            text = TryDecode(new UTF8Encoding(false, true), bytes, 0)
                ?? TryDecode(Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback), bytes, 0);
        if (text is null || text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')) || text.Contains('\uFFFD'))
            throw new TabularFileException($"文件“{fileName}”编码无法识别：请保存为 UTF-8 或 GBK/GB18030 编码的 CSV，或 Excel（.xlsx）文件");
        return text;
    }

    private static string? TryDecode(Encoding encoding, byte[] bytes, int offset)
    {
        try { return encoding.GetString(bytes, offset, bytes.Length - offset); }
        catch (DecoderFallbackException) { return null; }
    }

    private static TabularTable ParseCsv(string text, string fileName)
    {
        var records = SplitCsv(text, DetectDelimiter(text));
        return Build(records.Select((cells, index) => (index + 1, (IReadOnlyList<string>)cells)), fileName);
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var firstLine = end < 0 ? text : text[..end];
        return firstLine.Count(c => c == '\t') > firstLine.Count(c => c == ',') ? '\t' : ',';
    }

    /// <summary>RFC 4180: quoted fields may hold delimiters, doubled quotes and line breaks.</summary>
    private static List<List<string>> SplitCsv(string text, char delimiter)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) inQuotes = true;
            else if (c == delimiter) { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString()); field.Clear();
                records.Add(record); record = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }

    private static TabularTable Build(IEnumerable<(int RowNumber, IReadOnlyList<string> Cells)> records, string fileName)
    {
        List<string>? headers = null;
        var rows = new List<TabularRow>();
        foreach (var (rowNumber, cells) in records)
        {
            if (headers is null)
            {
                if (cells.All(string.IsNullOrWhiteSpace)) continue;
                headers = cells.Select(h => h.Trim().Trim('\uFEFF')).ToList();
                var duplicate = headers.Where(h => h.Length > 0).GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
                if (duplicate is not null) throw new TabularFileException($"表头“{duplicate.Key}”出现了不止一次");
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            if (rows.Count >= MaxRows) throw new TabularFileException($"文件超过 {MaxRows:N0} 行上限，请拆分后分批导入");
            var map = new Dictionary<string, string>(headers.Count);
            for (var i = 0; i < headers.Count; i++)
                if (headers[i].Length > 0) map[headers[i]] = i < cells.Count ? cells[i].Trim() : "";
            rows.Add(new TabularRow(rowNumber, map));
        }
        if (headers is null || headers.All(h => h.Length == 0)) throw new TabularFileException($"文件“{fileName}”没有表头行");
        return new TabularTable(headers.Where(h => h.Length > 0).ToList(), rows);
    }

    private static TabularTable ReadXlsx(byte[] bytes, string fileName)
    {
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            using var document = SpreadsheetDocument.Open(memory, false);
            var workbookPart = document.WorkbookPart ?? throw new TabularFileException($"文件“{fileName}”不是有效的 Excel 工作簿");
            var sheet = workbookPart.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new TabularFileException($"文件“{fileName}”没有工作表");
            var worksheetPart = (WorksheetPart)workbookPart.GetPartById(sheet.Id!.Value!);
            var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>()
                .Select(item => item.InnerText).ToArray() ?? [];
            var dateStyles = DateStyleIndexes(workbookPart);
            return Build(ReadXlsxRows(worksheetPart, sharedStrings, dateStyles), fileName);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or IOException)
        {
            throw new TabularFileException($"文件“{fileName}”不是有效的 Excel（.xlsx）工作簿：{e.Message}");
        }
    }

    private static IEnumerable<(int, IReadOnlyList<string>)> ReadXlsxRows(WorksheetPart part, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        using var reader = OpenXmlReader.Create(part);
        var nextRow = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            var rowNumber = row.RowIndex?.Value is uint index ? (int)index : nextRow;
            nextRow = rowNumber + 1;
            var cells = new List<string>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is string reference ? ColumnIndex(reference) : nextColumn;
                while (cells.Count < column) cells.Add("");
                cells.Add(CellText(cell, sharedStrings, dateStyles));
                nextColumn = column + 1;
            }
            yield return (rowNumber, (IReadOnlyList<string>)cells);
        }
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c)) break;
            index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        }
        return index - 1;
    }

    private static string CellText(Cell cell, string[] sharedStrings, HashSet<uint> dateStyles)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, out var i) && i >= 0 && i < sharedStrings.Length ? sharedStrings[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? raw;
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type == CellValues.String || type == CellValues.Error) return raw;
        if (raw.Length == 0) return "";
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return raw;
        if (cell.StyleIndex?.Value is uint style && dateStyles.Contains(style) && number is > 0 and < 2958466)
        {
            var date = DateTime.FromOADate(number);
            return date.TimeOfDay == TimeSpan.Zero ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        // Excel writes 1E+17-style text for large numbers; users expect the digits.
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
            ? exact.ToString(CultureInfo.InvariantCulture)
            : raw;
    }

    private static HashSet<uint> DateStyleIndexes(WorkbookPart workbookPart)
    {
        var result = new HashSet<uint>();
        var stylesheet = workbookPart.WorkbookStylesPart?.Stylesheet;
        if (stylesheet?.CellFormats is null) return result;
        var customDateFormats = stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && LooksLikeDate(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        uint index = 0;
        foreach (var format in stylesheet.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is >= 14 and <= 22 or >= 45 and <= 47 || customDateFormats.Contains(id)) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool LooksLikeDate(string? formatCode)
    {
        if (string.IsNullOrEmpty(formatCode)) return false;
        var withoutQuoted = System.Text.RegularExpressions.Regex.Replace(formatCode, "\"[^\"]*\"|\\[[^\\]]*\\]|\\\\.", "");
        return withoutQuoted.IndexOfAny(['y', 'Y', 'd', 'D', 'm', 'M', 'h', 'H']) >= 0 && !withoutQuoted.Contains("General", StringComparison.OrdinalIgnoreCase);
    }
}
