using System.ComponentModel.DataAnnotations;

namespace ClusterWatch.Core.Accounts;

/// <summary>Bound from the "Accounts" section and validated on start.</summary>
public class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Wrong passwords in a row that lock the account.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    [Range(8, 128)]
    public int MinPasswordLength { get; set; } = 8;

    public TimeSpan LockoutDuration => TimeSpan.FromMinutes(LockoutMinutes);
}
