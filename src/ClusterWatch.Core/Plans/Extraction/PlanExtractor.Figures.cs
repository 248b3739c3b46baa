namespace ClusterWatch.Core.Plans.Extraction;

internal sealed partial class PlanTextParser
{
    // Verbs that make a number a commitment rather than a description.
    private static readonly string[] GoalVerbs =
    [
        "达到", "达", "培育", "建成", "建设", "打造", "形成", "开发", "组建", "引进", "新建", "续建", "遴选", "获得", "突破", "实现", "力争", "争取",
        "启动", "推进", "吸引", "引导", "支持", "设立", "创建", "完成", "参与", "扶持", "新增", "累计", "超过", "提高", "提升", "增加", "增至", "增长",
        "保持", "培养", "招引", "认定", "布局", "搭建", "建立", "孵化", "集聚", "聚集", "扩大", "控制", "不低于", "不少于", "超", "落地", "推动", "布设",
    ];

    // Nouns after a count that describe the plan's own structure, not a goal ("8个产业重点突破专项", "四个基本原则").
    private static readonly string[] StructuralNouns =
        ["专项", "文件", "原则", "方面", "环节", "领域", "工程", "任务", "市场", "资源", "阶段", "步骤", "层次", "目标", "理念", "措施", "政策", "机制", "意见", "办法"];

    private static readonly string[] ContextOnlySections = ["指导思想", "基本原则", "背景", "形势", "意义", "发展基础", "发展现状", "总体情况", "现状"];

    private static readonly string[] PredicateWords =
    [
        "达到", "达", "实现", "力争", "争取", "培育", "开发出", "开发", "建成", "建设", "打造", "形成", "获得", "组建", "引进", "新建", "续建", "启动",
        "推进", "初步建成", "超过", "接近", "超", "突破", "不低于", "不少于", "近", "约", "为", "共有", "拥有", "有", "过", "遴选", "吸引", "支持", "重点",
    ];

    // Words that open a clause but are not part of the indicator's name.
    private static readonly string[] LeadingWords =
        ["其中", "力争", "争取", "实现", "培育发展", "培育", "全省", "全市", "全区", "我省", "我市", "我区", "累计", "新增", "努力", "确保", "到"];

    private const int PrefixWindow = 200;
    // No plan states thousands of goals; a text that seems to is noise, and the cap keeps the work bounded.
    internal const int MaxItems = 2000;

    private sealed record Figure(PlanExtraction.TargetItem Target, string Sector, string Noun, int Sentence);

