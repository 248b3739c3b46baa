using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics;

/// <summary>An actual value of an indicator in a region for one year, and where it came from.</summary>
public sealed record ActualPoint(int Year, decimal Value, bool IsSynthetic, string Source);

/// <summary>
/// Actual values per year for indicators: computed ones from enterprise figures, aggregated in the database grouped by
/// year × region × sub-industry (never loading the figures), the others from IndicatorValues.
/// </summary>
public sealed class ActualsSource(AppDbContext db, RegionScopes regions)
{
    public const string NoDataText = "无数据";
    public const string SyntheticText = "示例数据";

    private sealed record ComputationKey(ComputedMeasure Measure, Caliber Caliber, decimal? ThresholdYi);

    /// <summary>Amount (万元, count or patents) attributed to a region for a year and sub-industry, from real or synthetic enterprises.</summary>
    private sealed record AttributedRow(int Year, int RegionId, string IndustryCode, bool IsSynthetic, decimal Amount);

    private sealed class FigureRow
    {
        public int EnterpriseId { get; init; }
        public int Year { get; init; }
        public int RegisteredRegionId { get; init; }
        public string IndustryCode { get; init; } = "";
        public bool IsSynthetic { get; init; }
        public decimal Amount { get; init; }
    }

    private readonly Dictionary<ComputationKey, List<AttributedRow>> _computed = [];
    private List<IndicatorValue> _values = [];

    public async Task LoadAsync(IEnumerable<Indicator> indicators, CancellationToken ct)
    {
        var list = indicators.ToList();
        foreach (var key in list.Where(i => i.Measure != ComputedMeasure.None).Select(KeyOf).Distinct())
            if (!_computed.ContainsKey(key)) _computed[key] = await QueryAsync(key, ct);
        var ids = list.Where(i => i.Measure == ComputedMeasure.None).Select(i => i.Id).Distinct().ToList();
        _values = ids.Count == 0 ? [] : await db.IndicatorValues.AsNoTracking()
            .Where(v => ids.Contains(v.IndicatorId) && v.Quarter == 0).ToListAsync(ct);
    }

    /// <summary>Actuals by year for the indicator in the region (its series and descendants for computed indicators).</summary>
    public IReadOnlyDictionary<int, ActualPoint> For(Indicator indicator, int regionId, string unit) =>
        indicator.Measure == ComputedMeasure.None ? FromValues(indicator, regionId) : Computed(indicator, regionId, unit);

    private static ComputationKey KeyOf(Indicator i) => new(i.Measure, i.Caliber,
        i.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount ? i.TierThreshold : null);

    private Dictionary<int, ActualPoint> Computed(Indicator indicator, int regionId, string unit)
    {
        var key = KeyOf(indicator);
        if (!_computed.TryGetValue(key, out var rows)) return [];
        var result = new Dictionary<int, ActualPoint>();
        if (key.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount && key.ThresholdYi is null) return result;
        var scope = regions.Within(regionId);
        var industry = IndustryScope.For(indicator);
        var divisor = IsAmount(key.Measure) && unit != "万元" ? RevenueTier.WanPerYi : 1m;
        foreach (var yearRows in rows.GroupBy(r => r.Year))
        {
            // No enterprise of the sub-industry in the region reported that year: no data, not zero.
            var inScope = yearRows.Where(r => scope.Contains(r.RegionId) && industry.Matches(r.IndustryCode)).ToList();
            if (inScope.Count == 0) continue;
            // Real and synthetic figures are never mixed: real ones win.
            var real = inScope.Where(r => !r.IsSynthetic).ToList();
            var used = real.Count > 0 ? real : inScope;
            var synthetic = used[0].IsSynthetic;
            var value = Math.Round(used.Sum(r => r.Amount) / divisor, 4, MidpointRounding.AwayFromZero);
            result[yearRows.Key] = new ActualPoint(yearRows.Key, value, synthetic, ComputedSourceText(key, synthetic));
        }
        return result;
    }

    private static bool IsAmount(ComputedMeasure m) => m is ComputedMeasure.Revenue or ComputedMeasure.OutputValue or ComputedMeasure.RdExpense;

    private static string ComputedSourceText(ComputationKey key, bool synthetic)
    {
        var caliber = key.Caliber == Caliber.ByProductionPlace ? "产值发生地" : "注册地";
        var text = key.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount
            ? $"企业数据计数（{caliber}，{(key.Measure == ComputedMeasure.RevenueTierCount ? "营业收入" : "产值")} ≥ {ProgressRules.Format(key.ThresholdYi ?? 0)} 亿元）"
            : $"企业数据汇总（{caliber}）";
        return synthetic ? $"{SyntheticText}：{text}" : text;
    }

    private Dictionary<int, ActualPoint> FromValues(Indicator indicator, int regionId)
    {
        var series = regions.SameSeries(regionId);
        return _values.Where(v => v.IndicatorId == indicator.Id && series.Contains(v.RegionId))
            .GroupBy(v => v.Year)
            .Select(g => g.OrderBy(v => SourcePriority(v)).ThenBy(v => v.RegionId == regionId ? 0 : 1).First())
            .ToDictionary(v => v.Year, v =>
            {
                var synthetic = v.IsSynthetic || v.Source == ValueSource.Synthetic;
                return new ActualPoint(v.Year, v.Value, synthetic, ValueSourceText(v.Source, synthetic));
            });
    }

