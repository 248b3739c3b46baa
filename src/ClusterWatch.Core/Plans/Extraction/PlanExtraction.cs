using System.Text.Encodings.Web;
using System.Text.Json;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>A plan extraction in the shape of plan-extraction-contract.md (the gold files and `plan parse --json`).</summary>
public sealed record PlanExtraction(
    string Title, string? Issuer, string? DocNumber, string Region, int? PeriodStart, int? PeriodEnd,
    List<PlanExtraction.TargetItem> Targets, List<PlanExtraction.BaselineItem> Baselines,
    List<PlanExtraction.TaskItem> Tasks, List<PlanExtraction.AllocationItem> Allocations)
{
    public sealed record TargetItem(string Indicator, string Region, int Year, decimal Value, decimal? ValueMax, string Unit, string Comparator, string? Quote);
    public sealed record BaselineItem(string Indicator, string Region, int Year, decimal Value, string Unit, string? Quote);
    public sealed record TaskItem(string Number, string Title, List<string> LeadUnits, List<string> Units);
    public sealed record AllocationItem(string Indicator, string Region, int Year, decimal Value, string Unit);

    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };

    // Contract JSON: camelCase keys in declaration order, nulls written, Chinese left unescaped.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        IndentSize = 2,
    };

    public static PlanExtraction Parse(string json) =>
        JsonSerializer.Deserialize<PlanExtraction>(json, ReadOptions) ?? throw new InvalidDataException("规划 JSON 为空");

    public string ToJson() => JsonSerializer.Serialize(this, WriteOptions);
}
