using Payung.Shared;

namespace Payung.Programs.EnrollWorkers;

/// <summary>The stable codes of enrolment verdicts, each with its Indonesian message.</summary>
internal static class EnrollmentReasons
{
    public static readonly RuleMessage Age = new("eligibility.age", "Usia pekerja di luar batas usia program.");
    public static readonly RuleMessage OutsideRegion = new("eligibility.outside_region", "Domisili pekerja di luar wilayah sasaran program.");
    public static readonly RuleMessage Occupation = new("eligibility.occupation", "Pekerjaan tidak termasuk sasaran program.");
    public static readonly RuleMessage Decile = new("eligibility.decile", "Desil DTSEN pekerja di atas batas program atau tidak diketahui.");
    public static readonly RuleMessage Deceased = new("eligibility.deceased", "Pekerja tercatat meninggal dunia.");
    public static readonly RuleMessage Merged = new("worker.merged", "Data pekerja sudah digabung ke data lain.");
    public static readonly RuleMessage NotFound = new("worker.not_found", "Pekerja tidak ditemukan di wilayah Anda.");
    public static readonly RuleMessage AlreadyEnrolled = new("enrollment.already_enrolled", "Pekerja sudah terdaftar (atau menunggu) di program ini.");
    public static readonly RuleMessage VillageFull = new("quota.village_full", "Kuota desa penuh: pekerja masuk daftar tunggu.");
    public static readonly RuleMessage BudgetExceeded = new("budget.exceeded", "Sisa pagu anggaran tidak cukup untuk pekerja ini.");
    public static readonly RuleMessage RateMissing = new("rates.missing", "Tidak ada tarif iuran yang berlaku untuk bulan program.");
    public static readonly RuleMessage MembershipAfterProgramme = new("enrollment.membership_after_programme",
        "Kepesertaan baru dimulai setelah bulan terakhir program: tidak ada bulan yang dapat didanai.");
    public static readonly RuleMessage MembershipStartInvalid = new("enrollment.membership_start_invalid",
        "Tanggal terdaftar BPJS harus berformat yyyy-MM-dd (atau dd-MM-yyyy) dan bukan tanggal yang akan datang.");

    public static readonly RuleMessage NikRequired = new("nik.required", "NIK kosong.");
    public static readonly RuleMessage NikLength = new(NikRules.LengthCode, "NIK harus terdiri dari 16 digit angka.");
    public static readonly RuleMessage NikNotDigits = new(NikRules.NotDigitsCode, "NIK hanya boleh berisi angka 0–9.");

    public static RuleMessage DuplicateNik(int firstRow) =>
        new("import.duplicate_in_file", $"NIK ini sudah ada di baris {firstRow}; hanya baris itu yang diproses.");

    public static RuleMessage OverlappingFunding(Guid otherProgrammeId) =>
        new("enrollment.overlapping_funding", $"Pekerja sudah dibiayai program lain ({otherProgrammeId}) pada bulan yang sama.");
}