    /// <summary>Statistics, then submissions, then manual entries; synthetic values only when nothing else exists.</summary>
    private static int SourcePriority(IndicatorValue v) =>
        v.IsSynthetic || v.Source == ValueSource.Synthetic ? 9 : v.Source switch
        {
            ValueSource.Statistics => 0,
            ValueSource.Submission => 1,
            _ => 2,
        };

    private static string ValueSourceText(ValueSource source, bool synthetic)
    {
        var text = source switch
        {
            ValueSource.Statistics => "统计数据",
            ValueSource.Submission => "信息报送",
            ValueSource.Manual => "手工录入",
            _ => SyntheticText,
        };
        return synthetic && source != ValueSource.Synthetic ? $"{SyntheticText}：{text}" : text;
    }

    private IQueryable<FigureRow> FigureRows(ComputedMeasure measure)
    {
        var yearly = db.EnterpriseFigures.AsNoTracking().Where(f => f.Quarter == 0);
        return measure switch
        {
            ComputedMeasure.Revenue or ComputedMeasure.RevenueTierCount => yearly.Select(f => new FigureRow
            {
                EnterpriseId = f.EnterpriseId, Year = f.Year, RegisteredRegionId = f.Enterprise!.RegisteredRegionId,
                IndustryCode = f.Enterprise.IndustryCode, IsSynthetic = f.Enterprise.IsSynthetic, Amount = f.Revenue,
            }),
            ComputedMeasure.OutputValue or ComputedMeasure.OutputTierCount => yearly.Select(f => new FigureRow
            {
                EnterpriseId = f.EnterpriseId, Year = f.Year, RegisteredRegionId = f.Enterprise!.RegisteredRegionId,
                IndustryCode = f.Enterprise.IndustryCode, IsSynthetic = f.Enterprise.IsSynthetic, Amount = f.OutputValue,
            }),
            ComputedMeasure.RdExpense => yearly.Select(f => new FigureRow
            {
                EnterpriseId = f.EnterpriseId, Year = f.Year, RegisteredRegionId = f.Enterprise!.RegisteredRegionId,
                IndustryCode = f.Enterprise.IndustryCode, IsSynthetic = f.Enterprise.IsSynthetic, Amount = f.RdExpense,
            }),
            _ => yearly.Select(f => new FigureRow
            {
                EnterpriseId = f.EnterpriseId, Year = f.Year, RegisteredRegionId = f.Enterprise!.RegisteredRegionId,
                IndustryCode = f.Enterprise.IndustryCode, IsSynthetic = f.Enterprise.IsSynthetic, Amount = (decimal)f.InventionPatents,
            }),
        };
    }

    private async Task<List<AttributedRow>> QueryAsync(ComputationKey key, CancellationToken ct)
    {
        var rows = FigureRows(key.Measure);
        if (key.Measure is ComputedMeasure.RevenueTierCount or ComputedMeasure.OutputTierCount)
        {
            if (key.ThresholdYi is null) return [];
            var thresholdWan = RevenueTier.ThresholdInWan(key.ThresholdYi.Value);
            if (key.Caliber == Caliber.ByRegistration)
                return await rows
                    .GroupBy(r => new { r.Year, r.RegisteredRegionId, r.IndustryCode, r.IsSynthetic })
                    .Select(g => new AttributedRow(g.Key.Year, g.Key.RegisteredRegionId, g.Key.IndustryCode, g.Key.IsSynthetic, g.Count(r => r.Amount >= thresholdWan)))
                    .ToListAsync(ct);
            // A whole enterprise counts where it produces most (see CaliberAttribution.PrimaryRegion); the same rule in SQL.
            return await rows
                .Select(r => new
                {
                    r.Year, r.IndustryCode, r.IsSynthetic, r.Amount,
                    RegionId = db.ProductionSites.Where(s => s.EnterpriseId == r.EnterpriseId)
                        .OrderByDescending(s => s.Share).ThenBy(s => s.RegionId).Select(s => (int?)s.RegionId).FirstOrDefault() ?? r.RegisteredRegionId,
                })
                .GroupBy(r => new { r.Year, r.RegionId, r.IndustryCode, r.IsSynthetic })
                .Select(g => new AttributedRow(g.Key.Year, g.Key.RegionId, g.Key.IndustryCode, g.Key.IsSynthetic, g.Count(r => r.Amount >= thresholdWan)))
                .ToListAsync(ct);
        }

        if (key.Caliber == Caliber.ByRegistration)
            return await SumByRegistration(rows).ToListAsync(ct);

        var withSites = await (
            from r in rows
            join s in db.ProductionSites on r.EnterpriseId equals s.EnterpriseId
            group r.Amount * s.Share by new { r.Year, s.RegionId, r.IndustryCode, r.IsSynthetic } into g
            select new AttributedRow(g.Key.Year, g.Key.RegionId, g.Key.IndustryCode, g.Key.IsSynthetic, g.Sum()))
            .ToListAsync(ct);
        // Enterprises without recorded production sites produce where they are registered.
        var withoutSites = await SumByRegistration(rows.Where(r => !db.ProductionSites.Any(s => s.EnterpriseId == r.EnterpriseId))).ToListAsync(ct);
        return [.. withSites, .. withoutSites];
    }

    private static IQueryable<AttributedRow> SumByRegistration(IQueryable<FigureRow> rows) => rows
        .GroupBy(r => new { r.Year, r.RegisteredRegionId, r.IndustryCode, r.IsSynthetic })
        .Select(g => new AttributedRow(g.Key.Year, g.Key.RegisteredRegionId, g.Key.IndustryCode, g.Key.IsSynthetic, g.Sum(r => r.Amount)));
}
