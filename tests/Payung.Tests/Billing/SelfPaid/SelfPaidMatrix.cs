using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Shared;
using Payung.Tests.Access;
using static Payung.Tests.Programs.Enrollment.EnrollmentTestKit;

namespace Payung.Tests.Billing.SelfPaid;

/// <summary>
/// The rows the access matrix needs for the hand-over endpoints, per target: a village-funded programme ending this
/// month (its hand-over window is open), a programme that ended in October 2025 with the target worker as its only
/// participant (a retention row for the target's village), and a message to the worker that a provider has sent.
/// </summary>
internal static class SelfPaidMatrix
{
    public sealed record Rows(Guid HandoverProgramme, Guid EndedProgramme, Guid Notification);

    public const string ProviderRef = "matriks";

    private static readonly ConcurrentDictionary<Guid, Rows> Seeded = new();

    public static Rows Of(AccessMatrixTests.Target target) => Seeded[target.Worker.Id];

    public static async Task SeedAsync(PayungApiFactory factory, AccessMatrixTests.Target target)
    {
        var current = factory.Services.GetRequiredService<BusinessCalendar>().CurrentMonth();
        var handover = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: current.ToString(), To: current.ToString(),
            FundingSource: "DANA_DESA", RegionCode: target.Region));
        var ended = await CreateProgrammeAsync(factory, new ProgrammeSpec(From: "2025-10", To: "2025-10",
            FundingSource: "DANA_DESA", RegionCode: target.Region));
        var notification = Guid.CreateVersion7();
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            with enrollment as (
                insert into programs.enrollment (id, programme_id, worker_id, village_code, regency_code, status, month_from, month_to,
                                                 committed_amount, rate_version, created_at)
                values ($1, $2, $3, $4, left($4, 5), 'active', date '2025-10-01', date '2025-10-01', 16800, 'JKK@2015-07;JKM@2015-07', now())
                returning id
            ),
            funded as (
                insert into programs.funded_month (worker_id, month, programme_id, enrollment_id, amount, jkk_amount, jkm_amount, rate_version, regency_code,
                                                   village_code)
                select $3, date '2025-10-01', $2, id, 16800, 10000, 6800, 'JKK@2015-07;JKM@2015-07', left($4, 5), $4 from enrollment
                returning 1
            )
            insert into billing.notification (id, dedupe_key, kind, channel, worker_id, programme_id, recipient, body, status, attempts,
                                              provider, provider_ref, village_code, regency_code, created_at, sent_at, updated_at)
            select $5, 'matrix:' || $3::text, 'handover', 'sms', $3, $2, '081200000000', 'Pesan uji matriks akses.', 'sent', 1,
                   'file', $6, $4, left($4, 5), now(), now(), now()
              from funded
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = ended });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = target.Worker.Id });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = target.Region });
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = notification });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ProviderRef });
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        Seeded[target.Worker.Id] = new Rows(handover, ended, notification);
    }
}
