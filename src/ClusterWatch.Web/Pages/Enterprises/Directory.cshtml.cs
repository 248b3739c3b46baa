using ClusterWatch.Core.Data;
using ClusterWatch.Web.Enterprises;
using ClusterWatch.Web.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Enterprises;

/// <summary>The real listed-company directory (名录): filters, a paged table and the same filters exported to XLSX.</summary>
public class DirectoryModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Biomedical { get; set; }
    [BindProperty(SupportsGet = true)] public string? Industry { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public PagedList<DirectoryCompanyDto>? Result { get; private set; }
    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<string> Industries { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> CitySuggestions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = new DirectoryQuery(db);
        var (result, errors) = await query.PageAsync(new DirectoryFilter(Q, City, District, Biomedical, Industry, Status),
            new Paging(Math.Max(1, PageNumber), PageSize), ct);
        Result = result;
        Errors = errors.ToDictionary();
        Industries = await query.IndustriesAsync(ct);
        CitySuggestions = (await db.Regions.AsNoTracking()
            .Where(r => r.ValidToYear == null && r.Level == Core.Regions.RegionLevel.City && r.Code.StartsWith("44"))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>The current filters as a query string, for the export link and the pager.</summary>
    public string QueryString(int? page = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, object? value) { if (value is not null && value.ToString() is { Length: > 0 } text) pairs.Add(new(key, text)); }
        Add("q", Q); Add("city", City); Add("district", District); Add("biomedical", Biomedical?.ToString().ToLowerInvariant());
        Add("industry", Industry); Add("status", Status);
        if (page is not null) Add("p", page);
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs).Value ?? "";
    }
}
