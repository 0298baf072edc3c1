using System.Text.Json;
using Npgsql;
using Payung.Shared;

namespace Payung.Billing.GenerateMonthlyBills;

internal sealed record GenerateBillsRequest(string? Month);

internal sealed record GeneratedBill(Guid BillId, string Month, int Sequence, string Kind, int Lines, long Total);

internal sealed record GenerateBillsResponse(Guid ProgrammeId, int MonthsChecked, int BillsIssued, IReadOnlyList<GeneratedBill> Bills);

/// <summary>
/// Issues the bills of one programme: for one contribution month when asked, else for every month of the programme
/// up to the current month (prepaying later months is asking for them one by one). Each programme-month is one
/// statement in its own transaction (<see cref="BillProgrammeMonths"/>), audited with the bill it issued.
/// </summary>
public sealed class GenerateBills(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock, BusinessCalendar calendar)
{
    internal async Task<Outcome<GenerateBillsResponse>> ExecuteAsync(Guid programmeId, GenerateBillsRequest? request, CancellationToken ct)
    {
        ContributionMonth? asked = null;
        if (request?.Month is { Length: > 0 } text)
        {
            if (!ContributionMonth.TryParse(text, out var m))
            {
                return Refusal.Invalid("month", "Bulan iuran harus berformat yyyy-MM.");
            }

            asked = m;
        }

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
            return Refusal.Rule("billing.programme_not_billable", "Program belum aktif.", "Tagihan hanya dibuat untuk program aktif atau yang sudah ditutup.");
        }

        if (asked is { } one && (one < programme.MonthFrom || one > programme.MonthTo))
        {
            return Refusal.Rule("billing.month_outside_programme", "Bulan di luar periode program.",
                $"Periode program {programme.MonthFrom}–{programme.MonthTo}.");
        }

        var months = asked is { } only ? [only] : MonthsDue(programme, calendar.CurrentMonth());
        var bills = new List<GeneratedBill>();
        foreach (var month in months)
        {
            if (await BillMonthAsync(conn, programme, month, scope, ct) is { } bill)
            {
                bills.Add(bill);
            }
        }

        return new GenerateBillsResponse(programme.Id, months.Count, bills.Count, bills);
    }

    /// <summary>The months the automatic run bills: from the programme's first month up to this month.</summary>
    internal static IReadOnlyList<ContributionMonth> MonthsDue(BillingProgramme programme, ContributionMonth current)
    {
        var last = programme.MonthTo < current ? programme.MonthTo : current;
        var months = new List<ContributionMonth>();
        for (var m = programme.MonthFrom; m <= last; m = m.PlusMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    internal async Task<GeneratedBill?> BillMonthAsync(NpgsqlConnection conn, BillingProgramme programme, ContributionMonth month,
        CallerScope scope, CancellationToken ct) =>
        (await BillMonthAsync(conn, [programme], month, scope, ct)).SingleOrDefault();

    /// <summary>
    /// Bills <paramref name="programmes"/> for <paramref name="month"/> with one statement in one transaction
    /// (<see cref="BillProgrammeMonths"/>), each bill audited with it; returns the bills issued.
    /// </summary>
    internal async Task<IReadOnlyList<GeneratedBill>> BillMonthAsync(NpgsqlConnection conn, IReadOnlyList<BillingProgramme> programmes,
        ContributionMonth month, CallerScope scope, CancellationToken ct)
    {
        await using var tx = await conn.BeginTransactionAsync(ct);
        var results = await BillProgrammeMonths.RunAsync(conn, tx, programmes.Select(p => p.Id).ToList(), month, clock.GetUtcNow(),
            scope.ActorName, ct);
        if (results.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return [];
        }

        var regions = programmes.ToDictionary(p => p.Id, p => p.RegionCode);
        var bills = results.Select(r => new GeneratedBill(r.BillId, month.ToString(), r.Sequence,
            r.Sequence == 0 ? "regular" : "adjustment", r.Lines, r.Total)).ToList();
        await AuditWriter.WriteAsync(conn, tx, scope, results.Zip(bills, (r, bill) =>
            new AuditRecord("create", "bill", bill.BillId.ToString(), regions[r.ProgrammeId], null, JsonSerializer.Serialize(new
            {
                programmeId = r.ProgrammeId,
                month = bill.Month,
                sequence = bill.Sequence,
                kind = bill.Kind,
                lines = bill.Lines,
                total = bill.Total,
            }))).ToList(), ct);
        await tx.CommitAsync(ct);
        return bills;
    }
}
