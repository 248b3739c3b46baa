using ClusterWatch.Core.Analytics;
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

    /// <summary>The dashboard's numbers for one plan in a selected year (default: the current year).</summary>
    public static async Task<Results<Ok<PlanProgress>, ProblemHttpResult>> GetPlanProgress(int id, int? year, ProgressService progressService, CancellationToken ct)
    {
        var selected = year ?? DateTime.UtcNow.Year;
        if (selected is < MinYear or > MaxYear)
            return TypedResults.Problem(title: "年份超出范围", detail: $"参数 year 应在 {MinYear}–{MaxYear} 之间，收到 {selected}。", statusCode: StatusCodes.Status400BadRequest);
        var progress = await progressService.GetAsync(id, selected, ct);
        return progress is null
            ? TypedResults.Problem(title: "规划不存在", detail: $"未找到编号为 {id} 的规划。", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(progress);
    }
}
