using System.Text.Json;
using ClusterWatch.Core.Enterprises;
using ClusterWatch.Core.Plans;
using ClusterWatch.Core.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ClusterWatch.Core.Data;

/// <summary>Who is making the current change, for the audit log.</summary>
public interface IAuditUser
{
    string Name { get; }
}

public sealed class FixedAuditUser(string name) : IAuditUser
{
    public string Name { get; } = name;
}

public class AppDbContext(DbContextOptions<AppDbContext> options, IAuditUser? auditUser = null) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitAlias> UnitAliases => Set<UnitAlias>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<Baseline> Baselines => Set<Baseline>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<TaskAssignment> TaskAssignments => Set<TaskAssignment>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<ProductionSite> ProductionSites => Set<ProductionSite>();
    public DbSet<PoolMembership> PoolMemberships => Set<PoolMembership>();
    public DbSet<EnterpriseFigure> EnterpriseFigures => Set<EnterpriseFigure>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<DirectoryCompany> DirectoryCompanies => Set<DirectoryCompany>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Accounts.User> Users => Set<Accounts.User>();

    /// <summary>A property with this annotation (a password hash) is written to the audit log as "***".</summary>
    public const string AuditRedactedAnnotation = "ClusterWatch:AuditRedacted";

    /// <summary>Set false only for bulk loads that write their own single audit entry.</summary>
    public bool AuditEnabled { get; set; } = true;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var pending = AuditEnabled ? CaptureAudit() : [];
        var result = base.SaveChanges(acceptAllChangesOnSuccess);
        if (pending.Count > 0) { CompleteAudit(pending); base.SaveChanges(acceptAllChangesOnSuccess); }
        return result;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var pending = AuditEnabled ? CaptureAudit() : [];
        var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (pending.Count > 0) { CompleteAudit(pending); await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken); }
        return result;
    }

    private sealed record PendingAudit(EntityEntry Entry, AuditEntry Audit, bool IsAdded);

    private List<PendingAudit> CaptureAudit()
    {
        var user = auditUser?.Name ?? "system";
        var now = DateTimeOffset.UtcNow;
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Detached or EntityState.Unchanged) continue;
            var audit = new AuditEntry
            {
                At = now,
                User = user,
                Action = entry.State.ToString(),
                EntityType = entry.Metadata.ClrType.Name,
                Before = entry.State is EntityState.Modified or EntityState.Deleted ? Serialize(entry.Properties.ToDictionary(p => p.Metadata.Name, p => Redacted(p, p.OriginalValue))) : null,
                After = entry.State is EntityState.Deleted ? null : null,
            };
            list.Add(new PendingAudit(entry, audit, entry.State == EntityState.Added));
        }
        return list;
    }

    private void CompleteAudit(List<PendingAudit> pending)
    {
        foreach (var p in pending)
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            p.Audit.EntityId = key is null ? "" : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
            if (p.Audit.Action != nameof(EntityState.Deleted))
                p.Audit.After = Serialize(p.Entry.Properties.ToDictionary(x => x.Metadata.Name, x => Redacted(x, x.CurrentValue)));
            AuditEntries.Add(p.Audit);
        }
    }

    private static object? Redacted(PropertyEntry property, object? value) =>
        property.Metadata.FindAnnotation(AuditRedactedAnnotation) is null ? value : "***";

    private static string Serialize(Dictionary<string, object?> values) =>
        JsonSerializer.Serialize(values, AuditJson);

    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
