using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Programs.ManageProgrammes;

/// <summary>The shape checks and rules shared by creating and editing a programme, and their stable codes.</summary>
internal static class ProgrammeRules
{
    public const string NotFoundCode = "programme.not_found";
    public const string NotDraftCode = "programme.not_draft";
    public const string NotActiveCode = "programme.not_active";
    public const string MonthsInvalidCode = "programme.months_invalid";
    public const string BudgetTooSmallCode = "programme.budget_too_small";
    public const string NoRatesCode = "programme.no_rates";
    public const string IncomeBasisOutOfRangeCode = "programme.income_basis_out_of_range";
    public const string FundingSourceNotAllowedCode = "programme.funding_source_not_allowed";
    public const string FundingSourceUnknownCode = "funding_source.unknown";
    public const string FunderNotFoundCode = "funder.not_found";
    public const string OutOfScopeCode = "region.out_of_scope";

    /// <summary>The sources a programme may draw on (SELF_PAID is the participant paying, never a programme).</summary>
    public static readonly IReadOnlyList<string> FundingSources = ["APBD", "APBD_P", "APBDES_ADD", "DANA_DESA", "DBH_CHT", "CSR", "OTHER"];

    /// <summary>Village funds: all a village operator's programmes draw on.</summary>
    public static readonly IReadOnlyList<string> VillageFundingSources = ["APBDES_ADD", "DANA_DESA"];

    public static Refusal OutOfScope => Refusal.Rule(OutOfScopeCode, "Wilayah ini di luar cakupan Anda.");

    public static Refusal NotFound => Refusal.NotFound(NotFoundCode, "Program tidak ditemukan.");

    public static Refusal NotDraft => Refusal.Conflict(NotDraftCode, "Hanya program berstatus draf yang dapat diubah atau diaktifkan.");

    public static Refusal NotActive => Refusal.Conflict(NotActiveCode, "Hanya program yang aktif yang dapat ditutup.");

    public static Refusal MonthsInvalid(int fiscalYear) => Refusal.Rule(MonthsInvalidCode, "Periode bulan pertanggungan tidak valid.",
        $"Bulan awal harus dalam tahun anggaran {fiscalYear}, bulan akhir tidak sebelum bulan awal, dan periode paling lama {MaxCoverageMonths} bulan.");

    /// <summary>Contributions may be prepaid for at most 12 months (DOMAIN: prepayment of 3, 6 or 12 months).</summary>
    public const int MaxCoverageMonths = 12;

    /// <summary>
    /// The budget is spent in its fiscal year (UU 17/2003: 1 January to 31 December), so the first covered month
    /// lies in it; the months it pays for may run on into the next year, as when Bangka Selatan paid six months
    /// from September 2025 (contributions may be paid ahead), up to <see cref="MaxCoverageMonths"/>.
    /// </summary>
    public static bool MonthsValid(ContributionMonth from, ContributionMonth to, int fiscalYear) =>
        from <= to && from.Year == fiscalYear && from.MonthsUntil(to) < MaxCoverageMonths;

