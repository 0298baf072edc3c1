using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageProgrammes;

/// <summary>Closes an active programme: no further enrolment. Months already committed stay as they are.</summary>
public sealed class CloseProgramme(ProgrammesDbContext db, DescribeProgramme describe, TimeProvider clock)
{
    public async Task<Outcome<ProgrammeResponse>> ExecuteAsync(Guid id, CancellationToken ct)
    {
        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProgrammeRules.NotFound;
        }

        if (!db.ManagesProgramme(programme))
        {
            return ProgrammeRules.OutOfScope;
        }

        if (programme.Status != ProgrammeStatus.Active)
        {
            return ProgrammeRules.NotActive;
        }

        programme.Close(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await describe.ExecuteAsync(programme, ct);
    }
}
