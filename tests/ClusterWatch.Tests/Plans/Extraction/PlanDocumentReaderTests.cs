using System.Net;
using System.Text;
using ClusterWatch.Core.Plans.Extraction;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ClusterWatch.Tests.Plans.Extraction;

/// <summary>Plan documents in the forms the office receives them: UTF-8, GB18030/GBK, .docx, saved web pages.</summary>
public sealed class PlanDocumentReaderTests
{
    private const string Sample = "深圳市生物医药产业行动计划（2021-2025年）\n到2025年，产业规模突破2000亿元。（责任单位：市发展改革委）";

    static PlanDocumentReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Read(byte[] bytes, string name) => PlanDocumentReader.ReadText(new MemoryStream(bytes), name);

    [Fact]
    public void Utf8_with_and_without_a_byte_order_mark_reads_the_same()
    {
        var plain = Encoding.UTF8.GetBytes(Sample);
        Assert.Equal(Sample, Read(plain, "plan.txt"));
        Assert.Equal(Sample, Read([0xEF, 0xBB, 0xBF, .. plain], "plan.txt"));
    }

    [Theory]
    [InlineData("GB18030")]
    [InlineData("GBK")]
    public void Chinese_legacy_encodings_are_detected_from_the_bytes_not_the_name(string encoding)
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(Sample);

        Assert.Equal(Sample, Read(bytes, "plan-utf8.txt"));
        Assert.Equal(Sample, Read(bytes, "no-extension"));
    }

    [Fact]
    public void A_docx_gives_paragraphs_in_order_and_each_table_cell_on_its_own_line()
    {
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(
                new Paragraph(new Run(new Text("一、发展目标"))),
                new Paragraph(new Run(new Text("到2025年，产业规模")), new Run(new Text("突破2000亿元。"))),
                new Table(
                    new TableRow(new TableCell(new Paragraph(new Run(new Text("2025年")))), new TableCell(new Paragraph(new Run(new Text("生物"))))),
                    new TableRow(new TableCell(new Paragraph(new Run(new Text("南山区")))), new TableCell(new Paragraph(new Run(new Text("300")))))),
                new Paragraph(new Run(new Text("（责任单位：市发展改革委）")))));
        }

        var text = Read(memory.ToArray(), "upload.bin");

        Assert.Equal(["一、发展目标", "到2025年，产业规模突破2000亿元。", "2025年", "生物", "南山区", "300", "（责任单位：市发展改革委）"],
            text.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [MemberData(nameof(PlanExtractorScoreTests.Documents), MemberType = typeof(PlanExtractorScoreTests))]
    public void A_seed_plan_as_gb18030_text_or_as_docx_reads_to_the_same_extraction(string slug)
    {
        var text = SeedDocuments.Text(slug);
        var expected = PlanExtractor.Parse(text).ToJson();

        var fromGb = Read(Encoding.GetEncoding("GB18030").GetBytes(text), slug + ".txt");
        Assert.Equal(expected, PlanExtractor.Parse(fromGb).ToJson());

        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Replace("\r", "").Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
        }
        Assert.Equal(expected, PlanExtractor.Parse(Read(memory.ToArray(), slug + ".docx")).ToJson());
    }

    [Fact]
    public void A_work_plan_saved_as_a_web_page_keeps_its_empty_paragraphs_and_extracts_as_the_text_does()
    {
        const string slug = "shenzhen-bio-internet-newenergy-workplan-2010-2012";
        var text = SeedDocuments.Text(slug);
        var html = new StringBuilder("<html><head><script>var x=1;</script></head><body><div class=\"nav\">首页 政务公开</div><div class=\"article\">");
        foreach (var line in text.Replace("\r", "").Split('\n')) html.Append("<p>").Append(WebUtility.HtmlEncode(line.Length == 0 ? "\u3000" : line)).Append("</p>\n");
        html.Append("</div></body></html>");

        var fromPage = PlanExtractor.Parse(Read(Encoding.UTF8.GetBytes(html.ToString()), slug + ".html"));

        var score = ExtractionScorer.Score(fromPage, SeedDocuments.Gold(slug));
        Assert.All(score.Categories, c => Assert.True(c.Score.F1 >= 0.95, $"{c.Category} {c.Score}"));
        Assert.Equal(SeedDocuments.Gold(slug).Tasks.Select(t => t.Number), fromPage.Tasks.Select(t => t.Number));
    }

    [Fact]
    public void A_saved_government_page_keeps_the_article_and_drops_scripts_styles_and_navigation()
    {
        const string html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>门户网站</title><style>p{color:red}</style>
            <script>var a = "<p>不要我</p>";</script></head><body>
            <div class="nav-bar"><a href="/">首页</a><a>政务公开</a></div>
            <header><div>网站导航</div></header>
            <div class="article"><h1>深圳市测试行动计划（2021-2025年）</h1>
            <p>到2025年，产业规模突破2000&nbsp;亿元。</p><p>（责任单位：市发展改革委&amp;市科技创新委）</p>
            <table><tr><td>南山区</td><td>300</td></tr></table></div>
            <!-- <p>注释</p> --><footer>版权所有</footer><div id="share-box">分享到微信</div></body></html>
            """;

        var text = Read(Encoding.UTF8.GetBytes(html), "page.htm");

        Assert.Contains("深圳市测试行动计划（2021-2025年）", text);
        Assert.Contains("到2025年，产业规模突破2000 亿元。", text);
        Assert.Contains("（责任单位：市发展改革委&市科技创新委）", text);
        Assert.Contains("南山区\n300", text);
        foreach (var chrome in new[] { "不要我", "首页", "网站导航", "注释", "版权所有", "分享到微信", "color:red" })
            Assert.DoesNotContain(chrome, text);
    }

    [Fact]
    public void A_gbk_web_page_is_decoded_and_stripped()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes("<html><body><p>到2025年，产业规模突破2000亿元。</p></body></html>");

        Assert.Equal("到2025年，产业规模突破2000亿元。", Read(bytes, "page.html"));
    }

    [Theory]
    [InlineData(new byte[0], "为空")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "不是可识别的文本")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00 }, "Word")]
    [InlineData(new byte[] { 0x20, 0x0A, 0x20 }, "没有可解析的文字")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x34, 0x0A }, "PDF")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, ".doc")]
    public void Empty_binary_and_broken_files_get_a_clear_chinese_error(byte[] bytes, string expected)
    {
        var error = Assert.Throws<PlanDocumentException>(() => Read(bytes, "plan.txt"));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_file_over_five_megabytes_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('规', PlanDocumentReader.MaxBytes / 3 + 10));

        var error = Assert.Throws<PlanDocumentException>(() => Read(bytes, "big.txt"));
        Assert.Contains("5 MB", error.Message);
    }
}
