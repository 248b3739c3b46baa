using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;
using C = ClusterWatch.Core.Enterprises.Import.EnterpriseImportColumns;

namespace ClusterWatch.Core.Enterprises.Import;

/// <summary>What the create/edit form sends; texts as typed (region by name or code, industry by name or code).</summary>
public sealed class EnterpriseInput
{
    public string CreditCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Region { get; set; } = "";
    public string Industry { get; set; } = "";
    public ListingStatus ListingStatus { get; set; }
    public string? StockCode { get; set; }
    public int? FoundedYear { get; set; }
}

/// <summary>Creates or edits one enterprise by hand with the import's rules; errors are keyed by input property, in Chinese.</summary>
public sealed class EnterpriseEditor(AppDbContext db)
{
    public sealed record Outcome(Enterprise? Enterprise, IReadOnlyDictionary<string, string> Errors)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public static EnterpriseInput InputFrom(Enterprise e, string regionCode) => new()
    {
        CreditCode = e.CreditCode, Name = e.Name, Region = regionCode, Industry = e.IndustryCode,
        ListingStatus = e.ListingStatus, StockCode = e.StockCode, FoundedYear = e.FoundedYear,
    };

    /// <summary>existingCreditCode null creates; otherwise edits that enterprise (whose credit code may be corrected).</summary>
    public async Task<Outcome> SaveAsync(EnterpriseInput input, string? existingCreditCode, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var code = CreditCode.Normalize(input.CreditCode);
        if (CreditCode.Validate(code) is { } codeError) errors[nameof(input.CreditCode)] = codeError;

        var name = (input.Name ?? "").Trim();
        if (name.Length == 0) errors[nameof(input.Name)] = "企业名称不能为空";
        else if (name.Length > 128) errors[nameof(input.Name)] = "企业名称超过128个字符";

        var regions = await RegionNameLookup.LoadAsync(db, ct);
        var region = regions.Resolve(input.Region ?? "", out var regionError);
        if (region is null) errors[nameof(input.Region)] = "注册地区：" + regionError;

        var industry = IndustryTaxonomy.FindByCodeOrName(input.Industry ?? "");
        if (industry is null) errors[nameof(input.Industry)] = $"未知的细分行业“{input.Industry}”";

        if (!Enum.IsDefined(input.ListingStatus)) errors[nameof(input.ListingStatus)] = "上市状态应为“未上市”“已上市”或“已退市”";
        var stock = string.IsNullOrWhiteSpace(input.StockCode) ? null : input.StockCode.Trim();
        if (stock?.Length > 16) errors[nameof(input.StockCode)] = "股票代码超过16个字符";
        if (input.FoundedYear is { } founded && (founded < 1800 || founded > DateTime.UtcNow.Year))
            errors[nameof(input.FoundedYear)] = $"成立年份应在1800到{DateTime.UtcNow.Year}之间";

        Enterprise? enterprise = null;
        if (existingCreditCode is not null)
        {
            var existing = CreditCode.Normalize(existingCreditCode);
            enterprise = await db.Enterprises.Include(e => e.ProductionSites).FirstOrDefaultAsync(e => e.CreditCode == existing, ct);
            if (enterprise is null) return new Outcome(null, new Dictionary<string, string> { [""] = $"没有统一社会信用代码为“{existingCreditCode}”的企业" });
            if (enterprise.IsSynthetic) return new Outcome(null, new Dictionary<string, string> { [""] = "示例数据（合成）企业不能手工修改" });
        }
        if (!errors.ContainsKey(nameof(input.CreditCode)) && code != enterprise?.CreditCode
            && await db.Enterprises.AnyAsync(e => e.CreditCode == code, ct))
            errors[nameof(input.CreditCode)] = $"统一社会信用代码“{code}”已存在";
        if (errors.Count > 0) return new Outcome(null, errors);

        if (enterprise is null)
        {
            enterprise = new Enterprise { IsSynthetic = false };
            enterprise.ProductionSites.Add(new ProductionSite { RegionId = region!.Id, Share = 1m });
            db.Enterprises.Add(enterprise);
        }
        else if (enterprise.ProductionSites.Count == 1 && enterprise.ProductionSites[0].RegionId == enterprise.RegisteredRegionId)
            enterprise.ProductionSites[0].RegionId = region!.Id; // a site that only mirrored registration follows it

        enterprise.CreditCode = code;
        enterprise.Name = name;
        enterprise.RegisteredRegionId = region!.Id;
        enterprise.IndustryCode = industry!.Code;
        enterprise.ListingStatus = input.ListingStatus;
        enterprise.StockCode = stock;
        enterprise.FoundedYear = input.FoundedYear;
        await db.SaveChangesAsync(ct);
        return new Outcome(enterprise, errors);
    }

    /// <summary>Labels of the form fields, the same words as the import template's columns.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string>
    {
        [nameof(EnterpriseInput.CreditCode)] = C.CreditCode,
        [nameof(EnterpriseInput.Name)] = C.Name,
        [nameof(EnterpriseInput.Region)] = C.RegisteredRegion,
        [nameof(EnterpriseInput.Industry)] = C.Industry,
        [nameof(EnterpriseInput.ListingStatus)] = C.ListingStatus,
        [nameof(EnterpriseInput.StockCode)] = C.StockCode,
        [nameof(EnterpriseInput.FoundedYear)] = C.FoundedYear,
    };
}
