using Npgsql;
using Payung.Infrastructure;
using Payung.Shared;

namespace Payung.Registry;

/// <summary>
/// Puts likely duplicates of the given workers in the review queue: one set-based statement per rule, so a
/// single registration and an import batch of thousands cost the same number of round trips. Pairs are stored
/// once per rule (smaller id first) and a pair already decided for a rule is not raised again
/// (<c>on conflict do nothing</c> on the pair key). The candidate lies where its first worker lives. Merged
/// workers neither raise nor answer candidates. Matching is nationwide on purpose: a person registered in
/// two regencies is the double funding the queue exists to catch; who may see a candidate is decided when it is
/// read (both workers must be in the reader's scope).
/// </summary>
public static class FindDuplicates
{
    public const string SameNameBirthDate = "same_name_birth_date";
    public const string SameKkName = "same_kk_name";
    public const string NikOneDigitApart = "nik_one_digit_apart";

    // Each rule selects (a, b, evidence) for pairs with a = the smaller id. $1 = the worker ids (uuid[]), $2 = now.
    private const string SameNameBirthDatePairs = """
        select distinct least(n.id, o.id) as a, greatest(n.id, o.id) as b,
               jsonb_build_object('fields', jsonb_build_array('nameKey', 'birthDate', 'regencyCode'),
                                  'nameKey', n.name_key, 'birthDate', n.birth_date, 'regencyCode', n.regency_code) as evidence
        from registry.worker n
        join registry.worker o
          on o.regency_code = n.regency_code and o.name_key = n.name_key and o.birth_date = n.birth_date
         and o.id <> n.id and o.merged_into is null
        where n.id = any($1) and n.merged_into is null and n.name_key <> ''
        """;

    // The KK itself stays out of the evidence: it is personal data, shown (or masked) from the workers' own records.
    private const string SameKkNamePairs = """
        select distinct least(n.id, o.id) as a, greatest(n.id, o.id) as b,
               jsonb_build_object('fields', jsonb_build_array('kk', 'nameKey'), 'nameKey', n.name_key) as evidence
        from registry.worker n
        join registry.worker o
          on o.kk = n.kk and o.name_key = n.name_key and o.id <> n.id and o.merged_into is null
        where n.id = any($1) and n.merged_into is null and n.kk is not null and n.name_key <> ''
        """;

    // Every NIK one substituted digit away (16 positions × 9 digits), each looked up through the unique NIK index.
    private const string NikOneDigitApartPairs = """
        select distinct least(n.id, o.id) as a, greatest(n.id, o.id) as b,
               jsonb_build_object('fields', jsonb_build_array('nik', 'nameKey'), 'nameKey', n.name_key,
                                  'nikDigitPosition', p.pos) as evidence
        from registry.worker n
        cross join generate_series(1, 16) as p(pos)
        cross join generate_series(0, 9) as d(digit)
        join registry.worker o
          on o.nik = overlay(n.nik placing d.digit::text from p.pos for 1)
         and o.name_key = n.name_key and o.merged_into is null
        where n.id = any($1) and n.merged_into is null and n.name_key <> ''
          and substr(n.nik, p.pos, 1) <> d.digit::text
        """;

    // The rest of each statement: $3 = the rule's reason. Composed from constants at compile time, never from input.
    private const string InsertPairs = """

        insert into registry.duplicate_candidate
            (id, worker_id, other_worker_id, reason, evidence, regency_code, region_code, created_at)
        select gen_random_uuid(), p.a, p.b, $3, p.evidence, w.regency_code, w.village_code, $2
        from pairs p
        join registry.worker w on w.id = p.a
        on conflict do nothing
        returning id, region_code, jsonb_build_object(
            'id', id, 'workerId', worker_id, 'otherWorkerId', other_worker_id, 'reason', reason,
            'evidence', evidence, 'status', status, 'regencyCode', regency_code, 'regionCode', region_code,
            'createdAt', created_at)::text
        """;

    private static readonly (string Reason, string Sql)[] Rules =
    [
        (SameNameBirthDate, "with pairs as (" + SameNameBirthDatePairs + ")" + InsertPairs),
        (SameKkName, "with pairs as (" + SameKkNamePairs + ")" + InsertPairs),
        (NikOneDigitApart, "with pairs as (" + NikOneDigitApartPairs + ")" + InsertPairs),
    ];

    /// <summary>
    /// Raises the candidates of <paramref name="workerIds"/> on the caller's connection and transaction, with an
    /// audit row per new candidate. Returns how many candidates are new.
    /// </summary>
    public static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CallerScope caller,
        IReadOnlyCollection<Guid> workerIds, DateTimeOffset now, CancellationToken ct = default)
    {
        if (workerIds.Count == 0)
        {
            return 0;
        }

        var ids = workerIds.Distinct().ToArray();
        var created = new List<AuditRecord>();
        foreach (var (reason, sql) in Rules)
        {
            await using var cmd = new NpgsqlCommand(sql, connection, transaction);
            cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
            cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now.ToUniversalTime() });
            cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reason });
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                created.Add(new AuditRecord("create", "duplicate_candidate", reader.GetGuid(0).ToString(),
                    reader.GetString(1), null, reader.GetString(2)));
            }
        }

        await AuditWriter.WriteAsync(connection, transaction, caller, created, ct);
        return created.Count;
    }
}
