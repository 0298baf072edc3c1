using System.Globalization;

namespace Payung.Shared;

/// <summary>
/// Validation of a NIK: <c>PP RR DD</c> (area of first issue), <c>DD MM YY</c> birth date with 40 added to the
/// day for women, then a serial <c>0001</c>–<c>9999</c>. There is no check digit.
/// </summary>
public static class NikRules
{
    public const string LengthCode = "nik.length";
    public const string NotDigitsCode = "nik.not_digits";
    public const string RegionUnknownCode = "nik.region_unknown";
    public const string DistrictUnknownCode = "nik.district_unknown";
    public const string FormerRegionCode = "nik.former_region_code";
    public const string DateInvalidCode = "nik.date_invalid";
    public const string SerialZeroCode = "nik.serial_zero";
    public const string BirthDateMismatchCode = "nik.birthdate_mismatch";
    public const string SexMismatchCode = "nik.sex_mismatch";

    private const int FemaleDayOffset = 40;
    private const int MaxAgeYears = 100;

    /// <summary>
    /// Checks every rule that can be evaluated and reports each broken one. Only a NIK that is not 16 digits
    /// stops the check early, since nothing else can be read from it.
    /// </summary>
    public static NikCheckResult Check(
        string? nik, DateOnly today, DateOnly? declaredBirthDate, Sex? declaredSex, IRegionCodeLookup regions)
    {
        ArgumentNullException.ThrowIfNull(regions);

        var errors = new List<RuleMessage>();
        var warnings = new List<RuleMessage>();
        var trimmed = nik?.Trim() ?? string.Empty;

        if (trimmed.Length != 16)
        {
            errors.Add(new RuleMessage(
                LengthCode, $"NIK harus terdiri dari 16 digit angka (yang diisi {trimmed.Length} karakter)."));
            return new NikCheckResult(errors, warnings, null, null, null, null);
        }

        if (!Nik.TryParse(trimmed, out var parsed))
        {
            errors.Add(new RuleMessage(NotDigitsCode, "NIK hanya boleh berisi angka 0–9."));
            return new NikCheckResult(errors, warnings, null, null, null, null);
        }

        var digits = parsed.Value;
        var districtCode = CheckRegion(digits, regions, errors, warnings);
        var birth = DecodeBirth(digits, today, errors);

        if (digits[12..16] == "0000")
        {
            errors.Add(new RuleMessage(SerialZeroCode, "Nomor urut NIK tidak boleh 0000."));
        }

        if (birth is var (birthDate, sex))
        {
            if (declaredBirthDate is { } declared && declared != birthDate)
            {
                warnings.Add(new RuleMessage(
                    BirthDateMismatchCode,
                    $"Tanggal lahir pada NIK ({Iso(birthDate)}) berbeda dengan tanggal lahir yang dinyatakan ({Iso(declared)})."));
            }

            if (declaredSex is { } declaredSexValue && declaredSexValue != sex)
            {
                warnings.Add(new RuleMessage(
                    SexMismatchCode,
                    $"Jenis kelamin pada NIK ({InIndonesian(sex)}) berbeda dengan yang dinyatakan ({InIndonesian(declaredSexValue)})."));
            }
        }

        return new NikCheckResult(errors, warnings, parsed, birth?.BirthDate, birth?.Sex, districtCode);
    }

