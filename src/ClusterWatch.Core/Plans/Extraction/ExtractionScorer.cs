namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Precision, recall and F1 of one category; a category empty in both gold and prediction scores 1.</summary>
public sealed record CategoryScore(int Gold, int Predicted, int Matched)
{
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public override string ToString() => $"P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} (gold {Gold}, predicted {Predicted}, matched {Matched})";
}

public sealed record ExtractionScore(CategoryScore Targets, CategoryScore Baselines, CategoryScore Allocations, CategoryScore Tasks, CategoryScore LeadUnits)
{
    public IEnumerable<(string Category, CategoryScore Score)> Categories =>
        [("targets", Targets), ("baselines", Baselines), ("allocations", Allocations), ("tasks", Tasks), ("leadUnits", LeadUnits)];
}

/// <summary>Scores an extraction against a gold extraction with the rules of the contract's Scoring section.</summary>
public static class ExtractionScorer
{
    public const decimal RelativeTolerance = 0.005m;

    public static ExtractionScore Score(PlanExtraction predicted, PlanExtraction gold)
    {
        var targets = Count(predicted.Targets, gold.Targets,
            (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value) && Close(p.ValueMax, g.ValueMax));
        var baselines = Count(predicted.Baselines, gold.Baselines,
            (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value));
        var allocations = Count(predicted.Allocations, gold.Allocations,
            (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value));

        var goldUsed = new bool[gold.Tasks.Count];
        var taskMatches = 0;
        var leadMatches = 0;
        foreach (var task in predicted.Tasks)
        {
            var units = UnitSet(task.Units);
            for (var g = 0; g < gold.Tasks.Count; g++)
            {
                if (goldUsed[g] || !units.SetEquals(UnitSet(gold.Tasks[g].Units))) continue;
                goldUsed[g] = true;
                taskMatches++;
                if (UnitSet(task.LeadUnits).SetEquals(UnitSet(gold.Tasks[g].LeadUnits))) leadMatches++;
                break;
            }
        }
        return new ExtractionScore(targets, baselines, allocations,
            new CategoryScore(gold.Tasks.Count, predicted.Tasks.Count, taskMatches),
            new CategoryScore(taskMatches, taskMatches, leadMatches));
    }

    private static CategoryScore Count<T>(IReadOnlyList<T> predicted, IReadOnlyList<T> gold, Func<T, T, bool> matches)
    {
        var goldUsed = new bool[gold.Count];
        var matched = 0;
        foreach (var p in predicted)
            for (var g = 0; g < gold.Count; g++)
            {
                if (goldUsed[g] || !matches(p, gold[g])) continue;
                goldUsed[g] = true;
                matched++;
                break;
            }
        return new CategoryScore(gold.Count, predicted.Count, matched);
    }

    private static bool SameKey(string region, int year, string unit, string goldRegion, int goldYear, string goldUnit) =>
        year == goldYear && PlanText.WithoutWhitespace(region) == PlanText.WithoutWhitespace(goldRegion)
        && PlanText.WithoutWhitespace(unit) == PlanText.WithoutWhitespace(goldUnit);

    private static bool Close(decimal? value, decimal? gold) =>
        value is null || gold is null ? value is null && gold is null
        : gold.Value == 0 ? value.Value == 0 : Math.Abs(value.Value - gold.Value) <= Math.Abs(gold.Value) * RelativeTolerance;

    private static HashSet<string> UnitSet(IEnumerable<string> units) => units.Select(PlanText.WithoutWhitespace).ToHashSet(StringComparer.Ordinal);
}
