using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Registry;

/// <summary>
/// What a worker's fields must look like, field by field, with a stable English code and an Indonesian message
/// per broken rule. The same codes and messages are the verdicts of the bulk import, which checks rows in SQL:
/// that is why the messages are constants without placeholders. Field names are those of the API
/// (<c>fullName</c>, <c>villageCode</c>, …), which the pages use as form field names too. NIK rules are
/// <see cref="NikRules"/>' own: errors reject, warnings are stored on the worker for review.
/// </summary>
public static class WorkerRules
{
    public const string NameRequired = "worker.name_required";
    public const string NameInvalid = "worker.name_invalid";
    public const string BirthPlaceInvalid = "worker.birth_place_invalid";
    public const string BirthDateInvalid = "worker.birth_date_invalid";
    public const string SexInvalid = "worker.sex_invalid";
    public const string VillageUnknown = "worker.village_unknown";
    public const string OutOfScope = "region.out_of_scope";
    public const string OccupationUnknown = "worker.occupation_unknown";
    public const string AddressInvalid = "worker.address_invalid";
    public const string RtInvalid = "worker.rt_invalid";
    public const string RwInvalid = "worker.rw_invalid";
    public const string PhoneInvalid = "worker.phone_invalid";
    public const string KkInvalid = "worker.kk_invalid";
    public const string IncomeInvalid = "worker.income_invalid";
    public const string DecileInvalid = "worker.decile_invalid";
    public const string StatusInvalid = "worker.status_invalid";
    public const string DeathDateInvalid = "worker.death_date_invalid";

    public const string NikLength = NikRules.LengthCode;
    public const string NikNotDigits = NikRules.NotDigitsCode;
    public const string NikRegionUnknown = NikRules.RegionUnknownCode;
    public const string NikDateInvalid = NikRules.DateInvalidCode;
    public const string NikSerialZero = NikRules.SerialZeroCode;
    public const string NikDistrictUnknown = NikRules.DistrictUnknownCode;
    public const string NikFormerRegion = NikRules.FormerRegionCode;
    public const string NikBirthDateMismatch = NikRules.BirthDateMismatchCode;
    public const string NikSexMismatch = NikRules.SexMismatchCode;

    public const string NameRequiredMessage = "Nama lengkap wajib diisi.";
    public const string NameInvalidMessage = "Nama lengkap harus 2–150 karakter, memuat huruf, tanpa karakter kendali.";
    public const string BirthPlaceInvalidMessage = "Tempat lahir paling banyak 100 karakter, tanpa karakter kendali.";
    public const string BirthDateInvalidMessage = "Tanggal lahir wajib diisi (yyyy-MM-dd), tidak setelah hari ini dan tidak lebih dari 100 tahun lalu.";
    public const string SexInvalidMessage = "Jenis kelamin wajib diisi: \"M\" (laki-laki) atau \"F\" (perempuan).";
    public const string VillageUnknownMessage = "Kode desa/kelurahan tidak dikenal (contoh: 18.01.06.2001).";
    public const string OutOfScopeMessage = "Desa/kelurahan ini di luar wilayah kewenangan Anda.";
    public const string OccupationUnknownMessage = "Pekerjaan tidak dikenal atau tidak aktif; pilih dari daftar pekerjaan.";
    public const string AddressInvalidMessage = "Alamat paling banyak 300 karakter, tanpa karakter kendali.";
    public const string RtInvalidMessage = "RT berupa 1–3 angka dan bukan 0 (contoh: 003).";
    public const string RwInvalidMessage = "RW berupa 1–3 angka dan bukan 0 (contoh: 001).";
    public const string PhoneInvalidMessage = "Nomor telepon berupa 8–15 angka, boleh diawali +.";
    public const string KkInvalidMessage = "Nomor KK harus 16 digit angka.";
    public const string IncomeInvalidMessage = "Penghasilan bulanan harus bilangan bulat rupiah antara 0 dan 1.000.000.000.";
    public const string DecileInvalidMessage = "Desil DTSEN harus angka 1–10 (boleh kosong).";
    public const string StatusInvalidMessage = "Status harus \"alive\" (hidup) atau \"deceased\" (meninggal).";
    public const string DeathDateInvalidMessage = "Tanggal meninggal wajib diisi (yyyy-MM-dd) tepat bila status meninggal, tidak sebelum tanggal lahir dan tidak setelah hari ini.";

