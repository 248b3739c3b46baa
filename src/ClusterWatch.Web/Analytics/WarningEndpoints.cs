using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Warnings;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Plans;
using ClusterWatch.Web.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Analytics;

public record WarningDto(
    int Id, WarningKind Kind, string KindLabel, WarningSeverity Severity, string SeverityLabel, string Key, string Title, string Message,
    IReadOnlyList<WarningLink> Links, WarningStatus Status, string StatusLabel, int? PlanId, int? TargetId, int? AllocationId, int? RegionId,
    string? Region, int? UnitId, int? EnterpriseId, int? TaskId, DateTimeOffset RaisedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    string? AcknowledgeNote, DateTimeOffset? ResolvedAt, DateTimeOffset LastEvaluatedAt, bool IsSynthetic)
{
    /// <summary>"示例数据" when the warning rests on synthetic data.</summary>
    public string? DataLabel => IsSynthetic ? "示例数据" : null;

    /// <summary>The history, oldest first; only in GET /api/warnings/{id}.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<WarningEventDto>? Events { get; init; }

    public static WarningDto From(Warning w, IReadOnlyDictionary<int, string> regionNames) => new(
        w.Id, w.Kind, WarningLabels.Kind(w.Kind), w.Severity, WarningLabels.Severity(w.Severity), w.Key, w.Title, w.Message, WarningService.Links(w),
        w.Status, WarningLabels.Status(w.Status), w.PlanId, w.TargetId, w.AllocationId, w.RegionId,
        w.RegionId is { } r ? regionNames.GetValueOrDefault(r) : null, w.UnitId, w.EnterpriseId, w.TaskId, w.RaisedAt, w.AcknowledgedAt, w.AcknowledgedBy,
        w.AcknowledgeNote, w.ResolvedAt, w.LastEvaluatedAt, w.IsSynthetic);
}

public sealed record WarningEventDto(DateTimeOffset At, WarningAction Action, string ActionLabel, string By, string? Note, WarningSeverity Severity, string SeverityLabel, string Message)
{
    public static WarningEventDto From(WarningEvent e) =>
        new(e.At, e.Action, WarningLabels.Action(e.Action), e.By, e.Note, e.Severity, WarningLabels.Severity(e.Severity), e.Message);
}

public sealed record WarningNoteInput(string? Note);

/// <summary>The list filters of /api/warnings, the export and the page.</summary>
public sealed record WarningFilter(string? Status, string? Kind, string? Severity, string? Region, int? Plan);

/// <summary>/api/warnings: early warnings with their history; reporters see only their own unit's and district's warnings.</summary>
public static class WarningEndpoints
{
    public const int MaxNoteLength = 500;
    public const int MaxExportRows = 20_000;

    public static RouteGroupBuilder MapWarnings(this RouteGroupBuilder api)
    {
        var warnings = api.MapGroup("/warnings").WithTags("Warnings");
        warnings.MapGet("/", List).WithName("ListWarnings").RequireAuthorization(Policies.Reader);
        warnings.MapGet("/export", Export).WithName("ExportWarnings").RequireAuthorization(Policies.Reader);
        warnings.MapGet("/{id:int}", Get).WithName("GetWarning").RequireAuthorization(Policies.Reader);
        warnings.MapPost("/{id:int}/acknowledge", Acknowledge).WithName("AcknowledgeWarning").RequireAuthorization(Policies.Reader);
        warnings.MapPost("/{id:int}/resolve", Resolve).WithName("ResolveWarning").RequireAuthorization(Policies.Admin);
        warnings.MapPost("/refresh", Refresh).WithName("RefreshWarnings").RequireAuthorization(Policies.Admin);
        return api;
    }

