using System.Globalization;

namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>How a link stands against its benchmark: 强链 (strong), 补链 needed (weak), 缺失 (missing).</summary>
public enum LinkClass { Strong = 0, Weak = 1, Missing = 2 }

/// <summary>A link's location quotient (null when it cannot be computed), its class, the rule with its numbers in Chinese, and the value as shown.</summary>
public sealed record LocationQuotientResult(decimal? Value, LinkClass Class, string Rule, string Text);

/// <summary>
/// LQ = (region's enterprises in the link ÷ region's enterprises in the chain) ÷ (benchmark's in the link ÷ benchmark's in the chain).
/// Missing when the region has no enterprise in the link; strong when LQ ≥ strongAtOrAbove (compared exactly, before rounding);
/// strong too when the benchmark has none in the link but the region has some (the region has what the benchmark lacks); else weak.
/// </summary>
public static class LocationQuotient
{
    public static LocationQuotientResult Classify(int regionInLink, int regionInChain, int benchmarkInLink, int benchmarkInChain,
        decimal strongAtOrAbove, string benchmarkName = "基准")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(regionInLink);
        ArgumentOutOfRangeException.ThrowIfNegative(benchmarkInLink);
        ArgumentOutOfRangeException.ThrowIfLessThan(regionInChain, regionInLink);
        ArgumentOutOfRangeException.ThrowIfLessThan(benchmarkInChain, benchmarkInLink);
        var threshold = F(strongAtOrAbove);
        var formula = $"区位熵 =（本地区该环节 {regionInLink} 家 ÷ 本地区该链 {regionInChain} 家）÷（{benchmarkName}该环节 {benchmarkInLink} 家 ÷ {benchmarkName}该链 {benchmarkInChain} 家）";
        var scale = $"区位熵 ≥ {threshold} 为强，低于 {threshold} 为弱，本地区没有企业为缺失";

        if (regionInLink == 0)
        {
            decimal? zero = regionInChain > 0 && benchmarkInLink > 0 ? 0m : null;
            return new(zero, LinkClass.Missing, $"本地区在该环节没有企业（0 家），判为缺失。{scale}。", zero is null ? "—" : "0.00");
        }
        if (benchmarkInLink == 0)
            return new(null, LinkClass.Strong,
                $"{benchmarkName}在该环节没有企业，区位熵无法计算；本地区有 {regionInLink} 家，判为强。{scale}。", "—");

        // Exact comparison: a·d ≥ t·b·c avoids rounding a quotient that sits exactly on the threshold.
        var numerator = (decimal)regionInLink * benchmarkInChain;
        var denominator = (decimal)regionInChain * benchmarkInLink;
        var value = numerator / denominator;
        var strong = numerator >= strongAtOrAbove * denominator;
        var regionShare = (decimal)regionInLink / regionInChain;
        var benchmarkShare = (decimal)benchmarkInLink / benchmarkInChain;
        var text = Display(value, strong, strongAtOrAbove);
        var rule = $"{formula} = {F(regionShare, 3)} ÷ {F(benchmarkShare, 3)} = {text}；{scale}，判为{(strong ? "强" : "弱")}。";
        return new(Math.Round(value, 4, MidpointRounding.AwayFromZero), strong ? LinkClass.Strong : LinkClass.Weak, rule, text);
    }

    public static string Label(LinkClass c) => c switch
    {
        LinkClass.Strong => "强",
        LinkClass.Weak => "弱",
        _ => "缺失",
    };

    /// <summary>Two decimals, or four when two would round across the threshold (0.9964 is not shown as 1.00 beside 弱).</summary>
    private static string Display(decimal value, bool strong, decimal threshold)
    {
        var two = Math.Round(value, 2, MidpointRounding.AwayFromZero);
        return (two >= threshold) == strong ? F(value) : Math.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.0000", CultureInfo.InvariantCulture);
    }

    private static string F(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.00" + new string('#', Math.Max(0, decimals - 2)), CultureInfo.InvariantCulture);
}
