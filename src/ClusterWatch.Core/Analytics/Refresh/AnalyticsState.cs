using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ClusterWatch.Core.Analytics.Refresh;

/// <summary>
/// How far the analytics are refreshed: row SingletonId up to which audit entry the whole refresh went (set at its end, with
/// when and how long it took), row FactsMarkId up to which the facts alone went (set as soon as they are rebuilt, so the later
/// stages read them). A refresh stopped between the two leaves row 1 behind, and the next one redoes the later stages.
/// </summary>
public class AnalyticsState
{
    public const int SingletonId = 1;
    public const int FactsMarkId = 2;
    public int Id { get; set; } = SingletonId;
    public long LastAuditId { get; set; }
    /// <summary>The newest audit id when the refresh finished: bulk entries up to it were written by the refresh's own stages.</summary>
    public long OwnWritesUpToAuditId { get; set; }
    public DateTimeOffset RefreshedAt { get; set; }
    public double DurationSeconds { get; set; }
    public bool WasFull { get; set; }
    /// <summary>The stage timings of the last refresh as JSON (stage name → seconds).</summary>
    public string StagesJson { get; set; } = "[]";
}

public class AnalyticsStateConfiguration : IEntityTypeConfiguration<AnalyticsState>
{
    public void Configure(EntityTypeBuilder<AnalyticsState> b)
    {
        b.ToTable("AnalyticsStates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.StagesJson).HasMaxLength(4000).IsRequired();
    }
}
