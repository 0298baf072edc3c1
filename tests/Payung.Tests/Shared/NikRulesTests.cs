using System.Globalization;
using Payung.Shared;

namespace Payung.Tests.Shared;

public sealed class NikRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 21);

    // Lampung (18) with Lampung Selatan (18.01) and its kecamatan 18.01.06, and Sumatera Selatan (16) with
    // Lahat (16.04) but none of Lahat's kecamatan.
    private static readonly IRegionCodeLookup Regions = new FakeRegionCodeLookup("18", "18.01", "18.01.06", "16", "16.04");

    [Fact]
    public void Check_WhenValidMaleNik_DecodesEverything()
    {
        var result = Check("1801061203850003");

        Assert.True(result.Valid);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal("1801061203850003", result.Nik?.Value);
        Assert.Equal(new DateOnly(1985, 3, 12), result.BirthDate);
        Assert.Equal(Sex.Male, result.Sex);
        Assert.Equal(RegionCode.Parse("18.01.06"), result.DistrictCode);
    }

    [Fact]
    public void Check_WhenDayIsFiftyTwo_DecodesFemaleBornOnTheTwelfth()
    {
        var result = Check("1801065203850003");

        Assert.True(result.Valid);
        Assert.Equal(new DateOnly(1985, 3, 12), result.BirthDate);
        Assert.Equal(Sex.Female, result.Sex);
    }

    [Theory]
    [InlineData("01", 1, Sex.Male)]
    [InlineData("31", 31, Sex.Male)]
    [InlineData("41", 1, Sex.Female)]
    [InlineData("71", 31, Sex.Female)]
    public void Check_WhenDayIsInAValidRange_DecodesDayAndSex(string encodedDay, int day, Sex sex)
    {
        var result = Check($"180106{encodedDay}01850003");

        Assert.True(result.Valid);
        Assert.Equal(new DateOnly(1985, 1, day), result.BirthDate);
        Assert.Equal(sex, result.Sex);
    }

    [Fact]
    public void Check_WhenDayIsFortyOne_DecodesFemaleBornOnTheFirst()
    {
        var result = Check("1801064101850003");

        Assert.Equal(new DateOnly(1985, 1, 1), result.BirthDate);
        Assert.Equal(Sex.Female, result.Sex);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("32")]
    [InlineData("40")]
    [InlineData("72")]
    [InlineData("99")]
    public void Check_WhenDayIsOutsideBothRanges_RejectsTheDate(string encodedDay)
    {
        var result = Check($"180106{encodedDay}01850003");

        AssertSingleError(result, "nik.date_invalid");
        Assert.Null(result.BirthDate);
        Assert.Null(result.Sex);
    }

    [Theory]
    [InlineData("010085")]
    [InlineData("011385")]
    [InlineData("310485")]
    [InlineData("710485")]
    [InlineData("300285")]
    [InlineData("290201")]
    [InlineData("690201")]
    [InlineData("290297")]
    [InlineData("300200")]
    public void Check_WhenNotARealCalendarDate_RejectsTheDate(string ddmmyy)
    {
        var result = Check($"180106{ddmmyy}0003");

        AssertSingleError(result, "nik.date_invalid");
        Assert.Null(result.BirthDate);
    }

    [Theory]
    [InlineData("011285", "1985-12-01", Sex.Male)]
    [InlineData("300485", "1985-04-30", Sex.Male)]
    [InlineData("700485", "1985-04-30", Sex.Female)]
    [InlineData("280201", "2001-02-28", Sex.Male)]
    [InlineData("290200", "2000-02-29", Sex.Male)]
    [InlineData("290204", "2004-02-29", Sex.Male)]
    [InlineData("690204", "2004-02-29", Sex.Female)]
    [InlineData("290296", "1996-02-29", Sex.Male)]
    [InlineData("010300", "2000-03-01", Sex.Male)]
    public void Check_WhenRealCalendarDate_DecodesIt(string ddmmyy, string expectedDate, Sex expectedSex)
    {
        var result = Check($"180106{ddmmyy}0003");

        Assert.True(result.Valid);
        Assert.Equal(Date(expectedDate), result.BirthDate);
        Assert.Equal(expectedSex, result.Sex);
    }

    [Theory]
    [InlineData("201126", "2026-11-20")]
    [InlineData("211126", "2026-11-21")]
    [InlineData("221126", "1926-11-22")]
    [InlineData("011226", "1926-12-01")]
    [InlineData("311225", "2025-12-31")]
    [InlineData("010127", "1927-01-01")]
    [InlineData("010100", "2000-01-01")]
    [InlineData("311299", "1999-12-31")]
    public void Check_WhenTwoDigitYear_ResolvesToTheLatestDateNotAfterToday(string ddmmyy, string expectedDate)
    {
        var result = Check($"180106{ddmmyy}0003");

        Assert.True(result.Valid);
        Assert.Equal(Date(expectedDate), result.BirthDate);
    }

    // The age limit can only bite on 29 February: 2100 is not a leap year, so from 2100 on "290200" falls back a
    // century to 2000-02-29. DateOnly.AddYears puts a leap-day birthday on 28 February in other years.
    [Theory]
    [InlineData("2100-03-01", true)]
    [InlineData("2101-02-27", true)]
    [InlineData("2101-02-28", false)]
    [InlineData("2101-03-01", false)]
    public void Check_WhenLeapDayFallsBackMoreThanOneHundredYears_RejectsTheDate(string today, bool valid)
    {
        var result = NikRules.Check("1801062902000003", Date(today), null, null, Regions);

        Assert.Equal(valid, result.Valid);
        Assert.Equal(valid ? new DateOnly(2000, 2, 29) : null, result.BirthDate);
        if (!valid)
        {
            AssertSingleError(result, "nik.date_invalid");
        }
    }

    [Theory]
    [InlineData("0000", false)]
    [InlineData("0001", true)]
    [InlineData("9999", true)]
    public void Check_WhenSerialIsZero_Rejects(string serial, bool valid)
    {
        var result = Check($"180106120385{serial}");

        Assert.Equal(valid, result.Valid);
        if (!valid)
        {
            var error = AssertSingleError(result, "nik.serial_zero");
            Assert.Equal("Nomor urut NIK tidak boleh 0000.", error.Message);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("180106120385000")]
    [InlineData("18010612038500031")]
    [InlineData("1801 0612 0385 0003")]
    [InlineData("18.01.06.120385.0003")]
    public void Check_WhenNotSixteenCharacters_RejectsLengthAndStops(string? nik)
    {
        var result = NikRules.Check(nik, Today, new DateOnly(1985, 3, 12), Sex.Male, Regions);

        var error = AssertSingleError(result, "nik.length");
        Assert.StartsWith("NIK harus terdiri dari 16 digit angka", error.Message);
        Assert.Empty(result.Warnings);
        Assert.Null(result.Nik);
        Assert.Null(result.BirthDate);
        Assert.Null(result.Sex);
        Assert.Null(result.DistrictCode);
    }

    [Theory]
    [InlineData("18010612038500O3")]
    [InlineData("1801-61203850003")]
    [InlineData("180106120385000a")]
    [InlineData("１８０１０６１２０３８５０００３")]
    public void Check_WhenSixteenCharactersButNotAllDigits_RejectsDigitsAndStops(string nik)
    {
        var result = Check(nik);

        AssertSingleError(result, "nik.not_digits");
        Assert.Null(result.Nik);
        Assert.Null(result.BirthDate);
    }

    [Fact]
    public void Check_WhenSurroundedByWhitespace_TrimsIt()
    {
        var result = Check(" 1801061203850003\t\n");

        Assert.True(result.Valid);
        Assert.Equal("1801061203850003", result.Nik?.Value);
    }

    [Theory]
    [InlineData("1802061203850003", "18.02")]
    [InlineData("1901061203850003", "19.01")]
    [InlineData("0001061203850003", "00.01")]
    [InlineData("1800061203850003", "18.00")]
    [InlineData("1601061203850003", "16.01")]
    public void Check_WhenProvinceOrRegencyUnknown_RejectsRegion(string nik, string regency)
    {
        var result = Check(nik);

        var error = AssertSingleError(result, "nik.region_unknown");
        Assert.Equal($"Kode provinsi/kabupaten pada NIK ({regency}) tidak dikenal.", error.Message);
        Assert.Null(result.DistrictCode);
        Assert.Empty(result.Warnings);
        Assert.Equal(new DateOnly(1985, 3, 12), result.BirthDate);
    }

    [Fact]
    public void Check_WhenDistrictUnknownInAKnownRegency_OnlyWarns()
    {
        var result = Check("1801991203850003");

        Assert.True(result.Valid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("nik.district_unknown", warning.Code);
        Assert.Equal("Kode kecamatan pada NIK (18.01.99) tidak ditemukan; wilayah mungkin telah dimekarkan.", warning.Message);
        Assert.Equal(RegionCode.Parse("18.01.99"), result.DistrictCode);
    }

    [Fact]
    public void Check_WhenDistrictUnknownInAnotherKnownRegency_OnlyWarns()
    {
        var result = Check("1604011203850003");

        Assert.True(result.Valid);
        Assert.Equal("nik.district_unknown", Assert.Single(result.Warnings).Code);
        Assert.Equal(RegionCode.Parse("16.04.01"), result.DistrictCode);
    }

    [Fact]
    public void Check_WhenDistrictIsZero_WarnsAndReturnsNoDistrict()
    {
        var result = Check("1801001203850003");

        Assert.True(result.Valid);
        Assert.Equal("nik.district_unknown", Assert.Single(result.Warnings).Code);
        Assert.Null(result.DistrictCode);
    }

    [Theory]
    [InlineData("1985-03-11", true)]
    [InlineData("1985-03-12", false)]
    [InlineData("1985-03-13", true)]
    public void Check_WhenDeclaredBirthDateDiffers_Warns(string declared, bool expectWarning)
    {
        var result = NikRules.Check("1801061203850003", Today, Date(declared), Sex.Male, Regions);

        Assert.True(result.Valid);
        Assert.Equal(expectWarning, result.Warnings.Any(w => w.Code == "nik.birthdate_mismatch"));
    }

    [Fact]
    public void Check_WhenDeclaredBirthDateDiffers_NamesBothDates()
    {
        var result = NikRules.Check("1801061203850003", Today, new DateOnly(1985, 3, 21), null, Regions);

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("nik.birthdate_mismatch", warning.Code);
        Assert.Equal(
            "Tanggal lahir pada NIK (1985-03-12) berbeda dengan tanggal lahir yang dinyatakan (1985-03-21).",
            warning.Message);
        Assert.Equal(new DateOnly(1985, 3, 12), result.BirthDate);
    }

    [Theory]
    [InlineData("1801065203850003", Sex.Male, "Jenis kelamin pada NIK (perempuan) berbeda dengan yang dinyatakan (laki-laki).")]
    [InlineData("1801061203850003", Sex.Female, "Jenis kelamin pada NIK (laki-laki) berbeda dengan yang dinyatakan (perempuan).")]
    public void Check_WhenDeclaredSexDiffers_Warns(string nik, Sex declared, string message)
    {
        var result = NikRules.Check(nik, Today, null, declared, Regions);

        Assert.True(result.Valid);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("nik.sex_mismatch", warning.Code);
        Assert.Equal(message, warning.Message);
    }

    [Theory]
    [InlineData("1801061203850003", Sex.Male)]
    [InlineData("1801065203850003", Sex.Female)]
    public void Check_WhenDeclaredValuesAgree_DoesNotWarn(string nik, Sex declared)
    {
        var result = NikRules.Check(nik, Today, new DateOnly(1985, 3, 12), declared, Regions);

        Assert.True(result.Valid);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Check_WhenDateInvalid_DoesNotCompareDeclaredValues()
    {
        var result = NikRules.Check("1801063202850003", Today, new DateOnly(1985, 2, 1), Sex.Female, Regions);

        AssertSingleError(result, "nik.date_invalid");
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Check_WhenSeveralRulesBroken_ReportsEveryError()
    {
        var result = NikRules.Check("1802064003850000", Today, new DateOnly(1985, 3, 1), Sex.Male, Regions);

        Assert.False(result.Valid);
        Assert.Equal(
            ["nik.region_unknown", "nik.date_invalid", "nik.serial_zero"],
            result.Errors.Select(e => e.Code));
        Assert.Equal("Tanggal lahir pada NIK bukan tanggal yang valid.", result.Errors[1].Message);
        Assert.Empty(result.Warnings);
        Assert.Equal("1802064003850000", result.Nik?.Value);
    }

    [Fact]
    public void Check_WhenErrorsAndWarningsBoth_ReportsBoth()
    {
        var result = NikRules.Check("1801991203850000", Today, new DateOnly(1985, 3, 21), Sex.Female, Regions);

        Assert.False(result.Valid);
        Assert.Equal(["nik.serial_zero"], result.Errors.Select(e => e.Code));
        Assert.Equal(
            ["nik.district_unknown", "nik.birthdate_mismatch", "nik.sex_mismatch"],
            result.Warnings.Select(w => w.Code));
    }

    private static NikCheckResult Check(string nik) => NikRules.Check(nik, Today, null, null, Regions);

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static RuleMessage AssertSingleError(NikCheckResult result, string code)
    {
        Assert.False(result.Valid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        return error;
    }

    private sealed class FakeRegionCodeLookup(params string[] codes) : IRegionCodeLookup
    {
        private readonly HashSet<RegionCode> _codes = [.. codes.Select(RegionCode.Parse)];

        public bool Exists(RegionCode code) => _codes.Contains(code);
    }
}
