using Npgsql;
using Payung.Programs.EnrollWorkers;
using Payung.Registry.Contracts;
using Payung.Shared;

namespace Payung.Programs.EnrollByNik;

/// <summary>
/// Enrols the workers named by NIK (typed into a page or read from a file). Every row gets a verdict: an empty or
/// malformed NIK, a NIK already given in an earlier row, or one that names no worker in the caller's scope (looked up
/// through the registry's contract) is rejected here; the others go through <see cref="EnrollWorkers.EnrollWorkers"/>
/// together and carry its verdict.
/// </summary>
public sealed class EnrollWorkersByNik(
    NpgsqlDataSource dataSource, EnrollWorkers.EnrollWorkers enrollWorkers, WorkerNiks workerNiks, CallerContext caller, BusinessCalendar calendar)
{
    /// <summary>
    /// <paramref name="membershipStart"/> (yyyy-MM-dd) is the day BPJS registered the participants, for every row that
    /// names none of its own; left out, the day of enrolment.
    /// </summary>
    public async Task<Outcome<EnrollByNikResponse>> ExecuteAsync(Guid programmeId, IReadOnlyList<NikListRow> rows, CancellationToken ct,
        string? membershipStart = null)
    {
        if (rows.Count is < 1 or > EnrollWorkers.EnrollWorkers.MaxWorkerIds)
        {
            return Refusal.Invalid("niks", $"Isi 1 sampai {EnrollWorkers.EnrollWorkers.MaxWorkerIds} NIK.");
        }

        var scope = caller.Scope;
        EnrollmentProgramme? programme;
        await using (var conn = await dataSource.OpenConnectionAsync(ct))
        {
            programme = await EnrollmentProgramme.PeekAsync(conn, programmeId, ct);
        }

        // Checked before any lookup, so a list of unknown NIKs is not answered as if the programme took it.
        if (programme is null || !programme.IsVisibleTo(scope))
        {
            return EnrollmentProgramme.NotFound;
        }

        if (programme.Status != "active")
        {
            return EnrollmentProgramme.NotActive;
        }

        var today = calendar.Today();
        var verdicts = new NikRowVerdict?[rows.Count];
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var text = rows[i].Text?.Trim();
            if (Malformed(text) is { } reason)
            {
                verdicts[i] = Rejected(rows[i], scope, reason);
            }
            else if (rows[i].MembershipStart is { } start && !EnrollWorkers.EnrollWorkers.TryParseMembershipStart(start, today, out _))
            {
                verdicts[i] = Rejected(rows[i], scope, EnrollmentReasons.MembershipStartInvalid);
            }
            else if (firstRow.TryGetValue(text!, out var first))
            {
                verdicts[i] = Rejected(rows[i], scope, EnrollmentReasons.DuplicateNik(first));
            }
            else
            {
                firstRow[text!] = rows[i].RowNumber;
            }
        }

        var found = await workerNiks.FindAsync(firstRow.Keys.ToList(), ct);
        var committed = programme.Committed;
        var byWorker = new Dictionary<Guid, EnrollmentVerdict>();
        if (found.Count > 0)
        {
            var startByWorker = new Dictionary<Guid, DateOnly>();
            foreach (var row in rows)
            {
                if (row.Text?.Trim() is { } nik && found.TryGetValue(nik, out var id) && firstRow.GetValueOrDefault(nik) == row.RowNumber
                    && EnrollWorkers.EnrollWorkers.TryParseMembershipStart(row.MembershipStart, today, out var day))
                {
                    startByWorker[id] = day;
                }
            }

            var outcome = await enrollWorkers.ExecuteAsync(programmeId,
                new EnrollWorkersRequest(found.Values.ToList(), null, membershipStart), startByWorker, ct);
            if (!outcome.Succeeded)
            {
                return outcome.Refusal;
            }

            committed = outcome.Value.CommittedTotal;
            byWorker = outcome.Value.Verdicts.ToDictionary(v => v.WorkerId);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (verdicts[i] is not null)
            {
                continue;
            }

            var nik = rows[i].Text!.Trim();
            verdicts[i] = found.TryGetValue(nik, out var workerId) && byWorker.TryGetValue(workerId, out var v)
                ? new NikRowVerdict(rows[i].RowNumber, PersonalData.For(scope, nik), v.Verdict, v.Reasons, workerId, v.EnrollmentId, v.OtherProgrammeId)
                : Rejected(rows[i], scope, EnrollmentReasons.NotFound);
        }

        var all = verdicts.Select(v => v!).ToList();
        return new EnrollByNikResponse(
            all.Count(v => v.Verdict == "enrolled"), all.Count(v => v.Verdict == "waiting"), all.Count(v => v.Verdict == "rejected"),
            committed, all);
    }

    private static RuleMessage? Malformed(string? text) =>
        string.IsNullOrEmpty(text) ? EnrollmentReasons.NikRequired
        : Nik.TryParse(text, out _) ? null
        : text.Length != 16 ? EnrollmentReasons.NikLength
        : EnrollmentReasons.NikNotDigits;

    // What was written goes back as written (cut to a NIK's length and a little): the operator finds the row by it.
    private static NikRowVerdict Rejected(NikListRow row, CallerScope scope, RuleMessage reason)
    {
        var written = row.Text?.Trim();
        return new(row.RowNumber, PersonalData.For(scope, written is { Length: > 40 } ? written[..40] : written), "rejected", [reason]);
    }
}
