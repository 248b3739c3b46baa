namespace ClusterWatch.Core.Plans;

public enum PlanStatus { Draft = 0, Confirmed = 1 }

/// <summary>One policy document and what it commits to.</summary>
public class Plan
{
    public int Id { get; set; }
    /// <summary>Stable key, e.g. the seed file name without extension.</summary>
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public string? DocNumber { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int? PeriodStart { get; set; }
    public int? PeriodEnd { get; set; }
    public string FullText { get; set; } = "";
    public PlanStatus Status { get; set; } = PlanStatus.Confirmed;
    public string? Source { get; set; }
    public List<Target> Targets { get; set; } = [];
    public List<Baseline> Baselines { get; set; } = [];
    public List<Allocation> Allocations { get; set; } = [];
    public List<PlanTask> Tasks { get; set; } = [];
}
