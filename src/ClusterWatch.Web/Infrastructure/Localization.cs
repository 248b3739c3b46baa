// How to localise a page (Chinese first, English on request):
//   • Every Razor page has `S` (the Strings service, injected in Pages/_ViewImports.cshtml).
//     - Shared key:   @S["nav.plans"]                 (keys live in Strings.Table below; add yours there, zh + en)
//     - Inline pair:  @S.T("规划列表", "Plans")         (for text used on one page only; no key needed)
//     - Or:           @Html.T("nav.plans")
//   • In C# (page models, endpoints) inject `Strings` or call `Strings.IsEnglish` / `S.T(zh, en)`.
//   • The current language comes from the cookie set by GET /set-language?culture=en&returnUrl=/Plans (zh-CN by default).
//   • Amounts: Format.Yi(万元) → "12.35 亿元", Format.Wan(万元) → "1,234.5 万元", Format.YiFromYi(亿元) → "700 亿元",
//     Format.Number(value) → "1,234.5"; targets are in 亿元, enterprise figures in 万元.
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace ClusterWatch.Web.Infrastructure;

public static class LocalizationSetup
{
    public const string DefaultCulture = "zh-CN";
    public const string EnglishCulture = "en";
    public const string SetLanguagePath = "/set-language";
    public static readonly string[] SupportedCultures = [DefaultCulture, EnglishCulture];

    public static IServiceCollection AddClusterWatchLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddSingleton<Strings>();
        // Chinese text is written as is, not as &#x...; entities (smaller pages, readable source, searchable in tests).
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(DefaultCulture)
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Chinese first: the browser's Accept-Language is ignored; only an explicit choice (cookie or ?culture=) switches.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
        return services;
    }

    public static IApplicationBuilder UseClusterWatchLocalization(this IApplicationBuilder app)
    {
        app.UseRequestLocalization();
        app.Map(SetLanguagePath, branch => branch.Run(SetLanguage));
        return app;
    }

    /// <summary>Stores the chosen culture in the localisation cookie and goes back to a local page.</summary>
    private static Task SetLanguage(HttpContext context)
    {
        var requested = context.Request.Query["culture"].ToString();
        var culture = SupportedCultures.Contains(requested, StringComparer.OrdinalIgnoreCase) ? requested : DefaultCulture;
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        var returnUrl = context.Request.Query["returnUrl"].ToString();
        context.Response.Redirect(IsLocalUrl(returnUrl) ? returnUrl : "/");
        return Task.CompletedTask;
    }

    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}

