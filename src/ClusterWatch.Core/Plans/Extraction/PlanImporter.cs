using ClusterWatch.Core.Data;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>Previews and saves a parsed plan document as a plan (draft by default), in one audited transaction.</summary>
public sealed class PlanImporter(AppDbContext db)
{
    public const string SourcePrefix = "extracted from ";

    /// <summary>What would be saved, with every row's source span and unit resolution; the database is not changed.</summary>
    public async Task<PlanImportPreview> PreviewAsync(PlanExtraction extraction, string fullText, string sourceName, CancellationToken ct = default)
    {
        var builder = await NewBuilderAsync(tracked: false, ct);
        return builder.Build(SlugOf(sourceName), extraction, fullText, SourcePrefix + sourceName, PlanStatus.Draft);
    }

    /// <summary>Saves the plan with its new units and indicators, or nothing when any row has an error.</summary>
    public async Task<PlanImportResult> SaveAsync(PlanExtraction extraction, string fullText, string sourceName,
        PlanStatus status = PlanStatus.Draft, CancellationToken ct = default)
    {
        var builder = await NewBuilderAsync(tracked: true, ct);
        var slug = await UniqueSlugAsync(SlugOf(sourceName), ct);
        var preview = builder.Build(slug, extraction, fullText, SourcePrefix + sourceName, status);
        if (!preview.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Failed(preview.Errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Plans.Add(preview.Plan);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        return ResultOf(preview);
    }

    /// <summary>Marks a draft plan Confirmed; false when there is no such plan.</summary>
    public async Task<bool> ConfirmAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return false;
        if (plan.Status == PlanStatus.Confirmed) return true;
        plan.Status = PlanStatus.Confirmed;
        await db.SaveChangesAsync(ct);
        return true;
    }

    public static PlanImportResult ResultOf(PlanImportPreview preview) => new(
        preview.Plan.Id == 0 ? null : preview.Plan.Id, preview.Plan.Slug, preview.Plan.Status,
        preview.Plan.Targets.Count, preview.Plan.Baselines.Count, preview.Plan.Allocations.Count, preview.Plan.Tasks.Count,
        preview.NewUnits.Select(u => u.FullName).ToList(), preview.NewIndicators.Select(i => $"{i.Name}（{i.Unit}）").ToList(),
        preview.Errors);

    private static PlanImportResult Failed(IReadOnlyList<PlanImportError> errors) => new(null, null, PlanStatus.Draft, 0, 0, 0, 0, [], [], errors);

    /// <summary>Tracked when saving, so that rows pointing at known indicators and units do not insert them again.</summary>
    private async Task<PlanImportBuilder> NewBuilderAsync(bool tracked, CancellationToken ct)
    {
        if (tracked)
        {
            var trackedRegions = await db.Regions.ToListAsync(ct); // tracking fixes up Parent and Successor
            var trackedUnits = await db.Units.Include(u => u.Aliases).ToListAsync(ct);
            return new PlanImportBuilder(new RegionResolver(trackedRegions), new UnitResolver(trackedUnits, trackedRegions), await db.Indicators.ToListAsync(ct));
        }
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var byId = regions.ToDictionary(r => r.Id);
        foreach (var r in regions)
        {
            if (r.ParentId is int p && byId.TryGetValue(p, out var parent)) r.Parent = parent;
            if (r.SuccessorId is int s && byId.TryGetValue(s, out var successor)) r.Successor = successor;
        }
        var units = await db.Units.AsNoTracking().Include(u => u.Aliases).ToListAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().ToListAsync(ct);
        return new PlanImportBuilder(new RegionResolver(regions), new UnitResolver(units, regions), indicators);
    }

    /// <summary>The file name without extension, cut to fit, as a plan slug (a-z, 0-9, '-' and Chinese kept).</summary>
    public static string SlugOf(string sourceName)
    {
        var name = Path.GetFileNameWithoutExtension(sourceName ?? "").Trim();
        var chars = name.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length == 0) slug = "plan";
        return slug.Length > 100 ? slug[..100] : slug;
    }

    private async Task<string> UniqueSlugAsync(string slug, CancellationToken ct)
    {
        var taken = await db.Plans.AsNoTracking().Where(p => p.Slug == slug || p.Slug.StartsWith(slug + "-")).Select(p => p.Slug).ToListAsync(ct);
        if (!taken.Contains(slug)) return slug;
        for (var n = 2; ; n++)
            if (!taken.Contains($"{slug}-{n}")) return $"{slug}-{n}";
    }
}