    // Generic forms of NikRules' messages, for places (import verdicts, stored warnings) that have no
    // declared values to quote; NikRules.Check itself names the dates and codes it compared.
    public const string NikLengthMessage = "NIK harus terdiri dari 16 digit angka.";
    public const string NikNotDigitsMessage = "NIK hanya boleh berisi angka 0–9.";
    public const string NikRegionUnknownMessage = "Kode provinsi/kabupaten pada NIK tidak dikenal.";
    public const string NikDateInvalidMessage = "Tanggal lahir pada NIK bukan tanggal yang valid.";
    public const string NikSerialZeroMessage = "Nomor urut NIK tidak boleh 0000.";
    public const string NikFormerRegionMessage = "Kode wilayah pada NIK adalah kode lama dari sebelum pemekaran wilayah; NIK tetap sah.";
    public const string NikDistrictUnknownMessage = "Kode kecamatan pada NIK tidak ditemukan; wilayah mungkin telah dimekarkan.";
    public const string NikBirthDateMismatchMessage = "Tanggal lahir pada NIK berbeda dengan tanggal lahir yang dinyatakan.";
    public const string NikSexMismatchMessage = "Jenis kelamin pada NIK berbeda dengan yang dinyatakan.";

    public const int MaxNameLength = 150;
    public const int MaxBirthPlaceLength = 100;
    public const int MaxAddressLength = 300;

    /// <summary>
    /// A guard against typed zeros, not a policy: the JKK income table tops out at Rp20,700,000, and nobody in
    /// this registry declares a billion a month.
    /// </summary>
    public const long MaxMonthlyIncome = 1_000_000_000;

    /// <summary>Same limit as <see cref="NikRules"/>: an older birth date is a typo, not a worker.</summary>
    public const int MaxAgeYears = 100;

    /// <summary>Every code with its message, for the import's SQL verdicts and for documentation.</summary>
    public static IReadOnlyDictionary<string, string> Messages { get; } = new Dictionary<string, string>
    {
        [NameRequired] = NameRequiredMessage,
        [NameInvalid] = NameInvalidMessage,
        [BirthPlaceInvalid] = BirthPlaceInvalidMessage,
        [BirthDateInvalid] = BirthDateInvalidMessage,
        [SexInvalid] = SexInvalidMessage,
        [VillageUnknown] = VillageUnknownMessage,
        [OutOfScope] = OutOfScopeMessage,
        [OccupationUnknown] = OccupationUnknownMessage,
        [AddressInvalid] = AddressInvalidMessage,
        [RtInvalid] = RtInvalidMessage,
        [RwInvalid] = RwInvalidMessage,
        [PhoneInvalid] = PhoneInvalidMessage,
        [KkInvalid] = KkInvalidMessage,
        [IncomeInvalid] = IncomeInvalidMessage,
        [DecileInvalid] = DecileInvalidMessage,
        [StatusInvalid] = StatusInvalidMessage,
        [DeathDateInvalid] = DeathDateInvalidMessage,
        [NikLength] = NikLengthMessage,
        [NikNotDigits] = NikNotDigitsMessage,
        [NikRegionUnknown] = NikRegionUnknownMessage,
        [NikDateInvalid] = NikDateInvalidMessage,
        [NikSerialZero] = NikSerialZeroMessage,
        [NikFormerRegion] = NikFormerRegionMessage,
        [NikDistrictUnknown] = NikDistrictUnknownMessage,
        [NikBirthDateMismatch] = NikBirthDateMismatchMessage,
        [NikSexMismatch] = NikSexMismatchMessage,
    };

    public static RuleMessage Rule(string code) => new(code, Messages[code]);

