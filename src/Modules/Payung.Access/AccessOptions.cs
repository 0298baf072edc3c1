namespace Payung.Access;

/// <summary>Sign-in policy; configurable under "Access" (e.g. Access__MaxFailedSignIns).</summary>
public sealed class AccessOptions
{
    public int MaxFailedSignIns { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>Sign-in attempts per client address per minute before requests are refused with 429.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
}
