using Microsoft.Extensions.Configuration;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// How the job worker polls and leases. From configuration: <c>PAYUNG_JOBS_ENABLED</c> (default true;
/// false keeps this process from running queued jobs), <c>PAYUNG_JOBS_POLL_MS</c> (default 1000) and
/// <c>PAYUNG_JOBS_LEASE_SECONDS</c> (default 120: a crashed worker's job is restarted that long after its
/// last renewal).
/// </summary>
public sealed class JobOptions
{
    public bool WorkerEnabled { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Progress is written to the job row at most this often (stage changes at once).</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RenewInterval => Lease / 4;

    public static JobOptions FromConfiguration(IConfiguration configuration) => new()
    {
        WorkerEnabled = !string.Equals(configuration["PAYUNG_JOBS_ENABLED"], "false", StringComparison.OrdinalIgnoreCase)
                        && configuration["PAYUNG_JOBS_ENABLED"] != "0",
        PollInterval = TimeSpan.FromMilliseconds(Positive(configuration["PAYUNG_JOBS_POLL_MS"], 1000)),
        Lease = TimeSpan.FromSeconds(Positive(configuration["PAYUNG_JOBS_LEASE_SECONDS"], 120)),
    };

    private static int Positive(string? value, int fallback) =>
        int.TryParse(value, out var parsed) && parsed > 0 ? parsed : fallback;
}
