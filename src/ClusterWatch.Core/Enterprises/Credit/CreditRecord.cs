namespace ClusterWatch.Core.Enterprises.Credit;

/// <summary>One public-credit record of an enterprise (a penalty, a list entry, an honour…) under an indicator of the scheme.</summary>
public class CreditRecord
{
    public long Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    /// <summary>Code of the indicator in SeedData/credit/credit-scheme.json.</summary>
    public string IndicatorCode { get; set; } = "";
    /// <summary>What happened (事项), as the issuer wrote it.</summary>
    public string Title { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    /// <summary>Document number of the decision or notice (文书号), required for deductions.</summary>
    public string? DocumentNo { get; set; }
    /// <summary>The authority that issued it (发布机关).</summary>
    public string Issuer { get; set; } = "";
    /// <summary>When given, the last day the record counts (repaired credit, certificate expiry); otherwise the indicator's window.</summary>
    public DateOnly? ValidUntil { get; set; }
    /// <summary>Where the record came from (信用中国（广东）, an import file…).</summary>
    public string Source { get; set; } = "";
    /// <summary>True for generated demo data (示例数据).</summary>
    public bool IsSynthetic { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string ImportedBy { get; set; } = "";

    public CreditRecordFacts ToFacts() => new(Id, IndicatorCode, Title, OccurredOn, DocumentNo, Issuer, ValidUntil);
}

/// <summary>The materialised score of an enterprise (one row per enterprise), so lists can filter by grade without scoring.</summary>
public class CreditScore
{
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int Score { get; set; }
    public string Grade { get; set; } = "";
    public int Bonuses { get; set; }
    public int Deductions { get; set; }
    public string SchemeVersion { get; set; } = "";
    /// <summary>When the score was last written (a full refresh leaves an unchanged score as it is).</summary>
    public DateTimeOffset ComputedAt { get; set; }
    /// <summary>The first day a record starts or stops counting; an incremental refresh rescores enterprises whose day has come.</summary>
    public DateOnly? NextChangeOn { get; set; }
    /// <summary>The counted records as JSON [[record id, counted points], …]; the page and the API explain them from the records.</summary>
    public string Factors { get; set; } = "[]";
}
