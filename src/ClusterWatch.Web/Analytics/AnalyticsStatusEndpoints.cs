using ClusterWatch.Core.Analytics.Refresh;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Analytics;

/// <summary>The refresh status: running or not, the stage, the last refresh (time, full or incremental, stage timings) and the last error.</summary>
public sealed record AnalyticsStatusDto(bool Running, bool? RunningIsFull, string? Stage, DateTimeOffset? LastRefreshedAt, double? LastDurationSeconds,
    bool? LastWasFull, long LastAuditId, long NewestAuditId, bool FactsCurrent, IReadOnlyList<StageTiming> Stages, string? LastError, DateTimeOffset? LastErrorAt);

public static class AnalyticsStatusEndpoints
{
    public static RouteGroupBuilder MapAnalyticsStatus(this RouteGroupBuilder api)
    {
        api.MapGet("/analytics/status", GetStatus).WithName("GetAnalyticsStatus").WithTags("Analytics");
        return api;
    }

    public static async Task<Ok<AnalyticsStatusDto>> GetStatus(AppDbContext db, AnalyticsRefreshStatus status, CancellationToken ct)
    {
        var state = await AnalyticsRefreshService.ReadStateAsync(db, ct);
        var newest = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var stages = status.Last is { DidWork: true } last ? last.Stages
            : state is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<StageTiming>>(state.StagesJson) ?? [];
        return TypedResults.Ok(new AnalyticsStatusDto(status.IsRunning, status.IsRunning ? status.RunningIsFull : null, status.Stage,
            state?.RefreshedAt, state?.DurationSeconds, state?.WasFull, state?.LastAuditId ?? 0, newest,
            await ClusterWatch.Core.Analytics.ActualsSource.FactsAreCurrentAsync(db, ct), stages, status.LastError, status.LastErrorAt));
    }
}