    /// <summary>
    /// Reads every field of a worker but the NIK, normalising what people type (surrounding spaces, phone
    /// separators, dotless region codes). Each broken rule lands in <paramref name="errors"/> under its field;
    /// the details come back only when no field is broken. Whether the village and occupation exist, and
    /// whether the caller covers the village, is <see cref="CheckReferencesAsync"/>'s part.
    /// </summary>
    public static WorkerDetails? ReadDetails(
        string? kk, string? fullName, string? birthPlace, string? birthDate, string? sex, string? villageCode,
        string? address, string? rt, string? rw, string? phone, string? occupationCode, long? monthlyIncome,
        int? dtsenDecile, string? status, string? deathDate, DateOnly today, IDictionary<string, List<RuleMessage>> errors)
    {
        var before = errors.Count;
        var readKk = ReadKk(kk, errors);
        var name = ReadFullName(fullName, errors);
        var place = ReadOptionalText(birthPlace, MaxBirthPlaceLength, "birthPlace", BirthPlaceInvalid, errors);
        var born = ReadBirthDate(birthDate, today, errors);
        var readSex = ReadSex(sex, errors);
        var village = ReadVillageCode(villageCode, errors);
        var readAddress = ReadOptionalText(address, MaxAddressLength, "address", AddressInvalid, errors);
        var readRt = ReadNeighbourhood(rt, "rt", RtInvalid, errors);
        var readRw = ReadNeighbourhood(rw, "rw", RwInvalid, errors);
        var readPhone = ReadPhone(phone, errors);
        var occupation = occupationCode?.Trim() ?? "";
        if (occupation.Length == 0 || occupation.Length > 40)
        {
            Add(errors, "occupationCode", OccupationUnknown);
        }

        if (monthlyIncome is < 0 or > MaxMonthlyIncome)
        {
            Add(errors, "monthlyIncome", IncomeInvalid);
        }

        if (dtsenDecile is < 1 or > 10)
        {
            Add(errors, "dtsenDecile", DecileInvalid);
        }

        var died = ReadDeath(status, deathDate, born, today, errors);
        if (errors.Count > before || born is not { } birth || readSex is null || village is null)
        {
            return null;
        }

        return new WorkerDetails(readKk, name, place, birth, readSex, village, readAddress, readRt, readRw, readPhone,
            occupation, monthlyIncome, (short?)dtsenDecile, died);
    }

    /// <summary>
    /// The NIK against <see cref="NikRules"/>, compared with the declared birth date and sex: errors go to
    /// <paramref name="errors"/> under <c>nik</c>, warnings come back as codes to store with the worker.
    /// </summary>
    public static (string Nik, string[] Warnings) ReadNik(string? nik, DateOnly? birthDate, string? sex, DateOnly today,
        IRegionCodeLookup regions, IDictionary<string, List<RuleMessage>> errors)
    {
        var declaredSex = Sex.TryFromCode(sex, out var s) ? s : (Sex?)null;
        var check = NikRules.Check(nik, today, birthDate, declaredSex, regions);
        foreach (var error in check.Errors)
        {
            Add(errors, "nik", error);
        }

        return (nik?.Trim() ?? "", check.Warnings.Select(w => w.Code).ToArray());
    }

    /// <summary>The warnings of a NIK already stored, against the worker's current birth date and sex.</summary>
    public static string[] NikWarnings(string nik, DateOnly birthDate, string sex, DateOnly today, IRegionCodeLookup regions)
    {
        var declaredSex = Sex.TryFromCode(sex, out var s) ? s : (Sex?)null;
        return NikRules.Check(nik, today, birthDate, declaredSex, regions).Warnings.Select(w => w.Code).ToArray();
    }

    /// <summary>
    /// The rules that need the database: the village is on the official list and the occupation on the maintained
    /// one. <paramref name="keptOccupation"/> is the worker's present occupation, which stays acceptable after it was
    /// retired from the list, so an edit of something else does not force a new choice.
    /// </summary>
    public static async Task CheckReferencesAsync(WorkerDetails details, string? keptOccupation, RegistryDbContext db,
        IRegionDirectory regions, IDictionary<string, List<RuleMessage>> errors, CancellationToken ct)
    {
        var village = await regions.FindAsync(RegionCode.Parse(details.VillageCode), ct);
        if (village is not { Level: "village" })
        {
            Add(errors, "villageCode", VillageUnknown);
        }

        var code = details.OccupationCode;
        if (code != keptOccupation && !await db.Occupations.AsNoTracking().AnyAsync(o => o.Code == code && o.IsActive, ct))
        {
            Add(errors, "occupationCode", OccupationUnknown);
        }
    }

