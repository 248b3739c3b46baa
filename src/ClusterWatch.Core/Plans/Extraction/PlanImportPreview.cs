namespace ClusterWatch.Core.Plans.Extraction;

/// <summary>A stretch of the plan text: Start is a character offset into the full text.</summary>
public sealed record SourceSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>Where a proposed row came from: the quote and the sentence holding it (null when the text does not contain it).</summary>
public sealed record PlanImportSource(SourceSpan? Quote, SourceSpan? Sentence);

/// <summary>How a unit name written in the plan was resolved: a known unit, or a new one proposed (created on save).</summary>
public sealed record PlanImportUnit(string WrittenAs, bool IsLead, int? UnitId, string? KnownName, bool IsNew);

/// <summary>A row that cannot be saved: Field names the row and column (targets[2].region), Message says why in Chinese.</summary>
public sealed record PlanImportError(string Field, string Message);

/// <summary>What an import would save (or has saved): the plan graph, where each row came from, and the units and indicators it adds.</summary>
public sealed class PlanImportPreview
{
    public required Plan Plan { get; init; }
    public required PlanExtraction Extraction { get; init; }
    public List<PlanImportSource> TargetSources { get; } = [];
    public List<PlanImportSource> BaselineSources { get; } = [];
    public List<PlanImportSource> TaskSources { get; } = [];
    /// <summary>Per task (same order as Extraction.Tasks), its units as resolved.</summary>
    public List<List<PlanImportUnit>> TaskUnits { get; } = [];
    /// <summary>Units the plan names that the unit directory does not know: created with the plan, never dropped.</summary>
    public List<Unit> NewUnits { get; } = [];
    public List<Indicator> NewIndicators { get; } = [];
    public List<PlanImportError> Errors { get; } = [];
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>The outcome of saving an import: the plan's id and counts, or the errors (nothing saved).</summary>
public sealed record PlanImportResult(
    int? PlanId, string? Slug, PlanStatus Status, int Targets, int Baselines, int Allocations, int Tasks,
    IReadOnlyList<string> NewUnits, IReadOnlyList<string> NewIndicators, IReadOnlyList<PlanImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
