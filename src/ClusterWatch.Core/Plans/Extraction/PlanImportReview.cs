namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>A parsed extraction set beside a reviewed one (a gold file), row by row, with the contract's Scoring rules (as ExtractionScorer).</summary>
public static class PlanImportReview
{
    public sealed record Pairing<T>(List<(T Parsed, T Reviewed)> Matched, List<T> OnlyParsed, List<T> OnlyReviewed);

    public static Pairing<PlanExtraction.TargetItem> Targets(PlanExtraction parsed, PlanExtraction reviewed) =>
        Pair(parsed.Targets, reviewed.Targets, (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value) && Close(p.ValueMax, g.ValueMax));

    public static Pairing<PlanExtraction.BaselineItem> Baselines(PlanExtraction parsed, PlanExtraction reviewed) =>
        Pair(parsed.Baselines, reviewed.Baselines, (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value));

    public static Pairing<PlanExtraction.AllocationItem> Allocations(PlanExtraction parsed, PlanExtraction reviewed) =>
        Pair(parsed.Allocations, reviewed.Allocations, (p, g) => SameKey(p.Region, p.Year, p.Unit, g.Region, g.Year, g.Unit) && Close(p.Value, g.Value));

    public static Pairing<PlanExtraction.TaskItem> Tasks(PlanExtraction parsed, PlanExtraction reviewed) =>
        Pair(parsed.Tasks, reviewed.Tasks, (p, g) => UnitSet(p.Units).SetEquals(UnitSet(g.Units)));

    /// <summary>
    /// The parsed extraction as a reviewer confirmed it: rows the parser found keep their place, with the reviewed wording,
    /// comparator and lead units; rows only the reviewer has are added, rows only the parser has are dropped.
    /// </summary>
    public static PlanExtraction Confirm(PlanExtraction parsed, PlanExtraction reviewed)
    {
        var targets = Targets(parsed, reviewed);
        var baselines = Baselines(parsed, reviewed);
        var allocations = Allocations(parsed, reviewed);
        var tasks = Tasks(parsed, reviewed);
        return new PlanExtraction(reviewed.Title, reviewed.Issuer, reviewed.DocNumber, reviewed.Region, reviewed.PeriodStart, reviewed.PeriodEnd,
            targets.Matched.Select(m => m.Reviewed).Concat(targets.OnlyReviewed).ToList(),
            baselines.Matched.Select(m => m.Reviewed).Concat(baselines.OnlyReviewed).ToList(),
            tasks.Matched.Select(m => m.Reviewed).Concat(tasks.OnlyReviewed).ToList(),
            allocations.Matched.Select(m => m.Reviewed).Concat(allocations.OnlyReviewed).ToList());
    }

    /// <summary>ExtractionScorer's greedy rule: each parsed row in order takes the first unused reviewed row it matches.</summary>
    public static Pairing<T> Pair<T>(IReadOnlyList<T> parsed, IReadOnlyList<T> reviewed, Func<T, T, bool> matches)
    {
        var used = new bool[reviewed.Count];
        var result = new Pairing<T>([], [], []);
        foreach (var p in parsed)
        {
            var g = -1;
            for (var i = 0; i < reviewed.Count && g < 0; i++)
                if (!used[i] && matches(p, reviewed[i])) g = i;
            if (g < 0) { result.OnlyParsed.Add(p); continue; }
            used[g] = true;
            result.Matched.Add((p, reviewed[g]));
        }
        result.OnlyReviewed.AddRange(reviewed.Where((_, i) => !used[i]));
        return result;
    }

    public static HashSet<string> UnitSet(IEnumerable<string> units) => units.Select(PlanText.WithoutWhitespace).ToHashSet(StringComparer.Ordinal);

    private static bool SameKey(string region, int year, string unit, string goldRegion, int goldYear, string goldUnit) =>
        year == goldYear && PlanText.WithoutWhitespace(region) == PlanText.WithoutWhitespace(goldRegion)
        && PlanText.WithoutWhitespace(unit) == PlanText.WithoutWhitespace(goldUnit);

    private static bool Close(decimal? value, decimal? gold) =>
        value is null || gold is null ? value is null && gold is null
        : gold.Value == 0 ? value.Value == 0 : Math.Abs(value.Value - gold.Value) <= Math.Abs(gold.Value) * ExtractionScorer.RelativeTolerance;
}
