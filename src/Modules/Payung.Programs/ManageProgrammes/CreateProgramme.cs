namespace Payung.Programs.ManageProgrammes;

/// <summary>Creates a draft programme for a funder the caller covers; its region is the funder's.</summary>
public sealed class CreateProgramme(ProgrammesDbContext db, CallerContext caller, DescribeProgramme describe, TimeProvider clock)
{
    public async Task<Outcome<ProgrammeResponse>> ExecuteAsync(ProgrammeRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON data program { name, funderId, fundingSource, … }.");
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

        var programme = Programme.Draft(details, region!, clock.GetUtcNow());
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(ct);
        return await describe.ExecuteAsync(programme, ct);
    }
}
