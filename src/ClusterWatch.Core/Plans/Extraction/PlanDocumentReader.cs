using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Turns an uploaded plan document (UTF-8/GB18030 text, .docx, saved .html) into plain text; any unreadable input is a PlanDocumentException.</summary>
public static class PlanDocumentReader
{
    public const int MaxBytes = 5 * 1024 * 1024;

    static PlanDocumentReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string ReadText(Stream stream, string fileName)
    {
        byte[] bytes;
        try { bytes = ReadAtMost(stream, MaxBytes + 1); }
        catch (Exception e) when (e is not PlanDocumentException) { throw new PlanDocumentException("文件读取失败，请重新上传。", e); }
        if (bytes.Length > MaxBytes) throw new PlanDocumentException($"文件超过 {MaxBytes / 1024 / 1024} MB，无法解析，请拆分后上传。");
        if (bytes.Length == 0) throw new PlanDocumentException("文件为空，没有可解析的文字。");

        if (bytes.Length >= 4 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F')
            throw new PlanDocumentException("暂不支持 PDF 文件，请另存为 .docx、.txt 或网页（.html）后上传。");
        if (bytes.Length >= 4 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
            throw new PlanDocumentException("暂不支持旧版 Word（.doc）或 Excel（.xls）文件，请另存为 .docx 后上传。");
        string text;
        if (bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) text = ReadDocx(bytes);
        else
        {
            text = DecodeText(bytes);
            var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
            if (extension is ".html" or ".htm" or ".shtml" or ".xhtml" || LooksLikeHtml(text)) text = HtmlText.Extract(text);
        }
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (string.IsNullOrWhiteSpace(text)) throw new PlanDocumentException("文件中没有可解析的文字。");
        return text;
    }

    private static byte[] ReadAtMost(Stream stream, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length))) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    /// <summary>UTF-8 (BOM or valid without), UTF-16 with BOM, else GB18030; text full of control characters is binary.</summary>
    private static string DecodeText(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) text = Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) text = Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        else
        {
            if (Array.IndexOf(bytes, (byte)0) >= 0) throw Binary();
            try { text = new UTF8Encoding(false, true).GetString(bytes); }
            catch (DecoderFallbackException)
            {
                var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
                text = gb.GetString(bytes);
                if (CountOf(text, '\uFFFD') > text.Length / 50 + 2) throw Binary();
            }
        }
        var control = 0;
        foreach (var c in text)
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        if (control > text.Length / 100 + 2) throw Binary();
        return text;
    }

    private static int CountOf(string text, char c)
    {
        var n = 0;
        foreach (var x in text) if (x == c) n++;
        return n;
    }

    private static PlanDocumentException Binary() =>
        new("文件不是可识别的文本（支持 UTF-8 或 GB18030/GBK 编码的 .txt、.docx、.html），请检查文件格式。");

    private static bool LooksLikeHtml(string text)
    {
        var head = text.Length > 2048 ? text[..2048] : text;
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<body", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Paragraphs in document order; every table cell on its own line.</summary>
    private static string ReadDocx(byte[] bytes)
    {
        try
        {
            using var memory = new MemoryStream(bytes, writable: false);
            using var document = WordprocessingDocument.Open(memory, false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new PlanDocumentException("Word 文档中没有正文。");
            var text = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                foreach (var element in paragraph.Descendants())
                {
                    if (element is Text t) text.Append(t.Text);
                    else if (element is TabChar) text.Append('\t');
                    else if (element is Break or CarriageReturn) text.Append('\n');
                }
                text.Append('\n');
                if (text.Length > MaxBytes * 2) throw new PlanDocumentException("Word 文档文字过多，无法解析。");
            }
            return text.ToString();
        }
        catch (PlanDocumentException) { throw; }
        catch (Exception e) { throw new PlanDocumentException("文件不是有效的 Word（.docx）文档，或已损坏。", e); }
    }
}