    private (List<PlanExtraction.TargetItem> Targets, List<PlanExtraction.BaselineItem> Baselines) FindFigures()
    {
        var figures = new List<Figure>();
        var baselines = new List<PlanExtraction.BaselineItem>();
        var yearAt = new int?[5];
        var goalScope = new bool[5];
        var previousPath = new[] { "", "", "", "" };
        var sentenceId = 0;
        string? chapter = null;

        foreach (var paragraph in _paragraphs)
        {
            var changed = 0;
            while (changed < 4 && paragraph.Path[changed] == previousPath[changed]) changed++;
            for (var level = changed + 1; level <= 4; level++) { yearAt[level] = null; goalScope[level] = false; }
            previousPath = paragraph.Path;
            var depth = paragraph.Depth;

            if (paragraph.HeadingLevel > 0)
            {
                var title = paragraph.Titles[paragraph.HeadingLevel - 1] ?? "";
                var headingYear = FirstYear(title, out var headingPast);
                if (headingYear is not null && !headingPast) yearAt[paragraph.HeadingLevel] = headingYear;
                goalScope[paragraph.HeadingLevel] = title.Contains("目标", StringComparison.Ordinal);
            }
            if (paragraph.IsShortCell && paragraph.Text.Length < 6) continue;

            var body = paragraph.HeadingLevel > 0 ? paragraph.Text[Math.Min(paragraph.BodyStart, paragraph.Text.Length)..] : paragraph.Text;
            if (body.Length == 0) continue;
            var compactBody = body.Trim();
            // "2012年阶段性目标：" / "2015年目标：" opens the goals due that year.
            if (compactBody.Length <= 20 && compactBody.Contains("目标", StringComparison.Ordinal) && compactBody[^1] is '：' or ':')
            {
                var lineYear = FirstYear(compactBody, out var linePast);
                if (lineYear is not null && !linePast) { yearAt[depth] = lineYear; goalScope[depth] = true; }
                continue;
            }

            var chapterTitle = ChapterTitle(paragraph.Text);
            if (chapterTitle is not null)
            {
                chapter = chapterTitle;
                Array.Clear(yearAt);
                Array.Clear(goalScope);
                continue;
            }
            var contextOnly = paragraph.Titles.Append(chapter).Any(t => t is not null && ContextOnlySections.Any(s => t.Contains(s, StringComparison.Ordinal)));
            var sector = SectorOfSpecialSection(compactBody);
            int? pastYear = null;
            foreach (var sentence in Sentences(body))
            {
                sentenceId++;
                var sentenceSector = SectorAtStart(sentence);
                if (sentenceSector is not null) sector = sentenceSector;
                var years = YearMentions(sentence);
                foreach (var mention in years)
                {
                    if (mention.Past) pastYear = mention.Year;
                    else
                    {
                        pastYear = null;
                        if (mention.Due) yearAt[depth] = mention.Year;
                    }
                }
                var quantities = QuantityScanner.Scan(sentence);
                if (quantities.Count == 0) continue;
                var forecast = sentence.Contains("预计", StringComparison.Ordinal) || sentence.Contains("预测", StringComparison.Ordinal)
                    || sentence.Contains("每年", StringComparison.Ordinal);
                var inGoalScope = goalScope.Any(g => g);

                var yearIndex = 0;
                foreach (var q in quantities)
                {
                    if (figures.Count >= MaxItems || baselines.Count >= MaxItems) break;
                    if (q.IsThreshold || q.IsVague || q.FromBareOne) continue;
                    var fullNoun = NounAfter(sentence, q.End, stopAtEnumeration: false);
                    if (StructuralNouns.Any(n => fullNoun.EndsWith(n, StringComparison.Ordinal))) continue;
                    while (yearIndex < years.Count && years[yearIndex].Position < q.Start) yearIndex++;
                    YearMention? before = yearIndex > 0 ? years[yearIndex - 1] : null;
                    var isPast = before is { Past: true } || before is null && pastYear is not null && !HasDueWord(sentence, q.Start);
                    // Words before the number within a bounded window keep every check linear in the sentence.
                    var prefix = sentence[Math.Max(0, q.Start - PrefixWindow)..q.Start];
                    if (isPast)
                    {
                        var year = before?.Year ?? pastYear!.Value;
                        if (prefix.Contains("全球", StringComparison.Ordinal) || prefix.Contains("世界", StringComparison.Ordinal)) continue;
                        var region = prefix.Contains("我国", StringComparison.Ordinal) || prefix.Contains("全国", StringComparison.Ordinal) ? "全国" : _region;
                        if (q.ValueMax is not null) continue;
                        baselines.Add(new PlanExtraction.BaselineItem(IndicatorName(sentence, q, fullNoun, null), region, year, q.Value, q.Unit, QuoteOf(sentence, q)));
                        continue;
                    }
                    if (contextOnly || forecast || DescribesThePast(prefix)) continue;
                    if (!inGoalScope && before is not { Due: true } && !HasGoalVerb(prefix)) continue;
                    var due = before?.Year ?? DeepestYear(yearAt) ?? _periodEnd;
                    if (due is null) continue;
                    var comparator = q.Comparator;
                    var indicator = IndicatorName(sentence, q, fullNoun, sector);
                    var target = new PlanExtraction.TargetItem(indicator, _region, due.Value, q.Value, q.ValueMax, q.Unit, comparator, QuoteOf(sentence, q));
                    figures.Add(new Figure(target, sector ?? "", NameNoun(fullNoun), sentenceId));
                }
            }
        }
        return (Deduplicate(figures), baselines);
    }

