using System.Security.Claims;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Reporting;
using ClusterWatch.Web.Accounts;
using ClusterWatch.Web.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Analytics;

public sealed record AssessmentIndicatorInput(AssessmentKind Kind, decimal Weight);

public sealed record AssessmentSchemeInput(string? Name, string? Description, int? PlanId, PeriodType PeriodType, bool IsSynthetic, List<AssessmentIndicatorInput>? Indicators);

public sealed record AssessmentIndicatorDto(AssessmentKind Kind, string Name, decimal Weight);

public sealed record AssessmentSchemeDto(int Id, string Name, string? Description, int? PlanId, PeriodType PeriodType, bool IsSynthetic,
    DateTimeOffset CreatedAt, string CreatedBy, IReadOnlyList<AssessmentIndicatorDto> Indicators, IReadOnlyList<AssessmentPeriodState> Periods);

/// <summary>/api/rankings (anonymous once published) and /api/assessment/schemes (admin): schemes, compute, publish, withdraw, XLSX.</summary>
public static class AssessmentEndpoints
{
    public static RouteGroupBuilder MapAssessment(this RouteGroupBuilder api)
    {
        api.MapGet("/rankings", GetRanking).WithName("GetRanking").WithTags("Assessment").AllowPublic();
        api.MapGet("/rankings.xlsx", ExportRanking).WithTags("Assessment").AllowPublic();

        var schemes = api.MapGroup("/assessment/schemes").WithTags("Assessment").RequireAuthorization(Policies.Admin);
        schemes.MapGet("/", ListSchemes);
        schemes.MapGet("/{id:int}", GetScheme);
        schemes.MapPost("/", CreateScheme);
        schemes.MapPut("/{id:int}", UpdateScheme);
        schemes.MapPost("/{id:int}/compute", Compute);
        schemes.MapPost("/{id:int}/publish", Publish);
        schemes.MapPost("/{id:int}/withdraw", Withdraw);
        return api;
    }

    private static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "api";

    /// <summary>Published: anyone. Unpublished: 401 for anonymous visitors, 403 for unit officers, visible to admins and analysts.</summary>
    public static async Task<IResult> GetRanking(string? scheme, string? period, ClaimsPrincipal user, AssessmentService service, AppDbContext db,
        AggregateCache cache, CancellationToken ct)
    {
        // Whether a ranking may be shown (and which period is the default) depends on staff or not and on the data version only.
        var version = await AggregateCache.VersionAsync(db, ct);
        var isStaff = UnitScope.IsAdmin(user) || UnitScope.IsAnalyst(user);
        var key = string.Join('\u001f', "ranking", scheme, period, isStaff ? "staff" : "public");
        if (cache.TryGetResult<AssessmentRanking>(version, key, out var cached)) return TypedResults.Ok(cached);
        var (ranking, problem) = await FindAsync(scheme, period, user, service, db, ct);
        if (problem is not null) return problem;
        cache.SetResult(version, key, ranking!);
        return TypedResults.Ok(ranking);
    }

