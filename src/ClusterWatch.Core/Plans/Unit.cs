namespace ClusterWatch.Core.Plans;

public enum UnitKind { Department = 0, DistrictGovernment = 1, Collective = 2, Other = 3 }

/// <summary>A responsible organisation (责任单位), with the names the plans use for it and its renamings.</summary>
public class Unit
{
    public int Id { get; set; }
    public string FullName { get; set; } = "";
    public string ShortName { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>The region whose government the unit belongs to (深圳市 for 市发展改革委).</summary>
    public int? RegionId { get; set; }
    public Regions.Region? Region { get; set; }
    public int? ValidFromYear { get; set; }
    public int? ValidToYear { get; set; }
    /// <summary>The unit that took over after a renaming (科工贸信委 → 工业和信息化局).</summary>
    public int? SuccessorId { get; set; }
    public Unit? Successor { get; set; }
    public List<UnitAlias> Aliases { get; set; } = [];
}

public class UnitAlias
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string Alias { get; set; } = "";
}
