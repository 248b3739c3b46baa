using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Import;
using ClusterWatch.Web.Enterprises;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>The enterprise list: filters, a paged table sorted by revenue, and the same filters exported to XLSX.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public int? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Pool { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Synthetic { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? CreditGrade { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public EnterprisePage? Result { get; private set; }
    public bool ContainsSynthetic { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> RegionSuggestions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var filter = new EnterpriseFilter(Region, Industry, Tier, Pool, Q, Synthetic, Year) { CreditGrade = CreditGrade };
        var query = new EnterpriseListQuery(db);
        (Result, Errors) = await query.PageAsync(filter, PageNumber, PageSize, ct);
        if (Result is not null)
        {
            var (synthetic, _) = Synthetic == false ? (null, []) : await query.PageAsync(filter with { Synthetic = true }, 1, 1, ct);
            ContainsSynthetic = synthetic?.Total > 0;
        }
        RegionSuggestions = (await db.Regions.AsNoTracking()
            .Where(r => r.ValidToYear == null && (r.Level == Core.Regions.RegionLevel.City || r.Level == Core.Regions.RegionLevel.District) && r.Code.StartsWith("44"))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).Take(500).ToListAsync(ct))
            .Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The current filters as a query string, for the export link and the pager.</summary>
    public string QueryString(int? page = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } text) pairs.Add(new(key, text)); }
        Add("region", Region); Add("industry", Industry); Add("tier", Tier); Add("pool", Pool); Add("q", Q);
        Add("synthetic", Synthetic?.ToString().ToLowerInvariant()); Add("year", Year); Add("creditGrade", CreditGrade);
        if (page is not null) Add("p", page);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).Value ?? "";
    }

    public static string PoolLabels(IEnumerable<CultivationPool> pools) => string.Join("、", pools.Select(EnterpriseImportColumns.PoolLabel));
}
