using System.Text;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Proposes the structure of a plan document (title, targets, baselines, tasks, allocations) from its text.
/// Hand-written scanning only: linear in the text, so it cannot hang on hostile input.</summary>
public static class PlanExtractor
{
    public static PlanExtraction Parse(string text) => new PlanTextParser(text ?? "").Run();
}

internal sealed partial class PlanTextParser
{
    private readonly string[] _lines;
    private string? _issuer;
    private string? _docNumber;
    private string? _noticeTitle;
    private string _title = "";
    private string _region = "";
    private int? _periodStart;
    private int? _periodEnd;
    private List<PlanParagraph> _paragraphs = [];

    public PlanTextParser(string text)
    {
        _lines = PlanOutline.Normalize(text).Split('\n');
    }

    public PlanExtraction Run()
    {
        var bodyStart = ReadHeader();
        _title = FindTitle(bodyStart);
        (_periodStart, _periodEnd) = PeriodOf(_title);
        if (_periodEnd is null) (_periodStart, _periodEnd) = FiveYearPlanPeriod(_title);
        _region = RegionOf(_title) ?? RegionOf(_issuer ?? "") ?? KnownPlaceOf(_title) ?? "";
        _paragraphs = PlanOutline.Build(_lines, bodyStart);
        if (_periodEnd is null) _periodEnd = LatestDueYear();

        var tasks = FindTasks();
        var allocations = FindAllocations();
        var (targets, baselines) = FindFigures();
        // A 主要指标 table usually repeats goals the text states: each figure is kept once.
        targets.AddRange(_tableTargets.Where(t => !targets.Any(x => x.Year == t.Year && x.Unit == t.Unit && x.Value == t.Value)).Take(MaxItems));
        baselines.AddRange(_tableBaselines.Where(b => !baselines.Any(x => x.Year == b.Year && x.Unit == b.Unit && x.Value == b.Value)).Take(MaxItems));
        return new PlanExtraction(_title, _issuer, _docNumber, _region, _periodStart, _periodEnd, targets, baselines, tasks, allocations);
    }

    // ---------- header, title, period, region ----------

    /// <summary>Reads "发布机构: …" style header lines and the covering notice; returns the first line of the plan body.</summary>
    private int ReadHeader()
    {
        var limit = Math.Min(_lines.Length, 60);
        var bodyStart = 0;
        var sawNotice = false;
        for (var i = 0; i < limit; i++)
        {
            var line = _lines[i].Trim();
            var colon = line.IndexOfAny([':', '：']);
            if (colon is > 0 and <= 8)
            {
                var key = Compact(line[..colon]);
                var value = line[(colon + 1)..].Trim();
                var known = true;
                switch (key)
                {
                    case "发布机构" or "发文机关" or "发布单位" or "发文单位" or "发布机关": if (value.Length > 0) _issuer = value; break;
                    case "文号" or "发文字号" or "发文号": if (value.Length > 0) _docNumber = Compact(value); break;
                    case "信息名称" or "标题" or "名称" or "文件名称": if (value.Length > 0) _noticeTitle = value; break;
                    case "索引号" or "信息分类" or "发布日期" or "成文日期" or "关键词" or "主题词" or "主题分类" or "公开方式" or "生效日期": break;
                    default: known = false; break;
                }
                if (known) { bodyStart = i + 1; continue; }
            }
            if (line.StartsWith("http", StringComparison.OrdinalIgnoreCase) && i < 5) { bodyStart = i + 1; continue; }
            if (line.Contains("印发", StringComparison.Ordinal)) sawNotice = true;
            if (_docNumber is null && IsDocNumberLine(Compact(line))) _docNumber = Compact(line);
            if (sawNotice && IsDateLine(line))
            {
                // The covering notice is signed by its issuer on the line before the date.
                var signer = i > 0 ? Compact(_lines[i - 1]) : "";
                if (_issuer is null && signer.Length is >= 4 and <= 20 && UnitList.EndsLikeUnit(signer)) _issuer = signer;
                bodyStart = i + 1;
                break;
            }
        }
        return bodyStart;
    }

    /// <summary>A line that is only a document number: "深府办〔2010〕98号", "粤府函[2020]82号".</summary>
    private static bool IsDocNumberLine(string line)
    {
        if (line.Length is < 7 or > 24 || !line.EndsWith('号')) return false;
        var open = line.IndexOfAny(['〔', '[', '［', '【']);
        return open >= 1 && IsYearAt(line, open + 1, out _) && open + 5 < line.Length && line[open + 5] is '〕' or ']' or '］' or '】';
    }

    private static bool IsDateLine(string line)
    {
        if (line.Length is < 8 or > 16 || !line.EndsWith('日')) return false;
        var year = line.IndexOf('年');
        var month = line.IndexOf('月');
        return year >= 4 && month > year;
    }