    private static async Task<IResult> List(string? status, string? kind, string? severity, string? region, int? plan, int? page, int? pageSize,
        AppDbContext db, AggregateCache cache, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var pagingProblem)) return pagingProblem!;
        // What a user may see depends only on the role and unit claims of their sign-in, so they are part of the key.
        var version = await AggregateCache.VersionAsync(db, ct);
        var key = string.Join('\u001f', "warnings", user.Identity?.Name, string.Join(',', user.FindAll(ClaimTypes.Role).Select(c => c.Value)),
            user.FindFirstValue(Policies.UnitIdClaim),
            status, kind, severity, region, plan?.ToString(CultureInfo.InvariantCulture), paging.Page.ToString(CultureInfo.InvariantCulture), paging.PageSize.ToString(CultureInfo.InvariantCulture));
        if (cache.TryGetResult<PagedList<WarningDto>>(version, key, out var cached)) return TypedResults.Ok(cached);
        var (query, errors) = await QueryAsync(db, user, new WarningFilter(status, kind, severity, region, plan), ct);
        if (errors.Any) return errors.ToProblem("筛选条件有误");
        var total = await query.CountAsync(ct);
        var rows = await Ordered(query).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var names = await RegionNamesAsync(db, rows, ct);
        var result = new PagedList<WarningDto>(rows.Select(w => WarningDto.From(w, names)).ToList(), total, paging.Page, paging.PageSize);
        cache.SetResult(version, key, result);
        return TypedResults.Ok(result);
    }

    private static async Task<IResult> Get(int id, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var w = await db.Set<Warning>().AsNoTracking().Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Problems.NotFound($"没有编号为 {id} 的预警。");
        if (!await CanSeeAsync(db, user, w, ct)) return Forbidden();
        var names = await RegionNamesAsync(db, [w], ct);
        return TypedResults.Ok(WarningDto.From(w, names) with { Events = w.Events.OrderBy(e => e.Id).Select(WarningEventDto.From).ToList() });
    }

    private static async Task<IResult> Acknowledge(int id, WarningNoteInput? input, AppDbContext db, WarningService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var note = input?.Note?.Trim() ?? "";
        var w = await db.Set<Warning>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Problems.NotFound($"没有编号为 {id} 的预警。");
        if (!await CanSeeAsync(db, user, w, ct)) return Forbidden();
        if (NoteProblem(note, "确认") is { } problem) return problem;
        if (w.Status == WarningStatus.Resolved) return Problems.Conflict("该预警已解除，无需确认。");
        var saved = await service.AcknowledgeAsync(id, Actor(user), note, ct);
        return await DetailAsync(db, saved!.Id, ct);
    }

    private static async Task<IResult> Resolve(int id, WarningNoteInput? input, AppDbContext db, WarningService service, ClaimsPrincipal user, CancellationToken ct)
    {
        var note = input?.Note?.Trim() ?? "";
        var w = await db.Set<Warning>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null) return Problems.NotFound($"没有编号为 {id} 的预警。");
        if (NoteProblem(note, "解除") is { } problem) return problem;
        if (w.Status == WarningStatus.Resolved) return Problems.Conflict("该预警已解除。");
        await service.ResolveAsync(id, Actor(user), note, ct);
        return await DetailAsync(db, id, ct);
    }

    private static async Task<IResult> Refresh(WarningService service, CancellationToken ct) =>
        TypedResults.Ok(await service.RefreshAsync(RefreshScope.Full, ct));

    private static async Task<IResult> Export(string? status, string? kind, string? severity, string? region, int? plan, AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var (query, errors) = await QueryAsync(db, user, new WarningFilter(status, kind, severity, region, plan), ct);
        if (errors.Any) return errors.ToProblem("筛选条件有误");
        var rows = await Ordered(query).Take(MaxExportRows).ToListAsync(ct);
        var names = await RegionNamesAsync(db, rows, ct);
        return TypedResults.File(Workbook(rows, names), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "预警清单.xlsx");
    }

    public static byte[] Workbook(IEnumerable<Warning> rows, IReadOnlyDictionary<int, string> regionNames)
    {
        string[] headers = ["编号", "类型", "严重程度", "状态", "地区", "标题", "说明", "提出时间", "确认人", "确认说明", "解除时间", "数据性质", "相关链接"];
        var data = rows.Select(w => (IReadOnlyList<object?>)new object?[]
        {
            w.Id, WarningLabels.Kind(w.Kind), WarningLabels.Severity(w.Severity), WarningLabels.Status(w.Status),
            w.RegionId is { } r ? regionNames.GetValueOrDefault(r) : null, w.Title, w.Message, Local(w.RaisedAt), w.AcknowledgedBy, w.AcknowledgeNote,
            w.ResolvedAt is { } at ? Local(at) : null, w.IsSynthetic ? "示例数据" : "真实数据",
            string.Join("；", WarningService.Links(w).Select(l => $"{l.Label} {l.Href}")),
        });
        return XlsxWriter.ToBytes([new XlsxSheet("预警清单", headers, data)]);
    }

    private static DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Core.Reporting.ReportingCalendar.China);

    private static async Task<IResult> DetailAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var w = await db.Set<Warning>().AsNoTracking().Include(x => x.Events).FirstAsync(x => x.Id == id, ct);
        var names = await RegionNamesAsync(db, [w], ct);
        return TypedResults.Ok(WarningDto.From(w, names) with { Events = w.Events.OrderBy(e => e.Id).Select(WarningEventDto.From).ToList() });
    }

    private static IResult? NoteProblem(string note, string what)
    {
        var errors = new FieldErrors();
        if (note.Length == 0) errors.Add("note", $"{what}说明（note）必填：请写明已采取或将采取的措施。");
        else if (note.Length > MaxNoteLength) errors.Add("note", $"{what}说明（note）不能超过 {MaxNoteLength} 字。");
        return errors.Any ? errors.ToProblem($"{what}说明有误") : null;
    }

    private static IResult Forbidden() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "无权访问", detail: "信息员只能查看和确认本单位、本区的预警。");

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api";

    /// <summary>Most severe first, then newest (ids grow with time; SQLite cannot order by DateTimeOffset).</summary>
    public static IQueryable<Warning> Ordered(IQueryable<Warning> query) => query.OrderByDescending(w => w.Severity).ThenByDescending(w => w.Id);

    /// <summary>The warnings the user may see that match the filter, or the field errors of a bad filter.</summary>
    public static async Task<(IQueryable<Warning> Query, FieldErrors Errors)> QueryAsync(AppDbContext db, ClaimsPrincipal user, WarningFilter filter, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var query = db.Set<Warning>().AsNoTracking();
        switch (filter.Status?.Trim().ToLowerInvariant())
        {
            case null or "" or "all": break;
            case "open": query = query.Where(w => w.Status != WarningStatus.Resolved); break;
            case "raised": query = query.Where(w => w.Status == WarningStatus.Raised); break;
            case "acknowledged": query = query.Where(w => w.Status == WarningStatus.Acknowledged); break;
            case "resolved": query = query.Where(w => w.Status == WarningStatus.Resolved); break;
            default: errors.Add("status", $"状态（status）应为 open、raised、acknowledged 或 resolved，收到“{filter.Status}”。"); break;
        }
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            if (Enum.TryParse<WarningKind>(filter.Kind.Trim(), true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(filter.Kind, out _))
                query = query.Where(w => w.Kind == kind);
            else errors.Add("kind", $"预警类型（kind）应为 {string.Join("、", Enum.GetNames<WarningKind>())} 之一，收到“{filter.Kind}”。");
        }
        if (!string.IsNullOrWhiteSpace(filter.Severity))
        {
            if (WarningLabels.ParseSeverity(filter.Severity) is { } severity) query = query.Where(w => w.Severity == severity);
            else errors.Add("severity", $"严重程度（severity）应为 Notice/提示、Warning/预警 或 Critical/严重，收到“{filter.Severity}”。");
        }
        if (filter.Plan is { } planId) query = query.Where(w => w.PlanId == planId);
        RegionScopes? scopes = null;
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var region = int.TryParse(filter.Region, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && filter.Region.Trim().Length < 6
                ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
                : await RegionLookup.FindAsync(db, filter.Region, null, ct);
            if (region is null) errors.Add("region", $"地区（region）“{filter.Region}”不存在：请填写地区编号或 6 位区划代码。");
            else
            {
                scopes ??= await ScopesAsync(db, ct);
                var within = scopes.Within(region.Id).ToList();
                query = query.Where(w => w.RegionId != null && within.Contains(w.RegionId.Value));
            }
        }
        if (UnitScope.RestrictedUnitId(user) is { } unitId)
        {
            var districtRegions = await DistrictRegionsAsync(db, unitId, scopes, ct);
            query = query.Where(w => w.UnitId == unitId || (w.RegionId != null && districtRegions.Contains(w.RegionId.Value)));
        }
        return (query, errors);
    }

    /// <summary>Admins and analysts see every warning; a reporter its unit's, and for a district government its district's.</summary>
    public static async Task<bool> CanSeeAsync(AppDbContext db, ClaimsPrincipal user, Warning w, CancellationToken ct)
    {
        if (user.Identity?.IsAuthenticated != true) return false;
        if (UnitScope.RestrictedUnitId(user) is not { } unitId) return true;
        if (w.UnitId == unitId) return true;
        return w.RegionId is { } r && (await DistrictRegionsAsync(db, unitId, null, ct)).Contains(r);
    }

    private static async Task<List<int>> DistrictRegionsAsync(AppDbContext db, int unitId, RegionScopes? scopes, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Kind, u.RegionId }).FirstOrDefaultAsync(ct);
        if (unit is not { Kind: UnitKind.DistrictGovernment, RegionId: int regionId }) return [];
        scopes ??= await ScopesAsync(db, ct);
        return scopes.Within(regionId).ToList();
    }

    private static async Task<RegionScopes> ScopesAsync(AppDbContext db, CancellationToken ct) =>
        new(await db.Regions.AsNoTracking().Select(r => new RegionNode(r.Id, r.Code, r.Name, r.ParentId, r.SuccessorId, r.SeriesCode)).ToListAsync(ct));

    public static async Task<Dictionary<int, string>> RegionNamesAsync(AppDbContext db, IEnumerable<Warning> rows, CancellationToken ct)
    {
        var ids = rows.Where(w => w.RegionId is not null).Select(w => w.RegionId!.Value).Distinct().ToList();
        return await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }
}
