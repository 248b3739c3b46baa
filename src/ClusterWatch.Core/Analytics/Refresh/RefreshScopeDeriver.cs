using System.Text.Json;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>What the facts stage must rebuild: every (region, year) or the regions of the listed enterprises and regions, in the years (empty = all).</summary>
public sealed record FactScope(bool All, IReadOnlySet<int> EnterpriseIds, IReadOnlySet<int> RegionIds, IReadOnlySet<int> Years)
{
    public static FactScope Everything { get; } = new(true, new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
    public static FactScope Nothing { get; } = new(false, new HashSet<int>(), new HashSet<int>(), new HashSet<int>());
    public bool IsEmpty => !All && EnterpriseIds.Count == 0 && RegionIds.Count == 0;

    /// <summary>From a scope given by a caller: its enterprises and regions in its years (no years = every year).</summary>
    public static FactScope From(RefreshScope scope) => scope.IsFull ? Everything : new(false, scope.EnterpriseIds, scope.RegionIds, scope.Years);
}

/// <summary>The changes since an audit id, as a scope for the other stages and a (narrower) scope for the facts.</summary>
public sealed record DerivedScope(RefreshScope Scope, FactScope Facts, long UpToAuditId, int AuditEntries)
{
    public bool IsEmpty => !Scope.IsFull && Facts.IsEmpty && Scope.EnterpriseIds.Count == 0 && Scope.RegionIds.Count == 0
                           && Scope.UnitIds.Count == 0 && Scope.PlanIds.Count == 0 && Scope.Years.Count == 0;

    public static DerivedScope None(long auditId) => new(RefreshScope.Of(), FactScope.Nothing, auditId, 0);
}

/// <summary>
/// Reads the audit entries written since the last refresh and says what changed. Figures, enterprises and production sites
/// change the facts (old and new region, the figure's year); submissions and indicator values only the units, plans,
/// regions and years the other stages look at. Bulk entries (demo generation, seeding) mean a full refresh (of the facts only
/// when they are enterprise data).
/// </summary>
public static class RefreshScopeDeriver
{
    /// <summary>The audit entity types whose changes alter enterprise figures as the facts aggregate them.</summary>
    public static readonly IReadOnlyList<string> FactEntityTypes = ["Enterprise", "EnterpriseFigure", "ProductionSite"];

    /// <summary>Above this many entries a full refresh is cheaper than reading them one by one.</summary>
    public const int MaxEntries = 20_000;

    private static readonly HashSet<string> RowActions = ["Added", "Modified", "Deleted"];
    /// <summary>What the refresh stages themselves write (results, not inputs): their changes never call for a refresh.</summary>
    private static readonly HashSet<string> Ignored = ["AuditEntry", "User", "AnalyticsState", "AnalyticsFact", "Warning", "WarningEvent",
        "EnterpriseChainLink", "ChainLinkStat", "CreditScore", "CreditScoreFactor", "AssessmentResult", "AssessmentScore"];

    /// <summary>
    /// The changes after sinceAuditId. Entries of other types than enterprise data written by refreshUser are the refresh's
    /// own output (warnings, scores …): reading them as changes would make every refresh trigger the next.
    /// </summary>
    public static async Task<DerivedScope> DeriveAsync(AppDbContext db, long sinceAuditId, string? refreshUser, CancellationToken ct, long ownWritesUpTo = 0)
    {
        var upTo = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        if (upTo <= sinceAuditId) return DerivedScope.None(sinceAuditId);
        var count = await db.AuditEntries.CountAsync(a => a.Id > sinceAuditId && a.Id <= upTo, ct);
        if (count > MaxEntries) return new DerivedScope(RefreshScope.Full, FactScope.Everything, upTo, count);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Id > sinceAuditId && a.Id <= upTo).OrderBy(a => a.Id)
            .Where(a => a.User != refreshUser || FactEntityTypes.Contains(a.EntityType))
            // Summary entries written while the last refresh ran are its stages' own (credit rescore, chain mapping …).
            .Where(a => a.Id > ownWritesUpTo || FactEntityTypes.Contains(a.EntityType) || a.Action == "Added" || a.Action == "Modified" || a.Action == "Deleted")
            .Select(a => new AuditChange(a.Action, a.EntityType, a.EntityId, a.Before, a.After)).ToListAsync(ct);
        return Derive(entries, upTo);
    }

