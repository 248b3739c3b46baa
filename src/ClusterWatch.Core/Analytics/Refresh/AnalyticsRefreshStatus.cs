namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>What the status endpoint shows: whether a refresh runs, its stage, the last result or error. One per process.</summary>
public sealed class AnalyticsRefreshStatus
{
    /// <summary>One refresh at a time: the worker, the CLI and the start-up refresh share it.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);
    private readonly Lock _lock = new();
    private volatile bool _running;
    private volatile string? _stage;

    public bool IsRunning => _running;
    public bool RunningIsFull { get; private set; }
    public string? Stage { get => _stage; set => _stage = value; }
    public RefreshResult? Last { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? LastErrorAt { get; private set; }

    public void Started(bool full)
    {
        lock (_lock) { _running = true; RunningIsFull = full; _stage = null; }
    }

    public void Finished(RefreshResult result)
    {
        lock (_lock) { _running = false; _stage = null; if (result.DidWork || Last is null) Last = result; LastError = null; }
    }

    public void Failed(string message, DateTimeOffset at)
    {
        lock (_lock) { _running = false; _stage = null; LastError = message; LastErrorAt = at; }
    }
}
