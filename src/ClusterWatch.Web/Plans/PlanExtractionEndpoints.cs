using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans.Extraction;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterWatch.Web.Plans;

/// <summary>Plan documents in: parse one into the contract JSON, import one as a draft plan, confirm a draft.</summary>
public static class PlanExtractionEndpoints
{
    public static void MapPlanExtraction(RouteGroupBuilder reads, RouteGroupBuilder writes)
    {
        reads.MapPost("/plans/extract", Extract).WithTags("Plans").WithName("ExtractPlan")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        writes.MapPost("/plans/import", Import).WithTags("Plans").WithName("ImportPlanDocument")
            .Accepts<IFormFile>("multipart/form-data").DisableAntiforgery();
        writes.MapPost("/plans/{id:int}/confirm", Confirm).WithTags("Plans").WithName("ConfirmPlan");
    }

    /// <summary>The uploaded document's text, or the problem to answer (no file, or unreadable).</summary>
    public static async Task<(string? Text, string FileName, IResult? Problem)> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        // Read the form by hand so a request without one gets a ProblemDetails, not a binding exception.
        var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
        if (file is null)
        {
            var errors = new FieldErrors();
            errors.Add("file", "请选择要解析的规划文件（表单字段 file）：.txt、.docx 或 .html。");
            return (null, "", errors.ToProblem());
        }
        try
        {
            await using var stream = file.OpenReadStream();
            return (PlanDocumentReader.ReadText(stream, file.FileName), file.FileName, null);
        }
        catch (PlanDocumentException e)
        {
            return (null, file.FileName, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "文件无法解析", detail: e.Message));
        }
    }

    public static async Task<IResult> Extract(HttpRequest request, CancellationToken ct)
    {
        var (text, _, problem) = await ReadUploadAsync(request, ct);
        if (problem is not null) return problem;
        return TypedResults.Content(PlanExtractor.Parse(text!).ToJson(), "application/json; charset=utf-8");
    }

    public static async Task<IResult> Import(AppDbContext db, HttpRequest request, CancellationToken ct)
    {
        var (text, fileName, problem) = await ReadUploadAsync(request, ct);
        if (problem is not null) return problem;
        var result = await new PlanImporter(db).SaveAsync(PlanExtractor.Parse(text!), text!, fileName, ct: ct);
        if (!result.Succeeded)
            return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
                title: $"导入失败：共 {result.Errors.Count} 处错误，未写入任何数据");
        return TypedResults.Created($"/api/plans/{result.PlanId}", result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Confirm(AppDbContext db, int id, CancellationToken ct) =>
        await new PlanImporter(db).ConfirmAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound($"没有编号为 {id} 的规划。");
}
