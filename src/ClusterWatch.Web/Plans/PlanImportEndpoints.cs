using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public sealed record PlanImportSummary(string Kind, int Imported, IReadOnlyList<string> NewIndicators);

/// <summary>Upload of targets / allocations / tasks tables (CSV or XLSX, Chinese headers), templates and exports.</summary>
public static class PlanImportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPlanImports(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        reads.MapGet("/plans/imports/{kind}/template", Template).WithTags("Plans").WithName("PlanImportTemplate");
        reads.MapGet("/plans/{planId:int}/{kind}/export", Export).WithTags("Plans").WithName("PlanItemsExport")
            .RequireAuthorization(Accounts.Policies.Staff); // a whole-plan export would show a reporter other units' tasks
        writes.MapPost("/plans/{planId:int}/imports/{kind}", Import).WithTags("Plans")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
    }

    public static bool TryParseKind(string? text, out PlanItemKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    public static async Task<Results<Ok<PlanImportSummary>, ValidationProblem, ProblemHttpResult>> Import(
        AppDbContext db, int planId, string kind, HttpRequest request, CancellationToken ct)
    {
        if (!TryParseKind(kind, out var itemKind)) return Problems.NotFound($"不支持导入“{kind}”，可选：targets、allocations、tasks。");
        // Read the form by hand so a request without one gets a ProblemDetails, not a binding exception.
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null || file.Length == 0)
        {
            var errors = new FieldErrors();
            errors.Add("file", "请选择要上传的 CSV 或 XLSX 文件（表单字段 file）。");
            return errors.ToProblem();
        }
        TabularTable table;
        try
        {
            await using var stream = file.OpenReadStream();
            table = TabularFileReader.Read(stream, file.FileName);
        }
        catch (TabularFileException ex)
        {
            var errors = new FieldErrors();
            errors.Add("file", ex.Message);
            return errors.ToProblem("文件无法读取");
        }
        var outcome = await new PlanItemImport(db).RunAsync(planId, itemKind, table, ct);
        if (outcome is null) return Problems.NotFound($"没有编号为 {planId} 的规划。");
        if (!outcome.Succeeded)
        {
            var errors = outcome.Errors.GroupBy(e => $"第{e.Row}行.{e.Field}")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: $"导入失败：共 {outcome.Errors.Count} 处错误，未写入任何数据",
                extensions: new Dictionary<string, object?> { ["rowErrors"] = outcome.Errors });
        }
        return TypedResults.Ok(new PlanImportSummary(itemKind.ToString().ToLowerInvariant(), outcome.ItemCount,
            outcome.NewIndicators.Select(i => $"{i.Name}（{i.Unit}）").ToList()));
    }

    public static Results<FileContentHttpResult, ProblemHttpResult> Template(string kind)
    {
        if (!TryParseKind(kind, out var itemKind)) return Problems.NotFound($"没有“{kind}”模板，可选：targets、allocations、tasks。");
        IReadOnlyList<object?>[] example = itemKind switch
        {
            PlanItemKind.Targets => [["生物产业规模", "亿元", "深圳市", 2012, "=", 900, null, "生物产业规模达到900亿元"]],
            PlanItemKind.Allocations => [["生物产业规模", "亿元", "福田区", 2012, 30]],
            _ => [["二.（一）", "推进重点领域产业链建设", "……", "市发展改革委", "科工贸信委、规划国土委、各区政府"]],
        };
        var bytes = XlsxWriter.ToBytes([new XlsxSheet(SheetName(itemKind), PlanItemImporter.Columns[itemKind], example)]);
        return TypedResults.File(bytes, XlsxContentType, $"{SheetName(itemKind)}导入模板.xlsx");
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Export(AppDbContext db, int planId, string kind, CancellationToken ct)
    {
        if (!TryParseKind(kind, out var itemKind)) return Problems.NotFound($"不能导出“{kind}”，可选：targets、allocations、tasks。");
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return Problems.NotFound($"没有编号为 {planId} 的规划。");
        var rows = await ExportRowsAsync(db, planId, itemKind, ct);
        var bytes = XlsxWriter.ToBytes([new XlsxSheet(SheetName(itemKind), PlanItemImporter.Columns[itemKind], rows)]);
        return TypedResults.File(bytes, XlsxContentType, $"{plan.Slug}-{SheetName(itemKind)}.xlsx");
    }

    /// <summary>Rows in the import layout, so an exported file can be edited and imported again.</summary>
    public static async Task<List<IReadOnlyList<object?>>> ExportRowsAsync(AppDbContext db, int planId, PlanItemKind kind, CancellationToken ct)
    {
        switch (kind)
        {
            case PlanItemKind.Targets:
                var targets = await db.Targets.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region)
                    .Where(t => t.PlanId == planId).OrderBy(t => t.Year).ThenBy(t => t.Id).ToListAsync(ct);
                return targets.Select(t => (IReadOnlyList<object?>)[t.Indicator!.Name, t.Unit, t.Region!.Name, t.Year,
                    PlanValueText.Symbol(t.Comparator), t.Value, t.ValueMax, t.Quote]).ToList();
            case PlanItemKind.Allocations:
                var allocations = await db.Allocations.AsNoTracking().Include(t => t.Indicator).Include(t => t.Region)
                    .Where(t => t.PlanId == planId).OrderBy(t => t.Year).ThenBy(t => t.IndicatorId).ThenBy(t => t.Id).ToListAsync(ct);
                return allocations.Select(a => (IReadOnlyList<object?>)[a.Indicator!.Name, a.Unit, a.Region!.Name, a.Year, a.Value]).ToList();
            default:
                var tasks = await db.PlanTasks.AsNoTracking().Include(t => t.Assignments)
                    .Where(t => t.PlanId == planId).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);
                return tasks.Select(t =>
                {
                    var ordered = t.Assignments.OrderBy(a => a.Position).ToList();
                    return (IReadOnlyList<object?>)[t.Number, t.Title, t.Text,
                        string.Join("、", ordered.Where(a => a.Role == AssignmentRole.Lead).Select(a => a.WrittenAs)),
                        string.Join("、", ordered.Where(a => a.Role == AssignmentRole.Participant).Select(a => a.WrittenAs))];
                }).ToList();
        }
    }

    public static string SheetName(PlanItemKind kind) => kind switch
    {
        PlanItemKind.Targets => "目标",
        PlanItemKind.Allocations => "目标分解",
        _ => "任务",
    };
}

/// <summary>Runs an import against the database: everything is written in one transaction, or nothing when any row is bad.</summary>
public sealed class PlanItemImport(AppDbContext db)
{
    public async Task<PlanItemImportResult?> RunAsync(int planId, PlanItemKind kind, TabularTable table, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.Region).SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return null;
        // Tracked, so that targets pointing at existing indicators do not re-insert them.
        var indicators = await db.Indicators.ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var units = kind == PlanItemKind.Tasks ? await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct) : [];
        var result = new PlanItemImporter(plan, indicators, regions, units).Import(kind, table);
        if (!result.Succeeded) return result;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var nextSort = kind == PlanItemKind.Tasks ? await db.PlanTasks.Where(t => t.PlanId == planId).MaxAsync(t => (int?)t.SortOrder, ct) ?? 0 : 0;
        foreach (var task in result.Tasks) task.SortOrder += nextSort;
        db.Indicators.AddRange(result.NewIndicators);
        db.Targets.AddRange(result.Targets);
        db.Allocations.AddRange(result.Allocations);
        db.PlanTasks.AddRange(result.Tasks);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }
}
