using ClusterWatch.Core.Plans;

namespace ClusterWatch.Core.Seeding;

/// <summary>Finds the text of a task in a plan: from the line holding its title through the parenthesis naming its units.</summary>
/// <remarks>Titles are matched with all whitespace removed, because some texts are hard-wrapped in the middle of words.</remarks>
public sealed class TaskTextFinder
{
    private const int MaxTaskLength = 1500;
    private static readonly string[] UnitNoteWords = ["责任单位", "牵头"];
    private static readonly char[] SentenceEnds = ['。', '；', '：', '）', ')'];

    private readonly string _text;
    private readonly string _squeezed;
    private readonly int[] _originalIndex;
    private readonly bool _hardWrapped;

    public TaskTextFinder(string text)
    {
        _text = text;
        var chars = new List<char>(text.Length);
        var index = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) { chars.Add(text[i]); index.Add(i); }
        _squeezed = new string(chars.ToArray());
        _originalIndex = index.ToArray();
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // A text whose lines mostly stop mid-sentence was wrapped by a converter, not written in paragraphs.
        _hardWrapped = lines.Count > 0 && lines.Count(l => SentenceEnds.Contains(l[^1])) < lines.Count * 0.3;
    }

    public string? Find(string title)
    {
        var key = PlanText.WithoutWhitespace(title);
        var start = key.Length == 0 ? -1 : _squeezed.IndexOf(key, StringComparison.Ordinal);
        if (start < 0) return null;

        var end = start + key.Length - 1;
        var window = _squeezed.AsSpan(end, Math.Min(MaxTaskLength, _squeezed.Length - end)).ToString();
        var note = UnitNoteWords.Select(w => window.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (note >= 0)
        {
            var close = window.IndexOfAny(['）', ')'], note);
            end += close >= 0 ? close : note;
        }

        var from = _text.LastIndexOf('\n', _originalIndex[start]) + 1;
        var slice = _text[from..(_originalIndex[end] + 1)];
        var lines = slice.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (!_hardWrapped) return string.Join("\n", lines);

        var joined = new System.Text.StringBuilder();
        foreach (var line in lines)
        {
            if (joined.Length > 0 && SentenceEnds.Contains(joined[^1])) joined.Append('\n');
            joined.Append(line);
        }
        return joined.ToString();
    }
}