    private static RegionCode? CheckRegion(
        string digits, IRegionCodeLookup regions, List<RuleMessage> errors, List<RuleMessage> warnings)
    {
        var regencyParsed = RegionCode.TryParse(digits[..4], out var regency);
        var regencyKnown =
            RegionCode.TryParse(digits[..2], out var province) && regions.Exists(province)
            && regencyParsed && regions.Exists(regency);

        // A NIK keeps the regency code it was issued under, also after the regency moved to another province and
        // got a new code (the 2022 Papua split): valid, with a warning that names the region today.
        var former = regencyKnown || !regencyParsed ? null : regions.FindFormer(regency);
        if (!regencyKnown && former is null)
        {
            errors.Add(new RuleMessage(
                RegionUnknownCode, $"Kode provinsi/kabupaten pada NIK ({digits[..2]}.{digits[2..4]}) tidak dikenal."));
            return null;
        }

        if (former is not null)
        {
            warnings.Add(FormerRegionWarning(former));
        }

        // Only a warning: regions are split and re-coded, but a NIK keeps the district code it was issued under.
        // Under a former regency the kecamatan digits are read under today's regency.
        var regencyToday = former?.Current.Value ?? regency.Value;
        var districtParsed = RegionCode.TryParse($"{regencyToday}.{digits[4..6]}", out var district);
        if (!districtParsed || !regions.Exists(district))
        {
            warnings.Add(new RuleMessage(
                DistrictUnknownCode,
                $"Kode kecamatan pada NIK ({digits[..2]}.{digits[2..4]}.{digits[4..6]}) tidak ditemukan; wilayah mungkin telah dimekarkan."));
        }

        return districtParsed ? district : null;
    }

    /// <summary>The warning for a NIK issued under a former regency code, naming the region today.</summary>
    public static RuleMessage FormerRegionWarning(FormerRegionCode former)
    {
        ArgumentNullException.ThrowIfNull(former);
        return new RuleMessage(
            FormerRegionCode,
            $"Kode wilayah pada NIK ({former.Code}) adalah kode lama {former.Name}, diganti sejak {Iso(former.ValidUntil)}; "
            + $"kini {former.CurrentName}, Provinsi {former.CurrentProvinceName} ({former.Current}). NIK tetap sah.");
    }

    private static (DateOnly BirthDate, Sex Sex)? DecodeBirth(string digits, DateOnly today, List<RuleMessage> errors)
    {
        var encodedDay = TwoDigits(digits, 6);
        var month = TwoDigits(digits, 8);
        var yearOfCentury = TwoDigits(digits, 10);

        var (day, sex) = encodedDay switch
        {
            >= 1 and <= 31 => (encodedDay, Sex.Male),
            >= 1 + FemaleDayOffset and <= 31 + FemaleDayOffset => (encodedDay - FemaleDayOffset, Sex.Female),
            _ => (0, Sex.Male),
        };

        if (day == 0 || month is < 1 or > 12 || ResolveCentury(day, month, yearOfCentury, today) is not { } birthDate)
        {
            errors.Add(new RuleMessage(DateInvalidCode, "Tanggal lahir pada NIK bukan tanggal yang valid."));
            return null;
        }

        if (AgeInYears(birthDate, today) > MaxAgeYears)
        {
            errors.Add(new RuleMessage(
                DateInvalidCode,
                $"Tanggal lahir pada NIK bukan tanggal yang valid: {Iso(birthDate)} berarti berusia lebih dari {MaxAgeYears} tahun."));
            return null;
        }

        return (birthDate, sex);
    }

    /// <summary>
    /// The most recent year ending in <paramref name="yearOfCentury"/>, not after today's year, in which the day
    /// exists and is not after today. A 29 February skips a century year that is not a leap year (1900, 2100).
    /// Candidates further back than one century are always over the age limit, so two are enough.
    /// </summary>
    private static DateOnly? ResolveCentury(int day, int month, int yearOfCentury, DateOnly today)
    {
        var year = today.Year - (today.Year % 100) + yearOfCentury;
        if (year > today.Year)
        {
            year -= 100;
        }

        for (var candidate = year; candidate >= year - 100; candidate -= 100)
        {
            if (candidate >= DateOnly.MinValue.Year
                && day <= DateTime.DaysInMonth(candidate, month)
                && new DateOnly(candidate, month, day) is var date
                && date <= today)
            {
                return date;
            }
        }

        return null;
    }

    private static int AgeInYears(DateOnly birthDate, DateOnly today)
    {
        var age = today.Year - birthDate.Year;
        return birthDate.AddYears(age) > today ? age - 1 : age;
    }

    private static int TwoDigits(string digits, int start) => (digits[start] - '0') * 10 + (digits[start + 1] - '0');

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string InIndonesian(Sex sex) => sex == Sex.Female ? "perempuan" : "laki-laki";
}
