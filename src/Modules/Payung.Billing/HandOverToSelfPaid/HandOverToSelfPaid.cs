using System.Text.Json;
using Npgsql;
using Payung.Billing.CheckProtection;
using Payung.Billing.NotifyParticipants;
using Payung.Programs.Contracts;
using Payung.Shared;

namespace Payung.Billing.HandOverToSelfPaid;

internal sealed record HandoverParticipant(
    Guid WorkerId,
    string? Nik,
    string FullName,
    string VillageCode,
    string? Phone,
    string? Kpj,
    long MonthlyAmount,
    IReadOnlyList<HandoverAmount> Amounts,
    string Outcome);

/// <summary>What the participant pays per month from <c>From</c> to <c>To</c> (null: onward, past the horizon stated).</summary>
internal sealed record HandoverAmount(string From, string? To, long Amount);

internal sealed record HandoverResponse(
    Guid ProgrammeId,
    string ProgrammeName,
    string LastFundedMonth,
    string FirstSelfPaidMonth,
    string SubsidyEndsOn,
    string NoticeFrom,
    int Participants,
    int Queued,
    int AlreadyQueued,
    int WithoutPhone,
    int WithoutKpj,
    IReadOnlyList<HandoverParticipant> Items);

/// <summary>
/// The hand-over to self-paid contributions. <c>handover_notice_days</c> before a programme ends (the last day of its
/// last month) the participants whose subsidy ends with it — active enrolments funded up to the programme's last month,
/// alive, not merged, and not funded by another programme the month after — each get ONE message (dedupe key
/// <c>handover:{programme}:{worker}</c>) with their KPJ and what self-paid JKK+JKM costs month by month for
/// <see cref="SelfPaidMessage.HorizonMonths"/> months from the first month after the programme (the Programs module's
/// rates for <c>SELF_PAID</c> and the worker's sector, so PP 50/2025's half-price months read as such and the full
/// amount after them), with the due day and lapse months of the protection rule in force for that first month.
/// Participants without a phone are listed but get no message. Audited; running it again queues nothing new.
/// </summary>
internal sealed class HandOverToSelfPaid(
    NpgsqlDataSource dataSource,
    SelfPaidContribution selfPaid,
    CallerContext caller,
    TimeProvider clock,
    BusinessCalendar calendar)
{
    public const string Kind = "handover";

    public async Task<Outcome<HandoverResponse>> ExecuteAsync(Guid programmeId, CancellationToken ct)
    {
        var scope = caller.Scope;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var programme = await BillingProgramme.FindAsync(conn, null, programmeId, scope, ct);
        if (programme is null)
        {
            return Refusal.NotFound("programme.not_found", "Program tidak ditemukan.");
        }

        if (!scope.Covers(programme.RegionCode))
        {
            return Refusal.Forbidden("region.out_of_scope", "Program di luar wilayah Anda.");
        }

        if (!programme.IsBillable)
        {
            return Refusal.Rule("handover.programme_not_active", "Program belum aktif.", "Peralihan ke iuran mandiri hanya untuk program aktif atau yang sudah ditutup.");
        }

        var settings = await OutboxSettings.ReadAsync(conn, null, ct);
        var noticeFrom = NoticeFrom(programme, settings);
        if (calendar.Today() < noticeFrom)
        {
            return Refusal.Rule("handover.too_early", "Belum waktunya memberi tahu peserta.",
                $"Pemberitahuan dikirim mulai {noticeFrom:yyyy-MM-dd}, {settings.HandoverNoticeDays} hari sebelum program berakhir.");
        }

        return await RunAsync(conn, programme, scope, settings, auditEmptyRun: true, ct);
    }

    /// <summary>The first day participants are told: <c>handover_notice_days</c> before the last day of the programme's last month.</summary>
    public static DateOnly NoticeFrom(BillingProgramme programme, OutboxSettings settings) =>
        programme.MonthTo.LastDay.AddDays(-settings.HandoverNoticeDays);

    /// <summary>Lists and queues in one transaction; also what the daily job runs for each programme in its notice window.</summary>
    public async Task<Outcome<HandoverResponse>> RunAsync(NpgsqlConnection conn, BillingProgramme programme, CallerScope scope,
        OutboxSettings settings, bool auditEmptyRun, CancellationToken ct)
    {
        var lastMonth = programme.MonthTo;
        var firstSelfPaid = lastMonth.PlusMonths(1);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var participants = await ParticipantsAsync(conn, tx, programme.Id, lastMonth, scope, ct);
        var lookaheadEnd = SelfPaidMessage.LookaheadEnd(firstSelfPaid);
        if (ProtectionRule.For(await ProtectionRule.ReadAllAsync(conn, ct), firstSelfPaid) is not { } rule)
        {
            return Refusal.Rule("handover.no_rule", "Tidak ada aturan perlindungan yang berlaku.",
                $"Aturan perlindungan tidak mencakup bulan {firstSelfPaid}.");
        }

        var schedules = new Dictionary<string, IReadOnlyList<SelfPaidMonth>>(StringComparer.Ordinal);
        foreach (var sector in participants.Select(p => p.Sector).Distinct())
        {
            var months = new List<SelfPaidMonth>();
            // The months the rate tables cover, from the first self-paid month on without a hole, as far as the message looks.
            for (var month = firstSelfPaid; month <= lookaheadEnd; month = month.PlusMonths(1))
            {
                if (await selfPaid.QuoteAsync(month, sector, ct) is not { } quote)
                {
                    break;
                }

                months.Add(new SelfPaidMonth(month, quote.Total));
            }

            if (months.Count == 0)
            {
                return Refusal.Rule("handover.no_rate", "Tidak ada tarif iuran mandiri yang berlaku.",
                    $"Tabel tarif tidak mencakup bulan {firstSelfPaid}.");
            }

            schedules[sector ?? ""] = months;
        }

        var messages = participants
            .Where(p => p.Phone is not null)
            .Select(p => new QueuedMessage(
                DedupeKey(programme.Id, p.WorkerId), Kind, p.WorkerId, programme.Id, firstSelfPaid, p.Phone!,
                SelfPaidMessage.Handover(p.FullName, programme.FunderName, lastMonth, p.Kpj, schedules[p.Sector ?? ""], rule,
                    settings.PaymentInstructions),
                p.VillageCode, p.RegencyCode))
            .ToList();
        var now = clock.GetUtcNow();
        var added = await OutboxQueue.QueueAsync(conn, tx, messages, settings.Channel, now, ct);
        var items = participants.Select(p => new HandoverParticipant(
            p.WorkerId, PersonalData.For(scope, p.Nik), p.FullName, p.VillageCode, PersonalData.For(scope, p.Phone, PersonalData.MaskPhone),
            PersonalData.For(scope, p.Kpj), schedules[p.Sector ?? ""][0].Amount,
            SelfPaidMessage.Periods(schedules[p.Sector ?? ""])
                .Select(x => new HandoverAmount(x.From.ToString(), x.To?.ToString(), x.Amount)).ToList(),
            p.Phone is null ? "no_phone" : added.Contains(DedupeKey(programme.Id, p.WorkerId)) ? "queued" : "already_queued")).ToList();
        var response = new HandoverResponse(programme.Id, programme.Name, lastMonth.ToString(), firstSelfPaid.ToString(),
            lastMonth.LastDay.ToString("yyyy-MM-dd"), NoticeFrom(programme, settings).ToString("yyyy-MM-dd"), items.Count,
            added.Count, items.Count(i => i.Outcome == "already_queued"), items.Count(i => i.Outcome == "no_phone"),
            items.Count(i => i.Kpj is null), items);
        if (added.Count > 0 || auditEmptyRun)
        {
            await AuditWriter.WriteAsync(conn, tx, scope,
            [
                new AuditRecord(added.Count > 0 ? "create" : "view", "handover", programme.Id.ToString(), programme.RegionCode, null,
                    JsonSerializer.Serialize(new
                    {
                        firstSelfPaidMonth = firstSelfPaid.ToString(),
                        participants = response.Participants,
                        queued = response.Queued,
                        alreadyQueued = response.AlreadyQueued,
                        withoutPhone = response.WithoutPhone,
                    })),
            ], ct);
        }

        await tx.CommitAsync(ct);
        return response;
    }

    public static string DedupeKey(Guid programmeId, Guid workerId) => $"handover:{programmeId}:{workerId}";

    private sealed record Participant(Guid WorkerId, string Nik, string FullName, string? Phone, string VillageCode, string RegencyCode,
        string? Sector, string? Kpj);

    private static async Task<List<Participant>> ParticipantsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid programmeId,
        ContributionMonth lastMonth, CallerScope scope, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            select b.worker_id, w.nik, w.full_name, w.phone, b.village_code, b.regency_code, p.occupation_sector,
                   {SelfPaidCohort.LatestKpj("b.worker_id")}
              from programs.billable_month b
              join registry.worker_identity w on w.id = b.worker_id
              left join registry.worker_profile p on p.id = b.worker_id
             where b.programme_id = $1 and b.month = $2
               and {SelfPaidCohort.SubsidyEndsHere("b", "w", "$3")}
               and w.death_date is null
               and {ScopeSql.Predicate("b.regency_code", "b.village_code", 4)}
             order by b.village_code, w.full_name, b.worker_id
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = programmeId });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = lastMonth.FirstDay });
        cmd.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = lastMonth.PlusMonths(1).FirstDay });
        ScopeSql.AddParameters(cmd, scope);
        var list = new List<Participant>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            list.Add(new Participant(r.GetGuid(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
                r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7)));
        }

        return list;
    }
}
