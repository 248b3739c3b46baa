namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Reads numbers as plan texts write them: 358.5, 1,200, 一百二十, 两, 十, 百, 1.5万, 1万亿.</summary>
internal static class ChineseNumber
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';
    public static bool IsChineseDigit(char c) => c is '零' or '〇' or '○' or '一' or '二' or '两' or '三' or '四' or '五' or '六' or '七' or '八' or '九';
    public static bool IsChineseNumeral(char c) => IsChineseDigit(c) || c is '十' or '百' or '千' or '万' or '亿';

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' or '○' => 0, '一' => 1, '二' or '两' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '七' => 7, '八' => 8, '九' => 9, _ => -1,
    };

    /// <summary>Arabic number at start (digits, commas between groups, one decimal point); returns characters consumed or 0.</summary>
    public static int ReadArabic(string s, int start, out decimal value)
    {
        value = 0;
        var i = start;
        var digits = 0;
        var fraction = false;
        decimal scale = 1;
        while (i < s.Length && digits < 18)
        {
            var c = s[i];
            if (IsDigit(c))
            {
                if (fraction) { scale /= 10; value += (c - '0') * scale; }
                else value = value * 10 + (c - '0');
                digits++;
                i++;
            }
            else if (c == ',' && !fraction && HasThreeDigits(s, i + 1)) i++;
            else if ((c == '.' || c == '．') && !fraction && i + 1 < s.Length && IsDigit(s[i + 1]) && digits > 0) { fraction = true; i++; }
            else break;
        }
        while (i < s.Length && IsDigit(s[i])) i++; // absurdly long digit runs are consumed but not valued further
        return digits == 0 ? 0 : i - start;
    }

    private static bool HasThreeDigits(string s, int at) =>
        at + 3 <= s.Length && IsDigit(s[at]) && IsDigit(s[at + 1]) && IsDigit(s[at + 2]) && (at + 3 == s.Length || !IsDigit(s[at + 3]));

    /// <summary>Chinese numeral run (十, 一百二十, 两, 百, 万, 三千五百); returns characters consumed or 0.</summary>
    public static int ReadChinese(string s, int start, out decimal value)
    {
        value = 0;
        var end = start;
        while (end < s.Length && end - start < 12 && IsChineseNumeral(s[end])) end++;
        if (end == start) return 0;
        decimal total = 0, section = 0, digit = -1;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            var d = DigitValue(c);
            if (d >= 0) { digit = d; continue; }
            var unit = c switch { '十' => 10m, '百' => 100m, '千' => 1000m, '万' => 10000m, _ => 100000000m };
            if (unit < 10000m)
            {
                section += (digit < 0 ? 1 : digit) * unit;
                digit = -1;
            }
            else
            {
                var part = section + (digit < 0 ? 0 : digit);
                if (part == 0 && total == 0) part = 1;
                if (total + part > 1_000_000_000_000m) return 0; // 亿亿亿…: not a number a plan writes
                total = (total + part) * unit;
                section = 0;
                digit = -1;
            }
        }
        value = total + section + (digit < 0 ? 0 : digit);
        return end - start;
    }
}
