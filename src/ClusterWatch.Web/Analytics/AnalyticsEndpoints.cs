using System.Globalization;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterWatch.Web.Analytics;

public static class AnalyticsEndpoints
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:int}/progress", GetPlanProgress).WithName("GetPlanProgress").WithTags("Analytics");
        return api;
    }

    /// <summary>The dashboard's numbers for one plan in a selected year (default: the current year in China, from the TimeProvider).</summary>
    /// <remarks>year is read as text so that "abc" gets the same Chinese 400 problem as 1999, not a binding exception.</remarks>
    public static async Task<Results<Ok<PlanProgress>, ProblemHttpResult>> GetPlanProgress(int id, string? year, ProgressService progressService, TimeProvider time,
        AppDbContext db, AggregateCache cache, CancellationToken ct)
    {
        var selected = TimeZoneInfo.ConvertTime(time.GetUtcNow(), ClusterWatch.Core.Reporting.ReportingCalendar.China).Year;
        if (!string.IsNullOrWhiteSpace(year) && !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out selected))
            return YearProblem($"参数 year 应为 {MinYear}–{MaxYear} 之间的年份，收到“{year}”。");
        if (selected is < MinYear or > MaxYear)
            return YearProblem($"参数 year 应在 {MinYear}–{MaxYear} 之间，收到 {selected}。");
        // A repeated request for the same data version costs one MAX(id) lookup instead of rebuilding every target's numbers.
        var version = await AggregateCache.VersionAsync(db, ct);
        var key = $"progress|{id}|{selected}";
        if (cache.TryGetResult<PlanProgress>(version, key, out var cached)) return TypedResults.Ok(cached);
        var progress = await progressService.GetAsync(id, selected, ct);
        if (progress is not null) cache.SetResult(version, key, progress);
        return progress is null
            ? TypedResults.Problem(title: "规划不存在", detail: $"未找到编号为 {id} 的规划。", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(progress);
    }

    private static ProblemHttpResult YearProblem(string detail) =>
        TypedResults.Problem(title: "年份无效", detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
