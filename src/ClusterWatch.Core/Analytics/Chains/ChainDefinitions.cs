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

/// <summary>Reference seeding of the chains: keeps IndustryChains/ChainLinks equal to the file, then rebuilds the mappings.</summary>
public static class ChainSeed
{
    public const string AuditUser = "seed";

    /// <summary>
    /// Adds missing chains and links and updates changed ones (by code) from industry-chains.json; when anything changed,
    /// maps the directory and the enterprises already there again. Links no longer in the file are left alone (their mappings may be cited).
    /// </summary>
    public static async Task<bool> EnsureAsync(AppDbContext db, string seedDirectory, CancellationToken ct = default)
    {
        var wanted = ChainDefinitionFile.Read(Path.Combine(seedDirectory, "chains")).ToEntities();
        var existing = await db.Set<IndustryChain>().Include(c => c.Links).ToListAsync(ct);
        var added = 0;
        var updated = 0;
        foreach (var chain in wanted)
        {
            var current = existing.FirstOrDefault(c => c.Code == chain.Code);
            if (current is null)
            {
                db.Set<IndustryChain>().Add(chain);
                added += 1 + chain.Links.Count;
                continue;
            }
            updated += Copy(chain, current) ? 1 : 0;
            foreach (var link in chain.Links)
            {
                var currentLink = current.Links.FirstOrDefault(l => l.Code == link.Code);
                if (currentLink is null) { current.Links.Add(link); added++; }
                else updated += Copy(link, currentLink) ? 1 : 0;
            }
        }
        if (added + updated == 0) return false;

        var audited = db.AuditEnabled;
        db.AuditEnabled = false; // one summary entry instead of one per link
        try
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, User = AuditUser, Action = "seed chains", EntityType = nameof(IndustryChain), EntityId = "",
                After = JsonSerializer.Serialize(new { chains = wanted.Count, links = wanted.Sum(c => c.Links.Count), added, updated, source = "chains/SOURCES.md" }),
            });
            await db.SaveChangesAsync(ct);
        }
        finally { db.AuditEnabled = audited; }
        await new ChainAnalysisService(db, TimeProvider.System, new FixedAuditUser(AuditUser)).RefreshAsync(RefreshScope.Full, ct);
        return true;
    }

    private static bool Copy(IndustryChain from, IndustryChain to)
    {
        var changed = (to.Name, to.NameEn, to.Description, to.SortOrder) != (from.Name, from.NameEn, from.Description, from.SortOrder);
        (to.Name, to.NameEn, to.Description, to.SortOrder) = (from.Name, from.NameEn, from.Description, from.SortOrder);
        return changed;
    }

    private static bool Copy(ChainLink from, ChainLink to)
    {
        var changed = (to.Stage, to.Name, to.NameEn, to.Definition, to.IndustryCodes, to.Keywords, to.IpcCodes, to.SourcePlan, to.SourceQuote, to.SortOrder)
                      != (from.Stage, from.Name, from.NameEn, from.Definition, from.IndustryCodes, from.Keywords, from.IpcCodes, from.SourcePlan, from.SourceQuote, from.SortOrder);
        (to.Stage, to.Name, to.NameEn, to.Definition, to.IndustryCodes, to.Keywords, to.IpcCodes, to.SourcePlan, to.SourceQuote, to.SortOrder) =
            (from.Stage, from.Name, from.NameEn, from.Definition, from.IndustryCodes, from.Keywords, from.IpcCodes, from.SourcePlan, from.SourceQuote, from.SortOrder);
        return changed;
    }
}
