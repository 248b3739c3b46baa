using System.Text;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Reads responsible-unit notes: "（责任单位：A、B）", "（A、B牵头，C按职责分工负责）", "牵头单位：A；配合单位：B".</summary>
internal static class UnitList
{
    private static readonly string[] UnitEndings =
        ["局", "委", "厅", "办", "部", "府", "会", "室", "中心", "集团", "院", "署", "所", "处", "队", "行", "站", "馆", "社", "团", "司", "组", "校", "科", "股", "公司", "单位", "部门", "机构", "企业", "协会", "银行"];

    private static readonly string[] TrailingPhrases =
        ["按职责分工负责", "按照职责分工负责", "按职能分工负责", "按职责负责", "分工负责", "按职责分工", "配合", "参与", "负责", "协同", "落实", "等单位", "等部门"];

    public static bool EndsLikeUnit(string name)
    {
        foreach (var ending in UnitEndings)
            if (name.EndsWith(ending, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Parses the inside of a note; null when it is not a responsible-unit note.</summary>
    public static (List<string> Leads, List<string> Units)? ParseNote(string inner)
    {
        var text = Compact(inner);
        if (text.Length < 2 || text.Length > 400) return null;
        string? leadPart = null, restPart;
        var prefix = LabelledPart(text, ["责任单位", "责任部门", "负责单位", "牵头单位", "牵头部门", "实施单位", "责任主体"], out var label, out var afterLabel);
        if (prefix)
        {
            var (lead, others) = SplitLabelled(afterLabel, label);
            if (lead is not null) { leadPart = lead; restPart = others ?? ""; }
            else
            {
                var at = afterLabel.IndexOf("牵头", StringComparison.Ordinal);
                if (at > 0) { leadPart = afterLabel[..at]; restPart = afterLabel[(at + 2)..]; }
                else restPart = afterLabel;
            }
        }
        else
        {
            var at = text.IndexOf("牵头", StringComparison.Ordinal);
            if (at <= 0) return PlainResponsibleList(text);
            if (!(text.EndsWith("负责", StringComparison.Ordinal) || text.EndsWith("配合", StringComparison.Ordinal) || text.EndsWith("参与", StringComparison.Ordinal)
                  || text.EndsWith("牵头", StringComparison.Ordinal) || text.EndsWith("落实", StringComparison.Ordinal))) return null;
            leadPart = text[..at];
            restPart = text[(at + 2)..];
        }

        var leads = leadPart is null ? [] : Split(leadPart);
        var units = new List<string>(leads);
        foreach (var unit in Split(restPart))
            if (!units.Contains(unit)) units.Add(unit);
        if (units.Count == 0 || units.Any(u => u.Length > 40)) return null;
        if (leads.Count == 0) leads.Add(units[0]);
        return (leads, units);
    }

    /// <summary>"（市发展改革委、市科技局按职责分工负责）": a list of units and nothing else, the first one leading.</summary>
    private static (List<string> Leads, List<string> Units)? PlainResponsibleList(string text)
    {
        if (!text.EndsWith("负责", StringComparison.Ordinal)) return null;
        var units = Split(text);
        if (units.Count == 0 || units.Any(u => !EndsLikeUnit(u) || u.Length > 20)) return null;
        return ([units[0]], units);
    }

    private static bool LabelledPart(string text, string[] labels, out string label, out string rest)
    {
        foreach (var l in labels)
            if (text.StartsWith(l, StringComparison.Ordinal) && text.Length > l.Length && text[l.Length] is '：' or ':')
            {
                label = l;
                rest = text[(l.Length + 1)..];
                return true;
            }
        label = "";
        rest = text;
        return false;
    }

    /// <summary>"A；配合单位：B" after a 牵头单位 label: A leads, B participates.</summary>
    private static (string? Lead, string? Others) SplitLabelled(string afterLabel, string label)
    {
        if (!label.StartsWith("牵头", StringComparison.Ordinal)) return (null, null);
        foreach (var other in new[] { "配合单位", "参与单位", "协办单位", "责任单位", "配合部门" })
        {
            var at = afterLabel.IndexOf(other, StringComparison.Ordinal);
            if (at < 0) continue;
            var rest = afterLabel[(at + other.Length)..].TrimStart('：', ':');
            return (afterLabel[..at], rest);
        }
        return (afterLabel, "");
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>Splits on 、，,；; and on 和/及 where both sides are units; keeps 各区、县级市 together.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '（' or '(') depth++;
            else if (c is '）' or ')') depth = Math.Max(0, depth - 1);
            if (depth == 0 && c is '、' or '，' or ',' or '；' or ';' or '。' or '/')
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        parts.Add(current.ToString());

        var units = new List<string>();
        foreach (var raw in parts)
        {
            var part = Clean(raw);
            if (part.Length == 0) continue;
            foreach (var piece in SplitConjunctions(part))
            {
                var unit = Clean(piece);
                if (unit.Length == 0) continue;
                // 各区、县级市: 各 spreads over the next kind of body, which is not a unit on its own.
                if (units.Count > 0 && units[^1].StartsWith('各') && !EndsLikeUnit(units[^1]) && !EndsLikeUnit(unit))
                    units[^1] = units[^1] + "、" + unit;
                else units.Add(unit);
            }
        }
        return units;
    }

    private static IEnumerable<string> SplitConjunctions(string part)
    {
        var start = 0;
        for (var i = 1; i < part.Length - 1; i++)
        {
            if (part[i] is not ('和' or '及' or '与')) continue;
            var left = part[start..i];
            var rightEnd = i + 1;
            var next = part.IndexOfAny(['和', '及', '与'], i + 1);
            var right = next < 0 ? part[rightEnd..] : part[rightEnd..next];
            if (EndsLikeUnit(left) && left.Length >= 2 && (EndsLikeUnit(right) || next >= 0 && EndsLikeUnit(part[rightEnd..])) && right.Length >= 2)
            {
                yield return left;
                start = i + 1;
            }
        }
        yield return part[start..];
    }

    private static string Clean(string part)
    {
        var text = part.Trim();
        var changed = true;
        while (changed && text.Length > 0)
        {
            changed = false;
            foreach (var phrase in TrailingPhrases)
                if (text.Length > phrase.Length && text.EndsWith(phrase, StringComparison.Ordinal) || text == phrase)
                {
                    text = text[..^phrase.Length];
                    changed = true;
                }
            if (text.EndsWith('等') && text.Length > 2) { text = text[..^1]; changed = true; }
        }
        return text.Trim('：', ':', ' ', '“', '”', '"');
    }
}
