using System.ComponentModel.DataAnnotations;

namespace ClusterWatch.Core.Analytics;

/// <summary>Lower bounds of R for the forecast classes (section "Forecast"); defaults are the Open SDG ones.</summary>
public sealed class ForecastOptions : IValidatableObject
{
    public const string Section = "Forecast";

    [Range(typeof(decimal), "0", "10")]
    public decimal OnTrack { get; set; } = ForecastThresholds.Default.OnTrack;

    [Range(typeof(decimal), "0", "10")]
    public decimal NeedsAcceleration { get; set; } = ForecastThresholds.Default.NeedsAcceleration;

    [Range(typeof(decimal), "-10", "10")]
    public decimal LimitedProgress { get; set; } = ForecastThresholds.Default.LimitedProgress;

    public ForecastThresholds ToThresholds() => new(OnTrack, NeedsAcceleration, LimitedProgress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!(OnTrack > NeedsAcceleration && NeedsAcceleration > LimitedProgress))
            yield return new ValidationResult($"Forecast 阈值应满足 OnTrack > NeedsAcceleration > LimitedProgress，收到 {OnTrack} / {NeedsAcceleration} / {LimitedProgress}。",
                [nameof(OnTrack), nameof(NeedsAcceleration), nameof(LimitedProgress)]);
    }
}
