using ClusterWatch.Core.Reporting;

namespace ClusterWatch.Core.Analytics.Assessment;

/// <summary>The scheme as shown beside a ranking.</summary>
public sealed record RankingScheme(int Id, string Name, string? Description, PeriodType PeriodType, bool IsSynthetic, int? PlanId, string? PlanTitle,
    IReadOnlyList<WeightedKind> Indicators);

public sealed record RankingGroup(PeerGroup PeerGroup, string Label, IReadOnlyList<RankedUnit> Units);

/// <summary>GET /api/rankings: a scheme's stored results for one period, ranked per peer group.</summary>
public sealed record AssessmentRanking(RankingScheme Scheme, string Period, string PeriodLabel, string PreviousPeriod, bool Published,
    DateTimeOffset? PublishedAt, DateTimeOffset? ComputedAt, string Method, IReadOnlyList<RankingGroup> Groups);

/// <summary>A period of a scheme that has results, and whether it is published now.</summary>
public sealed record AssessmentPeriodState(string PeriodKey, DateTimeOffset ComputedAt, int Units, bool Published, DateTimeOffset? PublishedAt);

/// <summary>What a compute, publish or withdraw did; the API turns each case into its status code.</summary>
public abstract record AssessmentOutcome
{
    public sealed record Done(AssessmentRanking Ranking) : AssessmentOutcome;
    public sealed record NotFound(string Detail) : AssessmentOutcome;
    public sealed record Invalid(string Field, string Detail) : AssessmentOutcome;
    public sealed record Conflict(string Detail) : AssessmentOutcome;
}
