using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ClusterWatch.Core.Analytics.Chains;
using ClusterWatch.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ClusterWatch.Web.Pages.Chains;

/// <summary>One chain as an interactive three-stage graph; a click on a link shows its numbers, rule, leading firms and 招商清单.</summary>
public class DetailsModel(AppDbContext db, ChainReports reports) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable; < > & ' " are still escaped, so the JSON is safe inside <script>.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public ChainPageQuery Filter { get; private set; } = null!;
    public ChainDetail? Chain { get; private set; }
    public IReadOnlyList<IndustryChain> Chains { get; private set; } = [];
    public int Id { get; private set; }

    public string ChartDataJson => JsonSerializer.Serialize(Chain, Json);

    public async Task<IActionResult> OnGetAsync(int? id, string? region, string? benchmark, string? year, CancellationToken ct)
    {
        Filter = await ChainPageQuery.LoadAsync(db, reports, region, benchmark, year, ct);
        Chains = await reports.ChainsAsync(ct);
        if (Chains.Count == 0) return NotFound();
        Id = id ?? Chains[0].Id;
        if (Chains.All(c => c.Id != Id)) return NotFound();
        if (Filter.Query is { } q) Chain = await reports.DetailAsync(Id, q.Region, q.Benchmark, q.Year, ct);
        return Page();
    }

    public static string ClassCss(string classification) => "lq-" + classification;
}