    /// <summary>The same goal restated in another sentence (overall goals, then a section) is kept once.</summary>
    private static List<PlanExtraction.TargetItem> Deduplicate(List<Figure> figures)
    {
        var kept = new List<Figure>();
        var byValue = new Dictionary<(int, string, decimal, decimal?, string), List<Figure>>();
        foreach (var figure in figures)
        {
            var t = figure.Target;
            var key = (t.Year, t.Unit, t.Value, t.ValueMax, figure.Sector);
            if (!byValue.TryGetValue(key, out var same)) byValue[key] = same = [];
            var original = same.FindIndex(k => k.Sentence != figure.Sentence && SameThing(k.Noun, figure.Noun));
            if (original >= 0)
            {
                // A restatement that qualifies a bare figure ("5个" then "5个左右") carries the more precise comparator.
                var first = same[original];
                if (first.Target.Comparator == "=" && t.Comparator != "=")
                {
                    var refined = first with { Target = first.Target with { Comparator = t.Comparator, Quote = t.Quote } };
                    same[original] = refined;
                    kept[kept.IndexOf(first)] = refined;
                }
                continue;
            }
            same.Add(figure);
            kept.Add(figure);
        }
        return kept.Select(k => k.Target).ToList();
    }

    private static readonly string[] PastMarkers = ["已经", "已建成", "已形成", "已有", "已成为", "以来", "建成了", "培育了", "形成了", "实现了", "引进了", "获得了", "达到了", "取得了"];