    public static async Task<IResult> ExportRanking(string? scheme, string? period, ClaimsPrincipal user, AssessmentService service, AppDbContext db, CancellationToken ct)
    {
        var (ranking, problem) = await FindAsync(scheme, period, user, service, db, ct);
        if (problem is not null) return problem;
        return TypedResults.File(AssessmentService.RankingWorkbook(ranking!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"考核排名-{ranking!.Scheme.Id}-{ranking.Period}.xlsx");
    }

    /// <summary>The ranking the query names if this user may see it; period defaults to the latest published (or, for staff, computed) one.</summary>
    public static async Task<(AssessmentRanking? Ranking, IResult? Problem)> FindAsync(string? scheme, string? period, ClaimsPrincipal user,
        AssessmentService service, AppDbContext db, CancellationToken ct)
    {
        if (!int.TryParse(scheme, out var schemeId))
            return (null, Problems.BadRequest($"参数 scheme 应为考核方案编号，收到“{scheme}”。"));
        var found = await service.LoadSchemeAsync(schemeId, ct);
        if (found is null) return (null, Problems.NotFound($"没有编号为 {schemeId} 的考核方案。"));
        var isStaff = UnitScope.IsAdmin(user) || UnitScope.IsAnalyst(user);
        if (string.IsNullOrWhiteSpace(period))
        {
            var periods = await service.PeriodsAsync(schemeId, ct);
            period = (periods.FirstOrDefault(p => p.Published) ?? (isStaff ? periods.FirstOrDefault() : null))?.PeriodKey;
            if (period is null) return (null, Problems.NotFound($"考核方案「{found.Name}」还没有{(isStaff ? "计算" : "发布")}结果。"));
        }
        var parsed = AssessmentService.ParsePeriod(found.PeriodType, period);
        if (parsed is null) return (null, Problems.BadRequest($"考核期「{period}」无效：{AssessmentService.PeriodHint(found.PeriodType)}。"));
        if (!await service.IsPublishedAsync(schemeId, parsed.Key, ct) && !isStaff)
        {
            return user.Identity?.IsAuthenticated == true
                ? (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "未发布", detail: $"「{found.Name}」{parsed.Label}的考核结果尚未发布。"))
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "未发布", detail: $"「{found.Name}」{parsed.Label}的考核结果尚未发布，请登录后查看。"));
        }
        var ranking = await service.GetRankingAsync(schemeId, parsed.Key, ct);
        return ranking is null
            ? (null, Problems.NotFound($"「{found.Name}」{parsed.Label}尚未计算。"))
            : (ranking, null);
    }

    private static async Task<AssessmentSchemeDto> ToDtoAsync(AssessmentScheme s, AssessmentService service, CancellationToken ct) =>
        new(s.Id, s.Name, s.Description, s.PlanId, s.PeriodType, s.IsSynthetic, s.CreatedAt, s.CreatedBy,
            s.Indicators.OrderBy(i => i.SortOrder).Select(i => new AssessmentIndicatorDto(i.Kind, AssessmentScorer.KindName(i.Kind), i.Weight)).ToList(),
            await service.PeriodsAsync(s.Id, ct));

    private static async Task<IResult> ListSchemes(AppDbContext db, AssessmentService service, CancellationToken ct)
    {
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().Include(s => s.Indicators).OrderBy(s => s.Id).ToListAsync(ct);
        var list = new List<AssessmentSchemeDto>();
        foreach (var s in schemes) list.Add(await ToDtoAsync(s, service, ct));
        return TypedResults.Ok(list);
    }

    private static async Task<IResult> GetScheme(int id, AssessmentService service, CancellationToken ct) =>
        await service.LoadSchemeAsync(id, ct) is { } s ? TypedResults.Ok(await ToDtoAsync(s, service, ct)) : Problems.NotFound($"没有编号为 {id} 的考核方案。");

    private static async Task<IResult> CreateScheme(AssessmentSchemeInput input, AppDbContext db, AssessmentService service, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var scheme = new AssessmentScheme { CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = Actor(user) };
        var errors = await ApplyAsync(db, scheme, input, ct);
        if (errors.Any) return errors.ToProblem("考核方案有误");
        db.Add(scheme);
        await service.SaveAsync(ct);
        db.ChangeTracker.Clear();
        return TypedResults.Created($"/api/assessment/schemes/{scheme.Id}", await ToDtoAsync((await service.LoadSchemeAsync(scheme.Id, ct))!, service, ct));
    }

    private static async Task<IResult> UpdateScheme(int id, AssessmentSchemeInput input, AppDbContext db, AssessmentService service, CancellationToken ct)
    {
        var scheme = await db.Set<AssessmentScheme>().Include(s => s.Indicators).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null) return Problems.NotFound($"没有编号为 {id} 的考核方案。");
        var errors = await ApplyAsync(db, scheme, input, ct);
        if (errors.Any) return errors.ToProblem("考核方案有误");
        await service.SaveAsync(ct);
        db.ChangeTracker.Clear();
        return TypedResults.Ok(await ToDtoAsync((await service.LoadSchemeAsync(id, ct))!, service, ct));
    }

    /// <summary>Checks the input field by field (weights must sum to 100) and copies it onto the scheme; untouched on errors.</summary>
    public static async Task<FieldErrors> ApplyAsync(AppDbContext db, AssessmentScheme scheme, AssessmentSchemeInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 128) errors.Add("name", "考核方案名称必填，且不超过 128 字。");
        else if (await db.Set<AssessmentScheme>().AnyAsync(s => s.Name == name && s.Id != scheme.Id, ct)) errors.Add("name", $"已有名为「{name}」的考核方案。");
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > 1000) errors.Add("description", "说明不超过 1000 字。");
        if (input.PeriodType is not (PeriodType.Year or PeriodType.Quarter)) errors.Add("periodType", "考核周期应为 Year（年度）或 Quarter（季度）。");
        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct)) errors.Add("planId", $"规划 {planId} 不存在。");
        var indicators = input.Indicators ?? [];
        for (var n = 0; n < indicators.Count; n++)
            if (!Enum.IsDefined(indicators[n].Kind)) errors.Add($"indicators[{n}].kind", $"第 {n + 1} 个指标的类型无效。");
        var valid = indicators.Where(i => Enum.IsDefined(i.Kind)).Select(i => new WeightedKind(i.Kind, i.Weight)).ToList();
        foreach (var message in AssessmentScorer.CheckWeights(valid)) errors.Add("indicators", message);
        if (errors.Any) return errors;

        scheme.Name = name;
        scheme.Description = description;
        scheme.PlanId = input.PlanId;
        scheme.PeriodType = input.PeriodType;
        scheme.IsSynthetic = input.IsSynthetic;
        // Existing rows are updated in place, so the audit log shows weight changes rather than delete + insert.
        var byKind = scheme.Indicators.ToDictionary(i => i.Kind);
        scheme.Indicators.RemoveAll(i => valid.All(v => v.Kind != i.Kind));
        for (var n = 0; n < valid.Count; n++)
        {
            if (byKind.TryGetValue(valid[n].Kind, out var existing)) { existing.Weight = valid[n].Weight; existing.SortOrder = n; }
            else scheme.Indicators.Add(new AssessmentIndicator { Kind = valid[n].Kind, Weight = valid[n].Weight, SortOrder = n });
        }
        return errors;
    }

    private static IResult ToResult(AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.Done done => TypedResults.Ok(done.Ranking),
        AssessmentOutcome.NotFound nf => Problems.NotFound(nf.Detail),
        AssessmentOutcome.Invalid inv => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [inv.Field] = [inv.Detail] }, title: "请求有误"),
        AssessmentOutcome.Conflict c => Problems.Conflict(c.Detail),
        _ => Problems.BadRequest("未知结果"),
    };

    private static async Task<IResult> Compute(int id, string? period, AssessmentService service, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await service.ComputeAsync(id, period ?? "", Actor(user), ct));

    private static async Task<IResult> Publish(int id, string? period, AssessmentService service, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await service.PublishAsync(id, period ?? "", Actor(user), ct));

    private static async Task<IResult> Withdraw(int id, string? period, AssessmentService service, ClaimsPrincipal user, CancellationToken ct) =>
        ToResult(await service.WithdrawAsync(id, period ?? "", Actor(user), ct));
}
