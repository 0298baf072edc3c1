using Npgsql;
using Payung.Programs.Rates;

namespace Payung.Programs.EnrollWorkers;

/// <summary>Writes the months a programme pays for, one row per worker and month, with the amount and its rate version.</summary>
internal static class FundedMonths
{
    public sealed record Row(Guid WorkerId, Guid EnrollmentId, string RegencyCode, ContributionQuote Quote);

    /// <summary>
    /// <c>on conflict do nothing</c> waits for a concurrent transaction holding the same (worker, month) and then skips
    /// the row if that one committed; fewer rows than asked means the month went to another programme.
    /// </summary>
    public static async Task InsertAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }

        // A stable order, so two transactions inserting overlapping sets take the key locks in the same order.
        var ordered = rows.OrderBy(r => r.WorkerId).ThenBy(r => r.Quote.Month).ToList();
        await using var cmd = new NpgsqlCommand("""
            insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, rate_version, regency_code,
                                               village_code, jkk_amount, jkm_amount, jht_amount)
            select u.worker_id, u.month, $1, u.enrollment_id, u.amount, u.rate_version, u.regency_code,
                   (select e.village_code from programs.enrollment e where e.id = u.enrollment_id), u.jkk, u.jkm, u.jht
            from unnest($2::uuid[], $3::date[], $4::uuid[], $5::bigint[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::bigint[])
                 as u(worker_id, month, enrollment_id, amount, rate_version, regency_code, jkk, jkm, jht)
            on conflict (worker_id, month) do nothing
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ordered.Select(r => r.WorkerId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = ordered.Select(r => r.Quote.Month.FirstDay).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ordered.Select(r => r.EnrollmentId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ordered.Select(r => r.Quote.PerParticipant.Value).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ordered.Select(r => r.Quote.RateVersion).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = ordered.Select(r => r.RegencyCode).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ordered.Select(r => Part(r.Quote, ContributionComponent.Jkk)).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ordered.Select(r => Part(r.Quote, ContributionComponent.Jkm)).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = ordered.Select(r => Part(r.Quote, ContributionComponent.Jht)).ToArray() });
        var inserted = await cmd.ExecuteNonQueryAsync(ct);
        if (inserted != ordered.Count)
        {
            throw new FundingRaceException();
        }
    }

    private static long Part(ContributionQuote quote, ContributionComponent component) =>
        quote.Amounts.TryGetValue(component, out var amount) ? amount.Value : 0;
}
