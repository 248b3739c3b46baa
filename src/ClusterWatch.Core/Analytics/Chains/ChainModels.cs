namespace ClusterWatch.Core.Analytics.Chains;

public sealed record ChainRegionRef(string Code, string Name);

/// <summary>What the region is compared with: the listed-company directory (kind "directory") or a region (kind "region").</summary>
public sealed record ChainBenchmarkRef(string Kind, string Code, string Name, string Description);

public sealed record ChainClassCounts(int Strong, int Weak, int Missing);

public sealed record ChainSummary(int Id, string Code, string Name, string NameEn, string Description, int LinkCount,
    int EnterpriseCount, ChainClassCounts LinksByClass);

public sealed record ChainOverview(ChainRegionRef Region, ChainBenchmarkRef Benchmark, int Year, bool IsSynthetic, string DataNote,
    decimal StrongAtOrAbove, IReadOnlyList<ChainSummary> Chains);

public sealed record ChainLeadingFirm(int Id, string CreditCode, string Name, decimal Revenue, string Url);

/// <summary>A listed company outside the region in the link (招商清单 row); real data from the directory.</summary>
public sealed record AttractionCandidate(string TsCode, string StockCode, string Name, string? FullName, string? City, string? CityCode,
    string? Board, string? ListDate, string? Industry, string MatchedBy);

public sealed record ChainLinkReport(
    int Id, string Code, string Stage, string StageName, string Name, string NameEn, string Definition,
    IReadOnlyList<string> IndustryCodes, IReadOnlyList<string> IndustryNames, IReadOnlyList<string> Keywords, IReadOnlyList<string> IpcCodes,
    string SourcePlan, string SourceQuote,
    int EnterpriseCount, int BenchmarkCount, decimal Revenue, IReadOnlyList<ChainLeadingFirm> LeadingFirms,
    decimal? LocationQuotient, string LocationQuotientText, string Classification, string ClassificationName, string Rule,
    IReadOnlyList<AttractionCandidate> AttractionList);

public sealed record ChainDetail(
    int Id, string Code, string Name, string NameEn, string Description, ChainRegionRef Region, ChainBenchmarkRef Benchmark,
    int Year, int? RevenueYear, bool IsSynthetic, string DataNote, int EnterpriseCount, int BenchmarkEnterpriseCount,
    decimal StrongAtOrAbove, string Method, IReadOnlyList<ChainLinkReport> Links);
