using System.ComponentModel.DataAnnotations;

namespace ClusterWatch.Core.Analytics.Chains;

/// <summary>Settings of the chain analysis (section "Chains").</summary>
public sealed class ChainOptions
{
    public const string Section = "Chains";

    /// <summary>A link is strong when its location quotient is at or above this value.</summary>
    [Range(typeof(decimal), "0.01", "100")]
    public decimal StrongAtOrAbove { get; set; } = 1.0m;

    [Range(1, 50)]
    public int LeadingFirms { get; set; } = 5;
}
