using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Payung.Billing;
using Payung.Billing.HandOverToSelfPaid;
using Payung.Billing.NotifyParticipants;
using Payung.Shared;
using Payung.Tests.Programs.Enrollment;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>
/// Workers with and without a phone, KPJ numbers, self-paid ledger rows and outbox rows of the hand-over tests,
/// written with plain SQL; programmes and enrolments come from <see cref="EnrollmentTestKit"/>.
/// </summary>
internal static class SelfPaidTestKit
{
    // NIKs of these tests: the unassigned district 18.97.97, birth segment 060686 and serials 1000–4999.
    private static int serial = 1000;

    public static ContributionMonth CurrentMonth(PayungApiFactory factory) =>
        factory.Services.GetRequiredService<BusinessCalendar>().CurrentMonth();

    public static async Task<Guid> CreateWorkerAsync(PayungApiFactory factory, string? phone, string village = WorkersTestKit.Jondong,
        string name = "Siti Peserta Mandiri", string occupation = "petani")
    {
        var id = Guid.CreateVersion7();
        var next = Interlocked.Increment(ref serial);
        Assert.True(next <= 4999, "The self-paid tests used up their NIK serials.");
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into registry.worker (id, nik, full_name, birth_date, sex, village_code, occupation_code, dtsen_decile,
                                         status, phone, created_at, updated_at)
            values ($1, $2, $3, date '1986-06-06', 'F', $4, $5, 2, 'alive', $6, clock_timestamp(), clock_timestamp())
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = string.Create(CultureInfo.InvariantCulture, $"189797460686{next:0000}") });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = village });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = occupation });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)phone ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync();
        return id;
    }

    private static int kpjSerial;

    /// <summary>A KPJ number no other test uses (11 digits, prefix 9606).</summary>
    public static string NewKpj() => string.Create(CultureInfo.InvariantCulture, $"9606{Interlocked.Increment(ref kpjSerial):0000000}");

    public static async Task SeeKpjOnStatementAsync(PayungApiFactory factory, Guid workerId, string kpj, DateTimeOffset firstSeen)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "insert into billing.worker_kpj (kpj, worker_id, first_seen) values ($1, $2, $3)");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = kpj });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = firstSeen });
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A self-paid ledger month as the statement import records it: paid in full on the 10th, or unpaid.</summary>
    public static async Task SelfPaidMonthAsync(PayungApiFactory factory, Guid workerId, string month, long amount, bool paid = true,
        string? kpj = null, string village = WorkersTestKit.Jondong)
    {
        var m = ContributionMonth.Parse(month);
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            insert into billing.contribution (worker_id, month, source, amount_due, amount_paid, paid_on, kpj, village_code, regency_code, updated_at)
            values ($1, $2, 'self_paid', $3, $4, $5, $6, $7, left($7, 5), now())
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = m.FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = amount });
        cmd.Parameters.Add(new NpgsqlParameter<long> { TypedValue = paid ? amount : 0 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = paid ? m.FirstDay.AddDays(9) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)kpj ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = village });
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task DieAsync(PayungApiFactory factory, Guid workerId, DateOnly on)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "update registry.worker set status = 'deceased', death_date = $2 where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = on });
        await cmd.ExecuteNonQueryAsync();
    }

    public sealed record NotificationRow(Guid Id, string DedupeKey, string Kind, string Channel, string Recipient, string Body, string Status,
        int Attempts, string? LastError, string? Provider, string? ProviderRef, DateTimeOffset? SentAt, string? Month);

    public static async Task<List<NotificationRow>> NotificationsAsync(PayungApiFactory factory, string dedupePrefix)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select id, dedupe_key, kind, channel, recipient, body, status, attempts, last_error, provider, provider_ref, sent_at, month
              from billing.notification where dedupe_key like $1 || '%' order by dedupe_key
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = dedupePrefix });
        var rows = new List<NotificationRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            rows.Add(new NotificationRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.GetString(6), r.GetInt32(7), r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9),
                r.IsDBNull(10) ? null : r.GetString(10), r.IsDBNull(11) ? null : r.GetFieldValue<DateTimeOffset>(11),
                r.IsDBNull(12) ? null : ContributionMonth.FromFirstDay(r.GetFieldValue<DateOnly>(12)).ToString()));
        }

        return rows;
    }

    public static async Task<HandoverResponse> HandOverAsync(PayungApiFactory factory, Guid programmeId, CallerScope? caller = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<HandOverToSelfPaid>(caller ?? EnrollmentTestKit.Operator).ExecuteAsync(programmeId, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    /// <summary>The hand-over of a programme whatever today is: what the daily job runs inside the notice window.</summary>
    public static async Task<HandoverResponse> HandOverIgnoringTheWindowAsync(PayungApiFactory factory, Guid programmeId)
    {
        using var scope = factory.Services.CreateScope();
        var caller = EnrollmentTestKit.Operator;
        var handover = scope.As<HandOverToSelfPaid>(caller);
        await using var conn = await factory.Database.DataSource.OpenConnectionAsync();
        var programme = await BillingProgramme.FindAsync(conn, null, programmeId, caller, CancellationToken.None);
        var settings = await OutboxSettings.ReadAsync(conn, null, CancellationToken.None);
        var outcome = await handover.RunAsync(conn, programme!, caller, settings, auditEmptyRun: true, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    public static async Task<string> SettingAsync(PayungApiFactory factory, string key)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("select value from billing.setting where key = $1");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