/// <summary>The UI texts in Chinese and English; the current UI culture picks one.</summary>
public sealed class Strings
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string this[string key] => Get(key);

    public static string Get(string key) =>
        Table.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Zh) : key;

    /// <summary>An inline pair for text used in one place only.</summary>
    public string T(string zh, string en) => IsEnglish ? en : zh;

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Table = new Dictionary<string, (string Zh, string En)>
    {
        ["app.name"] = ("ClusterWatch 产业集群监测", "ClusterWatch Industry Cluster Monitor"),
        ["app.tagline"] = ("把产业规划变成可跟踪的数字", "Turning industry plans into numbers you can follow"),
        ["nav.dashboard"] = ("进度看板", "Progress"),
        ["nav.plans"] = ("规划", "Plans"),
        ["nav.enterprises"] = ("企业", "Enterprises"),
        ["nav.regions"] = ("地区", "Regions"),
        ["nav.units"] = ("单位", "Units"),
        ["lang.switch"] = ("English", "中文"),
        ["lang.switch.title"] = ("Switch to English", "切换到中文"),
        ["footer.text"] = ("ClusterWatch · 产业集群规划监测平台", "ClusterWatch · industry cluster plan monitoring"),
        ["footer.synthetic"] = ("标有“示例数据”的数字为合成演示数据，不代表真实企业。", "Figures marked “synthetic” are generated demo data, not real firms."),
        ["synthetic"] = ("示例数据", "Synthetic"),
        ["synthetic.banner"] = ("本页部分实际值来自示例数据（合成演示数据），仅用于演示，不代表真实统计。", "Some actual values on this page are synthetic demo data, for demonstration only, not real statistics."),
        ["status.ontrack"] = ("达标", "On track"),
        ["status.warning"] = ("预警", "Warning"),
        ["status.lagging"] = ("滞后", "Lagging"),
        ["status.nodata"] = ("无数据", "No data"),
        ["common.show"] = ("查看", "Show"),
        ["common.none"] = ("—", "—"),
        ["dashboard.title"] = ("规划目标进度看板", "Plan progress dashboard"),
        ["dashboard.plan"] = ("规划", "Plan"),
        ["dashboard.year"] = ("年份", "Year"),
        ["dashboard.targets"] = ("目标进度", "Targets"),
        ["dashboard.col.indicator"] = ("指标", "Indicator"),
        ["dashboard.col.region"] = ("地区", "Region"),
        ["dashboard.col.year"] = ("目标年", "Target year"),
        ["dashboard.col.target"] = ("目标", "Target"),
        ["dashboard.col.baseline"] = ("基数", "Baseline"),
        ["dashboard.col.actual"] = ("实际值", "Actual"),
        ["dashboard.col.percent"] = ("完成率", "% of target"),
        ["dashboard.col.expected"] = ("应达进度值", "Expected by now"),
        ["dashboard.col.status"] = ("状态", "Status"),
        ["dashboard.chart.status"] = ("目标状态分布", "Targets by status"),
        ["dashboard.chart.trajectory"] = ("实际值与应达进度", "Actual vs expected"),
        ["dashboard.chart.target"] = ("目标", "Target"),
        ["dashboard.series.actual"] = ("实际值", "Actual"),
        ["dashboard.series.expected"] = ("应达进度值", "Expected"),
        ["dashboard.allocations"] = ("目标分解（各区）", "District allocations"),
        ["dashboard.col.district"] = ("区", "District"),
        ["dashboard.col.allocated"] = ("分解目标", "Allocated"),
        ["dashboard.map"] = ("各区完成率地图", "Completion by district"),
        ["dashboard.map.indicator"] = ("指标", "Indicator"),
        ["dashboard.map.nodata"] = ("地图边界暂缺", "No boundary"),
        ["dashboard.nopolygon"] = ("无独立边界（地图数据中并入龙岗区），仅在表中列出", "No separate boundary (part of Longgang in the map data); listed here only"),
        ["dashboard.historical"] = ("历史区划，按现行区划代码 {0} 显示在地图上", "Historical division, shown on the map under code {0}"),
        ["dashboard.noallocations"] = ("该规划没有分解到各区的目标。", "This plan has no district allocations."),
        ["dashboard.notargets"] = ("该规划还没有目标。", "This plan has no targets yet."),
        ["dashboard.empty.title"] = ("还没有规划", "No plans yet"),
        ["dashboard.empty.text"] = ("数据库中还没有任何规划。请先导入规划（规划页面或命令行 `clusterwatch db seed`），之后这里会显示各目标的进度。", "The database holds no plans yet. Import a plan first (Plans page or the CLI); this page then shows each target's progress."),
        ["dashboard.nojs"] = ("图表需要启用 JavaScript；上表已包含全部数字。", "Charts need JavaScript; the table above holds every number."),
        ["dashboard.rule"] = ("判定规则", "Rule"),
        ["dashboard.source"] = ("来源", "Source"),
    };
}

public static class StringsHtmlExtensions
{
    /// <summary>`@Html.T("nav.plans")`: the text for a key in the current language.</summary>
    public static IHtmlContent T(this IHtmlHelper html, string key) => new HtmlString(System.Net.WebUtility.HtmlEncode(Strings.Get(key)));
}

/// <summary>Amounts and numbers as the office writes them: 亿元 / 万元 with thousand separators.</summary>
public static class Format
{
    public const decimal WanPerYi = 10_000m;
    private static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    /// <summary>An amount held in 万元, shown in 亿元 with two decimals: 123456.7 → "12.35 亿元".</summary>
    public static string Yi(decimal wan) => (wan / WanPerYi).ToString("#,0.00", Numbers) + " 亿元";

    /// <summary>An amount held in 万元, shown in 万元: 1234.5 → "1,234.5 万元".</summary>
    public static string Wan(decimal wan) => Number(wan) + " 万元";

    /// <summary>An amount already in 亿元 (targets): 700 → "700 亿元", 12.345 → "12.35 亿元".</summary>
    public static string YiFromYi(decimal yi) => Number(yi) + " 亿元";

    /// <summary>Thousand separators, at most two decimals, no trailing zeros: 1234.50 → "1,234.5".</summary>
    public static string Number(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.##", Numbers);

    /// <summary>A value with its unit ("900 亿元", "10 家", "35%"); "—" when missing.</summary>
    public static string Value(decimal? value, string unit) =>
        value is null ? "—" : unit is "%" ? Number(value.Value) + "%" : $"{Number(value.Value)} {unit}".TrimEnd();

    /// <summary>A share as a percentage: 0.873 → "87.3%".</summary>
    public static string Percent(decimal? ratio) =>
        ratio is null ? "—" : Math.Round(ratio.Value * 100m, 1, MidpointRounding.AwayFromZero).ToString("#,0.#", Numbers) + "%";
}
