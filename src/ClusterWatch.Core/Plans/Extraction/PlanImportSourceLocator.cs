namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Finds quotes and task titles in a plan text, ignoring whitespace (converted texts break lines inside words), as character spans.</summary>
public sealed class PlanImportSourceLocator
{
    private const int MaxSentenceSide = 240;
    private const int MaxTaskLength = 1500;
    private static readonly char[] SentenceEnds = ['。', '；', '！', '？', ';'];
    private static readonly char[] LineEnds = ['。', '；', '：', '）', ')', '！', '？'];
    private static readonly string[] UnitNoteWords = ["责任单位", "牵头"];

    private readonly string _text;
    private readonly string _squeezed;
    private readonly int[] _originalIndex;
    private readonly bool _hardWrapped;

    public PlanImportSourceLocator(string text)
    {
        _text = text;
        var chars = new char[text.Length];
        var index = new int[text.Length];
        var n = 0;
        for (var i = 0; i < text.Length; i++)
            if (!char.IsWhiteSpace(text[i])) { chars[n] = text[i]; index[n++] = i; }
        _squeezed = new string(chars, 0, n);
        _originalIndex = index[..n];
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        // Lines that mostly stop mid-sentence were wrapped by a converter: a line break is then no sentence boundary.
        _hardWrapped = lines.Count > 0 && lines.Count(l => LineEnds.Contains(l[^1])) < lines.Count * 0.3;
    }

    /// <summary>The quote's first occurrence and the sentence holding it.</summary>
    public PlanImportSource Locate(string? quote)
    {
        var span = Find(quote);
        return span is null ? new PlanImportSource(null, null) : new PlanImportSource(span, SentenceAround(span));
    }

    /// <summary>A task: the title, and the text from the title's line through the parenthesis naming its units.</summary>
    public PlanImportSource LocateTask(string? title)
    {
        var span = Find(title);
        if (span is null) return new PlanImportSource(null, null);
        var key = PlanText.WithoutWhitespace(title);
        var startSqueezed = _squeezed.IndexOf(key, StringComparison.Ordinal);
        var end = startSqueezed + key.Length - 1;
        var window = _squeezed.AsSpan(end, Math.Min(MaxTaskLength, _squeezed.Length - end));
        var note = -1;
        foreach (var word in UnitNoteWords)
        {
            var at = window.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (note < 0 || at < note)) note = at;
        }
        if (note >= 0)
        {
            var close = window[note..].IndexOfAny('）', ')');
            end += close >= 0 ? note + close : note;
        }
        var lineStart = _text.LastIndexOf('\n', span.Start) + 1;
        var last = _originalIndex[Math.Min(end, _originalIndex.Length - 1)];
        return new PlanImportSource(span, new SourceSpan(lineStart, last + 1 - lineStart));
    }

    private SourceSpan? Find(string? quote)
    {
        var key = PlanText.WithoutWhitespace(quote);
        if (key.Length == 0) return null;
        var at = _squeezed.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = _originalIndex[at];
        var end = _originalIndex[at + key.Length - 1] + 1;
        return new SourceSpan(start, end - start);
    }

    private SourceSpan SentenceAround(SourceSpan quote)
    {
        var start = quote.Start;
        var floor = Math.Max(0, quote.Start - MaxSentenceSide);
        while (start > floor && !IsBoundary(start - 1)) start--;
        var end = quote.End;
        var ceiling = Math.Min(_text.Length, quote.End + MaxSentenceSide);
        while (end < ceiling && !IsBoundary(end)) end++;
        if (end < _text.Length && end < ceiling && SentenceEnds.Contains(_text[end])) end++;
        while (start < quote.Start && char.IsWhiteSpace(_text[start])) start++;
        return new SourceSpan(start, end - start);
    }

    /// <summary>A sentence end, or a line break that ends a sentence: in wrapped text only after closing punctuation, else unless after ， or 、.</summary>
    private bool IsBoundary(int i)
    {
        if (SentenceEnds.Contains(_text[i])) return true;
        if (_text[i] != '\n') return false;
        var before = i - 1;
        while (before >= 0 && char.IsWhiteSpace(_text[before]) && _text[before] != '\n') before--;
        if (before < 0 || _text[before] == '\n') return true;
        return _hardWrapped ? LineEnds.Contains(_text[before]) : _text[before] is not ('，' or '、' or ',');
    }
}
