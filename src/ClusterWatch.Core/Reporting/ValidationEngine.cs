using System.Globalization;

namespace ClusterWatch.Core.Reporting;

/// <summary>A broken rule: which field to show it next to, the message, whether it stops a submission, and the unit's explanation if one is needed.</summary>
public sealed record RuleViolation(string Field, string Message, RuleImportance Importance, string RuleName, decimal? Left = null, decimal? Right = null, string? Explanation = null)
{
    /// <summary>A blocking rule, or a rule needing an explanation that has none, stops a submit.</summary>
    public bool StopsSubmit => Importance == RuleImportance.Blocking || (Importance == RuleImportance.RequiresExplanation && string.IsNullOrWhiteSpace(Explanation));
}

/// <summary>A value the form asks for: label, unit and allowed range.</summary>
public sealed record FieldSpec(string Label, string Unit, decimal? Min = null, decimal? Max = null);

/// <summary>A task line of a report, with the percent the unit reported last period.</summary>
public sealed record TaskLine(int PlanTaskId, string Title, TaskProgress Status, int Percent, string? Problems, int? PreviousPercent);

/// <summary>The values a rule may name: this report, the unit's previous period, the city's report, the districts' reports.</summary>
public sealed class RuleValues(
    IReadOnlyDictionary<string, decimal> current,
    IReadOnlyDictionary<string, decimal>? previous = null,
    bool previousIsSameYear = true,
    IReadOnlyDictionary<string, decimal>? city = null,
    IReadOnlyList<IReadOnlyDictionary<string, decimal>>? districts = null) : IRuleValues
{
    public IReadOnlyDictionary<string, decimal> Current { get; } = current;

    public decimal? Get(ValueRef r)
    {
        var source = r.Scope == ValueScope.City ? city : r.When switch
        {
            ValueWhen.Current => Current,
            ValueWhen.Previous => previous,
            _ => previousIsSameYear ? previous : null,
        };
        // @city with [previous] is not tracked: the city's previous report is not loaded.
        if (r.Scope == ValueScope.City && r.When != ValueWhen.Current) return null;
        return source is not null && source.TryGetValue(r.Name, out var v) ? v : null;
    }

    public IEnumerable<decimal?> Districts(ValueRef r) =>
        (districts ?? []).Select(d => d.TryGetValue(r.Name, out var v) ? v : (decimal?)null);
}

/// <summary>Checks a report: the form's ranges, its rules (DHIS2-style), and task progress lines.</summary>
public static class ValidationEngine
{
    public static List<RuleViolation> Validate(IEnumerable<FieldSpec> fields, IEnumerable<ValidationRule> rules, RuleValues values, IEnumerable<TaskLine>? tasks = null)
    {
        var result = new List<RuleViolation>();
        foreach (var f in fields)
        {
            if (!values.Current.TryGetValue(f.Label, out var v)) continue;
            if ((f.Min is { } min && v < min) || (f.Max is { } max && v > max))
                result.Add(new RuleViolation(f.Label, $"「{f.Label}」应在 {Range(f)} 之间（填报 {Fmt(v)} {f.Unit}）", RuleImportance.Blocking, "取值范围", v));
        }
        foreach (var rule in rules.Where(r => r.IsActive)) if (Check(rule, values) is { } violation) result.Add(violation);
        foreach (var t in tasks ?? [])
        {
            var field = $"task:{t.PlanTaskId}";
            if (t.Percent is < 0 or > 100)
                result.Add(new RuleViolation(field, $"任务「{t.Title}」完成进度应在 0% 至 100% 之间", RuleImportance.Blocking, "任务进度"));
            else if (t.PreviousPercent is { } before && t.Percent < before)
                result.Add(new RuleViolation(field, $"任务「{t.Title}」完成进度 {t.Percent}% 低于上期的 {before}%：进度不能倒退", RuleImportance.Blocking, "任务进度不倒退"));
            if (t.Status == TaskProgress.Done && t.Percent < 100)
                result.Add(new RuleViolation(field, $"任务「{t.Title}」标为已完成，但完成进度为 {t.Percent}%", RuleImportance.Warning, "已完成即 100%"));
            if (t.Status == TaskProgress.Lagging && string.IsNullOrWhiteSpace(t.Problems))
                result.Add(new RuleViolation(field, $"任务「{t.Title}」滞后，请填写存在问题", RuleImportance.Blocking, "滞后需说明"));
        }
        return result;
    }

