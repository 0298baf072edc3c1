using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Payung.Shared;

namespace Payung.Infrastructure.Jobs;

/// <summary>
/// The persisted job queue in <c>jobs.job</c>: enqueue, claim with <c>FOR UPDATE SKIP LOCKED</c> under a
/// lease, renew, report progress, finish. Every state change after the claim names the lease owner, so a
/// worker that lost its lease (paused, partitioned) can no longer touch the job.
/// </summary>
public sealed class JobQueue(NpgsqlDataSource dataSource, JobOptions options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public JobOptions Options => options;

    /// <summary>
    /// Inserts the job. Pass <paramref name="connection"/> and <paramref name="transaction"/> to enqueue
    /// together with the rows that describe the job (an upload and its file), so neither exists without
    /// the other.
    /// </summary>
    public async Task<Guid> EnqueueAsync(JobRequest request, NpgsqlConnection? connection = null,
        NpgsqlTransaction? transaction = null, CancellationToken ct = default)
    {
        var caller = request.Caller;
        var payload = JsonSerializer.Serialize(new StoredPayload(JobCaller.From(caller), request.Data), Json);
        var region = caller.AllRegions ? null : caller.ScopeCode;
        var regency = caller.AllRegions ? null
            : region is { Length: >= 5 } ? region[..5]
            : caller.Regencies.Count == 1 ? caller.Regencies[0] : null;
        const string sql = """
            insert into jobs.job (id, kind, status, payload, total, max_attempts, created_by, created_by_name,
                                  regency_code, region_code, lease_owner, lease_until, attempts, started_at)
            values ($1, $2, case when $10::text is null then 'queued' else 'running' end, $3::jsonb, $4, $5, $6, $7, $8, $9,
                    $10, case when $10::text is null then null else now() + make_interval(secs => $11) end,
                    case when $10::text is null then 0 else 1 end,
                    case when $10::text is null then null else now() end)
            """;
        await using var owned = connection is null ? await dataSource.OpenConnectionAsync(ct) : null;
        await using var cmd = new NpgsqlCommand(sql, connection ?? owned, transaction);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = request.Id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Kind });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
        cmd.Parameters.Add(Maybe(request.Total, NpgsqlDbType.Bigint));
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = request.MaxAttempts });
        cmd.Parameters.Add(Maybe(caller.ActorId, NpgsqlDbType.Uuid));
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = caller.ActorName });
        cmd.Parameters.Add(Maybe(regency, NpgsqlDbType.Text));
        cmd.Parameters.Add(Maybe(region, NpgsqlDbType.Text));
        cmd.Parameters.Add(Maybe(request.LeaseOwner, NpgsqlDbType.Text));
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = options.Lease.TotalSeconds });
        await cmd.ExecuteNonQueryAsync(ct);
        return request.Id;
    }

    /// <summary>
    /// Claims the oldest job of one of <paramref name="kinds"/> that is queued, or running under a lease
    /// that ran out (its worker died), and has attempts left.
    /// </summary>
    public async Task<Guid?> ClaimNextAsync(string owner, IReadOnlyCollection<string> kinds, CancellationToken ct)
    {
        const string sql = """
            update jobs.job
               set status = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $2),
                   attempts = attempts + 1, started_at = coalesce(started_at, now())
             where id = (select id from jobs.job
                          where (status = 'queued' or (status = 'running' and lease_until < now()))
                            and attempts < max_attempts and kind = any($3)
                          order by created_at
                          for update skip locked
                          limit 1)
            returning id
            """;
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = options.Lease.TotalSeconds });
        cmd.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = kinds.ToArray() });
        return await cmd.ExecuteScalarAsync(ct) is Guid id ? id : null;
    }

    /// <summary>
    /// Claims one particular job for <paramref name="owner"/> (a command that runs it in-process), if it
    /// is queued or its worker's lease ran out; false when another worker holds it or it has ended.
    /// </summary>
    public async Task<bool> ClaimAsync(Guid id, string owner, CancellationToken ct)
    {
        const string sql = """
            update jobs.job
               set status = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $2),
                   attempts = attempts + 1, started_at = coalesce(started_at, now())
             where id = (select id from jobs.job
                          where id = $3 and (status = 'queued' or (status = 'running' and lease_until < now()))
                            and attempts < max_attempts
                          for update skip locked)
            returning id
            """;
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = options.Lease.TotalSeconds });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await cmd.ExecuteScalarAsync(ct) is Guid;
    }

    /// <summary>Jobs whose worker died on the last attempt: nobody will claim them again, so they fail.</summary>
    public async Task<int> FailAbandonedAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job
               set status = 'failed', error_code = 'job.attempts_exhausted',
                   error_message = 'Pekerjaan berhenti di tengah jalan pada setiap percobaan dan tidak diulang lagi.',
                   finished_at = clock_timestamp(), lease_owner = null, lease_until = null
             where status = 'running' and lease_until < now() and attempts >= max_attempts
            """);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<bool> RenewAsync(Guid id, string owner, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job set lease_until = now() + make_interval(secs => $3)
             where id = $1 and lease_owner = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(new NpgsqlParameter<double> { TypedValue = options.Lease.TotalSeconds });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task ReportAsync(Guid id, string owner, string stage, long progress, long? total, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job set stage = $3, progress = $4, total = coalesce($5, total)
             where id = $1 and lease_owner = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stage });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = progress });
        cmd.Parameters.Add(Maybe(total, NpgsqlDbType.Bigint));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Marks the job succeeded on the handler's own connection and transaction, so the job's outcome and
    /// its effects commit together. False when the lease was lost: the caller must roll back.
    /// </summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, string? resultJson, NpgsqlConnection connection,
        NpgsqlTransaction? transaction, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            update jobs.job
               set status = 'succeeded', stage = 'done', result = $3::jsonb, progress = coalesce(total, progress),
                   error_code = null, error_message = null, finished_at = clock_timestamp(), lease_owner = null, lease_until = null
             where id = $1 and lease_owner = $2 and status = 'running'
            """, connection, transaction);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(Maybe(resultJson, NpgsqlDbType.Text));
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Marks the job succeeded without a result, for handlers that did not complete it themselves.</summary>
    public async Task<bool> CompleteAsync(Guid id, string owner, string? resultJson, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await CompleteAsync(id, owner, resultJson, connection, null, ct);
    }

    /// <summary>
    /// Records a failure: for good when <paramref name="permanent"/> or no attempts are left, else back in
    /// the queue for another attempt. Returns the state the job is in afterwards.
    /// </summary>
    public async Task<JobState> FailAsync(Guid id, string owner, string code, string message, bool permanent, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job
               set status = case when $5 or attempts >= max_attempts then 'failed' else 'queued' end,
                   finished_at = case when $5 or attempts >= max_attempts then clock_timestamp() end,
                   error_code = $3, error_message = $4, lease_owner = null, lease_until = null
             where id = $1 and lease_owner = $2 and status = 'running'
            returning status
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Length > 2000 ? message[..2000] : message });
        cmd.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = permanent });
        return await cmd.ExecuteScalarAsync(ct) is string status ? JobStates.Parse(status) : JobState.Running;
    }

    /// <summary>A worker shutting down hands its job back; the interrupted attempt does not count.</summary>
    public async Task ReleaseAsync(Guid id, string owner, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job set status = 'queued', attempts = greatest(attempts - 1, 0), lease_owner = null, lease_until = null
             where id = $1 and lease_owner = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The owner gave up on the job (Ctrl+C in the CLI): it ends cancelled and is not retried.</summary>
    public async Task CancelAsync(Guid id, string owner, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            update jobs.job set status = 'cancelled', error_code = 'job.cancelled', error_message = 'Dibatalkan.',
                                finished_at = clock_timestamp(), lease_owner = null, lease_until = null
             where id = $1 and lease_owner = $2 and status = 'running'
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<JobStatus?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            select id, kind, status, stage, progress, total, attempts, max_attempts, result::text, error_code, error_message,
                   created_by, created_by_name, regency_code, region_code, created_at, started_at, finished_at
              from jobs.job where id = $1
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new JobStatus(
            reader.GetGuid(0),
            reader.GetString(1),
            JobStates.Parse(reader.GetString(2)),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetInt64(4),
            reader.IsDBNull(5) ? null : reader.GetInt64(5),
            reader.GetInt32(6),
            reader.GetInt32(7),
            reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<JsonElement>(reader.GetString(8)),
            reader.IsDBNull(9) ? null : reader.GetString(9),
            reader.IsDBNull(10) ? null : reader.GetString(10),
            reader.IsDBNull(11) ? null : reader.GetGuid(11),
            reader.GetString(12),
            reader.IsDBNull(13) ? null : reader.GetString(13),
            reader.IsDBNull(14) ? null : reader.GetString(14),
            reader.GetFieldValue<DateTimeOffset>(15),
            reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
            reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17));
    }

    /// <summary>The job's kind, payload and creator, if it is running under <paramref name="owner"/>'s lease.</summary>
    internal async Task<LeasedJob?> LoadLeasedAsync(Guid id, string owner, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "select kind, payload::text, attempts from jobs.job where id = $1 and lease_owner = $2 and status = 'running'");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = owner });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<StoredPayload>(reader.GetString(1), Json)
            ?? throw new InvalidOperationException($"Job {id} has no payload.");
        return new LeasedJob(id, reader.GetString(0), stored.Caller, stored.Data, reader.GetInt32(2));
    }

    private static NpgsqlParameter Maybe<T>(T? value, NpgsqlDbType type) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };

    internal sealed record LeasedJob(Guid Id, string Kind, JobCaller Caller, JsonElement Data, int Attempt);

    private sealed record StoredPayload(JobCaller Caller, JsonElement Data);
}
