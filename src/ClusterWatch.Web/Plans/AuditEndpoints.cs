using System.Text.Json;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public sealed record AuditEntryDto(long Id, DateTimeOffset At, string User, string Action, string EntityType, string EntityId,
    JsonElement? Before, JsonElement? After, bool Restorable);

public static class AuditEndpoints
{
    public static void MapAudit(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        reads.MapGet("/audit", ListAudit).WithTags("Audit").WithName("ListAudit").RequireAuthorization(Accounts.Policies.Staff);
        writes.MapPost("/audit/{id:long}/restore", Restore).WithTags("Audit");
    }

    public static async Task<Results<Ok<PagedList<AuditEntryDto>>, ValidationProblem>> ListAudit(
        AppDbContext db, string? entityType, string? entityId, string? user, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) query = query.Where(a => a.EntityType == entityType.Trim());
        if (!string.IsNullOrWhiteSpace(entityId)) query = query.Where(a => a.EntityId == entityId.Trim());
        if (!string.IsNullOrWhiteSpace(user)) query = query.Where(a => a.User == user.Trim());
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(a => a.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = rows.Select(a => new AuditEntryDto(a.Id, a.At, a.User, a.Action, a.EntityType, a.EntityId, Json(a.Before), Json(a.After),
            AuditRestorer.RestorableTypes.ContainsKey(a.EntityType) && a.Action is "Modified" or "Deleted")).ToList();
        return TypedResults.Ok(new PagedList<AuditEntryDto>(items, total, paging.Page, paging.PageSize));
    }

    public static async Task<Results<Ok<RestoreOutcome>, ProblemHttpResult>> Restore(AppDbContext db, long id, CancellationToken ct)
    {
        var outcome = await new AuditRestorer(db).RestoreAsync(id, ct);
        return outcome.Status switch
        {
            RestoreStatus.Restored => TypedResults.Ok(outcome),
            RestoreStatus.NotFound => Problems.NotFound(outcome.Message),
            RestoreStatus.NotRestorable => Problems.BadRequest(outcome.Message),
            _ => Problems.Conflict(outcome.Message),
        };
    }

    private static JsonElement? Json(string? text) => string.IsNullOrEmpty(text) ? null : JsonDocument.Parse(text).RootElement.Clone();
}