/// <summary>Article text of a saved web page: scripts, styles and navigation chrome removed, block elements as lines.</summary>
internal static class HtmlText
{
    private static readonly HashSet<string> SkippedTags = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select", "iframe", "head", "svg", "button", "template" };
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
        { "p", "div", "br", "tr", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "ul", "ol", "dd", "dt", "blockquote", "pre", "hr", "title" };
    private static readonly HashSet<string> VoidTags = new(StringComparer.OrdinalIgnoreCase)
        { "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr" };
    private static readonly string[] ChromeMarkers = ["nav", "menu", "footer", "header", "breadcrumb", "share", "sidebar", "crumb", "toolbar", "banner", "copyright", "topbar", "bottom"];

    public static string Extract(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        var paragraphStart = -1;
        string? skipping = null;
        var skipDepth = 0;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                var next = html.IndexOf('<', i);
                if (next < 0) next = html.Length;
                if (skipping is null) output.Append(html, i, next - i);
                i = next;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            var close = html.IndexOf('>', i + 1);
            if (close < 0) { if (skipping is null) output.Append(html, i, html.Length - i); break; }
            var tag = html.AsSpan(i + 1, close - i - 1);
            i = close + 1;
            var closing = tag.Length > 0 && tag[0] == '/';
            if (closing) tag = tag[1..];
            var nameLength = 0;
            while (nameLength < tag.Length && (char.IsAsciiLetterOrDigit(tag[nameLength]) || tag[nameLength] == '-')) nameLength++;
            if (nameLength == 0) continue;
            var name = tag[..nameLength].ToString();
            var selfClosing = VoidTags.Contains(name) || tag.EndsWith("/");

            if (skipping is not null)
            {
                if (name.Equals(skipping, StringComparison.OrdinalIgnoreCase) && !selfClosing)
                {
                    skipDepth += closing ? -1 : 1;
                    if (skipDepth == 0) skipping = null;
                }
                continue;
            }
            if (!closing && !selfClosing && (SkippedTags.Contains(name) || IsChrome(tag[nameLength..])))
            {
                if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    // Raw text elements: jump to their end tag, whatever they contain.
                    var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    if (end < 0) break;
                    var endClose = html.IndexOf('>', end);
                    i = endClose < 0 ? html.Length : endClose + 1;
                    continue;
                }
                skipping = name;
                skipDepth = 1;
                continue;
            }
            if (name.Equals("p", StringComparison.OrdinalIgnoreCase))
            {
                // An empty paragraph is kept as a blank line: converted plans mark lost headings with them.
                if (!closing) paragraphStart = output.Length;
                else
                {
                    if (paragraphStart >= 0 && IsBlank(output, paragraphStart)) output.Append('\n').Append(EmptyParagraph).Append('\n');
                    paragraphStart = -1;
                }
            }
            if (BlockTags.Contains(name)) output.Append('\n');
        }
        var decoded = WebUtility.HtmlDecode(output.ToString()).Replace('\u00A0', ' ');
        var lines = new List<string>();
        foreach (var raw in decoded.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line == EmptyParagraph.ToString()) { if (lines.Count > 0 && lines[^1].Length > 0) lines.Add(""); }
            else if (line.Trim().Length > 0) lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    private const char EmptyParagraph = '\uE000'; // private-use: survives trimming, never in real text

    private static bool IsBlank(StringBuilder output, int from)
    {
        var text = output.ToString(from, output.Length - from).Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase)
            .Replace("&#160;", " ", StringComparison.Ordinal);
        return string.IsNullOrWhiteSpace(text);
    }

    private static bool IsChrome(ReadOnlySpan<char> attributes)
    {
        foreach (var attribute in new[] { "class=", "id=" })
        {
            var at = attributes.IndexOf(attribute, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            var value = attributes[(at + attribute.Length)..];
            var quote = value.Length > 0 && value[0] is '"' or '\'' ? value[0] : ' ';
            if (quote != ' ') value = value[1..];
            var end = value.IndexOf(quote);
            if (end >= 0) value = value[..end];
            // "article-header", "content-title": chrome words inside an article's own block are not chrome.
            if (value.Contains("article", StringComparison.OrdinalIgnoreCase) || value.Contains("content", StringComparison.OrdinalIgnoreCase)
                || value.Contains("title", StringComparison.OrdinalIgnoreCase)) return false;
            foreach (var marker in ChromeMarkers)
                if (value.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