    /// <summary>The request's shape, per field; null with the errors filled when it is malformed.</summary>
    public static ProgrammeDetails? Read(ProgrammeRequest request, IDictionary<string, string[]> errors)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is < 3 or > 200)
        {
            errors["name"] = ["Nama program wajib diisi, 3 sampai 200 karakter."];
        }

        if (request.FunderId is null || request.FunderId == Guid.Empty)
        {
            errors["funderId"] = ["Pemberi dana wajib dipilih."];
        }

        if (string.IsNullOrWhiteSpace(request.FundingSource))
        {
            errors["fundingSource"] = [$"Sumber dana wajib diisi: {string.Join(", ", FundingSources)}."];
        }

        if (request.FiscalYear is not (>= 2015 and <= 2100))
        {
            errors["fiscalYear"] = ["Tahun anggaran harus antara 2015 dan 2100."];
        }

        if (request.BudgetCeiling is not > 0)
        {
            errors["budgetCeiling"] = ["Pagu anggaran wajib diisi dan lebih dari nol rupiah."];
        }

        if (!ContributionMonth.TryParse(request.MonthFrom?.Trim(), out var from))
        {
            errors["monthFrom"] = ["Bulan awal wajib diisi dengan format yyyy-MM, mis. 2026-05."];
        }

        if (!ContributionMonth.TryParse(request.MonthTo?.Trim(), out var to))
        {
            errors["monthTo"] = ["Bulan akhir wajib diisi dengan format yyyy-MM, mis. 2026-09."];
        }

        if (request.IncomeBasis is <= 0)
        {
            errors["incomeBasis"] = ["Dasar upah harus lebih dari nol rupiah, atau dikosongkan untuk dasar upah terendah."];
        }

        if (request.TargetParticipants is not > 0)
        {
            errors["targetParticipants"] = ["Target peserta wajib diisi dan lebih dari nol."];
        }

        if (request.VillageTarget is <= 0)
        {
            errors["villageTarget"] = ["Target per desa harus bilangan bulat lebih dari nol, atau dikosongkan bila tanpa target."];
        }

        if (request.VillageQuota is <= 0)
        {
            errors["villageQuota"] = ["Kuota per desa harus lebih dari nol, atau dikosongkan bila tanpa kuota."];
        }
        else if (request is { VillageQuota: { } cap, VillageTarget: { } target and > 0 } && cap < target)
        {
            errors["villageQuota"] = [$"Kuota per desa ({cap}) tidak boleh kurang dari target per desa ({target}): desa tidak akan pernah mencapai targetnya. Naikkan kuota atau kosongkan."];
        }

        if (request.MinAge is < 0 or > 120)
        {
            errors["minAge"] = ["Usia minimum harus antara 0 dan 120 tahun."];
        }

        if (request.MaxAge is < 0 or > 120)
        {
            errors["maxAge"] = ["Usia maksimum harus antara 0 dan 120 tahun."];
        }
        else if (request is { MinAge: { } min, MaxAge: { } max } && max < min)
        {
            errors["maxAge"] = ["Usia maksimum tidak boleh kurang dari usia minimum."];
        }

        var domiciles = new List<string>();
        foreach (var raw in request.DomicileCodes ?? [])
        {
            if (!RegionCode.TryParse(raw?.Trim(), out var code))
            {
                errors["domicileCodes"] = [$"Kode wilayah domisili '{raw}' tidak valid."];
                break;
            }

            domiciles.Add(code.Value);
        }

        var occupations = (request.OccupationCodes ?? []).Select(o => o?.Trim().ToLowerInvariant() ?? "").ToList();
        if (occupations.Any(o => o.Length is 0 or > 50))
        {
            errors["occupationCodes"] = ["Kode pekerjaan tidak boleh kosong atau lebih dari 50 karakter."];
        }

        if (request.MaxDtsenDecile is < 1 or > 10)
        {
            errors["maxDtsenDecile"] = ["Desil DTSEN maksimum harus antara 1 dan 10."];
        }

        if ((request.CofunderId is null) != (request.CofunderSharePercent is null))
        {
            errors["cofunderSharePercent"] = ["Pemberi dana pendamping dan porsinya harus diisi bersama-sama."];
        }
        else if (request.CofunderSharePercent is { } share && (share <= 0 || share >= 100 || decimal.Round(share, 2) != share))
        {
            errors["cofunderSharePercent"] = ["Porsi pemberi dana pendamping harus di antara 0 dan 100 persen (maks. dua desimal)."];
        }
        else if (request.CofunderId is { } cofunder && cofunder == request.FunderId)
        {
            errors["cofunderId"] = ["Pemberi dana pendamping harus berbeda dari pemberi dana utama."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ProgrammeDetails(
            name,
            request.FunderId!.Value,
            request.FundingSource!.Trim().ToUpperInvariant(),
            request.FiscalYear!.Value,
            request.BudgetCeiling!.Value,
            from,
            to,
            request.IncludeJht ?? false,
            request.IncomeBasis,
            request.TargetParticipants!.Value,
            request.VillageQuota,
            request.MinAge,
            request.MaxAge,
            domiciles.Distinct().ToArray(),
            occupations.Distinct().ToArray(),
            (short?)request.MaxDtsenDecile,
            request.ExcludeDeceased ?? true,
            request.ExcludeAlreadyFunded ?? true,
            request.CofunderId,
            request.CofunderSharePercent,
            request.VillageTarget);
    }

    /// <summary>
    /// The business rules of a programme's terms; answers the region the programme lives in (its funder's).
    /// Funders are looked up past the scope filter: they are public bodies, not personal data, and a funder of
    /// another region must be refused as out of scope rather than reported missing.
    /// </summary>
    public static async Task<(string? Region, Refusal? Refusal)> CheckAsync(
        ProgrammeDetails details, ProgrammesDbContext db, CallerScope caller, CancellationToken ct)
    {
        if (!FundingSources.Contains(details.FundingSource))
        {
            return (null, Refusal.Rule(FundingSourceUnknownCode, "Sumber dana tidak dikenal.",
                $"Pilih salah satu dari {string.Join(", ", FundingSources)}."));
        }

        if (!MonthsValid(details.MonthFrom, details.MonthTo, details.FiscalYear))
        {
            return (null, MonthsInvalid(details.FiscalYear));
        }

        var funder = await db.Funders.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.Id == details.FunderId).Select(f => new { f.RegionCode }).SingleOrDefaultAsync(ct);
        if (funder is null)
        {
            return (null, Refusal.Rule(FunderNotFoundCode, "Pemberi dana tidak ditemukan."));
        }

        if (!caller.Covers(funder.RegionCode))
        {
            return (null, OutOfScope);
        }

        if (caller.Role == Role.DesaOperator && !VillageFundingSources.Contains(details.FundingSource))
        {
            return (null, Refusal.Rule(FundingSourceNotAllowedCode, "Program desa hanya dapat didanai APBDes (ADD) atau Dana Desa."));
        }

        if (details.CofunderId is { } cofunderId &&
            !await db.Funders.IgnoreQueryFilters().AnyAsync(f => f.Id == cofunderId, ct))
        {
            return (null, Refusal.Rule(FunderNotFoundCode, "Pemberi dana pendamping tidak ditemukan."));
        }

        return (funder.RegionCode, null);
    }
}
