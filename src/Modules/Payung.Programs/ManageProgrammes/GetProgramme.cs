using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// One programme in the caller's scope with its commitments so far. Enrolments are read with SQL: they belong to
/// the enrolment feature, which is not mapped in this context.
/// </summary>
public sealed class GetProgramme(ProgrammesDbContext db, DescribeProgramme describe)
{
    public async Task<Outcome<ProgrammeDetailResponse>> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProgrammeRules.NotFound;
        }

        var tallies = await db.Database.SqlQuery<EnrollmentTally>($"""
            select status as "Status", count(*)::int as "Participants", coalesce(sum(committed_amount), 0)::bigint as "Committed"
              from programs.enrollment
             where programme_id = {programme.Id}
             group by status
            """).ToListAsync(ct);
        var committed = tallies.Sum(t => t.Committed);
        int Count(string status) => tallies.Where(t => t.Status == status).Sum(t => t.Participants);
        return new ProgrammeDetailResponse(
            await describe.ExecuteAsync(programme, ct),
            committed,
            programme.BudgetCeiling - committed,
            Count("active"),
            Count("waiting"),
            Count("ended"),
            CofundingSplit.Of(programme.BudgetCeiling, programme.CofunderSharePercent),
            CofundingSplit.Of(committed, programme.CofunderSharePercent));
    }

    private sealed class EnrollmentTally
    {
        public string Status { get; init; } = "";
        public int Participants { get; init; }
        public long Committed { get; init; }
    }
}
