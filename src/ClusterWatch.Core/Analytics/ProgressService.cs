using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics;

/// <summary>The dashboard's numbers for a plan in a selected year: actuals, trajectories and statuses of targets and allocations.</summary>
public sealed class ProgressService(AppDbContext db, ProgressThresholds? thresholds = null, AggregateCache? cache = null, ForecastThresholds? forecastThresholds = null)
{
    private readonly ProgressRules _rules = new(thresholds);
    private readonly ForecastThresholds _forecastThresholds = forecastThresholds ?? ForecastThresholds.Default;

    public async Task<PlanProgress?> GetAsync(int planId, int year, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Id, p.Title, p.PeriodStart, p.PeriodEnd })
            .FirstOrDefaultAsync(ct);
        if (plan is null) return null;

        var targets = await db.Targets.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region)
            .Where(t => t.PlanId == planId).OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct);
        var baselines = await db.Baselines.AsNoTracking().Where(b => b.PlanId == planId).ToListAsync(ct);
        var allocations = await db.Allocations.AsNoTracking().Include(a => a.Indicator).Include(a => a.Region)
            .Where(a => a.PlanId == planId).OrderBy(a => a.Year).ThenBy(a => a.Id).ToListAsync(ct);
        var regionNodes = await db.Regions.AsNoTracking()
            .Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync(ct);
        var regions = new RegionScopes(regionNodes);

        var indicators = targets.Select(t => t.Indicator!).Concat(allocations.Select(a => a.Indicator!)).DistinctBy(i => i.Id).ToList();
        var actuals = new ActualsSource(db, regions, cache);
        var (fromYear, toYear) = YearWindow(plan.PeriodStart, year, targets, baselines, allocations);
        // The selected year outside the plan's years needs one more year: the latest with figures up to it.
        int? extraYear = year >= fromYear && year <= toYear ? null
            : await db.EnterpriseFigures.Where(f => f.Quarter == 0 && f.Year <= year).MaxAsync(f => (int?)f.Year, ct);
        await actuals.LoadAsync(indicators, fromYear, toYear, extraYear, ct);

        var context = new PlanContext(plan.PeriodStart, baselines, regions, actuals);
        var targetResults = targets.Select(t => BuildTarget(t, year, context)).ToList();
        var allocationResults = allocations.Select(a => BuildAllocation(a, year, context)).ToList();

        var years = plan.PeriodStart is { } start && plan.PeriodEnd is { } end && end >= start
            ? Enumerable.Range(start, end - start + 1).ToList()
            : targets.Select(t => t.Year).Distinct().Order().ToList();
        var usesSynthetic = context.SeriesSynthetic.Count > 0 || targetResults.Any(t => t.ActualIsSynthetic) || allocationResults.Any(a => a.ActualIsSynthetic);
        return new PlanProgress(plan.Id, plan.Title, year, years, targetResults, allocationResults, usesSynthetic);
    }

    /// <summary>
    /// The years whose figures the plan's series need: from the year before the plan starts (or its earliest stated baseline, or
    /// five years before its first due year) to its last due year. Older figures are no actual for this plan.
    /// </summary>
    public static (int From, int To) YearWindow(int? periodStart, int year, IReadOnlyCollection<Target> targets, IReadOnlyCollection<Baseline> baselines, IReadOnlyCollection<Allocation> allocations)
    {
        var dueYears = targets.Select(t => t.Year).Concat(allocations.Select(a => a.Year)).ToList();
        var from = periodStart - 1 ?? (dueYears.Count > 0 ? dueYears.Min() - 5 : year);
        if (baselines.Count > 0) from = Math.Min(from, baselines.Min(b => b.Year));
        var to = dueYears.Count > 0 ? Math.Max(from, dueYears.Max()) : year;
        return (from, to);
    }

    private sealed record PlanContext(int? PeriodStart, List<Baseline> Baselines, RegionScopes Regions, ActualsSource Actuals)
    {
        public HashSet<int> SeriesSynthetic { get; } = [];
    }

    private TargetProgress BuildTarget(Target t, int year, PlanContext c)
    {
        var indicator = t.Indicator!;
        var byYear = c.Actuals.For(indicator, t.RegionId, t.Unit);
        if (byYear.Values.Any(p => p.IsSynthetic)) c.SeriesSynthetic.Add(t.Id);
        var baseline = ChooseBaseline(indicator.Id, t.RegionId, t.Year, c, byYear);
        var actual = LatestAtOrBefore(byYear, year);
        var goal = new TargetGoal(t.Comparator, indicator.Direction, indicator.Kind, t.Value, t.ValueMax, t.Year, t.Unit);
        var eval = _rules.Evaluate(goal, baseline, year, actual?.Value, actual?.Year);

        var firstYear = Math.Min(baseline?.Year ?? c.PeriodStart ?? t.Year, t.Year);
        var series = Enumerable.Range(firstYear, t.Year - firstYear + 1)
            .Select(y => new SeriesPoint(y, byYear.TryGetValue(y, out var p) ? p.Value : null, eval.Path?.ExpectedAt(y)))
            .ToList();

        return new TargetProgress(t.Id, indicator.Name, t.Unit, t.Region?.Code ?? "", t.Region?.Name ?? "", t.Year,
            ComparatorText(t.Comparator), t.Value, t.ValueMax, baseline?.Value, baseline?.Year,
            actual?.Value, actual?.Year, actual?.Source ?? ActualsSource.NoDataText, actual?.IsSynthetic ?? false,
            eval.PercentOfTarget, eval.Expected, TrajectoryText(eval.Path), eval.Status, eval.StatusLabel, eval.Rule, t.Quote, series)
        {
            ExpectedYear = eval.ExpectedYear,
            Forecast = ForecastOf(goal, baseline, byYear, year),
        };
    }

    /// <summary>The forecast judges a target by its own year once that has passed: the latest actual up to the earlier of the two years.</summary>
    private AttainmentForecast ForecastOf(TargetGoal goal, BaselineChoice? baseline, IReadOnlyDictionary<int, ActualPoint> byYear, int year)
    {
        var latest = LatestAtOrBefore(byYear, Math.Min(year, goal.Year)) ?? LatestAtOrBefore(byYear, year);
        return AttainmentForecaster.Forecast(goal, baseline, latest?.Year, latest?.Value, _forecastThresholds);
    }

    private AllocationProgress BuildAllocation(Allocation a, int year, PlanContext c)
    {
        var indicator = a.Indicator!;
        var byYear = c.Actuals.For(indicator, a.RegionId, a.Unit);
        var evaluationYear = Math.Min(a.Year, year);
        var baseline = ChooseBaseline(indicator.Id, a.RegionId, a.Year, c, byYear);
        var actual = LatestAtOrBefore(byYear, evaluationYear);
        var goal = new TargetGoal(Comparator.AtLeast, indicator.Direction, indicator.Kind, a.Value, null, a.Year, a.Unit);
        var eval = _rules.Evaluate(goal, baseline, evaluationYear, actual?.Value, actual?.Year);
        var region = c.Regions.Find(a.RegionId);
        return new AllocationProgress(a.Id, indicator.Name, a.Unit, region?.Code ?? "", c.Regions.SeriesCodeOf(a.RegionId), region?.Name ?? "",
            a.Year, a.Value, actual?.Value, eval.PercentOfTarget, eval.Status, eval.StatusLabel)
        {
            ActualYear = actual?.Year,
            ActualIsSynthetic = actual?.IsSynthetic ?? false,
            ActualSource = actual?.Source ?? ActualsSource.NoDataText,
            Expected = eval.Expected,
            Rule = eval.Rule,
            Forecast = ForecastOf(goal, baseline, byYear, evaluationYear),
        };
    }

    /// <summary>The latest baseline the plan states for the indicator in the region's series before the due year; else from actuals.</summary>
    private static BaselineChoice? ChooseBaseline(int indicatorId, int regionId, int dueYear, PlanContext c, IReadOnlyDictionary<int, ActualPoint> byYear)
    {
        var series = c.Regions.SameSeries(regionId);
        var stated = c.Baselines.Where(b => b.IndicatorId == indicatorId && series.Contains(b.RegionId) && b.Year < dueYear)
            .OrderByDescending(b => b.Year).FirstOrDefault();
        return Trajectory.ChooseBaseline(stated?.Value, stated?.Year, c.PeriodStart, byYear.ToDictionary(p => p.Key, p => p.Value.Value));
    }

    private static ActualPoint? LatestAtOrBefore(IReadOnlyDictionary<int, ActualPoint> byYear, int year) =>
        byYear.Values.Where(p => p.Year <= year).MaxBy(p => p.Year);

    public static string ComparatorText(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => ">=",
        Comparator.About => "~",
        Comparator.AtMost => "<=",
        _ => "=",
    };

    private static string TrajectoryText(TrajectoryPath? path) => path is null ? "" : path.Shape == TrajectoryShape.Compound ? "复合增长" : "线性";
}
