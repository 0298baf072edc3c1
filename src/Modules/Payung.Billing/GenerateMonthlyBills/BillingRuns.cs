using Payung.Infrastructure.Jobs;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

/// <summary>
/// The billing run (<see cref="BillingRunJob"/>) for hosts outside this module: the <c>payung billing run</c> command
/// creates the job already leased to itself and runs it in-process with <c>JobRunner</c>, the same code path as the
/// web host's job worker.
/// </summary>
public static class BillingRuns
{
    public const string JobKind = BillingRunJob.JobKind;

    /// <summary>The stage the run reports progress in: programmes done out of the programmes to bill.</summary>
    public const string Stage = BillingRunJob.Stage;

    /// <summary>A run of every billable programme in <paramref name="caller"/>'s scope, each month up to <paramref name="upTo"/> (default: this month).</summary>
    public static JobRequest Request(ContributionMonth? upTo, CallerScope caller, string? leaseOwner = null) =>
        BillingRunJob.Request(upTo, caller, leaseOwner);
}
