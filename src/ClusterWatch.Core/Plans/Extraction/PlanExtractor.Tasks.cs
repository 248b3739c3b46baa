namespace ClusterWatch.Core.Plans.Extraction;

internal sealed partial class PlanTextParser
{
    private const int MaxNoteLength = 400;

    /// <summary>Every responsible-unit note becomes a task numbered by the headings on the path to it.</summary>
    private List<PlanExtraction.TaskItem> FindTasks()
    {
        var tasks = new List<PlanExtraction.TaskItem>();
        foreach (var paragraph in _paragraphs)
        {
            var text = paragraph.Text;
            var compactLine = text.TrimStart();
            // A note written as its own line: "责任单位：…" / "牵头单位：…".
            if (StartsWithLabel(compactLine))
            {
                var note = UnitList.ParseNote(compactLine);
                if (note is not null) tasks.Add(TaskAt(paragraph, note.Value));
                continue;
            }
            var i = 0;
            while (i < text.Length)
            {
                var open = text.IndexOfAny(['（', '('], i);
                if (open < 0) break;
                var close = MatchingClose(text, open);
                if (close < 0) { i = open + 1; continue; }
                var inner = text[(open + 1)..close];
                if (LooksLikeNote(inner))
                {
                    var note = UnitList.ParseNote(inner);
                    if (note is not null)
                    {
                        tasks.Add(TaskAt(paragraph, note.Value));
                        i = close + 1;
                        continue;
                    }
                }
                i = open + 1;
            }
        }
        return tasks;
    }

    private static bool StartsWithLabel(string line) =>
        line.StartsWith("责任单位：", StringComparison.Ordinal) || line.StartsWith("牵头单位：", StringComparison.Ordinal)
        || line.StartsWith("责任单位:", StringComparison.Ordinal) || line.StartsWith("牵头单位:", StringComparison.Ordinal)
        || line.StartsWith("责任部门：", StringComparison.Ordinal);

    private static bool LooksLikeNote(string inner) =>
        inner.Contains("责任单位", StringComparison.Ordinal) || inner.Contains("牵头", StringComparison.Ordinal)
        || inner.Contains("责任部门", StringComparison.Ordinal) || inner.Contains("负责单位", StringComparison.Ordinal);

    /// <summary>The closing bracket matching the one at open (nested brackets allowed), within a bounded span.</summary>
    private static int MatchingClose(string text, int open)
    {
        var depth = 0;
        var limit = Math.Min(text.Length, open + MaxNoteLength);
        for (var k = open; k < limit; k++)
        {
            var c = text[k];
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')' && --depth == 0) return k;
        }
        return -1;
    }

    private static PlanExtraction.TaskItem TaskAt(PlanParagraph paragraph, (List<string> Leads, List<string> Units) note)
    {
        var depth = paragraph.Depth;
        var title = depth > 0 ? paragraph.Titles[depth - 1] : null;
        if (title is null || title.Length > 60 || depth > 0 && paragraph.HeadingLevel == 0 && title is null)
            title = FirstClause(paragraph.HeadingLevel > 0 ? paragraph.Text[Math.Min(paragraph.Text.Length, MarkerEnd(paragraph.Text))..] : paragraph.Text);
        var number = paragraph.Number;
        return new PlanExtraction.TaskItem(number, title.Trim(), note.Leads, note.Units);
    }

    private static int MarkerEnd(string text)
    {
        PlanOutline.HeadingLevel(text, out _, out var end);
        return end;
    }

    private static string FirstClause(string text)
    {
        var end = text.IndexOfAny(['，', '。', '；', '（', '：']);
        var clause = (end < 0 ? text : text[..end]).Trim();
        return clause.Length > 40 ? clause[..40] : clause;
    }
}
