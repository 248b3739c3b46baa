namespace ClusterWatch.Core.Enterprises;

/// <summary>Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters, the last a mod-31 check character.</summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Null when valid, else the reason in Chinese (shown to users next to the row).</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "统一社会信用代码为空";
        if (code.Length != 18) return $"统一社会信用代码应为18位，实为{code.Length}位";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(code[i]) < 0) return $"统一社会信用代码第{i + 1}位“{code[i]}”不是允许的字符（数字或除 I、O、Z、S、V 外的大写字母）";
        if (!code[2..8].All(char.IsAsciiDigit)) return "统一社会信用代码第3-8位应为行政区划码（数字）";
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : $"统一社会信用代码校验位错误：应为“{expected}”，实为“{code[17]}”";
    }

    /// <summary>The check character for the first 17 characters.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Completes 17 characters into a valid code (used by the synthetic generator).</summary>
    public static string Complete(string first17) => first17 + CheckCharacter(first17);

    public static string Normalize(string? raw) => (raw ?? "").Trim().ToUpperInvariant();
}