    /// <summary>One audited change as the deriver reads it.</summary>
    public sealed record AuditChange(string Action, string EntityType, string EntityId, string? Before, string? After);

    public static DerivedScope Derive(IReadOnlyList<AuditChange> entries, long upToAuditId)
    {
        var enterprises = new HashSet<int>(); var regions = new HashSet<int>(); var units = new HashSet<int>();
        var plans = new HashSet<int>(); var years = new HashSet<int>();
        var factEnterprises = new HashSet<int>(); var factRegions = new HashSet<int>(); var factYears = new HashSet<int>();
        bool factsEveryYear = false, fullScope = false, fullFacts = false;
        foreach (var e in entries)
        {
            if (Ignored.Contains(e.EntityType)) continue;
            var isFact = FactEntityTypes.Contains(e.EntityType);
            if (!RowActions.Contains(e.Action) || e.EntityType == "Enterprise" && e.Action == "Deleted")
            {
                // A bulk entry (demo generation, seeding, an import summary) or a deleted enterprise (its sites went with it) does not say which rows changed.
                fullScope = true;
                fullFacts |= isFact;
                continue;
            }
            var values = Values(e.Before).Concat(Values(e.After)).ToList();
            IEnumerable<int> All(string name) => values.Where(v => v.Name == name).Select(v => v.Value);
            switch (e.EntityType)
            {
                case "Enterprise":
                    var id = int.TryParse(e.EntityId, out var parsed) ? parsed : All("Id").FirstOrDefault();
                    enterprises.Add(id); factEnterprises.Add(id);
                    foreach (var r in All("RegisteredRegionId")) { regions.Add(r); factRegions.Add(r); }
                    factsEveryYear = true;
                    break;
                case "EnterpriseFigure":
                    foreach (var x in All("EnterpriseId")) { enterprises.Add(x); factEnterprises.Add(x); }
                    foreach (var y in All("Year")) { years.Add(y); factYears.Add(y); }
                    break;
                case "ProductionSite":
                    foreach (var x in All("EnterpriseId")) { enterprises.Add(x); factEnterprises.Add(x); }
                    foreach (var r in All("RegionId")) { regions.Add(r); factRegions.Add(r); }
                    factsEveryYear = true;
                    break;
                case "PoolMembership":
                    enterprises.UnionWith(All("EnterpriseId"));
                    break;
                case "Unit":
                    if (int.TryParse(e.EntityId, out var unitId)) units.Add(unitId);
                    break;
                case "Plan":
                    if (int.TryParse(e.EntityId, out var planId)) plans.Add(planId);
                    break;
                default:
                    // Submissions, indicator values, targets, tasks …: whatever of these they name.
                    units.UnionWith(All("UnitId"));
                    plans.UnionWith(All("PlanId"));
                    regions.UnionWith(All("RegionId"));
                    years.UnionWith(All("Year"));
                    break;
            }
        }
        // A change of an enterprise or its sites moves every year of it; a figure change only its year.
        var facts = fullFacts ? FactScope.Everything
            : factEnterprises.Count == 0 && factRegions.Count == 0 ? FactScope.Nothing
            : new FactScope(false, factEnterprises, factRegions, factsEveryYear ? new HashSet<int>() : factYears);
        var scope = fullScope ? RefreshScope.Full : RefreshScope.Of(enterprises, regions, units, plans, years);
        return new DerivedScope(scope, facts, upToAuditId, entries.Count);
    }

    private static IEnumerable<(string Name, int Value)> Values(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) yield break;
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException) { yield break; }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) yield break;
            foreach (var p in doc.RootElement.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v)) yield return (p.Name, v);
        }
    }
}
