using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Seeding;

namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>One link's definition as the mapper reads it.</summary>
public sealed record ChainLinkRule(int LinkId, IReadOnlyList<string> IndustryCodes, IReadOnlyList<string> Keywords, IReadOnlyList<string> IpcCodes)
{
    public static ChainLinkRule From(ChainLink link) =>
        new(link.Id, ChainLink.Split(link.IndustryCodes), ChainLink.Split(link.Keywords), ChainLink.Split(link.IpcCodes));
}

public sealed record ChainLinkMatch(int LinkId, ChainMatch MatchedBy);

/// <summary>
/// Places a firm in the links whose definition it meets: its sub-industry is a link's code or below it, its name holds a
/// link's keyword (biomedical firms only), or one of its patents' IPC codes falls under a link's IPC group. A firm may sit in
/// several links; each link is reported once, by the strongest evidence (industry, then IPC, then keyword).
/// Not thread-safe (it caches per sub-industry): one mapper per refresh.
/// </summary>
public sealed class ChainMapper
{
    /// <summary>Keywords only place firms of these sub-industries (and below), so an unrelated firm named …材料 stays out.</summary>
    public static readonly IReadOnlyList<string> KeywordScope =
        ["BIO.DRUG", IndustryTaxonomy.Device, IndustryTaxonomy.CellGene, IndustryTaxonomy.Cro, IndustryTaxonomy.Manufacturing];

    /// <summary>Tushare industries of the directory that name one sub-industry; 医疗保健 and 医药商业 are mixed, so keywords place them.</summary>
    public static readonly IReadOnlyDictionary<string, string> DirectoryIndustries = new Dictionary<string, string>
    {
        ["化学制药"] = IndustryTaxonomy.Chemical,
        ["生物制药"] = IndustryTaxonomy.Biologic,
        ["中成药"] = IndustryTaxonomy.Tcm,
    };

    private readonly IReadOnlyList<ChainLinkRule> _links;
    /// <summary>
    /// Every link's keywords, upper-cased once and filed under their first character: a firm's text is upper-cased once and
    /// each of its characters looks up the keywords that could start there (the refresh maps 200,000 firms).
    /// </summary>
    private readonly Dictionary<char, (int Link, string Keyword)[]> _keywordsByFirstChar;
    private readonly Dictionary<string, bool[]> _industryLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _inScope = new(StringComparer.Ordinal);

    public ChainMapper(IEnumerable<ChainLinkRule> links)
    {
        _links = links.ToList();
        _keywordsByFirstChar = _links.SelectMany((l, i) => l.Keywords.Select(k => (Link: i, Keyword: k.ToUpperInvariant())))
            .Where(k => k.Keyword.Length > 0).GroupBy(k => k.Keyword[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public IReadOnlyList<ChainLinkMatch> MapEnterprise(string industryCode, string name, IEnumerable<string>? ipcCodes = null)
    {
        if (!_inScope.TryGetValue(industryCode, out var inScope))
            _inScope[industryCode] = inScope = KeywordScope.Any(scope => IndustryTaxonomy.IsWithin(industryCode, scope));
        return Map(industryCode, inScope ? [name] : [], ipcCodes);
    }

    /// <summary>A listed company: its Tushare industry gives the sub-industry where it names one; name, full name and industry are searched for keywords.</summary>
    public IReadOnlyList<ChainLinkMatch> MapDirectoryCompany(string? industry, string name, string? fullName, IEnumerable<string>? ipcCodes = null)
    {
        var code = industry is null ? null : DirectoryIndustries.GetValueOrDefault(industry);
        var biomedical = industry is not null && DirectorySeed.BiomedicalIndustries.Contains(industry);
        return Map(code, biomedical ? new[] { name, fullName, industry }.OfType<string>().ToArray() : [], ipcCodes);
    }

    private List<ChainLinkMatch> Map(string? industryCode, string[] texts, IEnumerable<string>? ipcCodes)
    {
        var ipcs = ipcCodes?.Select(NormalizeIpc).Where(c => c.Length > 0).ToList() ?? [];
        for (var i = 0; i < texts.Length; i++) texts[i] = texts[i].ToUpperInvariant();
        var byIndustry = industryCode is null ? null : IndustryLinks(industryCode);
        var keywordHits = texts.Length == 0 ? null : KeywordHits(texts);
        var matches = new List<ChainLinkMatch>();
        // Plain loops: this runs for every firm of a 200,000-firm refresh.
        for (var i = 0; i < _links.Count; i++)
        {
            var link = _links[i];
            if (byIndustry is not null && byIndustry[i]) matches.Add(new(link.LinkId, ChainMatch.Industry));
            else if (ipcs.Count > 0 && link.IpcCodes.Any(group => ipcs.Any(code => IpcFallsUnder(code, NormalizeIpc(group))))) matches.Add(new(link.LinkId, ChainMatch.Ipc));
            else if (keywordHits is not null && keywordHits[i]) matches.Add(new(link.LinkId, ChainMatch.Keyword));
        }
        return matches;
    }

    /// <summary>Which links have a keyword somewhere in the (upper-cased) texts.</summary>
    private bool[] KeywordHits(string[] texts)
    {
        var hits = new bool[_links.Count];
        foreach (var text in texts)
            for (var at = 0; at < text.Length; at++)
            {
                if (!_keywordsByFirstChar.TryGetValue(text[at], out var candidates)) continue;
                foreach (var (link, keyword) in candidates)
                    if (!hits[link] && text.AsSpan(at).StartsWith(keyword, StringComparison.Ordinal)) hits[link] = true;
            }
        return hits;
    }

    /// <summary>Which links take the sub-industry, computed once per code.</summary>
    private bool[] IndustryLinks(string industryCode)
    {
        if (_industryLinks.TryGetValue(industryCode, out var cached)) return cached;
        var result = _links.Select(l => l.IndustryCodes.Any(c => IndustryTaxonomy.IsWithin(industryCode, c))).ToArray();
        _industryLinks[industryCode] = result;
        return result;
    }

    /// <summary>"A61K  39/12" → "A61K39/12" (the concordance pads with spaces, patent offices do not).</summary>
    public static string NormalizeIpc(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    /// <summary>A61K39/12 falls under A61K39 and A61K, not under A61K3; a subclass (4 characters) takes every group.</summary>
    public static bool IpcFallsUnder(string code, string group)
    {
        if (group.Length == 0 || !code.StartsWith(group, StringComparison.Ordinal)) return false;
        if (code.Length == group.Length || group.Length == 4) return true;
        return !char.IsAsciiDigit(code[group.Length]);
    }
}
