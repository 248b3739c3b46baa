using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Core.Regions;

namespace ClusterWatch.Core.Seeding;

/// <summary>Turns plan extractions and their texts into confirmed Plans: the seeding side of PlanImportBuilder (one code path with the import).</summary>
public sealed class PlanSeed(RegionResolver regions, UnitResolver units)
{
    /// <summary>The seed plans: parsed from their texts by PlanExtractor, then confirmed against the hand-checked gold extraction (README "Extraction").</summary>
    public const string ParsedSource = "parsed from the plan text, confirmed against the gold extraction";

    private readonly PlanImportBuilder _builder = new(regions, units);

    public IReadOnlyCollection<Indicator> Indicators => _builder.Indicators;

    public static Comparator ParseComparator(string text) =>
        PlanImportBuilder.ParseComparator(text) ?? throw new InvalidDataException($"比较符“{text}”无法识别（应为 =、>=、~、<=）");

    /// <summary>Builds one confirmed plan; slug names the plan in error messages, and any row the builder refuses or any unknown unit is an error.</summary>
    public Plan Build(string slug, PlanExtraction x, string fullText, string source = ParsedSource)
    {
        var preview = _builder.Build(slug, x, fullText, source, PlanStatus.Confirmed);
        if (!preview.Succeeded) throw new InvalidDataException($"规划 {slug}：" + string.Join("；", preview.Errors.Select(e => e.Message)));
        // Shipped seed plans name only units of the curated directory: an unknown one is a data error, not a new unit.
        if (preview.NewUnits.Count > 0)
            throw new InvalidDataException($"规划 {slug}：责任单位“{string.Join("、", preview.NewUnits.Select(u => u.FullName))}”无法识别");
        return preview.Plan;
    }
}
