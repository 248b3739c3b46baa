using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Core.Enterprises.Import;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Enterprises;

/// <summary>An enterprise's credit: Score = BaseScore + Bonuses − Deductions, the grade and why, every counted factor with its record.</summary>
public sealed record CreditReport(
    string CreditCode, string Name, bool IsSynthetic, int Score, string Grade, string GradeMeaning, int BaseScore, int Bonuses, int Deductions,
    string GradeReason, string GradeRule, string SchemeVersion, DateOnly AsOf, IReadOnlyList<CreditFactor> Factors, int ExpiredRecords);

/// <summary>One stored credit record; Counts says whether it is inside its validity window today (ValidThrough is its last day).</summary>
public sealed record CreditRecordDto(
    long Id, string CreditCode, string EnterpriseName, string IndicatorCode, string IndicatorName, string Dimension, int Points, string Title,
    DateOnly OccurredOn, string? DocumentNo, string Issuer, DateOnly? ValidUntil, DateOnly ValidThrough, bool Counts, string Source,
    bool IsSynthetic, DateTimeOffset ImportedAt, string ImportedBy);

public static class CreditEndpoints
{
    public static RouteGroupBuilder MapCredit(this RouteGroupBuilder api)
    {
        api.MapGet("/enterprises/{creditCode}/credit", GetCreditAsync).WithTags("Credit").WithName("GetEnterpriseCredit");
        var credit = api.MapGroup("/credit").WithTags("Credit");
        credit.MapGet("/records", ListRecordsAsync).WithName("ListCreditRecords");
        credit.MapPost("/import", ImportAsync).WithName("ImportCreditRecords").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TabularFileReader.MaxBytes + 1024 * 1024));
        credit.MapGet("/template.xlsx", TemplateXlsx).WithName("CreditImportTemplate");
        credit.MapGet("/template.csv", TemplateCsv).WithName("CreditImportTemplateCsv");
        credit.MapGet("/scheme", (CreditScoringModel model) => TypedResults.Ok(model.Scheme)).WithName("CreditScheme");
        return api;
    }

    /// <summary>The badge colour of a grade: A green, B neutral, C amber, D red.</summary>
    public static string GradeCss(string? grade) => grade switch
    {
        "A" => "status-ontrack", "C" => "status-warning", "D" => "status-lagging", _ => "status-nodata",
    };

    public static async Task<CreditReport?> LoadReportAsync(AppDbContext db, CreditScoringService scoring, string creditCode, CancellationToken ct)
    {
        var code = CreditCode.Normalize(creditCode);
        var enterprise = await db.Enterprises.AsNoTracking().Where(e => e.CreditCode == code)
            .Select(e => new { e.Id, e.CreditCode, e.Name, e.IsSynthetic }).FirstOrDefaultAsync(ct);
        if (enterprise is null) return null;
        var evaluation = await scoring.EvaluateAsync(enterprise.Id, ct);
        var scheme = scoring.Model.Scheme;
        return new CreditReport(enterprise.CreditCode, enterprise.Name, enterprise.IsSynthetic, evaluation.Score, evaluation.Grade,
            scheme.Grades.First(g => g.Grade == evaluation.Grade).Meaning, evaluation.BaseScore, evaluation.Bonuses, evaluation.Deductions,
            evaluation.GradeReason, scheme.GradeRule(), evaluation.SchemeVersion, scoring.Today(), evaluation.Factors, evaluation.ExpiredRecords);
    }

    private static async Task<Results<Ok<CreditReport>, ProblemHttpResult>> GetCreditAsync(
        AppDbContext db, CreditScoringService scoring, string creditCode, CancellationToken ct)
    {
        var report = await LoadReportAsync(db, scoring, creditCode, ct);
        return report is null ? Problems.NotFound($"没有统一社会信用代码为“{creditCode}”的企业") : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<PagedList<CreditRecordDto>>, ValidationProblem>> ListRecordsAsync(
        AppDbContext db, CreditScoringService scoring, string? enterprise, string? indicator, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.TryCreate(page, pageSize, out var paging, out var problem)) return problem!;
        var scheme = scoring.Model.Scheme;
        var query = db.Set<CreditRecord>().AsNoTracking();
        var errors = new FieldErrors();
        if (!string.IsNullOrWhiteSpace(enterprise))
        {
            var code = CreditCode.Normalize(enterprise);
            query = query.Where(r => r.Enterprise!.CreditCode == code);
        }
        if (!string.IsNullOrWhiteSpace(indicator))
        {
            var found = scheme.FindIndicator(indicator);
            if (found is null) errors.Add("indicator", $"未知的指标代码“{indicator}”");
            else query = query.Where(r => r.IndicatorCode == found.Code);
        }
        if (errors.Any) return errors.ToProblem("查询条件有误");

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.OccurredOn).ThenByDescending(r => r.Id).Skip(paging.Skip).Take(paging.PageSize)
            .Select(r => new { Record = r, r.Enterprise!.CreditCode, EnterpriseName = r.Enterprise.Name }).ToListAsync(ct);
        var today = scoring.Today();
        var items = rows.Select(x =>
        {
            var r = x.Record;
            var ind = scheme.IndicatorsByCode.GetValueOrDefault(r.IndicatorCode);
            var through = ind is null ? r.ValidUntil ?? r.OccurredOn : CreditScoringModel.ValidThrough(r.ToFacts(), ind);
            return new CreditRecordDto(r.Id, x.CreditCode, x.EnterpriseName, r.IndicatorCode, ind?.Name ?? r.IndicatorCode,
                ind is null ? "" : scheme.DimensionsByCode[ind.Dimension].Name, ind?.Points ?? 0, r.Title, r.OccurredOn, r.DocumentNo, r.Issuer,
                r.ValidUntil, through, ind is not null && r.OccurredOn <= today && through >= today, r.Source, r.IsSynthetic, r.ImportedAt, r.ImportedBy);
        }).ToList();
        return TypedResults.Ok(new PagedList<CreditRecordDto>(items, total, paging.Page, paging.PageSize));
    }

    private static async Task<Results<Ok<CreditImportResult>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, AppDbContext db, CreditScoringService scoring, TimeProvider time, IAuditUser user, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return TypedResults.Problem(title: "请以 multipart/form-data 上传文件", detail: "表单字段名为 file", statusCode: StatusCodes.Status400BadRequest);
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
            return TypedResults.Problem(title: "未收到文件", detail: "请在表单字段 file 中上传 CSV 或 Excel（.xlsx）文件", statusCode: StatusCodes.Status400BadRequest);
        await using var stream = file.OpenReadStream();
        var result = await new CreditImporter(db, scoring, time).ImportAsync(stream, file.FileName, user.Name, ct);
        return result.Succeeded ? TypedResults.Ok(result) : Rejected(result.Errors);
    }

    public static ProblemHttpResult Rejected(IReadOnlyList<ImportError> errors) => TypedResults.Problem(
        title: "导入失败，未写入任何数据",
        detail: $"文件中有 {errors.Count} 处错误（涉及 {errors.Select(e => e.Row).Distinct().Count()} 行），请修改后重新导入",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static FileContentHttpResult TemplateXlsx(CreditScoringModel model)
    {
        using var memory = new MemoryStream();
        CreditImportTemplate.WriteXlsx(memory, model.Scheme);
        return TypedResults.File(memory.ToArray(), EnterprisesEndpoints.XlsxContentType, CreditImportTemplate.XlsxFileName);
    }

    private static FileContentHttpResult TemplateCsv()
    {
        using var memory = new MemoryStream();
        CreditImportTemplate.WriteCsv(memory);
        return TypedResults.File(memory.ToArray(), "text/csv; charset=utf-8", CreditImportTemplate.CsvFileName);
    }
}
