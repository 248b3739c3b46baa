using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using ClusterWatch.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace ClusterWatch.Core.Analytics;

/// <summary>
/// Reuses the GROUP BY results over enterprise figures until the data changes. Every write leaves an AuditEntry (EF writes
/// are audited, bulk loaders add one themselves), so the newest audit id is the data version: a new id empties the cache.
/// Register as a singleton; at 200,000 enterprises the aggregates take seconds on SQLite, a cached dashboard milliseconds.
/// </summary>
public sealed class AggregateCache
{
    private const int MaxEntries = 64;
    /// <summary>Small per-series results (one indicator in one region) are many, so they get their own, larger limit.</summary>
    private const int MaxSmallEntries = 20_000;
    private readonly ConcurrentDictionary<string, object> _small = new();
    private readonly ConcurrentDictionary<string, object> _entries = new();
    /// <summary>Finished API answers (a dashboard, a warnings page, a chain, a ranking): many small keys, so their own limit.</summary>
    private const int MaxResults = 2_000;
    private readonly ConcurrentDictionary<string, object> _results = new();
    private long _version = long.MinValue;
    private readonly Lock _gate = new();

    public async Task<T> GetOrAddAsync<T>(long version, string key, Func<Task<T>> compute) where T : class
    {
        lock (_gate)
        {
            if (version != _version) { _entries.Clear(); _small.Clear(); _results.Clear(); _version = version; }
            if (_entries.TryGetValue(key, out var hit)) return (T)hit;
        }
        var value = await compute();
        lock (_gate)
        {
            if (version == _version)
            {
                if (_entries.Count >= MaxEntries) _entries.Clear();
                _entries[key] = value;
            }
        }
        return value;
    }

    /// <summary>A small result computed from cached aggregates (an indicator's series in a region), reused until the data changes.</summary>
    public T GetOrAddSmall<T>(long version, string key, Func<T> compute) where T : class
    {
        lock (_gate)
        {
            if (version != _version) { _entries.Clear(); _small.Clear(); _results.Clear(); _version = version; }
            if (_small.TryGetValue(key, out var hit)) return (T)hit;
        }
        var value = compute();
        lock (_gate)
        {
            if (version == _version)
            {
                if (_small.Count >= MaxSmallEntries) _small.Clear();
                _small[key] = value;
            }
        }
        return value;
    }

    /// <summary>The data version: the newest audit id (one primary-key lookup), 0 for an empty log.</summary>
    public static async Task<long> VersionAsync(AppDbContext db, CancellationToken ct) =>
        await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;

    /// <summary>A finished answer stored for this data version, if any.</summary>
    public bool TryGetResult<T>(long version, string key, [NotNullWhen(true)] out T? value) where T : class
    {
        lock (_gate)
        {
            if (version != _version) { _entries.Clear(); _small.Clear(); _results.Clear(); _version = version; }
            value = _results.TryGetValue(key, out var hit) ? (T)hit : null;
            return value is not null;
        }
    }

    /// <summary>Keeps a finished answer until the data changes; callers never mutate it afterwards.</summary>
    public void SetResult(long version, string key, object value)
    {
        lock (_gate)
        {
            if (version != _version) return;
            if (_results.Count >= MaxResults) _results.Clear();
            _results[key] = value;
        }
    }
}
