using System.Diagnostics;
using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Plans.Extraction;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ClusterWatch.Core.Seeding;

/// <summary>Loads regions, units, plans, the company directory and the synthetic demo set into an empty database.</summary>
public static class SeedData
{
    public const string AuditUser = "seed";

    /// <summary>Seeds an empty database (no regions); a database that has regions is left as it is.</summary>
    public static async Task SeedAsync(AppDbContext db, DatabaseOptions options, ILogger logger, CancellationToken ct = default)
    {
        if (await db.Regions.AnyAsync(ct))
        {
            logger.LogInformation("Database already holds regions: seeding skipped");
            await Accounts.DemoAccounts.SeedAsync(db, ct); // a database seeded before accounts existed gets its demo accounts
            await Analytics.Chains.ChainSeed.EnsureAsync(db, AppPaths.SeedData, ct); // likewise the industry chains
            return;
        }
        await SeedReferenceDataAsync(db, AppPaths.SeedData, logger, ct);
        await Accounts.DemoAccounts.SeedAsync(db, ct);

        if (options.DemoEnterprises > 0)
        {
            var progress = new Progress<string>(message => logger.LogDebug("Demo data: {Message}", message));
            var result = await DemoGenerator.GenerateAsync(db, options.DemoEnterprises, options.DemoSeed, progress, ct);
            logger.LogInformation("Synthetic demo data (示例数据) generated: {Result}", result);
            logger.LogInformation("Synthetic reporting demo (示例数据): {Result}", await Reporting.ReportingDemo.SeedAsync(db, options.DemoSeed, ct));
            logger.LogInformation("Synthetic enterprises (示例数据) mapped to chain links: {Result}", await new Analytics.Chains.ChainAnalysisService(db, TimeProvider.System, new FixedAuditUser(AuditUser)).RefreshAsync(Analytics.RefreshScope.Full, ct));
            logger.LogInformation("Synthetic assessment demo (示例数据): {Result}", await Analytics.Assessment.AssessmentDemo.SeedAsync(db, ct: ct));
            logger.LogInformation("Synthetic credit records (示例数据), all enterprises scored: {Result}", await Enterprises.Credit.CreditDemo.SeedAsync(db, options.DemoSeed, ct));
        }
    }

    /// <summary>Steps 1-4 (regions, units, plans, directory) in one transaction, so a failure leaves the database empty.</summary>
    public static async Task SeedReferenceDataAsync(AppDbContext db, string seedDirectory, ILogger logger, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var auditWas = db.AuditEnabled;
        db.AuditEnabled = false; // one audit entry per step instead of one per row
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            if (!await db.Industries.AnyAsync(ct))
                db.Industries.AddRange(IndustryTaxonomy.All.Select(i => new Industry
                {
                    Code = i.Code, Name = i.Name, NameEn = i.NameEn, ParentCode = i.ParentCode, Sector = i.Sector, SortOrder = i.SortOrder,
                }));

            var regions = RegionSeed.Build(Path.Combine(seedDirectory, "divisions"));
            db.Regions.AddRange(regions);
            Audit(db, "seed regions", nameof(Region), new { regions = regions.Count, source = "divisions/SOURCES.md" });
            await db.SaveChangesAsync(ct);

            var units = UnitDirectory.Build(regions);
            db.Units.AddRange(units);
            Audit(db, "seed units", nameof(Unit), new { units = units.Count, aliases = units.Sum(u => u.Aliases.Count) });
            await db.SaveChangesAsync(ct);

            var plans = BuildPlans(Path.Combine(seedDirectory, "plans"), new RegionResolver(regions), new UnitResolver(units, regions));
            db.Plans.AddRange(plans);
            Audit(db, "seed plans", nameof(Plan), new { plans = plans.Select(p => p.Slug), source = PlanSeed.ParsedSource });
            await db.SaveChangesAsync(ct);

            var companies = DirectorySeed.Build(Path.Combine(seedDirectory, "companies"), regions);
            db.DirectoryCompanies.AddRange(companies);
            Audit(db, "seed directory", nameof(DirectoryCompany), new { rows = companies.Count, source = "companies/SOURCES.md" });
            await db.SaveChangesAsync(ct);

            await Analytics.Chains.ChainSeed.EnsureAsync(db, seedDirectory, ct);

            await transaction.CommitAsync(ct);
            logger.LogInformation("Seeded {Regions} regions, {Units} units, {Plans} plans and {Companies} directory companies in {Elapsed} ms",
                regions.Count, units.Count, plans.Count, companies.Count, clock.ElapsedMilliseconds);
        }
        catch
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.AuditEnabled = auditWas;
        }
        db.ChangeTracker.Clear(); // the demo generator and later requests start from a clean context
    }

    /// <summary>One plan per *.txt in the folder that has a reviewed *.json of the same name: parsed by PlanExtractor, confirmed against the review.</summary>
    public static List<Plan> BuildPlans(string plansDirectory, RegionResolver regions, UnitResolver units)
    {
        var seed = new PlanSeed(regions, units);
        var plans = new List<Plan>();
        foreach (var jsonPath in Directory.GetFiles(plansDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(jsonPath);
            var textPath = Path.ChangeExtension(jsonPath, ".txt");
            var text = File.Exists(textPath) ? File.ReadAllText(textPath) : throw new InvalidDataException($"规划 {slug}：缺少全文文件 {Path.GetFileName(textPath)}");
            var confirmed = PlanImportReview.Confirm(PlanExtractor.Parse(text), PlanExtraction.Parse(File.ReadAllText(jsonPath)));
            plans.Add(seed.Build(slug, confirmed, text, PlanSeed.ParsedSource));
        }
        return plans;
    }

    private static void Audit(AppDbContext db, string action, string entityType, object summary) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow, User = AuditUser, Action = action, EntityType = entityType, EntityId = "",
            After = JsonSerializer.Serialize(summary, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        });
}
