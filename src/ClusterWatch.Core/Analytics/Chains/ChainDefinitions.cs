using System.Text.Json;
using System.Text.Json.Serialization;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>The chains file SeedData/chains/industry-chains.json (see its SOURCES.md).</summary>
public sealed class ChainDefinitionFile
{
    public const string FileName = "industry-chains.json";

    public string Source { get; set; } = "";
    public List<ChainDefinition> Chains { get; set; } = [];

    public sealed class ChainDefinition
    {
        public string Code { get; set; } = "";
        public string Name { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Description { get; set; } = "";
        public List<LinkDefinition> Links { get; set; } = [];
    }

    public sealed class LinkDefinition
    {
        public string Code { get; set; } = "";
        public ChainStage Stage { get; set; }
        public string Name { get; set; } = "";
        public string NameEn { get; set; } = "";
        public string Definition { get; set; } = "";
        public List<string> IndustryCodes { get; set; } = [];
        public List<string> Keywords { get; set; } = [];
        public List<string> IpcCodes { get; set; } = [];
        public string SourcePlan { get; set; } = "";
        public string SourceQuote { get; set; } = "";
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static ChainDefinitionFile Read(string chainsDirectory)
    {
        var path = Path.Combine(chainsDirectory, FileName);
        var file = JsonSerializer.Deserialize<ChainDefinitionFile>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"产业链定义文件 {FileName} 为空。");
        foreach (var link in file.Chains.SelectMany(c => c.Links))
            foreach (var code in link.IndustryCodes)
                if (IndustryTaxonomy.Find(code) is null) throw new InvalidDataException($"产业链环节 {link.Code}：未知的子行业代码 {code}。");
        return file;
    }

    /// <summary>The chains as entities, links ordered by stage then file order.</summary>
    public List<IndustryChain> ToEntities() => Chains.Select((c, i) => new IndustryChain
    {
        Code = c.Code, Name = c.Name, NameEn = c.NameEn, Description = c.Description, SortOrder = i + 1,
        Links = c.Links.Select((l, j) => new ChainLink
        {
            Code = l.Code, Stage = l.Stage, Name = l.Name, NameEn = l.NameEn, Definition = l.Definition,
            IndustryCodes = Join(l.IndustryCodes), Keywords = Join(l.Keywords), IpcCodes = Join(l.IpcCodes),
            SourcePlan = l.SourcePlan, SourceQuote = l.SourceQuote, SortOrder = j + 1,
        }).ToList(),
    }).ToList();

    private static string Join(IEnumerable<string> values) => string.Join(ChainLink.Separator, values);
}

/// <summary>Reference seeding of the chains and the directory's mapping to their links.</summary>
public static class ChainSeed
{
    public const string AuditUser = "seed";

    /// <summary>Adds the chains when the database has none, then maps the directory and the enterprises already there.</summary>
    public static async Task EnsureAsync(AppDbContext db, string seedDirectory, CancellationToken ct = default)
    {
        if (await db.Set<IndustryChain>().AnyAsync(ct)) return;
        var chains = ChainDefinitionFile.Read(Path.Combine(seedDirectory, "chains")).ToEntities();
        var audited = db.AuditEnabled;
        db.AuditEnabled = false; // one summary entry instead of one per link
        try
        {
            db.Set<IndustryChain>().AddRange(chains);
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, User = AuditUser, Action = "seed chains", EntityType = nameof(IndustryChain), EntityId = "",
                After = JsonSerializer.Serialize(new { chains = chains.Count, links = chains.Sum(c => c.Links.Count), source = "chains/SOURCES.md" }),
            });
            await db.SaveChangesAsync(ct);
        }
        finally { db.AuditEnabled = audited; }
        await new ChainAnalysisService(db, TimeProvider.System, new FixedAuditUser(AuditUser)).RefreshAsync(RefreshScope.Full, ct);
    }
}
