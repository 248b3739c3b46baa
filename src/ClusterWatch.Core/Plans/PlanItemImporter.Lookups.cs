using System.Globalization;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Plans;

/// <summary>Text comparison for names people type: whitespace removed, full-width letters/digits folded.</summary>
public static class NameText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var folded = text.Normalize(System.Text.NormalizationForm.FormKC);
        return new string(folded.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    /// <summary>Splits a written unit list on 、 ， , ； ; and line breaks, keeping the written order.</summary>
    public static IReadOnlyList<string> SplitUnitList(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(['、', '，', ',', '；', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(s => s.Length > 0).ToList();
}

/// <summary>Resolves a region from a 6-digit code or a name, preferring regions inside the plan's region, then current ones.</summary>
public sealed class RegionNameResolver
{
    private readonly List<Region> _regions;
    private readonly Dictionary<int, Region> _byId;

    public RegionNameResolver(IEnumerable<Region> regions)
    {
        _regions = regions.ToList();
        _byId = _regions.ToDictionary(r => r.Id);
    }

    public IReadOnlyList<Region> All => _regions;

    public Region? ById(int id) => _byId.GetValueOrDefault(id);

    public Region? Resolve(string? codeOrName, int? withinRegionId)
    {
        var key = NameText.Normalize(codeOrName);
        if (key.Length == 0) return null;
        var candidates = _regions.Where(r => r.Code.Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0) candidates = _regions.Where(r => NameText.Normalize(r.Name) == key).ToList();
        if (candidates.Count == 0)
            candidates = _regions.Where(r => NameText.Normalize(r.NameEn).Equals(key, StringComparison.OrdinalIgnoreCase)).ToList();
        return candidates
            .OrderBy(r => withinRegionId is null || IsWithin(r, withinRegionId.Value) ? 0 : 1)
            .ThenBy(r => r.ValidToYear is null ? 0 : 1)
            .ThenBy(r => r.Id)
            .FirstOrDefault();
    }

    public bool IsWithin(Region region, int ancestorId)
    {
        var current = region;
        for (var depth = 0; current is not null && depth < 10; depth++)
        {
            if (current.Id == ancestorId) return true;
            current = current.ParentId is int p && _byId.TryGetValue(p, out var parent) ? parent : null;
        }
        return false;
    }
}

/// <summary>Parsing of the values people type in target tables.</summary>
public static class PlanValueText
{
    public static bool TryParseComparator(string? text, out Comparator comparator)
    {
        var t = NameText.Normalize(text);
        comparator = Comparator.Equal;
        switch (t)
        {
            case "" or "=" or "＝" or "达到" or "Equal":
                comparator = Comparator.Equal; return true;
            case "≥" or ">=" or "以上" or "不低于" or "不少于" or "超过" or "AtLeast":
                comparator = Comparator.AtLeast; return true;
            case "~" or "～" or "约" or "左右" or "≈" or "近" or "About":
                comparator = Comparator.About; return true;
            case "≤" or "<=" or "以下" or "不超过" or "以内" or "AtMost":
                comparator = Comparator.AtMost; return true;
            default:
                return false;
        }
    }

    public static string Symbol(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.About => "~",
        Comparator.AtMost => "≤",
        _ => "=",
    };

    public static bool TryParseDecimal(string? text, out decimal value)
    {
        var t = NameText.Normalize(text).Replace(",", "");
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParseYear(string? text, out int year)
    {
        var t = NameText.Normalize(text).TrimEnd('年');
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue)
        {
            year = (int)d;
            return true;
        }
        year = 0;
        return false;
    }

    public const int MinYear = 2000;
    public const int MaxYear = 2100;
}
