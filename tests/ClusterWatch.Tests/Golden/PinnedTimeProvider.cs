namespace ClusterWatch.Tests.Golden;

/// <summary>A clock that always answers the same instant, so "now"-dependent numbers (deadlines, validity windows) are fixed.</summary>
public sealed class PinnedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Core.Reporting.ReportingCalendar.China;
}
