using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Enterprises.Credit;
using ClusterWatch.Core.Enterprises.Import;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Enterprises;

/// <summary>The list filters shared by the API, the export and the list page (all optional).</summary>
public sealed record EnterpriseFilter(string? Region, string? Industry, int? Tier, string? Pool, string? Q, bool? Synthetic, int? Year)
{
    /// <summary>Public-credit grade A-D from CreditScores (an enterprise not yet scored has the base score's grade).</summary>
    public string? CreditGrade { get; init; }
}

public sealed record RegionDto(string Code, string Name);
public sealed record IndustryDto(string Code, string Name);

/// <summary>One row of the enterprise list; Revenue is the annual 营业收入 of the list's year in 万元 (null when not reported).</summary>
public sealed record EnterpriseListItem(
    int Id, string CreditCode, string Name, RegionDto Region, IndustryDto Industry, ListingStatus ListingStatus,
    IReadOnlyList<CultivationPool> Pools, bool IsSynthetic, decimal? Revenue)
{
    public string? CreditGrade { get; init; }
}

public sealed record EnterprisePage(IReadOnlyList<EnterpriseListItem> Items, int Total, int Page, int PageSize, int Year);

/// <summary>Filters, sorts (revenue desc, then name) and pages enterprises in SQL, on SQLite and PostgreSQL alike.</summary>
public sealed class EnterpriseListQuery(AppDbContext db)
{
    public static readonly int[] Tiers = [1, 10, 100, 500, 1000];
    public const int MaxPageSize = 500;
    private const decimal WanPerYi = 10_000m;
    private static CreditScheme CreditScheme => CreditScoringModel.Default.Scheme;
    private static string BaseCreditGrade => CreditScheme.GradeOf(CreditScheme.BaseScore);

    private sealed class Row
    {
        public int Id { get; init; }
        public string CreditCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string RegionCode { get; init; } = "";
        public string RegionName { get; init; } = "";
        public string IndustryCode { get; init; } = "";
        public ListingStatus ListingStatus { get; init; }
        public bool IsSynthetic { get; init; }
        public decimal? Revenue { get; init; }
        // SQLite cannot compare or sort decimals (stored as TEXT); a REAL copy does both on either provider.
        public double RevenueSort { get; init; }
    }

