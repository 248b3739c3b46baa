using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Reporting;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics.Assessment;

/// <summary>The synthetic (示例数据) assessment scheme over the 2010-2012 work plan and the reporting demo: computed for 2023 and 2024, 2024 published.</summary>
public static class AssessmentDemo
{
    public const string SchemeName = "2024年度生物医药产业发展考核（示例数据）";
    public const string PublishedPeriod = "2024";
    private const string Actor = "seed";

    public static readonly WeightedKind[] Weights =
    [
        new(AssessmentKind.TargetCompletion, 25), new(AssessmentKind.AllocationCompletion, 20), new(AssessmentKind.TaskCompletion, 20),
        new(AssessmentKind.ReportTimeliness, 15), new(AssessmentKind.ReportCompleteness, 10), new(AssessmentKind.DataQuality, 10),
    ];

    public sealed record Result(int Schemes, int Periods, int Units);

    public static async Task<Result> SeedAsync(AppDbContext db, TimeProvider? clock = null, CancellationToken ct = default)
    {
        if (await db.Set<AssessmentScheme>().AnyAsync(s => s.IsSynthetic, ct)) return new Result(0, 0, 0);
        clock ??= TimeProvider.System;
        var planId = await db.Plans.AsNoTracking().Where(p => p.Slug == ReportingDemo.WorkPlanSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var scheme = new AssessmentScheme
        {
            Name = SchemeName, PlanId = planId, PeriodType = PeriodType.Year, IsSynthetic = true, CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = Actor,
            Description = "示例数据：按《深圳市推进生物互联网新能源产业发展工作方案（2010―2012年）》的目标、分解目标和任务，以及信息报送示例数据，对各区政府和市直部门打分排名。",
            Indicators = Weights.Select((w, n) => new AssessmentIndicator { Kind = w.Kind, Weight = w.Weight, SortOrder = n }).ToList(),
        };
        db.Add(scheme);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var service = new AssessmentService(db, new ProgressService(db), clock);
        var units = 0;
        foreach (var period in new[] { "2023", PublishedPeriod })
            if (await service.ComputeAsync(scheme.Id, period, Actor, ct) is AssessmentOutcome.Done done) units += done.Ranking.Groups.Sum(g => g.Units.Count);
        await service.PublishAsync(scheme.Id, PublishedPeriod, Actor, ct);
        return new Result(1, 2, units);
    }
}
