using System.Text;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>One logical paragraph of a plan with the heading numbers on the path to it.</summary>
internal sealed class PlanParagraph
{
    public required string Text { get; init; }
    public required string[] Path { get; init; }          // 一, （一）, 1, (1) at this point; "" where absent
    public required string?[] Titles { get; init; }
    public int HeadingLevel { get; init; }                 // 1-4 when the paragraph starts with a heading marker, else 0
    public int BodyStart { get; init; }                    // where the text after the heading's own title starts
    public bool IsShortCell { get; init; }                 // a short line without sentence punctuation (table cells, labels)

    public string Number => string.Join('.', Path.Where(p => p.Length > 0));
    public int Depth => Array.FindLastIndex(Path, p => p.Length > 0) + 1;
}

/// <summary>Splits a plan text into paragraphs: rejoins hard-wrapped lines, reads heading levels 一、（一）1．(1),
/// and rebuilds lost level-1 headings from blank lines when a text has only lower levels.</summary>
internal static class PlanOutline
{
    public const string ChineseDigits = "一二三四五六七八九十";

    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '０' and <= '９') builder.Append((char)('0' + (c - '０')));
            else if (c == '\r') continue;
            else if (c is '\u3000' or '\u00A0' or '\t' or '\u2002' or '\u2003' or '\u200B' or '\uFEFF') builder.Append(' ');
            else if (c == '％') builder.Append('%');
            else builder.Append(c);
        }
        return builder.ToString();
    }

    public static List<PlanParagraph> Build(string[] lines, int bodyStart)
    {
        var joined = JoinWrappedLines(lines, bodyStart);
        var hasLevelOne = joined.Any(l => !l.Blank && HeadingLevel(l.Text, out _, out _) == 1);
        var hasLevelTwo = joined.Any(l => !l.Blank && HeadingLevel(l.Text, out _, out _) == 2);
        var rebuildLevelOne = !hasLevelOne && hasLevelTwo && joined.Count(l => l.Blank) * 4 < joined.Count;

        var paragraphs = new List<PlanParagraph>();
        var path = new[] { "", "", "", "" };
        var titles = new string?[4];
        var lostLevelOne = 0;
        var blankBefore = false;
        var seenText = false;
        foreach (var line in joined)
        {
            if (line.Blank) { blankBefore = seenText; continue; }
            var text = line.Text;
            var shortCell = IsShortCell(text);
            if (rebuildLevelOne && blankBefore && !shortCell && lostLevelOne < 30)
            {
                lostLevelOne++;
                path = [ChineseOrdinal(lostLevelOne), "", "", ""];
                titles = [null, null, null, null];
            }
            blankBefore = false;
            seenText = true;

            var level = HeadingLevel(text, out var label, out var markerEnd);
            var bodyStartAt = 0;
            if (level > 0)
            {
                for (var k = level - 1; k < 4; k++) { path[k] = ""; titles[k] = null; }
                path[level - 1] = label;
                var title = HeadingTitle(text, markerEnd, out bodyStartAt);
                titles[level - 1] = title;
            }
            paragraphs.Add(new PlanParagraph
            {
                Text = text, Path = (string[])path.Clone(), Titles = (string?[])titles.Clone(), HeadingLevel = level,
                BodyStart = bodyStartAt, IsShortCell = shortCell && level == 0,
            });
        }
        return paragraphs;
    }

    public static string ChineseOrdinal(int n) => n switch
    {
        <= 0 => n.ToString(),
        <= 10 => n == 10 ? "十" : ChineseDigits[n - 1].ToString(),
        < 20 => "十" + ChineseDigits[n - 11],
        < 100 => ChineseDigits[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : ChineseDigits[n % 10 - 1].ToString()),
        _ => n.ToString(),
    };

    public static bool IsShortCell(string text) =>
        text.Length <= 20 && text.IndexOfAny(['。', '，', '；', '：', ':', '！', '？']) < 0;

    private readonly record struct Line(string Text, bool Blank);

    /// <summary>Hard-wrapped texts (most lines about the same width, short) get their wrapped lines joined back.</summary>
    private static List<Line> JoinWrappedLines(string[] lines, int bodyStart)
    {
        var trimmed = new List<string>(lines.Length);
        for (var i = bodyStart; i < lines.Length; i++) trimmed.Add(lines[i].Trim());
        var width = WrapWidth(trimmed);
        var hardWrapped = width > 0;

        var result = new List<Line>(trimmed.Count);
        var current = new StringBuilder();
        var lastLength = 0;
        foreach (var line in trimmed)
        {
            if (line.Length == 0)
            {
                if (!hardWrapped) { Flush(); result.Add(new Line("", true)); }
                continue;
            }
            if (current.Length > 0 && (!hardWrapped || HeadingLevel(line, out _, out _) > 0 || !Continues(current, lastLength, width)))
                Flush();
            current.Append(line);
            lastLength = line.Length;
        }
        Flush();
        return result;

        void Flush()
        {
            if (current.Length == 0) return;
            result.Add(new Line(current.ToString(), false));
            current.Clear();
        }
    }

    /// <summary>The common line width of a hard-wrapped text (most longer lines within a few characters of it), else 0.</summary>
    private static int WrapWidth(List<string> lines)
    {
        var counts = new Dictionary<int, int>();
        var longer = 0;
        foreach (var line in lines)
        {
            if (line.Length < 12) continue;
            longer++;
            counts[line.Length] = counts.GetValueOrDefault(line.Length) + 1;
        }
        if (longer < 20) return 0;
        var best = 0;
        var bestCount = 0;
        foreach (var width in counts.Keys)
        {
            if (width > 60) continue;
            var near = 0;
            for (var w = width - 3; w <= width + 1; w++) near += counts.GetValueOrDefault(w);
            if (near > bestCount) { best = width; bestCount = near; }
        }
        return bestCount * 2 >= longer ? best + 1 : 0;
    }

    private static bool Continues(StringBuilder previous, int lastLineLength, int width)
    {
        if (lastLineLength < width - 4) return false;
        var last = previous[^1];
        // "（责任单位：" wrapped at the colon continues: the bracket is still open.
        if (last is '：' or ':' or '，' or '、') return true;
        return last is not ('。' or '！' or '？' or '；') || HasOpenBracket(previous);
    }

    private static bool HasOpenBracket(StringBuilder text)
    {
        var depth = 0;
        for (var k = Math.Max(0, text.Length - 400); k < text.Length; k++)
        {
            if (text[k] is '（' or '(') depth++;
            else if (text[k] is '）' or ')' && depth > 0) depth--;
        }
        return depth > 0;
    }

    /// <summary>Heading level of a line: 1 一、 2 （一） 3 1． 4 (1); label is the number as the gold writes it.</summary>
    public static int HeadingLevel(string text, out string label, out int markerEnd)
    {
        label = "";
        markerEnd = 0;
        var i = 0;
        while (i < text.Length && text[i] == ' ') i++;
        if (i >= text.Length) return 0;
        var c = text[i];
        if (ChineseDigits.Contains(c))
        {
            var j = i;
            while (j < text.Length && j - i < 3 && ChineseDigits.Contains(text[j])) j++;
            if (j < text.Length && text[j] == '、') { label = text[i..j]; markerEnd = j + 1; return 1; }
            return 0;
        }
        if (c is '（' or '(')
        {
            var j = i + 1;
            while (j < text.Length && text[j] == ' ') j++;
            var start = j;
            var chinese = j < text.Length && ChineseDigits.Contains(text[j]);
            while (j < text.Length && j - start < 3 && (chinese ? ChineseDigits.Contains(text[j]) : ChineseNumber.IsDigit(text[j]))) j++;
            if (j == start) return 0;
            var digits = text[start..j];
            while (j < text.Length && text[j] == ' ') j++;
            if (j >= text.Length || text[j] is not ('）' or ')')) return 0;
            markerEnd = j + 1;
            if (chinese) { label = "（" + digits + "）"; return 2; }
            label = "(" + digits + ")";
            return 4;
        }
        if (ChineseNumber.IsDigit(c))
        {
            var j = i;
            while (j < text.Length && j - i < 2 && ChineseNumber.IsDigit(text[j])) j++;
            if (j < text.Length && text[j] is '．' or '、' or '.' && !(j + 1 < text.Length && ChineseNumber.IsDigit(text[j + 1])))
            {
                label = text[i..j];
                markerEnd = j + 1;
                return 3;
            }
        }
        return 0;
    }

    /// <summary>The heading's own words: up to the first 。 (or the whole line when it has none).</summary>
    private static string? HeadingTitle(string text, int markerEnd, out int bodyStart)
    {
        var end = text.IndexOf('。', markerEnd);
        if (end < 0)
        {
            bodyStart = text.Length;
            var whole = text[markerEnd..].Trim();
            return whole.Length == 0 ? null : whole;
        }
        bodyStart = end + 1;
        var title = text[markerEnd..end].Trim();
        return title.Length == 0 ? null : title;
    }
}
