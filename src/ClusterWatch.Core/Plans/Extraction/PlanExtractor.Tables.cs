namespace ClusterWatch.Core.Plans.Extraction;

internal sealed partial class PlanTextParser
{
    private const int MinTableCells = 8;

    /// <summary>Decomposition tables that reached us flattened into one cell per line: year and label headers, then
    /// rows of a region followed by one number per column; the 全市 row is the plan's own region.</summary>
    private List<PlanExtraction.AllocationItem> FindAllocations()
    {
        var allocations = new List<PlanExtraction.AllocationItem>();
        var i = 0;
        while (i < _paragraphs.Count)
        {
            if (!_paragraphs[i].IsShortCell) { i++; continue; }
            var start = i;
            while (i < _paragraphs.Count && _paragraphs[i].IsShortCell) i++;
            if (i - start >= MinTableCells) ReadTable(start, i, allocations);
        }
        return allocations;
    }

    private readonly List<PlanExtraction.TargetItem> _tableTargets = [];
    private readonly List<PlanExtraction.BaselineItem> _tableBaselines = [];

    private void ReadTable(int start, int end, List<PlanExtraction.AllocationItem> allocations)
    {
        var cells = _paragraphs.GetRange(start, end - start).Select(p => Compact(p.Text)).Where(c => c.Length > 0).ToList();
        if (cells.Take(12).Any(c => c.Contains("指标", StringComparison.Ordinal))) { ReadIndicatorTable(cells); return; }
        var (unit, scale, intro) = TableUnit(start);
        if (unit is null) return;

        var years = new List<int>();
        var labels = new List<string>();
        var k = 0;
        for (; k < cells.Count && !IsRegionCell(cells[k]); k++)
        {
            var cell = cells[k];
            if (cell.Length >= 5 && IsYearAt(cell, 0, out var year) && cell[4] == '年') years.Add(year);
            else if (!IsNumberCell(cell, out _)) labels.Add(cell);
        }
        if (years.Count == 0) return;

        var rows = new List<(string Region, List<decimal> Values)>();
        while (k < cells.Count)
        {
            if (!IsRegionCell(cells[k])) { k++; continue; }
            var region = cells[k++];
            var values = new List<decimal>();
            while (k < cells.Count && IsNumberCell(cells[k], out var value)) { values.Add(value); k++; }
            if (values.Count > 0) rows.Add((region, values));
        }
        if (rows.Count == 0) return;
        var columns = rows.GroupBy(r => r.Values.Count).OrderByDescending(g => g.Count()).First().Key;
        if (columns % years.Count != 0) return;
        var perYear = columns / years.Count;
        var columnLabels = labels.Count == columns ? labels
            : labels.Count == perYear ? Enumerable.Range(0, columns).Select(c => labels[c % perYear]).ToList()
            : Enumerable.Repeat(intro, columns).ToList();

        foreach (var (regionCell, values) in rows)
        {
            if (values.Count != columns) continue;
            var region = regionCell is "全市" or "全省" or "全区" or "全县" or "合计" or "总计" ? _region : regionCell;
            for (var c = 0; c < columns; c++)
                allocations.Add(new PlanExtraction.AllocationItem(IndicatorForColumn(columnLabels[c], intro), region, years[c / perYear], Round(values[c] * scale), unit));
        }
    }

    /// <summary>A flattened 主要指标 table: 指标 | 单位 | 2020年 | 2025年 | 属性, one cell per line; past-year columns are
    /// baselines, the others targets.</summary>
    private void ReadIndicatorTable(List<string> cells)
    {
        var years = new List<int>();
        var k = 0;
        for (; k < cells.Count && k < 16; k++)
        {
            if (cells[k].Length >= 5 && IsYearAt(cells[k], 0, out var year) && cells[k][4] == '年') years.Add(year);
            else if (years.Count > 0 && !IsHeaderWord(cells[k])) break;
        }
        if (years.Count == 0) return;
        for (; k < cells.Count; k++)
        {
            var (unit, scale) = RowUnit(cells[k]);
            if (unit is null || k == 0 || k + years.Count >= cells.Count + 1) continue;
            var name = cells[k - 1];
            if (IsNumberCell(name, out _) || name.Length < 2) continue;
            for (var c = 0; c < years.Count && k + 1 + c < cells.Count; c++)
            {
                if (!TableValue(cells[k + 1 + c], out var value, out var comparator)) continue;
                value = Round(value * scale);
                var year = years[c];
                if (_periodStart is int first && year < first)
                    _tableBaselines.Add(new PlanExtraction.BaselineItem(name, _region, year, value, unit, $"{name} {year}年 {cells[k + 1 + c]}"));
                else
                    _tableTargets.Add(new PlanExtraction.TargetItem(name, _region, year, value, null, unit, comparator, $"{name} {year}年 {cells[k + 1 + c]}"));
            }
            k += years.Count;
        }
    }

