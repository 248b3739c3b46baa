using System.Text.Json;
using ClusterWatch.Core.Data;
using ClusterWatch.Core.Plans;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Web.Plans;

public enum RestoreStatus { Restored, NotFound, NotRestorable, Conflict }

public sealed record RestoreOutcome(RestoreStatus Status, string Message, string? EntityType = null, string? EntityId = null, int RestoredRows = 0);

/// <summary>Puts back the "Before" state of a Modified or Deleted audit entry; a deleted row comes back with its id and the rows deleted with it.</summary>
public sealed class AuditRestorer(AppDbContext db)
{
    /// <summary>Entity types an editor may restore, by the name the audit log records.</summary>
    public static readonly IReadOnlyDictionary<string, Type> RestorableTypes = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [nameof(Target)] = typeof(Target),
        [nameof(Baseline)] = typeof(Baseline),
        [nameof(Allocation)] = typeof(Allocation),
        [nameof(PlanTask)] = typeof(PlanTask),
        [nameof(Plan)] = typeof(Plan),
        [nameof(Unit)] = typeof(Unit),
        [nameof(Indicator)] = typeof(Indicator),
    };

    /// <summary>Rows that are deleted together with their owner (cascade): type name and the foreign key naming the owner.</summary>
    private static readonly Dictionary<string, (string Type, string ForeignKey)[]> Dependents = new(StringComparer.Ordinal)
    {
        [nameof(Plan)] = [(nameof(Target), "PlanId"), (nameof(Baseline), "PlanId"), (nameof(Allocation), "PlanId"), (nameof(PlanTask), "PlanId")],
        [nameof(PlanTask)] = [(nameof(TaskAssignment), "PlanTaskId")],
        [nameof(Unit)] = [(nameof(UnitAlias), "UnitId")],
    };

    private static readonly Dictionary<string, Type> DependentTypes = new(StringComparer.Ordinal)
    {
        [nameof(TaskAssignment)] = typeof(TaskAssignment),
        [nameof(UnitAlias)] = typeof(UnitAlias),
    };

    public async Task<RestoreOutcome> RestoreAsync(long auditId, CancellationToken ct = default)
    {
        var entry = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(a => a.Id == auditId, ct);
        if (entry is null) return new(RestoreStatus.NotFound, $"没有编号为 {auditId} 的审计记录。");
        if (!RestorableTypes.TryGetValue(entry.EntityType, out var clrType))
            return new(RestoreStatus.NotRestorable, $"“{entry.EntityType}”类型的记录不支持恢复。");
        if (entry.Action is not ("Modified" or "Deleted") || string.IsNullOrEmpty(entry.Before))
            return new(RestoreStatus.NotRestorable, $"只能恢复修改或删除的记录（本条为 {entry.Action}）。");
        var before = Parse(entry.Before);
        var key = KeyOf(clrType, entry.EntityId);
        var existing = await db.FindAsync(clrType, [key], ct);

        var restoredRows = 1;
        if (entry.Action == "Modified")
        {
            if (existing is null) return new(RestoreStatus.Conflict, $"{entry.EntityType} {entry.EntityId} 已被删除，请先恢复其删除记录。");
            Apply(existing, before, includeKey: false);
            restoredRows += await RevertDependentChangesAsync(entry, ct);
        }
        else
        {
            if (existing is not null) return new(RestoreStatus.Conflict, $"{entry.EntityType} {entry.EntityId} 已存在，无需恢复删除。");
            var entity = Activator.CreateInstance(clrType)!;
            Apply(entity, before, includeKey: true);
            db.Add(entity);
            restoredRows += await AddDeletedDependentsAsync(entry, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            return new(RestoreStatus.Conflict, $"无法恢复：所引用的数据（指标、地区、规划或单位）已不存在。{ex.InnerException?.Message}");
        }
        return new(RestoreStatus.Restored, $"已恢复 {entry.EntityType} {entry.EntityId}。", entry.EntityType, entry.EntityId, restoredRows);
    }

    /// <summary>Undoes what the same save did to the owner's rows (a task's units, a unit's aliases): added ones go, deleted ones come back.</summary>
    private async Task<int> RevertDependentChangesAsync(AuditEntry owner, CancellationToken ct)
    {
        if (owner.EntityType is not (nameof(PlanTask) or nameof(Unit))) return 0;
        var count = 0;
        foreach (var (typeName, foreignKey) in Dependents[owner.EntityType])
        {
            var clrType = DependentTypes[typeName];
            var sameSave = (await db.AuditEntries.AsNoTracking()
                    .Where(a => a.EntityType == typeName && a.Id > owner.Id - 100_000 && a.Id < owner.Id + 100_000)
                    .ToListAsync(ct))
                .Where(a => a.At == owner.At).ToList();
            foreach (var child in sameSave)
            {
                var values = Parse((child.Action == "Deleted" ? child.Before : child.After) ?? "{}");
                if (!values.TryGetValue(foreignKey, out var fk) || fk.ToString() != owner.EntityId) continue;
                var current = await db.FindAsync(clrType, [KeyOf(clrType, child.EntityId)], ct);
                if (child.Action == "Added" && current is not null) { db.Remove(current); count++; }
                else if (child.Action == "Deleted" && current is null)
                {
                    var entity = Activator.CreateInstance(clrType)!;
                    Apply(entity, values, includeKey: true);
                    db.Add(entity);
                    count++;
                }
            }
        }
        return count;
    }

    /// <summary>Re-adds the rows deleted in the same save as the owner (same audit timestamp), recursively.</summary>
    private async Task<int> AddDeletedDependentsAsync(AuditEntry owner, CancellationToken ct)
    {
        if (!Dependents.TryGetValue(owner.EntityType, out var dependents)) return 0;
        var typeNames = dependents.Select(d => d.Type).ToList();
        var sameSave = (await db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == "Deleted" && typeNames.Contains(a.EntityType) && a.Id > owner.Id - 100_000 && a.Id < owner.Id + 100_000)
                .ToListAsync(ct))
            .Where(a => a.At == owner.At && a.Before is not null).ToList();
        var count = 0;
        foreach (var (typeName, foreignKey) in dependents)
        {
            var clrType = RestorableTypes.GetValueOrDefault(typeName) ?? DependentTypes[typeName];
            foreach (var child in sameSave.Where(a => a.EntityType == typeName))
            {
                var values = Parse(child.Before!);
                if (!values.TryGetValue(foreignKey, out var fk) || fk.ToString() != owner.EntityId) continue;
                if (await db.FindAsync(clrType, [KeyOf(clrType, child.EntityId)], ct) is not null) continue;
                var entity = Activator.CreateInstance(clrType)!;
                Apply(entity, values, includeKey: true);
                db.Add(entity);
                count += 1 + await AddDeletedDependentsAsync(child, ct);
            }
        }
        return count;
    }

    private void Apply(object entity, Dictionary<string, JsonElement> values, bool includeKey)
    {
        var entityType = db.Model.FindEntityType(entity.GetType())!;
        var keyNames = entityType.FindPrimaryKey()!.Properties.Select(p => p.Name).ToHashSet();
        foreach (var property in entityType.GetProperties())
        {
            if (property.PropertyInfo is null || !values.TryGetValue(property.Name, out var json)) continue;
            if (!includeKey && keyNames.Contains(property.Name)) continue;
            property.PropertyInfo.SetValue(entity, json.Deserialize(property.ClrType));
        }
    }

    private object KeyOf(Type clrType, string entityId)
    {
        var keyType = db.Model.FindEntityType(clrType)!.FindPrimaryKey()!.Properties[0].ClrType;
        return keyType == typeof(long) ? (object)long.Parse(entityId) : (object)int.Parse(entityId);
    }

    private static Dictionary<string, JsonElement> Parse(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json) ?? [];
}
