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
            if (tasks.Count >= MaxItems) break;
            var text = paragraph.Text;
            var compactLine = text.TrimStart();
            // A note written as its own line: "责任单位：…" / "牵头单位：…".
            if (StartsWithLabel(compactLine))
            {
                var note = UnitList.ParseNote(compactLine);
                if (note is not null) tasks.Add(TaskAt(paragraph, note.Value));
                continue;
            }
            foreach (var (open, close) in BracketPairs(text))
            {
                var inner = text[(open + 1)..close];
                if (!LooksLikeNote(inner)) continue;
                var note = UnitList.ParseNote(inner);
                if (note is not null) tasks.Add(TaskAt(paragraph, note.Value));
            }
        }
        return tasks;
    }

    private static bool StartsWithLabel(string line) =>
        line.StartsWith("责任单位：", StringComparison.Ordinal) || line.StartsWith("牵头单位：", StringComparison.Ordinal)
        || line.StartsWith("责任单位:", StringComparison.Ordinal) || line.StartsWith("牵头单位:", StringComparison.Ordinal)
        || line.StartsWith("责任部门：", StringComparison.Ordinal);

    private static bool LooksLikeNote(string inner) =>
        inner.Contains("责任单位", StringComparison.Ordinal) || inner.Contains("牵头", StringComparison.Ordinal) || inner.EndsWith("负责", StringComparison.Ordinal)
        || inner.Contains("责任部门", StringComparison.Ordinal) || inner.Contains("负责单位", StringComparison.Ordinal);

    /// <summary>Outermost bracket pairs of bounded length in text order, found in one pass with a stack.</summary>
    private static List<(int Open, int Close)> BracketPairs(string text)
    {
        var pairs = new List<(int Open, int Close)>();
        var opens = new Stack<int>();
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (c is '（' or '(' or '【') opens.Push(k);
            else if (c is '）' or ')' or '】' && opens.Count > 0)
            {
                var open = opens.Pop();
                if (k - open > MaxNoteLength) continue;
                // A pair enclosing earlier pairs replaces them: only the outermost pair can be a note.
                while (pairs.Count > 0 && pairs[^1].Open > open) pairs.RemoveAt(pairs.Count - 1);
                pairs.Add((open, k));
            }
        }
        return pairs;
    }

    private static PlanExtraction.TaskItem TaskAt(PlanParagraph paragraph, (List<string> Leads, List<string> Units) note)
    {
        var depth = paragraph.Depth;
        var title = depth > 0 ? paragraph.Titles[depth - 1] : null;
        // Untitled items (the 九 section, "1．根据…") take their first clause as title.
        if (title is null || title.Length > 60)
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
