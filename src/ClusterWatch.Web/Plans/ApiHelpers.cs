using Microsoft.AspNetCore.Http.HttpResults;

namespace ClusterWatch.Web.Plans;

/// <summary>The list envelope every paged endpoint answers with.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>page/pageSize query values, checked once for every list.</summary>
public readonly record struct Paging(int Page, int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public int Skip => (Page - 1) * PageSize;

    public static bool TryCreate(int? page, int? pageSize, out Paging paging, out ValidationProblem? problem)
    {
        var errors = new FieldErrors();
        if (page is < 1) errors.Add("page", "页码必须大于等于 1。");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"每页条数必须在 1 到 {MaxPageSize} 之间。");
        paging = new Paging(page ?? 1, pageSize ?? DefaultPageSize);
        problem = errors.Any ? errors.ToProblem() : null;
        return problem is null;
    }
}

/// <summary>Validation messages per field (JSON names), turned into one ValidationProblem.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationProblem ToProblem(string title = "提交的数据有误") =>
        TypedResults.ValidationProblem(ToDictionary(), title: title);
}

public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "未找到", detail: what);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "操作冲突", detail: detail);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求有误", detail: detail);
}
