using System.Text.Json;
using ClusterWatch.Core.Analytics.Assessment;
using ClusterWatch.Core.Data;
using ClusterWatch.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Pages;

/// <summary>The published assessment rankings (考核排名), open to anonymous visitors; unpublished periods only for admins and analysts.</summary>
[AllowAnonymous]
public class RankingsModel(AppDbContext db, AssessmentService service) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Scheme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    public sealed record Listing(int SchemeId, string SchemeName, bool IsSynthetic, AssessmentPeriodState Period);

    public AssessmentRanking? Ranking { get; private set; }
    public List<Listing> Available { get; private set; } = [];
    public string? Message { get; private set; }
    public bool IsStaff { get; private set; }
    public string ChartJson { get; private set; } = "[]";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        IsStaff = UnitScope.IsAdmin(User) || UnitScope.IsAnalyst(User);
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.Name, s.IsSynthetic }).ToListAsync(ct);
        foreach (var s in schemes)
            foreach (var p in await service.PeriodsAsync(s.Id, ct))
                if (p.Published || IsStaff) Available.Add(new Listing(s.Id, s.Name, s.IsSynthetic, p));
        if (Scheme is null) return Page();

        var (ranking, problem) = await Analytics.AssessmentEndpoints.FindAsync(Scheme.ToString(), Period, User, service, db, ct);
        if (problem is not null)
        {
            // Anonymous visitors and officers see only "not published" (404), never whether a draft exists.
            Message = problem is IStatusCodeHttpResult { StatusCode: 400 } ? "考核期无效。" : "该考核结果未发布或不存在。";
            Response.StatusCode = problem is IStatusCodeHttpResult { StatusCode: 400 } ? StatusCodes.Status400BadRequest : StatusCodes.Status404NotFound;
            return Page();
        }
        Ranking = ranking;
        Period = ranking!.Period;
        ChartJson = JsonSerializer.Serialize(ranking.Groups.Select(g => new
        {
            label = g.Label,
            units = g.Units.Select(u => u.UnitName),
            scores = g.Units.Select(u => u.Score),
            previous = g.Units.Select(u => u.PreviousScore),
        }), AssessmentService.Json);
        return Page();
    }

    public static string Arrow(decimal? change) => change switch { > 0 => "▲", < 0 => "▼", 0 => "—", _ => "" };

    public static string ArrowClass(decimal? change) => change switch { > 0 => "status-ontrack", < 0 => "status-lagging", _ => "" };
}
