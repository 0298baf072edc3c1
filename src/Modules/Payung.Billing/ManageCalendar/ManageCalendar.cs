using System.Globalization;
using System.Text.Json;
using Npgsql;
using Payung.Infrastructure.Rules;
using Payung.Shared;

namespace Payung.Billing.ManageCalendar;

internal sealed record NonWorkingDayItem(string? Date, string? Kind, string? Name);

internal sealed record CalendarYearRequest(string? Source, IReadOnlyList<NonWorkingDayItem>? Days);

internal sealed record CalendarYearResponse(int Year, bool Entered, string? Source, IReadOnlyList<NonWorkingDayItem> Days);

/// <summary>
/// The working-day calendar of one year: its public holidays and collective leave days from the year's joint decree
/// (SKB). Reading is open to everyone signed in; a national administrator enters or replaces a year as a whole, audited
/// (the days before and after), in one transaction, and every process's calendar cache is cleared by the table trigger.
/// </summary>
public sealed class ManageCalendar(NpgsqlDataSource dataSource, CallerContext caller, TimeProvider clock, WorkingCalendarCache cache)
{
    public const int MaxDays = 60;

    internal async Task<Outcome<CalendarYearResponse>> ReadAsync(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100)
        {
            return Refusal.Invalid("year", "Tahun harus antara 2000 dan 2100.");
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await ReadYearAsync(conn, null, year, ct);
    }

    internal async Task<Outcome<CalendarYearResponse>> PutAsync(int year, CalendarYearRequest? request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["Tahun harus antara 2000 dan 2100."];
        }

        if (request?.Source?.Trim() is not { Length: >= 3 and <= 300 })
        {
            errors["source"] = ["Dasar penetapan (nomor SKB) wajib diisi, 3–300 karakter."];
        }

        var days = new List<NonWorkingDay>();
        if (request?.Days is not { Count: > 0 and <= MaxDays } items)
        {
            errors["days"] = ["Isi 1 sampai 60 hari libur dan cuti bersama."];
        }
        else
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                if (!DateOnly.TryParseExact(item?.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || day.Year != year)
                {
                    errors[$"days[{i}].date"] = ["Tanggal harus berformat yyyy-MM-dd dan jatuh pada tahun yang dimasukkan."];
                }
                else if (days.Any(d => d.Day == day))
                {
                    errors[$"days[{i}].date"] = ["Tanggal ini sudah ada di daftar."];
                }

                if (item?.Kind is not (NonWorkingDay.Holiday or NonWorkingDay.CollectiveLeave))
                {
                    errors[$"days[{i}].kind"] = ["Jenis harus holiday (libur nasional) atau collective_leave (cuti bersama)."];
                }

                if (item?.Name?.Trim() is not { Length: >= 2 and <= 200 })
                {
                    errors[$"days[{i}].name"] = ["Nama hari wajib diisi, 2–200 karakter."];
                }

                if (!errors.Keys.Any(k => k.StartsWith($"days[{i}]", StringComparison.Ordinal)))
                {
                    days.Add(new NonWorkingDay(day, item!.Kind!, item.Name!.Trim()));
                }
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var lockYear = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext('calendar.year'), $1)", conn, tx))
        {
            lockYear.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
            await lockYear.ExecuteNonQueryAsync(ct);
        }

        var before = await ReadYearAsync(conn, tx, year, ct);
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            var remove = new NpgsqlBatchCommand("delete from calendar.year where year = $1");
            remove.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
            var add = new NpgsqlBatchCommand("insert into calendar.year (year, source, entered_by, entered_at) values ($1, $2, $3, $4)");
            add.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
            add.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request!.Source!.Trim() });
            add.Parameters.Add(new NpgsqlParameter<string> { TypedValue = caller.Scope.ActorName });
            add.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = clock.GetUtcNow() });
            var addDays = new NpgsqlBatchCommand("""
                insert into calendar.non_working_day (day, year, kind, name)
                select d, $1, k, n from unnest($2::date[], $3::text[], $4::text[]) as u(d, k, n)
                """);
            addDays.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
            addDays.Parameters.Add(new NpgsqlParameter<DateOnly[]> { TypedValue = days.Select(d => d.Day).ToArray() });
            addDays.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = days.Select(d => d.Kind).ToArray() });
            addDays.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = days.Select(d => d.Name).ToArray() });
            batch.BatchCommands.Add(remove);
            batch.BatchCommands.Add(add);
            batch.BatchCommands.Add(addDays);
            await batch.ExecuteNonQueryAsync(ct);
        }

        var after = await ReadYearAsync(conn, tx, year, ct);
        await AuditWriter.WriteAsync(conn, tx, caller.Scope,
        [
            new AuditRecord(before.Entered ? "update" : "create", "calendar_year", year.ToString(CultureInfo.InvariantCulture), null,
                before.Entered ? JsonSerializer.Serialize(before) : null, JsonSerializer.Serialize(after)),
        ], ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return after;
    }

    private static async Task<CalendarYearResponse> ReadYearAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, int year, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            select y.source, d.day, d.kind, d.name
              from calendar.year y left join calendar.non_working_day d on d.year = y.year
             where y.year = $1
             order by d.day
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
        string? source = null;
        var days = new List<NonWorkingDayItem>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            source = r.GetString(0);
            if (!r.IsDBNull(1))
            {
                days.Add(new NonWorkingDayItem(r.GetFieldValue<DateOnly>(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3)));
            }
        }

        return new CalendarYearResponse(year, source is not null, source, days);
    }
}
