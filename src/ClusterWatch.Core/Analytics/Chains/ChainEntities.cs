namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>Where a link sits in its chain (上游/中游/下游).</summary>
public enum ChainStage { Upstream = 0, Midstream = 1, Downstream = 2 }

/// <summary>How a firm was placed in a link: by its sub-industry, a keyword of its name, or an IPC code of its patents.</summary>
public enum ChainMatch { Industry = 0, Keyword = 1, Ipc = 2 }

/// <summary>An industry chain (产业链) the plans name, e.g. 生物药; reference data, never synthetic.</summary>
public class IndustryChain
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Description { get; set; } = "";
    public int SortOrder { get; set; }
    public List<ChainLink> Links { get; set; } = [];
}

/// <summary>A link (环节) of a chain with its definition: sub-industry codes, name keywords and IPC codes (each ';'-delimited).</summary>
public class ChainLink
{
    public const char Separator = ';';

    public int Id { get; set; }
    public int ChainId { get; set; }
    public IndustryChain? Chain { get; set; }
    public ChainStage Stage { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Definition { get; set; } = "";
    public string IndustryCodes { get; set; } = "";
    public string Keywords { get; set; } = "";
    public string IpcCodes { get; set; } = "";
    /// <summary>Slug of the plan whose sentence names the link; empty when no plan names it.</summary>
    public string SourcePlan { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public int SortOrder { get; set; }

    public static IReadOnlyList<string> Split(string delimited) =>
        delimited.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Materialised mapping of an enterprise to a link (rebuilt by ChainAnalysisService.RefreshAsync).</summary>
public class EnterpriseChainLink
{
    public int EnterpriseId { get; set; }
    public int LinkId { get; set; }
    public ChainMatch MatchedBy { get; set; }
}

/// <summary>Materialised mapping of a listed company of the directory (名录) to a link.</summary>
public class DirectoryChainLink
{
    public int DirectoryCompanyId { get; set; }
    public int LinkId { get; set; }
    public ChainMatch MatchedBy { get; set; }
}
