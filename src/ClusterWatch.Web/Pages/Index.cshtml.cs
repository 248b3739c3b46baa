using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ClusterWatch.Core.Analytics;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages;

/// <summary>The progress dashboard: every target of one plan in one year, its status, charts and the district breakdown.</summary>
public class IndexModel(AppDbContext db, ProgressService progressService, IWebHostEnvironment environment) : PageModel
{
    /// <summary>The latest year the dashboard picks by itself (later years have no figures yet).</summary>
    public const int LatestDefaultYear = 2025;
    private const string DefaultPlanSlugPart = "workplan-2010-2012";

    [BindProperty(SupportsGet = true)] public int? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];
    public PlanProgress? Progress { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<DistrictRow> Districts { get; private set; } = [];
    public int? AllocationYear { get; private set; }
    public string? MapCode { get; private set; }
    public string ChartDataJson { get; private set; } = "{}";

    public sealed record PlanOption(int Id, string Title, string Slug, string RegionCode, int? PeriodStart, int? PeriodEnd, int AllocationCount);

    /// <summary>One allocation row with how it joins the map: OnMap false for a district without a polygon (大鹏新区).</summary>
    public sealed record DistrictRow(AllocationProgress Allocation, bool OnMap, bool IsHistorical);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.PeriodStart).ThenBy(p => p.Id)
            .Select(p => new PlanOption(p.Id, p.Title, p.Slug, p.Region!.Code, p.PeriodStart, p.PeriodEnd, p.Allocations.Count))
            .ToListAsync(ct);
        if (Plans.Count == 0) return Page();

        var plan = Plans.FirstOrDefault(p => p.Id == PlanId) ?? DefaultPlan(Plans);
        PlanId = plan.Id;
        var requestedYear = Year;
        var year = requestedYear ?? Math.Min(LatestDefaultYear, plan.PeriodEnd ?? LatestDefaultYear);
        var progress = await progressService.GetAsync(plan.Id, year, ct);
        if (progress is null) return NotFound();
        if (requestedYear is null && LatestYearWithData(progress) is { } dataYear && dataYear != year)
            progress = await progressService.GetAsync(plan.Id, dataYear, ct) ?? progress;

        Progress = progress;
        Year = progress.Year;
        Years = progress.Years.Append(progress.Year).Distinct().Order().ToList();
        BuildDistricts(plan, progress);
        ChartDataJson = BuildChartJson(progress);
        return Page();
    }

    /// <summary>The 2010-2012 work plan (it has district allocations), else the plan with most allocations, else the first.</summary>
    public static PlanOption DefaultPlan(IReadOnlyList<PlanOption> plans) =>
        plans.FirstOrDefault(p => p.Slug.Contains(DefaultPlanSlugPart, StringComparison.OrdinalIgnoreCase))
        ?? plans.OrderByDescending(p => p.AllocationCount).ThenBy(p => p.Id).First();

    /// <summary>The latest year ≤ 2025 in which any target has an actual value.</summary>
    public static int? LatestYearWithData(PlanProgress progress) =>
        progress.Targets.SelectMany(t => t.Series).Where(p => p.Actual is not null && p.Year <= LatestDefaultYear)
            .Select(p => (int?)p.Year).Max();

    private void BuildDistricts(PlanOption plan, PlanProgress progress)
    {
        var breakdown = DistrictBreakdown.Build(progress.Allocations, plan.RegionCode, progress.Year, MapAdcodes);
        if (breakdown is null) return;
        AllocationYear = breakdown.Year;
        MapCode = breakdown.MapCode;
        Districts = breakdown.Rows;
    }

    /// <summary>The sub-region allocations of one year and how they join the map (by SeriesCode = adcode).</summary>
    public sealed record DistrictBreakdown(int Year, string? MapCode, IReadOnlyList<DistrictRow> Rows)
    {
        /// <summary>
        /// Leaves out the plan's own region, picks the selected year (else the next allocated year, else the last),
        /// and the map of the regions' parent; a row whose SeriesCode has no polygon (大鹏新区) is OnMap false.
        /// </summary>
        public static DistrictBreakdown? Build(IEnumerable<AllocationProgress> allocations, string planRegionCode, int year, Func<string, IReadOnlySet<string>> adcodesOfMap)
        {
            var subRegions = allocations.Where(a => a.RegionCode != planRegionCode).ToList();
            if (subRegions.Count == 0) return null;
            var years = subRegions.Select(a => a.Year).Distinct().Order().ToList();
            var allocationYear = years.Contains(year) ? year : years.Where(y => y >= year).DefaultIfEmpty(years[^1]).First();
            string? mapCode = subRegions.Select(a => ParentMapCode(a.SeriesCode)).GroupBy(c => c).OrderByDescending(g => g.Count()).First().Key;
            var adcodes = adcodesOfMap(mapCode);
            if (adcodes.Count == 0) mapCode = null;
            // Indicators in the plan's own order (its first allocation), districts by code within each.
            var indicatorOrder = subRegions.GroupBy(a => a.Indicator).ToDictionary(g => g.Key, g => g.Min(a => a.AllocationId));
            var rows = subRegions.Where(a => a.Year == allocationYear)
                .OrderBy(a => indicatorOrder[a.Indicator]).ThenBy(a => a.SeriesCode, StringComparer.Ordinal).ThenBy(a => a.RegionCode, StringComparer.Ordinal)
                .Select(a => new DistrictRow(a, adcodes.Contains(a.SeriesCode), a.RegionCode != a.SeriesCode))
                .ToList();
            return new DistrictBreakdown(allocationYear, mapCode, rows);
        }
    }

    /// <summary>The GeoJSON that holds a region's polygon: a district's city (440311 → 440300), a city's province (440300 → 440000).</summary>
    public static string ParentMapCode(string seriesCode) =>
        seriesCode.Length < 6 ? seriesCode
        : seriesCode.EndsWith("0000", StringComparison.Ordinal) ? "100000"
        : seriesCode.EndsWith("00", StringComparison.Ordinal) ? seriesCode[..2] + "0000"
        : seriesCode[..4] + "00";

    private static readonly ConcurrentDictionary<string, IReadOnlySet<string>> AdcodeCache = new();

    /// <summary>The adcodes that have a polygon in wwwroot/geo/{code}_full.json (empty when the file is not there).</summary>
    private IReadOnlySet<string> MapAdcodes(string mapCode) => AdcodeCache.GetOrAdd(mapCode, code =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"geo/{code}_full.json");
        if (!file.Exists) return new HashSet<string>();
        using var stream = file.CreateReadStream();
        using var json = JsonDocument.Parse(stream);
        return json.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").TryGetProperty("adcode", out var a) ? a.ToString() : "")
            .Where(a => a.Length > 0).ToHashSet();
    });

    private static readonly JsonSerializerOptions ChartJsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Escapes <, >, & and quotes, so the JSON is safe inside a <script> element.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    private string BuildChartJson(PlanProgress progress)
    {
        var statuses = Enum.GetValues<ForecastStatus>()
            .Select(s => new { key = ForecastCss(s), label = ForecastText(s), count = progress.Targets.Count(t => t.Forecast.Status == s) });
        var targets = progress.Targets.Select(t => new
        {
            id = t.TargetId,
            label = $"{t.Indicator} · {t.Region} · {t.Year}",
            unit = t.Unit,
            target = t.Value,
            targetYear = t.Year,
            isAmount = t.Unit.Contains('元'),
            series = t.Series.Select(p => new { year = p.Year, actual = p.Actual, expected = p.Expected }),
        });
        var map = MapCode is null ? null : new
        {
            code = MapCode,
            url = Url.Content($"~/geo/{MapCode}_full.json"),
            year = AllocationYear,
            indicators = Districts.Where(d => d.OnMap).GroupBy(d => d.Allocation.Indicator).Select(g => new
            {
                name = g.Key,
                rows = g.Select(d => new
                {
                    code = d.Allocation.SeriesCode,
                    region = d.Allocation.Region,
                    unit = d.Allocation.Unit,
                    allocated = d.Allocation.Value,
                    actual = d.Allocation.Actual,
                    percent = d.Allocation.PercentOfTarget,
                    projected = d.Allocation.Forecast.Projected,
                    status = ForecastCss(d.Allocation.Forecast.Status),
                    statusLabel = ForecastText(d.Allocation.Forecast.Status),
                    formula = FormulaText(d.Allocation.Forecast),
                }),
            }),
        };
        return JsonSerializer.Serialize(new
        {
            statuses,
            targets,
            defaultTargetId = DefaultTrajectoryTarget(progress)?.TargetId,
            map,
            text = new
            {
                actual = Strings.Get("dashboard.series.actual"),
                expected = Strings.Get("dashboard.series.expected"),
                target = Strings.Get("dashboard.chart.target"),
                percent = Strings.Get("dashboard.col.percent"),
                allocated = Strings.Get("dashboard.col.allocated"),
                nodata = Strings.Get("status.nodata"),
                status = Strings.Get("dashboard.col.status"),
                projected = Strings.IsEnglish ? "Projected" : "预计",
            },
        }, ChartJsonOptions);
    }

    /// <summary>The first amount target (亿元) with a series, else the first target with one.</summary>
    public static TargetProgress? DefaultTrajectoryTarget(PlanProgress progress) =>
        progress.Targets.FirstOrDefault(t => t.Unit.Contains('元') && t.Series.Count > 0)
        ?? progress.Targets.FirstOrDefault(t => t.Series.Count > 0);

    /// <summary>CSS class of a forecast class (site.css and dashboard.js colour them).</summary>
    public static string ForecastCss(ForecastStatus status) => status switch
    {
        ForecastStatus.Achieved => "fc-achieved",
        ForecastStatus.OnTrack => "fc-on-track",
        ForecastStatus.NeedsAcceleration => "fc-accelerate",
        ForecastStatus.LimitedProgress => "fc-limited",
        ForecastStatus.Deterioration => "fc-deterioration",
        _ => "fc-no-data",
    };

    /// <summary>进展顺利 / On track …: the forecast class in the page's language.</summary>
    public static string ForecastText(ForecastStatus status)
    {
        if (!Strings.IsEnglish) return AttainmentForecaster.Label(status);
        var english = AttainmentForecaster.EnglishLabel(status);
        return char.ToUpperInvariant(english[0]) + english[1..];
    }

    public static string FormulaText(AttainmentForecast forecast) => Strings.IsEnglish ? forecast.FormulaEn : forecast.Formula;

    /// <summary>A forecast rate as the page shows it: 7.0% a year for compound growth, "2 家/年" for a linear change.</summary>
    public static string RateText(AttainmentForecast forecast, decimal? rate, string unit)
    {
        if (rate is not { } r) return "—";
        if (forecast.Method == ForecastMethod.Compound) return AttainmentForecaster.Pct(r) + (Strings.IsEnglish ? "/year" : "/年");
        var perYear = unit == "%" ? (Strings.IsEnglish ? " points/year" : "个百分点/年") : (unit.Length == 0 ? "" : " " + unit) + (Strings.IsEnglish ? "/year" : "/年");
        return Format.Number(r) + perYear;
    }

    public static string StatusCss(ProgressStatus status) => status switch
    {
        ProgressStatus.OnTrack => "status-ontrack",
        ProgressStatus.Warning => "status-warning",
        ProgressStatus.Lagging => "status-lagging",
        _ => "status-nodata",
    };

    public static string StatusText(ProgressStatus status) => Strings.Get(status switch
    {
        ProgressStatus.OnTrack => "status.ontrack",
        ProgressStatus.Warning => "status.warning",
        ProgressStatus.Lagging => "status.lagging",
        _ => "status.nodata",
    });

    /// <summary>"≥ 10 家", "约 900 亿元", "1–2 家", "≤ 5 %": the comparator (enum name or symbol) and the value(s) with the unit.</summary>
    public static string TargetText(string comparator, decimal value, decimal? valueMax, string unit)
    {
        var amount = valueMax is { } max ? $"{Format.Number(value)}–{Format.Number(max)} {unit}".TrimEnd() : Format.Value(value, unit);
        var prefix = comparator switch
        {
            ">=" or "≥" or "AtLeast" => "≥ ",
            "<=" or "≤" or "AtMost" => "≤ ",
            "~" or "约" or "About" => Strings.IsEnglish ? "~ " : "约 ",
            _ => "",
        };
        return valueMax is null ? prefix + amount : amount;
    }
}