    private string FindTitle(int bodyStart)
    {
        if (_noticeTitle is not null)
        {
            var fromNotice = TitleFromNotice(_noticeTitle);
            if (fromNotice.Length > 0) return fromNotice;
        }
        var named = NamedTitleLine(bodyStart);
        if (named is not null) return named;
        var parts = new List<string>();
        for (var i = bodyStart; i < _lines.Length && i < bodyStart + 40 && parts.Count < 3; i++)
        {
            var line = Compact(RemoveBracketed(_lines[i]));
            if (line.Length == 0) continue;
            if (parts.Count == 0 && (line.StartsWith("附件", StringComparison.Ordinal) && line.Length <= 4 || line.StartsWith("http", StringComparison.OrdinalIgnoreCase))) continue;
            if (line.Contains('。') || line.Length > 60 || PlanOutline.HeadingLevel(line, out _, out _) is 1 or 3) break;
            if (parts.Count > 0 && line.Contains('，')) break;
            parts.Add(line);
            if (PeriodOf(line).End is not null) break;
            if (parts.Count == 1 && EndsLikeTitle(line) && !NextLineIsPeriod(i)) break;
        }
        var title = string.Concat(parts);
        if (title.Contains("印发", StringComparison.Ordinal)) title = TitleFromNotice(title);
        return title;
    }

    private static readonly string[] TitleWords = ["规划", "方案", "计划", "意见", "措施", "纲要", "办法", "政策", "通知", "决定"];

    /// <summary>The first short line near the top that reads like a plan title ("…行动方案", "…（2021-2025年）"), with a
    /// preceding wrapped part that names the region and a following period line; page chrome lines are skipped.</summary>
    private string? NamedTitleLine(int bodyStart)
    {
        string? previous = null;
        for (var i = bodyStart; i < _lines.Length && i < bodyStart + 40; i++)
        {
            var line = Compact(RemoveBracketed(_lines[i]));
            if (line.Length == 0) continue;
            if (line.Contains('。') || line.Length > 60 || PlanOutline.HeadingLevel(line, out _, out _) > 0) return null;
            var chrome = line.Contains('>') || line.Contains('›') || line.Contains('»') || line.Contains("当前位置", StringComparison.Ordinal)
                || line.StartsWith("附件", StringComparison.Ordinal) && line.Length <= 4 || line.StartsWith("http", StringComparison.OrdinalIgnoreCase);
            if (!chrome && line.Length >= 8 && (TitleWords.Any(w => line.Contains(w, StringComparison.Ordinal)) || PeriodOf(line).End is not null && line.Length > 14))
            {
                var title = line;
                if (previous is not null && RegionOf(title) is null && RegionOf(previous) is not null && !previous.Contains('，')) title = previous + title;
                if (PeriodOf(title).End is null && NextLineIsPeriod(i)) title += NextNonEmpty(i);
                return title.Contains("印发", StringComparison.Ordinal) ? TitleFromNotice(title) : title;
            }
            previous = chrome ? null : line;
        }
        return null;
    }

    private string NextNonEmpty(int i)
    {
        for (var k = i + 1; k < _lines.Length; k++)
        {
            var line = Compact(RemoveBracketed(_lines[k]));
            if (line.Length > 0) return line;
        }
        return "";
    }

    private bool NextLineIsPeriod(int i)
    {
        for (var k = i + 1; k < _lines.Length && k < i + 4; k++)
        {
            var line = Compact(RemoveBracketed(_lines[k]));
            if (line.Length == 0) continue;
            return line.Length <= 16 && PeriodOf(line).End is not null;
        }
        return false;
    }

    private static bool EndsLikeTitle(string line) =>
        line.EndsWith("方案", StringComparison.Ordinal) || line.EndsWith("规划", StringComparison.Ordinal) || line.EndsWith("计划", StringComparison.Ordinal)
        || line.EndsWith("意见", StringComparison.Ordinal) || line.EndsWith("措施", StringComparison.Ordinal) || line.EndsWith("纲要", StringComparison.Ordinal)
        || line.EndsWith("办法", StringComparison.Ordinal) || line.EndsWith("政策", StringComparison.Ordinal);

    /// <summary>"X关于印发《Y》的通知" → Y; "关于印发Y的通知" → Y.</summary>
    private static string TitleFromNotice(string notice)
    {
        var text = Compact(notice);
        var open = text.IndexOf('《');
        var close = open >= 0 ? text.IndexOf('》', open + 1) : -1;
        if (open >= 0 && close > open + 1) return text[(open + 1)..close];
        var at = text.IndexOf("印发", StringComparison.Ordinal);
        if (at >= 0)
        {
            var rest = text[(at + 2)..];
            var end = rest.LastIndexOf("的通知", StringComparison.Ordinal);
            if (end < 0) end = rest.LastIndexOf("通知", StringComparison.Ordinal);
            return end > 0 ? rest[..end] : rest;
        }
        return text;
    }

    /// <summary>"（2009-2015年）", "(2018-2020年)", "2021—2025年" anywhere in the text given.</summary>
    private static (int? Start, int? End) PeriodOf(string text)
    {
        for (var i = 0; i + 9 <= text.Length; i++)
        {
            if (!IsYearAt(text, i, out var start)) continue;
            var j = i + 4;
            while (j < text.Length && text[j] == ' ') j++;
            if (j < text.Length && text[j] == '年') j++;
            if (j >= text.Length || text[j] is not ('-' or '–' or '—' or '―' or '－' or '～' or '~' or '至' or '〜')) continue;
            j++;
            while (j < text.Length && text[j] == ' ') j++;
            if (IsYearAt(text, j, out var end) && end >= start && end - start <= 20) return (start, end);
        }
        return (null, null);
    }

