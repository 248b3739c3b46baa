namespace ClusterWatch.Core.Regions;

public enum RegionLevel { Country = 0, Province = 1, City = 2, District = 3, FunctionalZone = 4 }

/// <summary>An administrative division (GB/T 2260) or functional zone, valid over a period, with its successor.</summary>
public class Region
{
    public int Id { get; set; }
    /// <summary>6-digit GB/T 2260 code; a functional zone without an official code gets a local one (IsOfficialCode false).</summary>
    public string Code { get; set; } = "";
    public bool IsOfficialCode { get; set; } = true;
    public string Name { get; set; } = "";
    public string? NameEn { get; set; }
    public RegionLevel Level { get; set; }
    public int? ParentId { get; set; }
    public Region? Parent { get; set; }
    /// <summary>First year the region existed under this name; null = before any plan.</summary>
    public int? ValidFromYear { get; set; }
    /// <summary>Last year the region existed under this name; null = still current.</summary>
    public int? ValidToYear { get; set; }
    public int? SuccessorId { get; set; }
    public Region? Successor { get; set; }
    /// <summary>The region whose series this one continues (e.g. 坪山新区 → 坪山区); itself for current regions.</summary>
    public string SeriesCode { get; set; } = "";
    public string? Note { get; set; }
    public bool IsCurrent => ValidToYear is null;
}
