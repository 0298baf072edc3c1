using Microsoft.EntityFrameworkCore;

namespace Payung.Programs.ManageProgrammes;

/// <summary>Changes a draft's terms; an active or closed programme keeps the terms its enrolments rest on.</summary>
public sealed class EditProgramme(ProgrammesDbContext db, CallerContext caller, DescribeProgramme describe, TimeProvider clock)
{
    public async Task<Outcome<ProgrammeResponse>> ExecuteAsync(Guid id, ProgrammeRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON data program { name, funderId, fundingSource, … }.");
        }

        var programme = await db.Programmes.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (programme is null)
        {
            return ProgrammeRules.NotFound;
        }

        if (!db.ManagesProgramme(programme))
        {
            return ProgrammeRules.OutOfScope;
        }

        if (programme.Status != ProgrammeStatus.Draft)
        {
            return ProgrammeRules.NotDraft;
        }

        var errors = new Dictionary<string, string[]>();
        if (ProgrammeRules.Read(request, errors) is not { } details)
        {
            return Refusal.Invalid(errors);
        }

        var (region, refusal) = await ProgrammeRules.CheckAsync(details, db, caller.Scope, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        programme.Edit(details, region!, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return await describe.ExecuteAsync(programme, ct);
    }
}
