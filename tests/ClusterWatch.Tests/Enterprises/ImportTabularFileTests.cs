using System.Text;
using ClusterWatch.Core.Data;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ClusterWatch.Tests.Enterprises;

public class ImportTabularFileTests
{
    static ImportTabularFileTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string ChineseCsv = "统一社会信用代码,企业名称,注册地区\r\n91440300MA5FXXXXXX,深圳迈瑞生物医疗电子股份有限公司,南山区\r\n";

    private static TabularTable Read(byte[] bytes, string name = "企业.csv") => TabularFileReader.Read(new MemoryStream(bytes), name);

    [Fact]
    public void A_gb18030_csv_is_decoded_from_its_bytes_whatever_its_name()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(ChineseCsv);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));

        var table = Read(bytes, "data.txt");

        Assert.Equal(["统一社会信用代码", "企业名称", "注册地区"], table.Headers);
        var row = Assert.Single(table.Rows);
        Assert.Equal(2, row.RowNumber);
        Assert.Equal("深圳迈瑞生物医疗电子股份有限公司", row.Get("企业名称"));
        Assert.Equal("南山区", row.Get("注册地区"));
    }

    [Fact]
    public void A_utf8_csv_with_bom_reads_the_first_header_without_the_bom()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes(ChineseCsv)).ToArray();

        var table = Read(bytes);

        Assert.Equal("统一社会信用代码", table.Headers[0]);
        Assert.Equal("91440300MA5FXXXXXX", table.Rows[0].Get("统一社会信用代码"));
    }

    [Fact]
    public void Quoted_cells_keep_commas_quotes_and_line_breaks()
    {
        var table = Read(Encoding.UTF8.GetBytes("名称,备注\n\"甲,乙\",\"他说\"\"好\"\"\n第二行\"\n"));

        Assert.Equal("甲,乙", table.Rows[0].Get("名称"));
        Assert.Equal("他说\"好\"\n第二行", table.Rows[0].Get("备注"));
    }

    [Fact]
    public void Binary_junk_is_rejected_with_an_encoding_error()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[0] = 0x81; // not PK/OLE magic

        var error = Assert.Throws<TabularFileException>(() => Read(junk));

        Assert.Contains("编码无法识别", error.Message);
    }

    [Fact]
    public void Utf16_without_a_bom_is_rejected_with_an_encoding_error()
    {
        var error = Assert.Throws<TabularFileException>(() => Read(Encoding.Unicode.GetBytes(ChineseCsv)));
        Assert.Contains("编码无法识别", error.Message);
    }

    [Fact]
    public void An_empty_file_and_a_file_without_a_header_are_rejected()
    {
        Assert.Contains("空文件", Assert.Throws<TabularFileException>(() => Read([])).Message);
        Assert.Contains("表头", Assert.Throws<TabularFileException>(() => Read(Encoding.UTF8.GetBytes("\r\n,,\r\n"))).Message);
    }

    [Fact]
    public void A_legacy_xls_file_is_rejected_with_a_hint_to_save_as_xlsx()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        Assert.Contains(".xlsx", Assert.Throws<TabularFileException>(() => Read(ole, "old.xls")).Message);
    }

    [Fact]
    public void An_xlsx_written_by_XlsxWriter_reads_back_with_the_same_values()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "企业", ["代码", "名称", "营业收入（万元）", "人数", "空"],
        [
            ["91440300MA5FXXXXXX", "深圳示例生物", 12345.67m, 320, null],
            ["000001", "带,逗号", 0.5, 0L, ""],
        ]);

        var table = Read(stream.ToArray(), "export.xlsx");

        Assert.Equal(["代码", "名称", "营业收入（万元）", "人数", "空"], table.Headers);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("91440300MA5FXXXXXX", table.Rows[0].Get("代码"));
        Assert.Equal("12345.67", table.Rows[0].Get("营业收入（万元）"));
        Assert.Equal("320", table.Rows[0].Get("人数"));
        Assert.Equal("", table.Rows[0].Get("空"));
        Assert.Equal("000001", table.Rows[1].Get("代码"));
        Assert.Equal("带,逗号", table.Rows[1].Get("名称"));
        Assert.Equal(3, table.Rows[1].RowNumber);
    }

    [Fact]
    public void The_xlsx_has_a_bold_frozen_header_and_numbers_stored_as_numbers()
    {
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "表", ["名称", "金额"], [["甲", 1.5m]]);

        using var doc = SpreadsheetDocument.Open(new MemoryStream(stream.ToArray()), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        var cells = sheet.Descendants<Cell>().ToList();
        var headerFont = doc.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)doc.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells[0].StyleIndex!.Value).FontId!.Value);
        Assert.NotNull(headerFont.Bold);
        Assert.Equal(CellValues.Number, cells.Single(c => c.CellReference == "B2").DataType!.Value);
        Assert.NotEmpty(sheet.Descendants<Column>());
    }

    [Fact]
    public void Dates_and_shared_strings_in_an_excel_made_workbook_are_read_as_text()
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var sst = wb.AddNewPart<SharedStringTablePart>();
            sst.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("日期")), new SharedStringItem(new Text("名称")), new SharedStringItem(new Text("深圳")));
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var ws = wb.AddNewPart<WorksheetPart>();
            ws.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                        new Cell { CellReference = "B1", DataType = CellValues.SharedString, CellValue = new CellValue("1") }) { RowIndex = 1 },
                new Row(new Cell { CellReference = "A3", StyleIndex = 1, CellValue = new CellValue("45658") },
                        new Cell { CellReference = "B3", DataType = CellValues.SharedString, CellValue = new CellValue("2") }) { RowIndex = 3 }));
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "S" }));
        }

        var table = Read(stream.ToArray(), "x.xlsx");

        var row = Assert.Single(table.Rows);
        Assert.Equal(3, row.RowNumber);
        Assert.Equal("2025-01-01", row.Get("日期"));
        Assert.Equal("深圳", row.Get("名称"));
    }
}
