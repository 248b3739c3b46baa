using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Data;

namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>A grade and the lowest score that earns it (bands are checked from the highest minimum down).</summary>
public sealed record CreditGradeBand(string Grade, int MinScore, string Meaning, string MeaningEn);

/// <summary>One of the five dimensions; BonusCap/DeductionCap bound the points all its indicators together may add or take.</summary>
public sealed record CreditDimension(string Code, string Name, string NameEn, int BonusCap, int DeductionCap);

/// <summary>A named indicator: its points (+ bonus, − deduction), how many years a record counts, and an optional grade it forces.</summary>
public sealed record CreditIndicator(string Code, string Dimension, string Name, string NameEn, int Points, int ValidityYears, string? ForcesGrade = null)
{
    public bool IsDeduction => Points < 0;
}

/// <summary>The scoring scheme as data (SeedData/credit/credit-scheme.json), with the documents it follows.</summary>
public sealed record CreditScheme(
    string Version, string Name, string NameEn, int BaseScore, int MinScore, int MaxScore,
    IReadOnlyList<CreditGradeBand> Grades, IReadOnlyList<CreditDimension> Dimensions, IReadOnlyList<CreditIndicator> Indicators,
    IReadOnlyList<string> Sources)
{
    public const string FileName = "credit-scheme.json";
    public static string DefaultPath => Path.Combine(AppPaths.SeedData, "credit", FileName);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static CreditScheme Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>Parses and checks the scheme: unique codes, known dimensions, non-negative caps, bands covering the minimum score.</summary>
    public static CreditScheme Parse(string json)
    {
        var scheme = JsonSerializer.Deserialize<CreditScheme>(json, Json) ?? throw new InvalidDataException("信用评分方案为空");
        var problems = new List<string>();
        if (scheme.MinScore > scheme.BaseScore || scheme.BaseScore > scheme.MaxScore) problems.Add("基础分须在最低分与最高分之间");
        if (scheme.Grades.Count == 0 || scheme.Grades.Min(g => g.MinScore) > scheme.MinScore) problems.Add("等级分数段须覆盖最低分");
        foreach (var duplicate in scheme.Grades.GroupBy(g => g.Grade).Where(g => g.Count() > 1)) problems.Add($"等级“{duplicate.Key}”重复");
        foreach (var duplicate in scheme.Dimensions.GroupBy(d => d.Code).Where(g => g.Count() > 1)) problems.Add($"维度“{duplicate.Key}”重复");
        foreach (var d in scheme.Dimensions.Where(d => d.BonusCap < 0 || d.DeductionCap < 0)) problems.Add($"维度“{d.Code}”的上限不能为负数");
        foreach (var duplicate in scheme.Indicators.GroupBy(i => i.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)) problems.Add($"指标代码“{duplicate.Key}”重复");
        var dimensions = scheme.Dimensions.Select(d => d.Code).ToHashSet();
        var grades = scheme.Grades.Select(g => g.Grade).ToHashSet();
        foreach (var i in scheme.Indicators)
        {
            if (!dimensions.Contains(i.Dimension)) problems.Add($"指标“{i.Code}”的维度“{i.Dimension}”不存在");
            if (i.Points == 0) problems.Add($"指标“{i.Code}”的分值不能为0");
            if (i.ValidityYears < 1) problems.Add($"指标“{i.Code}”的有效期至少1年");
            if (i.ForcesGrade is { } g && !grades.Contains(g)) problems.Add($"指标“{i.Code}”指定的等级“{g}”不存在");
        }
        if (problems.Count > 0) throw new InvalidDataException("信用评分方案有误：" + string.Join("；", problems));
        return scheme with { Grades = scheme.Grades.OrderByDescending(g => g.MinScore).ToList() };
    }

    [JsonIgnore] public IReadOnlyDictionary<string, CreditIndicator> IndicatorsByCode =>
        _byCode ??= Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    private IReadOnlyDictionary<string, CreditIndicator>? _byCode;

    [JsonIgnore] public IReadOnlyDictionary<string, CreditDimension> DimensionsByCode =>
        _dimensions ??= Dimensions.ToDictionary(d => d.Code);
    private IReadOnlyDictionary<string, CreditDimension>? _dimensions;

    /// <summary>The indicator by code or by its exact Chinese name (users type either).</summary>
    public CreditIndicator? FindIndicator(string codeOrName)
    {
        var text = codeOrName.Trim();
        return IndicatorsByCode.TryGetValue(text, out var byCode) ? byCode : Indicators.FirstOrDefault(i => i.Name == text);
    }

    public string GradeOf(int score) => Grades.First(g => score >= g.MinScore || g == Grades[^1]).Grade;

    /// <summary>"A ≥ 90 分；B 75–89 分；…" for pages and explanations.</summary>
    public string GradeRule()
    {
        var parts = new List<string>();
        for (var i = 0; i < Grades.Count; i++)
        {
            var g = Grades[i];
            parts.Add(i == 0 ? $"{g.Grade} ≥ {g.MinScore} 分" : $"{g.Grade} {g.MinScore}–{Grades[i - 1].MinScore - 1} 分");
        }
        return string.Join("；", parts);
    }

    /// <summary>The grade a user typed ("a", "A级"), or null when the scheme has no such grade.</summary>
    public string? ParseGrade(string? text)
    {
        var t = (text ?? "").Trim().ToUpperInvariant().TrimEnd('级');
        return Grades.FirstOrDefault(g => g.Grade == t)?.Grade;
    }
}
