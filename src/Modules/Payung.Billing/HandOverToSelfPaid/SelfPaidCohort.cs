namespace Payung.Billing.HandOverToSelfPaid;

/// <summary>
/// SQL fragments naming who hands over to self-paid contributions, shared by the hand-over, the reminders and the
/// retention report so the three agree on the cohort.
/// </summary>
internal static class SelfPaidCohort
{
    /// <summary>
    /// Over a <c>programs.billable_month</c> row <paramref name="b"/> of the programme's last month and the worker's
    /// <c>registry.worker_identity</c> row <paramref name="w"/>: the enrolment is active and funded to the programme's
    /// end, the worker was not merged into another, and no programme funds the month after (<paramref name="nextMonth"/>).
    /// </summary>
    public static string SubsidyEndsHere(string b, string w, string nextMonth) => $"""
        {b}.enrollment_status = 'active' and {b}.enrollment_month_to = {b}.month and {w}.merged_into is null
               and not exists (select 1 from programs.billable_month nx where nx.worker_id = {b}.worker_id and nx.month = {nextMonth})
        """;

    /// <summary>The worker's latest KPJ: from the latest ledger month that carries one, else the latest seen on a statement.</summary>
    public static string LatestKpj(string workerId) => $"""
        coalesce((select c.kpj from billing.contribution c where c.worker_id = {workerId} and c.kpj is not null order by c.month desc limit 1),
                 (select k.kpj from billing.worker_kpj k where k.worker_id = {workerId} order by k.first_seen desc limit 1))
        """;
}