    private static readonly string[] FiveYearPlans = ["十一五", "十二五", "十三五", "十四五", "十五五", "十六五"];

    /// <summary>"“十四五”规划" names its period without years.</summary>
    private static (int? Start, int? End) FiveYearPlanPeriod(string title)
    {
        for (var k = 0; k < FiveYearPlans.Length; k++)
            if (title.Contains(FiveYearPlans[k], StringComparison.Ordinal)) return (2006 + 5 * k, 2010 + 5 * k);
        return (null, null);
    }

    private static bool IsYearAt(string s, int i, out int year)
    {
        year = 0;
        if (i < 0 || i + 4 > s.Length) return false;
        if (i > 0 && ChineseNumber.IsDigit(s[i - 1])) return false;
        if (i + 4 < s.Length && ChineseNumber.IsDigit(s[i + 4])) return false;
        for (var k = i; k < i + 4; k++)
        {
            if (!ChineseNumber.IsDigit(s[k])) return false;
            year = year * 10 + (s[k] - '0');
        }
        return year is >= 1950 and <= 2100;
    }

    private static readonly string[] KnownPlaces =
    [
        "北京", "上海", "天津", "重庆", "深圳", "广州", "东莞", "佛山", "珠海", "中山", "惠州", "江门", "肇庆", "汕头", "湛江", "茂名", "韶关", "清远",
        "杭州", "宁波", "南京", "苏州", "无锡", "常州", "武汉", "成都", "西安", "长沙", "郑州", "合肥", "厦门", "福州", "青岛", "济南", "昆明", "南宁",
        "海口", "沈阳", "大连", "长春", "哈尔滨", "石家庄", "太原", "南昌", "贵阳", "兰州", "银川", "西宁", "乌鲁木齐", "呼和浩特", "拉萨", "泉州", "温州",
    ];

    private static readonly string[] Provinces =
    [
        "广东", "江苏", "浙江", "山东", "河南", "河北", "湖北", "湖南", "四川", "福建", "安徽", "江西", "辽宁", "吉林", "黑龙江", "山西", "陕西", "甘肃",
        "青海", "云南", "贵州", "海南", "台湾",
    ];

    /// <summary>The region a title or issuer names first: 广东省…, 深圳市…, 南山区….</summary>
    private static string? RegionOf(string text)
    {
        var compact = Compact(text);
        if (compact.StartsWith("关于", StringComparison.Ordinal)) compact = compact[2..];
        foreach (var (suffix, maxAt) in new[] { ("自治区", 8), ("省", 4), ("市", 5), ("新区", 5), ("区", 4), ("县", 5) })
        {
            var at = compact.IndexOf(suffix, StringComparison.Ordinal);
            if (at < 2 || at > maxAt) continue;
            if (suffix == "市" && compact.Length > at + 1 && compact[at + 1] == '场') continue;
            var name = compact[..(at + suffix.Length)];
            if (name.Any(c => c is '（' or '(' or '《' or '“' or '，' || ChineseNumber.IsDigit(c))) continue;
            // 深圳市南山区… names the district; a city prefix alone is kept otherwise.
            if (suffix == "市")
            {
                var rest = compact[(at + 1)..];
                var district = rest.IndexOf('区');
                if (district is >= 2 and <= 3 && !rest.StartsWith("区域", StringComparison.Ordinal)) return rest[..(district + 1)];
            }
            return name;
        }
        return null;
    }

    private static string? KnownPlaceOf(string title)
    {
        foreach (var place in KnownPlaces)
            if (title.StartsWith(place, StringComparison.Ordinal)) return place + "市";
        foreach (var province in Provinces)
            if (title.StartsWith(province, StringComparison.Ordinal)) return province + "省";
        return null;
    }

    /// <summary>Without a period in the title, the latest "到YYYY年" in the text is the end year.</summary>
    private int? LatestDueYear()
    {
        int? latest = null;
        foreach (var p in _paragraphs)
        {
            var t = p.Text;
            for (var i = 0; i + 5 <= t.Length; i++)
                if (t[i] is '到' or '至' && IsYearAt(t, SkipSpaces(t, i + 1), out var y)) latest = latest is null ? y : Math.Max(latest.Value, y);
        }
        return latest;
    }

    // ---------- small text helpers ----------

    internal static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Drops conversion artefacts such as "[bookmark: _GoBack]".</summary>
    private static string RemoveBracketed(string text)
    {
        var builder = new StringBuilder(text.Length);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('[', at);
            var close = open < 0 ? -1 : text.IndexOf(']', open);
            if (close < 0) { builder.Append(text, at, text.Length - at); break; }
            builder.Append(text, at, open - at);
            at = close + 1;
        }
        return builder.ToString();
    }

    internal static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        return i;
    }
}