    public static void Add(IDictionary<string, List<RuleMessage>> errors, string field, string code) =>
        Add(errors, field, Rule(code));

    public static void Add(IDictionary<string, List<RuleMessage>> errors, string field, RuleMessage rule)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(rule);
    }

    private static string? ReadKk(string? value, IDictionary<string, List<RuleMessage>> errors)
    {
        var kk = Blank(value);
        if (kk is not null && (kk.Length != 16 || !kk.All(char.IsAsciiDigit) || kk.All(c => c == '0')))
        {
            Add(errors, "kk", KkInvalid);
        }

        return kk;
    }

    private static string ReadFullName(string? value, IDictionary<string, List<RuleMessage>> errors)
    {
        // Inner runs of spaces collapse: "Siti  Aminah" is one name, and the database bounds the trimmed length.
        var name = string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (name.Length == 0)
        {
            Add(errors, "fullName", NameRequired);
        }
        else if (name.Length is < 2 or > MaxNameLength || name.Any(char.IsControl) || !name.Any(char.IsLetter))
        {
            Add(errors, "fullName", NameInvalid);
        }

        return name;
    }

    private static string? ReadOptionalText(string? value, int max, string field, string code, IDictionary<string, List<RuleMessage>> errors)
    {
        var text = Blank(value);
        if (text is not null && (text.Length > max || text.Any(char.IsControl)))
        {
            Add(errors, field, code);
        }

        return text;
    }

    private static DateOnly? ReadBirthDate(string? value, DateOnly today, IDictionary<string, List<RuleMessage>> errors)
    {
        if (ParseDate(value) is { } date && date <= today && date > today.AddYears(-MaxAgeYears - 1))
        {
            return date;
        }

        Add(errors, "birthDate", BirthDateInvalid);
        return null;
    }

    private static string? ReadSex(string? value, IDictionary<string, List<RuleMessage>> errors)
    {
        var code = value?.Trim().ToUpperInvariant();
        if (code is "M" or "F")
        {
            return code;
        }

        Add(errors, "sex", SexInvalid);
        return null;
    }

    private static string? ReadVillageCode(string? value, IDictionary<string, List<RuleMessage>> errors)
    {
        if (RegionCode.TryParse(value?.Trim(), out var code) && code.Level == RegionLevel.Village)
        {
            return code.Value;
        }

        Add(errors, "villageCode", VillageUnknown);
        return null;
    }

    private static string? ReadNeighbourhood(string? value, string field, string code, IDictionary<string, List<RuleMessage>> errors)
    {
        var number = Blank(value);
        if (number is not null && (number.Length > 3 || !number.All(char.IsAsciiDigit) || number.All(c => c == '0')))
        {
            Add(errors, field, code);
        }

        return number;
    }

    private static string? ReadPhone(string? value, IDictionary<string, List<RuleMessage>> errors)
    {
        // People write 0812-3456-7890 or +62 812 3456 7890; the separators carry nothing.
        var phone = Blank(value) is { } typed
            ? new string(typed.Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray())
            : null;
        if (phone is not null)
        {
            var digits = phone.StartsWith('+') ? phone[1..] : phone;
            if (digits.Length is < 8 or > 15 || !digits.All(char.IsAsciiDigit))
            {
                Add(errors, "phone", PhoneInvalid);
            }
        }

        return phone;
    }

    private static DateOnly? ReadDeath(string? status, string? deathDate, DateOnly? born, DateOnly today,
        IDictionary<string, List<RuleMessage>> errors)
    {
        var state = Blank(status)?.ToLowerInvariant();
        if (state is not (null or "alive" or "deceased"))
        {
            Add(errors, "status", StatusInvalid);
            return null;
        }

        var typed = Blank(deathDate);
        var date = ParseDate(typed);
        // No status given: a death date alone says deceased.
        var deceased = state == "deceased" || (state is null && typed is not null);
        var consistent = deceased
            ? date is { } d && d <= today && (born is not { } b || d >= b)
            : typed is null;
        if (!consistent)
        {
            Add(errors, "deathDate", DeathDateInvalid);
        }

        return deceased ? date : null;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
