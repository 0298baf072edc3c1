using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Programs.ManageFunders;

/// <summary>
/// Records a funder in a region the caller covers. A government's kind fixes its region level (a kabupaten/kota
/// sits in a regency, a province in a province, a village government in a village); a company may sit anywhere.
/// </summary>
public sealed class CreateFunder(ProgrammesDbContext db, CallerContext caller, IRegionDirectory regions, TimeProvider clock)
{
    public async Task<Outcome<FunderResponse>> ExecuteAsync(CreateFunderRequest? request, CancellationToken ct)
    {
        if (request is null)
        {
            return Refusal.Invalid("body", "Isi permintaan wajib berupa JSON { name, kind, regionCode }.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 3 or > 150)
        {
            errors["name"] = ["Nama pemberi dana wajib diisi, 3 sampai 150 karakter."];
        }

        FunderKind? kind = request.Kind?.Trim().ToLowerInvariant() switch
        {
            "pemkab" => FunderKind.Pemkab,
            "pemkot" => FunderKind.Pemkot,
            "pemprov" => FunderKind.Pemprov,
            "pemdes" => FunderKind.Pemdes,
            "company" => FunderKind.Company,
            _ => null,
        };
        if (kind is null)
        {
            errors["kind"] = ["Jenis pemberi dana harus salah satu dari pemkab, pemkot, pemprov, pemdes, company."];
        }

        RegionInfo? region = null;
        if (!RegionCode.TryParse(request.RegionCode?.Trim(), out var code))
        {
            errors["regionCode"] = ["Kode wilayah wajib diisi dengan format Kemendagri, mis. 18.01 atau 18.01.06.2001."];
        }
        else if ((region = await regions.FindAsync(code, ct)) is null)
        {
            errors["regionCode"] = ["Kode wilayah tidak dikenal."];
        }
        else if (kind is { } k && RequiredLevel(k) is { } level && code.Level != level)
        {
            errors["regionCode"] = [k switch
            {
                FunderKind.Pemprov => "Pemerintah provinsi harus berkedudukan di wilayah provinsi.",
                FunderKind.Pemdes => "Pemerintah desa harus berkedudukan di wilayah desa.",
                _ => "Pemerintah kabupaten/kota harus berkedudukan di wilayah kabupaten/kota.",
            }];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        if (!caller.Scope.Covers(code))
        {
            return ManageProgrammes.ProgrammeRules.OutOfScope;
        }

        var funder = Funder.Create(name, kind!.Value, code.Value, clock.GetUtcNow());
        db.Funders.Add(funder);
        await db.SaveChangesAsync(ct);
        return new FunderResponse(funder.Id, funder.Name, ProgrammesDbContext.ToCode(funder.Kind), funder.RegionCode, region!.Name, funder.CreatedAt);
    }

    private static RegionLevel? RequiredLevel(FunderKind kind) => kind switch
    {
        FunderKind.Pemkab or FunderKind.Pemkot => RegionLevel.Regency,
        FunderKind.Pemprov => RegionLevel.Province,
        FunderKind.Pemdes => RegionLevel.Village,
        _ => null,
    };
}
