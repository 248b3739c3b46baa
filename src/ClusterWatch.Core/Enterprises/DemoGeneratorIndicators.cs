using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Enterprises;

public static partial class DemoGenerator
{
    /// <summary>How a synthetic trajectory relates to its plan target: ahead, on track or lagging, so the dashboard shows all three.</summary>
    private static readonly (double Probability, double Min, double Max, string Note)[] Performance =
    [
        (0.35, 1.05, 1.25, "示例数据：进度超前"),
        (0.40, 0.93, 1.02, "示例数据：基本按计划"),
        (0.25, 0.55, 0.85, "示例数据：进度滞后"),
    ];

    /// <summary>Yearly synthetic actuals for indicators not computed from enterprises, per target region, from the plan start to min(target year, 2025).</summary>
    private static async Task<List<GeneratedIndicatorValue>> BuildIndicatorValuesAsync(AppDbContext db, int seed, CancellationToken ct)
    {
        var targets = await (
            from t in db.Targets.AsNoTracking()
            join i in db.Indicators.AsNoTracking() on t.IndicatorId equals i.Id
            join p in db.Plans.AsNoTracking() on t.PlanId equals p.Id
            where i.Measure == ComputedMeasure.None
            select new { t.Id, t.IndicatorId, t.RegionId, t.Year, t.Value, t.ValueMax, p.PeriodStart, i.Kind, i.Direction }).ToListAsync(ct);
        if (targets.Count == 0) return [];
        var baselines = await db.Baselines.AsNoTracking()
            .Select(b => new { b.Id, b.IndicatorId, b.RegionId, b.Year, b.Value }).ToListAsync(ct);
        var existing = (await db.IndicatorValues.AsNoTracking()
                .Where(v => v.Source == ValueSource.Synthetic && v.Quarter == 0)
                .Select(v => new { v.IndicatorId, v.RegionId, v.Year }).ToListAsync(ct))
            .Select(v => (v.IndicatorId, v.RegionId, v.Year)).ToHashSet();

        var values = new List<GeneratedIndicatorValue>();
        var groups = targets.GroupBy(t => (t.IndicatorId, t.RegionId)).OrderBy(g => g.Key.IndicatorId).ThenBy(g => g.Key.RegionId).ToList();
        foreach (var group in groups)
        {
            var rng = new Random(DeriveSeed(seed, (long)group.Key.IndicatorId << 32 | (uint)group.Key.RegionId, 2));
            // One value per target year: the latest-stated target for a year wins (higher target Id).
            var points = group.GroupBy(t => t.Year).Select(g => g.OrderBy(t => t.Id).Last())
                .Select(t => (t.Year, Value: (double)(t.ValueMax is decimal max && max > t.Value ? (t.Value + max) / 2 : t.Value)))
                .OrderBy(p => p.Year).ToList();
            var any = group.First();
            var startYear = group.Min(t => t.PeriodStart ?? t.Year - 3);
            var endYear = Math.Min(points[^1].Year, LastYear);
            if (startYear > endYear) continue;
            var baseline = baselines.Where(b => b.IndicatorId == group.Key.IndicatorId && b.RegionId == group.Key.RegionId && b.Year <= startYear)
                .OrderBy(b => b.Year).ThenBy(b => b.Id).LastOrDefault();
            var firstTarget = points[0].Value;
            var startValue = baseline is not null ? (double)baseline.Value
                : any.Direction == Direction.Decrease ? firstTarget * Uniform(rng, 1.3, 1.8)
                : any.Kind == IndicatorKind.Ratio ? firstTarget * Uniform(rng, 0.6, 0.85)
                : firstTarget * Uniform(rng, 0.15, 0.45);
            var u = rng.NextDouble();
            var performance = Performance[^1];
            foreach (var p in Performance)
            {
                if (u < p.Probability) { performance = p; break; }
                u -= p.Probability;
            }
            var factor = Uniform(rng, performance.Min, performance.Max);
            var previous = 0.0;
            for (var year = startYear; year <= endYear; year++)
            {
                if (existing.Contains((group.Key.IndicatorId, group.Key.RegionId, year))) continue;
                var planned = Interpolate(startYear, startValue, points, year);
                var actual = startValue + (planned - startValue) * factor * (year == startYear ? 1 : Uniform(rng, 0.97, 1.03));
                var rounded = any.Kind == IndicatorKind.Count ? Math.Round(Math.Max(0, actual)) : Math.Round(Math.Max(0, actual), 2);
                if (any.Kind == IndicatorKind.Count && any.Direction == Direction.Increase) rounded = previous = Math.Max(previous, rounded); // counts of things built do not shrink
                values.Add(new GeneratedIndicatorValue(group.Key.IndicatorId, group.Key.RegionId, year, (decimal)rounded, performance.Note));
            }
        }
        return values;
    }

    /// <summary>The planned value in a year: a slightly back-loaded path from the start to the first target, then linear between targets.</summary>
    private static double Interpolate(int startYear, double startValue, List<(int Year, double Value)> points, int year)
    {
        var (fromYear, fromValue) = (startYear, startValue);
        foreach (var (toYear, toValue) in points)
        {
            if (year <= toYear)
            {
                if (toYear <= fromYear) return toValue;
                var t = (double)(year - fromYear) / (toYear - fromYear);
                return fromValue + (toValue - fromValue) * Math.Pow(Math.Clamp(t, 0, 1), fromYear == startYear ? 1.2 : 1.0);
            }
            (fromYear, fromValue) = (toYear, toValue);
        }
        return points[^1].Value;
    }

    private static double Uniform(Random rng, double min, double max) => min + (max - min) * rng.NextDouble();
}