    private static bool IsHeaderWord(string cell) =>
        cell.Contains("属性", StringComparison.Ordinal) || cell.Contains("单位", StringComparison.Ordinal) || cell.Contains("指标", StringComparison.Ordinal)
        || cell.Contains("序号", StringComparison.Ordinal) || cell.Contains("类别", StringComparison.Ordinal) || cell.Contains("年均", StringComparison.Ordinal);

    private static (string? Unit, decimal Scale) RowUnit(string cell) => cell.Trim('（', '）', '(', ')') switch
    {
        "亿元" => ("亿元", 1m),
        "万元" => ("亿元", 0.0001m),
        "%" => ("%", 1m),
        "家" or "个" or "件" or "项" or "支" or "所" or "名" or "人" or "座" or "台" => (cell.Trim('（', '）', '(', ')'), 1m),
        _ => (null, 0),
    };

    /// <summary>"3000", "≥30", "30以上", "10左右".</summary>
    private static bool TableValue(string cell, out decimal value, out string comparator)
    {
        comparator = "=";
        var text = cell;
        if (text.StartsWith('≥') || text.StartsWith('>')) { comparator = ">="; text = text[1..]; }
        else if (text.StartsWith('≤') || text.StartsWith('<')) { comparator = "<="; text = text[1..]; }
        var length = ChineseNumber.ReadArabic(text, 0, out value);
        if (length == 0) return false;
        var rest = text[length..];
        if (rest is "以上") comparator = ">=";
        else if (rest is "左右") comparator = "~";
        else if (rest is "以下" or "以内") comparator = "<=";
        else if (rest.Length > 0 && rest != "%") return false;
        return true;
    }

    private static decimal Round(decimal value) => Math.Round(value, 6) / 1.000000000000m;

    private static string IndicatorForColumn(string label, string intro)
    {
        if (label.Length == 0) return intro.Length > 0 ? intro : "目标";
        if (label.Length <= 4 && intro.Contains("产业", StringComparison.Ordinal) && !label.EndsWith("产业", StringComparison.Ordinal)) return label + "产业规模";
        return label;
    }

    /// <summary>"单位：亿元" within the three paragraphs before the table; the paragraph before it names what is decomposed.</summary>
    private (string? Unit, decimal Scale, string Intro) TableUnit(int start)
    {
        for (var back = 1; back <= 3 && start - back >= 0; back++)
        {
            var text = Compact(_paragraphs[start - back].Text);
            var at = text.IndexOf("单位", StringComparison.Ordinal);
            if (at < 0 || text.Length > 30) continue;
            var unitText = text[(at + 2)..].TrimStart('：', ':').TrimEnd('）', ')');
            var intro = start - back - 1 >= 0 ? IntroName(_paragraphs[start - back - 1].Text) : "";
            return unitText switch
            {
                "亿元" => ("亿元", 1m, intro),
                "万元" => ("亿元", 0.0001m, intro),
                "元" => ("亿元", 0.00000001m, intro),
                "家" or "个" or "件" or "项" or "%" => (unitText, 1m, intro),
                _ => (null, 0, intro),
            };
        }
        return (null, 0, "");
    }

    private static string IntroName(string text)
    {
        var compact = Compact(text);
        var at = compact.IndexOf("目标分解", StringComparison.Ordinal);
        if (at > 0) compact = compact[..at];
        var cut = compact.LastIndexOfAny(['）', '，', '。', ')']);
        if (cut >= 0 && cut < compact.Length - 1) compact = compact[(cut + 1)..];
        return compact.Length > 20 ? compact[^20..] : compact;
    }

    private static bool IsRegionCell(string cell) =>
        cell.Length is >= 2 and <= 8 && !IsNumberCell(cell, out _)
        && (cell.EndsWith('区') || cell.EndsWith('县') || cell.EndsWith('市') || cell.EndsWith('镇') || cell.EndsWith("街道", StringComparison.Ordinal)
            || cell is "合计" or "总计" or "全市" or "全省");

    private static bool IsNumberCell(string cell, out decimal value)
    {
        value = 0;
        if (cell.Length == 0 || cell.Length > 18) return false;
        var length = ChineseNumber.ReadArabic(cell, 0, out value);
        return length == cell.Length;
    }
}
