namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>A number with its unit as found in a sentence: values are normalized (amounts in 亿元, 1.5万件 → 15000 件).</summary>
internal readonly record struct Quantity(int Start, int End, decimal Value, decimal? ValueMax, string Unit, string Comparator, bool IsThreshold, bool IsVague, bool FromBareOne);

/// <summary>Finds quantities in a sentence by hand-written scanning (linear time; no regular expressions).</summary>
internal static class QuantityScanner
{
    private static readonly string[] CountUnits = ["个百分点", "家", "个", "件", "项", "支", "所", "名", "座", "台", "种", "款", "套", "例", "人", "张", "部", "条", "批次"];
    private static readonly string[] ForeignCurrencies = ["美元", "欧元", "港元", "港币", "日元", "英镑"];
    private static readonly string[] Dashes = ["-", "–", "—", "―", "－", "～", "~", "〜", "至", "到"];

    public static List<Quantity> Scan(string s)
    {
        var found = new List<Quantity>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (!ChineseNumber.IsDigit(c) && !ChineseNumber.IsChineseNumeral(c)) { i++; continue; }
            if (c == '百' && TryReadPercentWords(s, i, out var percent, out var afterPercent)) { found.Add(percent); i = afterPercent; continue; }
            if (TryRead(s, i, out var quantity, out var next)) { found.Add(quantity); i = next; }
            else i = Math.Max(next, i + 1);
        }
        return found;
    }

    private static bool TryRead(string s, int start, out Quantity quantity, out int next)
    {
        quantity = default;
        next = start + 1;
        if (start > 0 && (char.IsAsciiLetter(s[start - 1]) || s[start - 1] is '.' or '第' or '_' || ChineseNumber.IsDigit(s[start - 1]))) return SkipRun(s, start, out next);
        if (!ReadNumber(s, start, out var value, out var end, out var amountMultiplier, out var bareOne, out var endsWithYi)) return SkipRun(s, start, out next);

        decimal? valueMax = null;
        var afterFirst = end;
        var rangeEnd = SkipSpaces(s, end);
        // Most numerals in a plan are words (一批, 进一步): reject them on the next character before any lookup.
        if (rangeEnd >= s.Length || !endsWithYi && !CanFollowNumber(s[rangeEnd])) { next = Math.Max(end, start + 1); return false; }
        foreach (var dash in Dashes)
        {
            if (s[rangeEnd] != dash[0]) continue;
            if (string.CompareOrdinal(s, rangeEnd, dash, 0, dash.Length) != 0) continue;
            var second = SkipSpaces(s, rangeEnd + dash.Length);
            if (second < s.Length && (ChineseNumber.IsDigit(s[second]) || ChineseNumber.IsChineseNumeral(s[second]))
                && ReadNumber(s, second, out var max, out var maxEnd, out var maxMultiplier, out _, out var maxEndsWithYi))
            {
                // 1-2万: the multiplier written once applies to both ends.
                if (amountMultiplier == 1 && maxMultiplier != 1) value *= maxMultiplier;
                valueMax = max;
                amountMultiplier = maxMultiplier;
                endsWithYi = maxEndsWithYi;
                end = maxEnd;
            }
            break;
        }
        if (valueMax is null) end = afterFirst;

        var unitAt = SkipSpaces(s, end);
        next = Math.Max(end, start + 1);
        if (unitAt < s.Length && s[unitAt] is '多' or '余')
        {
            var vagueUnit = ReadUnit(s, unitAt + 1, endsWithYi, out _, out _);
            if (vagueUnit is not null) { quantity = new Quantity(start, unitAt + 1, value, valueMax, vagueUnit, "=", false, true, bareOne); return true; }
            return false;
        }
        var unit = ReadUnit(s, endsWithYi ? end : unitAt, endsWithYi, out var unitEnd, out var scale);
        if (unit is null) return false;
        if (scale != 1)
        {
            value *= scale;
            if (valueMax is not null) valueMax *= scale;
        }
        if (value > 1_000_000_000_000m || valueMax > 1_000_000_000_000m) return false;
        value = Normalize(value);
        if (valueMax is not null) valueMax = Normalize(valueMax.Value);

        var comparator = ComparatorBefore(s, start);
        var after = unitEnd;
        if (Follows(s, after, "以上") || Follows(s, after, "及以上")) { comparator = ">="; after += Follows(s, after, "以上") ? 2 : 3; }
        else if (Follows(s, after, "左右")) { comparator = "~"; after += 2; }
        else if (Follows(s, after, "以下") || Follows(s, after, "以内")) { comparator = "<="; after += 2; }
        if (valueMax is not null) comparator = "=";
        var threshold = unit == "亿元" && IsThresholdAfter(s, after);
        quantity = new Quantity(start, after, value, valueMax, unit, comparator, threshold, false, bareOne);
        next = after;
        return true;
    }

    /// <summary>"百分之十五" → 15 %.</summary>
    private static bool TryReadPercentWords(string s, int start, out Quantity quantity, out int next)
    {
        quantity = default;
        next = start + 1;
        if (!Follows(s, start, "百分之")) return false;
        var at = start + 3;
        int length;
        decimal value;
        if (at < s.Length && ChineseNumber.IsDigit(s[at])) length = ChineseNumber.ReadArabic(s, at, out value);
        else length = ChineseNumber.ReadChinese(s, at, out value);
        if (length == 0 || value > 1000) return false;
        var end = at + length;
        var comparator = ComparatorBefore(s, start);
        if (Follows(s, end, "以上")) { comparator = ">="; end += 2; }
        else if (Follows(s, end, "左右")) { comparator = "~"; end += 2; }
        quantity = new Quantity(start, end, Normalize(value), null, "%", comparator, false, false, false);
        next = end;
        return true;
    }

    private static bool CanFollowNumber(char c) => c is '元' or '%' or '家' or '个' or '件' or '项' or '支' or '所' or '名' or '座' or '台' or '种' or '款'
        or '套' or '例' or '人' or '张' or '部' or '条' or '批' or '多' or '余' or '美' or '欧' or '港' or '日' or '英'
        or '-' or '–' or '—' or '―' or '－' or '～' or '~' or '〜' or '至' or '到';

    private static bool SkipRun(string s, int start, out int next)
    {
        next = start;
        while (next < s.Length && (ChineseNumber.IsDigit(s[next]) || ChineseNumber.IsChineseNumeral(s[next]) || s[next] is '.' or ',')) next++;
        next = Math.Max(next, start + 1);
        return false;
    }

    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] == ' ' && i < s.Length) i++;
        return i;
    }

    private static bool Follows(string s, int at, string word) => at >= 0 && string.CompareOrdinal(s, at, word, 0, word.Length) == 0 && at + word.Length <= s.Length;

    /// <summary>Arabic or Chinese number with trailing multipliers 万/千/百/亿; amountMultiplier is what a following 元 would mean.</summary>
    private static bool ReadNumber(string s, int start, out decimal value, out int end, out decimal amountMultiplier, out bool bareOne, out bool endsWithYi)
    {
        amountMultiplier = 1;
        bareOne = false;
        endsWithYi = false;
        end = start;
        int length;
        if (ChineseNumber.IsDigit(s[start]))
        {
            length = ChineseNumber.ReadArabic(s, start, out value);
            if (length == 0) return false;
            end = start + length;
            var m = SkipSpaces(s, end);
            var multipliers = 0;
            while (m < s.Length && multipliers < 2 && s[m] is '万' or '千' or '百' or '亿')
            {
                var factor = s[m] switch { '万' => 10000m, '千' => 1000m, '百' => 100m, _ => 100000000m };
                value *= factor;
                amountMultiplier *= factor;
                endsWithYi = s[m] == '亿';
                m++;
                multipliers++;
                end = m;
            }
            return true;
        }
        length = ChineseNumber.ReadChinese(s, start, out value);
        if (length == 0) return false;
        // A bare 百/千/万/亿 counts only after 超/过/近/逾 ("超百个", "近万个"); elsewhere it is a word ("单位：亿元").
        if (s[start] is '百' or '千' or '万' or '亿' && (start == 0 || s[start - 1] is not ('超' or '过' or '近' or '逾' or '破' or '约' or '达'))) return false;
        bareOne = length == 1 && s[start] == '一';
        end = start + length;
        endsWithYi = s[end - 1] == '亿';
        return value > 0;
    }

    /// <summary>Reads a unit; amounts become 亿元 (scale is the factor from the written number to the normalized value).</summary>
    private static string? ReadUnit(string s, int at, bool endsWithYi, out int end, out decimal scale)
    {
        end = at;
        scale = 1;
        if (endsWithYi && (at >= s.Length || s[at] != '元'))
        {
            // "超千亿的", "千亿级": 亿 without 元 still names an amount (foreign currencies excluded below).
            foreach (var currency in ForeignCurrencies)
                if (Follows(s, at, currency)) return null;
            scale = 0.00000001m;
            return "亿元";
        }
        if (at >= s.Length) return null;
        foreach (var currency in ForeignCurrencies)
            if (Follows(s, at, currency)) return null;
        if (s[at] == '元' && !Follows(s, at, "元素"))
        {
            end = at + 1;
            scale = 0.00000001m;
            return "亿元";
        }
        if (s[at] == '%') { end = at + 1; return "%"; }
        foreach (var unit in CountUnits)
            if (Follows(s, at, unit))
            {
                end = at + unit.Length;
                return unit == "批次" ? null : unit;
            }
        return null;
    }

    /// <summary>"超十亿元企业", "超千亿的龙头企业", "千亿级园区", "1000～2000 万元的小微企业": a threshold in a name, not a figure.</summary>
    private static bool IsThresholdAfter(string s, int at)
    {
        if (at >= s.Length) return false;
        if (Follows(s, at, "以上")) at += 2;
        if (at < s.Length && s[at] == '级') return true;
        if (Follows(s, at, "企业") || Follows(s, at, "龙头") || Follows(s, at, "骨干") || Follows(s, at, "规模") || Follows(s, at, "项目")) return true;
        if (at < s.Length && s[at] == '的')
            for (var k = at + 1; k < s.Length && k < at + 12; k++)
            {
                if (s[k] is '，' or '。' or '、' or '；') break;
                if (Follows(s, k, "企业") || Follows(s, k, "项目")) return true;
            }
        return false;
    }

    /// <summary>Comparator from the words just before the number.</summary>
    private static string ComparatorBefore(string s, int start)
    {
        var from = Math.Max(0, start - 6);
        var before = s[from..start].TrimEnd();
        if (before.EndsWith("不低于", StringComparison.Ordinal) || before.EndsWith("不少于", StringComparison.Ordinal) || before.EndsWith("超过", StringComparison.Ordinal)
            || before.EndsWith("超", StringComparison.Ordinal) || before.EndsWith("突破", StringComparison.Ordinal) || before.EndsWith("高于", StringComparison.Ordinal)
            || before.EndsWith("过", StringComparison.Ordinal) || before.EndsWith("逾", StringComparison.Ordinal)) return ">=";
        if (before.EndsWith("不超过", StringComparison.Ordinal) || before.EndsWith("控制在", StringComparison.Ordinal) || before.EndsWith("低于", StringComparison.Ordinal)) return "<=";
        if (before.EndsWith("近", StringComparison.Ordinal) || before.EndsWith("约", StringComparison.Ordinal) || before.EndsWith("接近", StringComparison.Ordinal)
            || before.EndsWith("大约", StringComparison.Ordinal)) return "~";
        return "=";
    }
}
