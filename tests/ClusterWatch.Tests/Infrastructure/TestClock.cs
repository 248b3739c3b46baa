namespace ClusterWatch.Tests.Infrastructure;

/// <summary>The one test clock: answers the instant it is set to (pinned unless a test moves it), in China's time zone.</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Core.Reporting.ReportingCalendar.China;
}
