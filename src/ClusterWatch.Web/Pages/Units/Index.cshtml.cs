using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages.Units;

/// <summary>Responsible units with the names plans write for them and their renamings.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public List<Unit> Units { get; private set; } = [];
    public Dictionary<int, Unit> ById { get; private set; } = [];
    public Dictionary<int, int> TaskCounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await db.Units.AsNoTracking().Include(u => u.Aliases).Include(u => u.Region).OrderBy(u => u.RegionId).ThenBy(u => u.Id).ToListAsync(ct);
        ById = all.ToDictionary(u => u.Id);
        TaskCounts = await db.TaskAssignments.GroupBy(a => a.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var term = NameText.Normalize(Q);
        Units = term.Length == 0 ? all : all.Where(u => new[] { u.FullName, u.ShortName }.Concat(u.Aliases.Select(a => a.Alias))
            .Any(n => NameText.Normalize(n).Contains(term, StringComparison.Ordinal))).ToList();
    }

    /// <summary>The unit and the ones it was renamed to, oldest first.</summary>
    public List<Unit> SuccessorChain(Unit unit)
    {
        var chain = new List<Unit> { unit };
        for (var id = unit.SuccessorId; id is int next && ById.TryGetValue(next, out var successor) && !chain.Contains(successor); id = successor.SuccessorId)
            chain.Add(successor);
        return chain;
    }
}