    /// <summary>Validation errors by filter name (Chinese messages); empty when the filter is usable.</summary>
    public async Task<(IQueryable<EnterpriseListItem>? Query, int Year, Dictionary<string, string[]> Errors)> BuildAsync(EnterpriseFilter filter, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var year = filter.Year ?? await DefaultYearAsync(db, ct);
        var query = db.Enterprises.AsNoTracking();

        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            var regions = await RegionNameLookup.LoadAsync(db, ct);
            var region = regions.Resolve(filter.Region, out var error);
            if (region is null) errors["region"] = [error!];
            else
            {
                var ids = regions.SubtreeIds(region);
                query = query.Where(e => ids.Contains(e.RegisteredRegionId));
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var industry = IndustryTaxonomy.FindByCodeOrName(filter.Industry);
            if (industry is null) errors["industry"] = [$"未知的细分行业“{filter.Industry}”"];
            else
            {
                var code = industry.Code;
                var prefix = code + ".";
                query = query.Where(e => e.IndustryCode == code || e.IndustryCode.StartsWith(prefix));
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.Pool))
        {
            var pool = ParsePool(filter.Pool);
            if (pool is null) errors["pool"] = [$"未知的培育库“{filter.Pool}”（龙头、瞪羚、独角兽、专精特新、高新技术、小升规）"];
            else query = query.Where(e => e.Pools.Any(p => p.Pool == pool && p.FromYear <= year && (p.ToYear == null || p.ToYear >= year)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim();
            var code = text.ToUpperInvariant();
            query = query.Where(e => e.Name.Contains(text) || e.CreditCode.StartsWith(code));
        }
        if (filter.Synthetic is { } synthetic) query = query.Where(e => e.IsSynthetic == synthetic);
        if (!string.IsNullOrWhiteSpace(filter.CreditGrade))
        {
            var grade = CreditScheme.ParseGrade(filter.CreditGrade);
            var scores = db.Set<CreditScore>();
            if (grade is null) errors["creditGrade"] = [$"未知的信用等级“{filter.CreditGrade}”（A、B、C、D）"];
            else if (grade == BaseCreditGrade) query = query.Where(e => scores.Any(s => s.EnterpriseId == e.Id && s.Grade == grade) || !scores.Any(s => s.EnterpriseId == e.Id));
            else query = query.Where(e => scores.Any(s => s.EnterpriseId == e.Id && s.Grade == grade));
        }
        if (filter.Tier is { } tier && !Tiers.Contains(tier)) errors["tier"] = ["规模档次应为 1、10、100、500 或 1000（亿元）"];
        if (errors.Count > 0) return (null, year, errors);

        var rows = query.Select(e => new Row
        {
            Id = e.Id,
            CreditCode = e.CreditCode,
            Name = e.Name,
            RegionCode = e.RegisteredRegion!.Code,
            RegionName = e.RegisteredRegion!.Name,
            IndustryCode = e.IndustryCode,
            ListingStatus = e.ListingStatus,
            IsSynthetic = e.IsSynthetic,
            Revenue = e.Figures.Where(f => f.Year == year && f.Quarter == 0).Select(f => (decimal?)f.Revenue).FirstOrDefault(),
            RevenueSort = e.Figures.Where(f => f.Year == year && f.Quarter == 0).Select(f => (double?)(double)f.Revenue).FirstOrDefault() ?? -1d,
        });
        if (filter.Tier is { } t)
        {
            var threshold = (double)(t * WanPerYi);
            rows = rows.Where(r => r.RevenueSort >= threshold);
        }
        var ordered = rows.OrderByDescending(r => r.RevenueSort).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new EnterpriseListItem(r.Id, r.CreditCode, r.Name, new RegionDto(r.RegionCode, r.RegionName),
                new IndustryDto(r.IndustryCode, r.IndustryCode), r.ListingStatus, Array.Empty<CultivationPool>(), r.IsSynthetic, r.Revenue));
        return (ordered, year, errors);
    }

    public async Task<(EnterprisePage? Page, Dictionary<string, string[]> Errors)> PageAsync(EnterpriseFilter filter, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var (query, year, errors) = await BuildAsync(filter, ct);
        if (query is null) return (null, errors);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (new EnterprisePage(await CompleteAsync(items, year, ct), total, page, pageSize, year), errors);
    }

    /// <summary>Every matching row (for the XLSX export), already completed with names and pools.</summary>
    public async Task<(IReadOnlyList<EnterpriseListItem>? Items, int Year, Dictionary<string, string[]> Errors)> AllAsync(EnterpriseFilter filter, CancellationToken ct)
    {
        var (query, year, errors) = await BuildAsync(filter, ct);
        if (query is null) return (null, year, errors);
        return (await CompleteAsync(await query.ToListAsync(ct), year, ct), year, errors);
    }

    /// <summary>Above this many rows (exports) all memberships of the year are read at once instead of by id.</summary>
    private const int BulkPoolThreshold = 5_000;

    /// <summary>Adds industry names and the pools current in the year, with one query per 500 rows (or one for a big export).</summary>
    private async Task<IReadOnlyList<EnterpriseListItem>> CompleteAsync(List<EnterpriseListItem> items, int year, CancellationToken ct)
    {
        var pools = new List<(int EnterpriseId, CultivationPool Pool)>();
        var current = db.PoolMemberships.AsNoTracking().Where(p => p.FromYear <= year && (p.ToYear == null || p.ToYear >= year));
        if (items.Count > BulkPoolThreshold)
            pools.AddRange((await current.Select(p => new { p.EnterpriseId, p.Pool }).ToListAsync(ct)).Select(p => (p.EnterpriseId, p.Pool)));
        else
            foreach (var chunk in items.Select(i => i.Id).Chunk(500))
                pools.AddRange((await current.Where(p => chunk.Contains(p.EnterpriseId))
                    .Select(p => new { p.EnterpriseId, p.Pool }).ToListAsync(ct)).Select(p => (p.EnterpriseId, p.Pool)));
        var poolsById = pools.ToLookup(p => p.EnterpriseId, p => p.Pool);
        var grades = new Dictionary<int, string>();
        if (items.Count > BulkPoolThreshold)
            foreach (var s in await db.Set<CreditScore>().AsNoTracking().Select(s => new { s.EnterpriseId, s.Grade }).ToListAsync(ct)) grades[s.EnterpriseId] = s.Grade;
        else
            foreach (var chunk in items.Select(i => i.Id).Chunk(500))
                foreach (var s in await db.Set<CreditScore>().AsNoTracking().Where(s => chunk.Contains(s.EnterpriseId)).Select(s => new { s.EnterpriseId, s.Grade }).ToListAsync(ct))
                    grades[s.EnterpriseId] = s.Grade;
        return items.Select(i => i with
        {
            Industry = new IndustryDto(i.Industry.Code, IndustryTaxonomy.Find(i.Industry.Code)?.Name ?? i.Industry.Code),
            Pools = poolsById[i.Id].Distinct().Order().ToList(),
            CreditGrade = grades.GetValueOrDefault(i.Id) ?? BaseCreditGrade,
        }).ToList();
    }

    /// <summary>The latest year with annual figures that is already over (the current year is never complete).</summary>
    public static async Task<int> DefaultYearAsync(AppDbContext db, CancellationToken ct)
    {
        var lastComplete = DateTime.UtcNow.Year - 1;
        var latest = await db.EnterpriseFigures.Where(f => f.Quarter == 0 && f.Year <= lastComplete).MaxAsync(f => (int?)f.Year, ct);
        return latest ?? lastComplete;
    }

    public static CultivationPool? ParsePool(string text)
    {
        var t = text.Trim();
        if (EnterpriseImportColumns.PoolsByLabel.TryGetValue(t, out var byLabel)) return byLabel;
        return Enum.TryParse<CultivationPool>(t, true, out var byName) && Enum.IsDefined(byName) ? byName : null;
    }
}
