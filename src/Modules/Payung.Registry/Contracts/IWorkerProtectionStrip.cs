namespace Payung.Registry.Contracts;

/// <summary>One month of a worker's protection, as the worker page shows it: the month, a state code and its label.</summary>
public sealed record WorkerMonthProtection(string Month, string State, bool Protected, string Label, string Css);

/// <summary>
/// The worker page's month strip, offered to the registry without the registry depending on Billing: the Billing
/// module implements and registers it. The caller has already found the worker within its scope.
/// </summary>
public interface IWorkerProtectionStrip
{
    Task<IReadOnlyList<WorkerMonthProtection>> RecentMonthsAsync(Guid workerId, int months, CancellationToken ct);
}
