namespace ClusterWatch.Core.Plans;

public enum Comparator { Equal = 0, AtLeast = 1, About = 2, AtMost = 3 }

/// <summary>indicator × region × year × comparator × value, from a clause of the plan.</summary>
public class Target
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int Year { get; set; }
    public Comparator Comparator { get; set; }
    public decimal Value { get; set; }
    public decimal? ValueMax { get; set; }
    public string Unit { get; set; } = "";
    public string? Quote { get; set; }
}

/// <summary>A past figure the plan states: the start of a trajectory.</summary>
public class Baseline
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
    public string? Quote { get; set; }
}

/// <summary>A target's share assigned to a sub-region (目标分解).</summary>
public class Allocation
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public string Unit { get; set; } = "";
}

public enum PlanTaskStatus { NotStarted = 0, InProgress = 1, Done = 2, Lagging = 3 }
public enum AssignmentRole { Lead = 0, Participant = 1 }

/// <summary>An item of work with a number and title (任务); named PlanTask to avoid System.Threading.Tasks.Task.</summary>
public class PlanTask
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Text { get; set; }
    public PlanTaskStatus Status { get; set; }
    public int SortOrder { get; set; }
    public List<TaskAssignment> Assignments { get; set; } = [];
}

public class TaskAssignment
{
    public int Id { get; set; }
    public int PlanTaskId { get; set; }
    public PlanTask? PlanTask { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public AssignmentRole Role { get; set; }
    public int Position { get; set; }
    /// <summary>The unit exactly as the plan wrote it.</summary>
    public string WrittenAs { get; set; } = "";
}

public enum ValueSource { Manual = 0, Submission = 1, Statistics = 2, Synthetic = 3 }

/// <summary>An actual value of a non-computed indicator for a region and period (e.g. 新药批件数).</summary>
public class IndicatorValue
{
    public long Id { get; set; }
    public int IndicatorId { get; set; }
    public Indicator? Indicator { get; set; }
    public int RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int Year { get; set; }
    /// <summary>0 for a yearly value, 1-4 for a quarter.</summary>
    public int Quarter { get; set; }
    public decimal Value { get; set; }
    public ValueSource Source { get; set; }
    public bool IsSynthetic { get; set; }
    public string? Note { get; set; }
}