    /// <summary>"已建成…", "“十三五”以来…": an achievement without a year is neither a goal nor a dated baseline.</summary>
    private bool DescribesThePast(string prefix)
    {
        foreach (var marker in PastMarkers)
            if (prefix.Contains(marker, StringComparison.Ordinal)) return true;
        if (_periodStart is int start)
            for (var k = 0; k < FiveYearPlans.Length; k++)
                if (2010 + 5 * k < start && prefix.Contains(FiveYearPlans[k], StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>"第二章 发展目标", "第三篇 …": chapters above the 一、 headings.</summary>
    private static string? ChapterTitle(string text)
    {
        var t = text.TrimStart();
        if (t.Length < 3 || t.Length > 40 || t[0] != '第') return null;
        var k = 1;
        while (k < t.Length && k < 5 && PlanOutline.ChineseDigits.Contains(t[k])) k++;
        return k > 1 && k < t.Length && t[k] is '章' or '篇' ? t : null;
    }

    private static bool HasGoalVerb(string prefix)
    {
        foreach (var verb in GoalVerbs)
            if (prefix.Contains(verb, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Two counted nouns name the same thing when they share three characters in a row (or end alike).</summary>
    private static bool SameThing(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == 0 && b.Length == 0;
        for (var i = 0; i + 3 <= a.Length; i++)
            if (b.Contains(a.AsSpan(i, 3), StringComparison.Ordinal)) return true;
        return a.Length >= 2 && b.Length >= 2 && a[^2..] == b[^2..];
    }

    private static int? DeepestYear(int?[] yearAt)
    {
        for (var level = yearAt.Length - 1; level >= 0; level--)
            if (yearAt[level] is not null) return yearAt[level];
        return null;
    }

    private static IEnumerable<string> Sentences(string body)
    {
        var start = 0;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] is not ('。' or '；' or '！' or '？' or ';')) continue;
            if (i > start) yield return body[start..i];
            start = i + 1;
        }
        if (start < body.Length) yield return body[start..];
    }

    private readonly record struct YearMention(int Year, int Position, bool Past, bool Due);

    /// <summary>Years written in a sentence (not inside 《》 titles): past ones date baselines, "到2025年" dates goals.</summary>
    private List<YearMention> YearMentions(string s)
    {
        var mentions = new List<YearMention>();
        var titleDepth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '《') { titleDepth++; continue; }
            if (c == '》') { titleDepth = Math.Max(0, titleDepth - 1); continue; }
            if (titleDepth > 0 || c is not ('1' or '2') || !IsYearAt(s, i, out var year)) continue;
            var after = SkipSpaces(s, i + 4);
            var rangeEnd = -1;
            if (after < s.Length && s[after] is '-' or '–' or '—' or '―' or '－' or '～' or '~' or '至')
            {
                var second = SkipSpaces(s, after + 1);
                if (IsYearAt(s, second, out var endYear) && endYear >= year) { year = endYear; rangeEnd = second + 4; after = SkipSpaces(s, second + 4); }
            }
            if (after >= s.Length || s[after] != '年')
            {
                i = Math.Max(i, rangeEnd - 1) + 3;
                continue;
            }
            var lead = LeadingWord(s, i);
            // "较2020年增长20%", "比2020年翻一番": a reference year dates nothing.
            if (lead is "较" or "比" or "相比" or "与" or "同")
            {
                i = after;
                continue;
            }
            var tail = s.Substring(after, Math.Min(10, s.Length - after));
            var due = lead is "到" or "至" or "力争到" || tail.Contains("前", StringComparison.Ordinal) || tail.StartsWith("年目标", StringComparison.Ordinal)
                || tail.StartsWith("年阶段", StringComparison.Ordinal);
            var past = !due && (lead is "截至" or "截止" or "截止到" or "截至到" || (_periodStart is int start ? year < start : _periodEnd is int end && year < end - 1));
            mentions.Add(new YearMention(year, i, past, due));
            i = after;
        }
        return mentions;
    }

    private static string LeadingWord(string s, int i)
    {
        var j = i - 1;
        while (j >= 0 && s[j] == ' ') j--;
        foreach (var word in new[] { "截止到", "截至到", "力争到", "截至", "截止", "相比", "到", "至", "较", "比", "与", "同" })
            if (j + 1 - word.Length >= 0 && string.CompareOrdinal(s, j + 1 - word.Length, word, 0, word.Length) == 0) return word;
        return "";
    }

    private static bool HasDueWord(string sentence, int position)
    {
        var window = sentence.AsSpan(Math.Max(0, position - PrefixWindow), Math.Min(position, PrefixWindow));
        return window.Contains("到", StringComparison.Ordinal) && window.Contains("年", StringComparison.Ordinal);
    }

    private int? FirstYear(string text, out bool past)
    {
        past = false;
        var mentions = YearMentions(text);
        if (mentions.Count == 0) return null;
        past = mentions[0].Past;
        return mentions[0].Year;
    }

    /// <summary>"生物医疗设备专项。…" gives its goals the 专项 as sector.</summary>
    private static string? SectorOfSpecialSection(string body)
    {
        var end = body.IndexOfAny(['。', '：', ':']);
        if (end is < 3 or > 16) return null;
        var lead = body[..end].Trim();
        return lead.EndsWith("专项", StringComparison.Ordinal) ? lead[..^2] : null;
    }

    private static readonly string[] SectorMeasures = ["规模", "销售收入", "营业收入", "总产值", "产值", "增加值", "收入", "总收入"];

    /// <summary>"互联网产业规模达到800亿元" starts a run of goals for that sector.</summary>
    private static string? SectorAtStart(string sentence)
    {
        var text = sentence.TrimStart(' ', '-', '—', '－');
        var at = text.IndexOf("产业", StringComparison.Ordinal);
        if (at is < 2 or > 8) return null;
        var name = text[..at];
        if (name.Any(c => c is '，' or '、' or '的' or '在' or '和' or '我' or '全' || ChineseNumber.IsDigit(c))) return null;
        foreach (var measure in SectorMeasures)
            if (string.CompareOrdinal(text, at + 2, measure, 0, measure.Length) == 0) return name + "产业";
        return null;
    }

    private static string NounAfter(string s, int from, bool stopAtEnumeration)
    {
        var end = from;
        while (end < s.Length && end - from < 40 && s[end] is not ('，' or '。' or '；' or '：' or '（' or '(' or ',') && !(stopAtEnumeration && s[end] == '、')) end++;
        return s[from..end].Trim();
    }

    /// <summary>The words a quantity came from: its clause, narrowed to its own item in a "、" list of quantities.</summary>
    private static string QuoteOf(string sentence, Quantity q)
    {
        var start = q.Start;
        while (start > 0 && sentence[start - 1] is not ('，' or '。' or '；' or '：' or ',')) start--;
        for (var k = q.Start - 1; k > start; k--)
            if (sentence[k] == '、' && HasNumber(sentence, start, k)) { start = k + 1; break; }
        var end = q.End;
        while (end < sentence.Length && end - q.End < 60 && sentence[end] is not ('，' or '。' or '；' or ','))
        {
            if (sentence[end] == '、' && NumberFollows(sentence, end + 1)) break;
            end++;
        }
        var quote = sentence[start..end].Trim(' ', '-', '—');
        return quote.Length > 120 ? quote[..120] : quote;
    }

    private static bool HasNumber(string s, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (ChineseNumber.IsDigit(s[k])) return true;
        return false;
    }

    /// <summary>A 、 item that starts with a quantity ("、5 个…", "、超十亿元企业25家") begins the next figure.</summary>
    private static bool NumberFollows(string s, int from)
    {
        for (var k = from; k < s.Length && k < from + 12; k++)
        {
            if (s[k] is '、' or '，' or '。' or '；') return false;
            if (ChineseNumber.IsDigit(s[k])) return true;
        }
        return false;
    }

    /// <summary>A short name a civil servant would write: the subject before the number, or the counted noun after it + 数.</summary>
    private static string CountName(string noun) => noun.EndsWith('数') || noun.EndsWith('量') ? noun : noun + "数";

    private static string NameNoun(string fullNoun)
    {
        var noun = fullNoun;
        for (var k = 0; k < noun.Length; k++)
            if (noun[k] == '、' && NumberFollows(noun, k + 1)) { noun = noun[..k]; break; }
        return noun;
    }

    private static string IndicatorName(string sentence, Quantity q, string fullNoun, string? sector)
    {
        var start = q.Start;
        while (start > 0 && sentence[start - 1] is not ('，' or '。' or '；' or '：' or ',' or '、')) start--;
        var subject = sentence[start..q.Start].Trim(' ', '-', '—');
        var stripped = true;
        while (stripped && subject.Length > 0)
        {
            stripped = false;
            foreach (var word in PredicateWords)
                if (subject.EndsWith(word, StringComparison.Ordinal) && subject.Length >= word.Length)
                {
                    subject = subject[..^word.Length].TrimEnd();
                    stripped = true;
                }
        }
        for (var again = true; again;)
        {
            again = false;
            foreach (var word in LeadingWords)
                if (subject.Length > word.Length + 1 && subject.StartsWith(word, StringComparison.Ordinal)) { subject = subject[word.Length..].TrimStart(); again = true; }
        }
        var yearEnd = subject.IndexOf('年');
        if (yearEnd >= 0 && yearEnd <= 7 && subject.Length > yearEnd + 1 && subject[..yearEnd].Any(ChineseNumber.IsDigit)) subject = subject[(yearEnd + 1)..].TrimStart('，', ' ', '底');
        if (subject.StartsWith("到", StringComparison.Ordinal) || subject.StartsWith("力争", StringComparison.Ordinal)) subject = subject.TrimStart('到');

        string name;
        var isCount = q.Unit is not ("亿元" or "%");
        var noun = NameNoun(fullNoun);
        foreach (var lead in new[] { "左右", "以上" }) if (noun.StartsWith(lead, StringComparison.Ordinal)) noun = noun[lead.Length..];
        var of = noun.LastIndexOf('的');
        if (of >= 0 && of < noun.Length - 1) noun = noun[(of + 1)..];
        if (subject.Length >= 2 && (!isCount || noun.Length == 0 || noun.Length <= 2 && subject.EndsWith("企业", StringComparison.Ordinal)))
            name = isCount ? CountName(subject) : subject;
        else if (noun.Length > 0)
            name = isCount ? CountName(noun) : noun;
        else name = subject.Length > 0 ? subject : "目标值";
        if (name.Length > 40) name = name[^40..];
        if (!string.IsNullOrEmpty(sector) && !name.StartsWith(sector, StringComparison.Ordinal)) name = sector + " " + name;
        return name;
    }
}