    /// <summary>One rule; null when it holds or is skipped for missing values.</summary>
    public static RuleViolation? Check(ValidationRule rule, IRuleValues values)
    {
        var leftExpr = RuleExpression.Parse(rule.Left);
        var rightExpr = RuleExpression.Parse(rule.Right);
        var left = leftExpr.Evaluate(values);
        var right = rightExpr.Evaluate(values);
        var field = rule.Field ?? leftExpr.References().Concat(rightExpr.References()).FirstOrDefault(r => r.Scope == ValueScope.Own && !r.AllDistricts && r.When == ValueWhen.Current)?.Name ?? "";
        RuleViolation Broken() => new(field, rule.Message.Length > 0 ? rule.Message : rule.Name, rule.Importance, rule.Name, left.Value, right.Value);

        var leftPresent = left.References == 0 || left.MissingCount < left.References;
        var rightPresent = right.References == 0 || right.MissingCount < right.References;
        switch (rule.Operator)
        {
            case RuleOperator.CompulsoryPair: return leftPresent == rightPresent ? null : Broken();
            case RuleOperator.ExclusivePair: return leftPresent && rightPresent && left.References > 0 && right.References > 0 ? Broken() : null;
        }
        if (Skipped(left, rule.MissingValues) || Skipped(right, rule.MissingValues) || left.Undefined || right.Undefined) return null;
        var holds = rule.Operator switch
        {
            RuleOperator.Equal => Equal(left.Value, right.Value, rule.Tolerance),
            RuleOperator.NotEqual => !Equal(left.Value, right.Value, rule.Tolerance),
            RuleOperator.Less => left.Value < right.Value,
            RuleOperator.LessOrEqual => left.Value <= right.Value,
            RuleOperator.Greater => left.Value > right.Value,
            _ => left.Value >= right.Value,
        };
        return holds ? null : Broken();
    }

    /// <summary>DHIS2: any missing / all missing skips the rule; never-skip treats missing as 0. A side naming no values never skips.</summary>
    private static bool Skipped(Evaluated side, MissingValueStrategy strategy) => side.References > 0 && strategy switch
    {
        MissingValueStrategy.SkipIfAnyMissing => side.MissingCount > 0,
        MissingValueStrategy.SkipIfAllMissing => side.MissingCount == side.References,
        _ => false,
    };

    /// <summary>Relative tolerance: |l - r| ≤ tolerance × max(|l|, |r|).</summary>
    private static bool Equal(decimal left, decimal right, decimal? tolerance) =>
        tolerance is { } t && t > 0 ? Math.Abs(left - right) <= t * Math.Max(Math.Abs(left), Math.Abs(right)) : left == right;

    public static string OperatorText(RuleOperator op) => op switch
    {
        RuleOperator.Equal => "==", RuleOperator.NotEqual => "!=", RuleOperator.Less => "<", RuleOperator.LessOrEqual => "<=",
        RuleOperator.Greater => ">", RuleOperator.GreaterOrEqual => ">=", RuleOperator.CompulsoryPair => "compulsory_pair", _ => "exclusive_pair",
    };

    public static RuleOperator? ParseOperator(string? text) => text?.Trim() switch
    {
        "==" or "=" => RuleOperator.Equal, "!=" => RuleOperator.NotEqual, "<" => RuleOperator.Less, "<=" => RuleOperator.LessOrEqual,
        ">" => RuleOperator.Greater, ">=" => RuleOperator.GreaterOrEqual, "compulsory_pair" => RuleOperator.CompulsoryPair,
        "exclusive_pair" => RuleOperator.ExclusivePair, _ => Enum.TryParse<RuleOperator>(text, true, out var op) ? op : null,
    };

    private static string Range(FieldSpec f) => $"{(f.Min is { } min ? Fmt(min) : "−∞")} 至 {(f.Max is { } max ? Fmt(max) : "+∞")} {f.Unit}".TrimEnd();

    public static string Fmt(decimal v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
