using Payung.Registry;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Tests.Registry.Workers;

/// <summary>Each field rule at its boundaries, with the code the API and the bulk import report.</summary>
public sealed class WorkerRulesTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    private sealed class KnownRegions : IRegionCodeLookup
    {
        public bool Exists(RegionCode code) => code.Value is "18" or "18.01" or "18.01.06";
    }

    private static readonly RegisterWorkerRequest Valid = new(
        Nik: "1801065203850003", Kk: "1801060101100001", FullName: "Siti Aminah", BirthPlace: "Kalianda",
        BirthDate: "1985-03-12", Sex: "F", VillageCode: "18.01.06.2001", Address: "Jl. Lintas Sumatera", Rt: "003", Rw: "001",
        Phone: "0812-3456-7890", OccupationCode: "petani", MonthlyIncome: 1_500_000, DtsenDecile: 2, Status: null, DeathDate: null);

    private static (WorkerDetails? Details, Dictionary<string, List<RuleMessage>> Errors) Read(RegisterWorkerRequest r)
    {
        var errors = new Dictionary<string, List<RuleMessage>>();
        var details = WorkerRules.ReadDetails(r.Kk, r.FullName, r.BirthPlace, r.BirthDate, r.Sex, r.VillageCode, r.Address, r.Rt,
            r.Rw, r.Phone, r.OccupationCode, r.MonthlyIncome, r.DtsenDecile, r.Status, r.DeathDate, Today, errors);
        return (details, errors);
    }

    private static string? CodeOf(RegisterWorkerRequest r, string field) =>
        Read(r).Errors.TryGetValue(field, out var rules) ? Assert.Single(rules).Code : null;

    [Fact]
    public void ReadDetails_OfACompleteWorker_NormalisesWhatPeopleType()
    {
        var (details, errors) = Read(Valid with { FullName = "  Siti   Aminah ", VillageCode = "1801062001", Sex = "f" });

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal(("Siti Aminah", "18.01.06.2001", "F", "081234567890"), (details.FullName, details.VillageCode, details.Sex, details.Phone));
        Assert.Null(details.DeathDate);
    }

    [Theory]
    [InlineData(null, "worker.name_required")]
    [InlineData("   ", "worker.name_required")]
    [InlineData("A", "worker.name_invalid")]
    [InlineData("Al", null)]
    [InlineData("1234", "worker.name_invalid")]
    [InlineData("Siti\u0000Aminah", "worker.name_invalid")]
    public void FullName_MustBeTwoToHundredFiftyCharactersWithALetter(string? name, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { FullName = name }, "fullName"));

    [Fact]
    public void FullName_OfHundredFiftyCharactersIsAccepted_HundredFiftyOneIsNot()
    {
        Assert.Null(CodeOf(Valid with { FullName = new string('a', 150) }, "fullName"));
        Assert.Equal(WorkerRules.NameInvalid, CodeOf(Valid with { FullName = new string('a', 151) }, "fullName"));
    }

    [Theory]
    [InlineData("2026-04-01", null)]
    [InlineData("2026-04-02", "worker.birth_date_invalid")]
    [InlineData("1925-04-02", null)]
    [InlineData("1925-04-01", "worker.birth_date_invalid")]
    [InlineData("12-03-1985", "worker.birth_date_invalid")]
    [InlineData("1985-02-29", "worker.birth_date_invalid")]
    [InlineData(null, "worker.birth_date_invalid")]
    public void BirthDate_IsADateNotInTheFutureNorOverHundredYearsAgo(string? birthDate, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { BirthDate = birthDate, DeathDate = null }, "birthDate"));

    [Theory]
    [InlineData("M", null)]
    [InlineData("X", "worker.sex_invalid")]
    [InlineData(null, "worker.sex_invalid")]
    public void Sex_IsMOrF(string? sex, string? code) => Assert.Equal(code, CodeOf(Valid with { Sex = sex }, "sex"));

    [Theory]
    [InlineData("18.01.06.2001", null)]
    [InlineData("18.01.06", "worker.village_unknown")]
    [InlineData("18.01.06.0000", "worker.village_unknown")]
    [InlineData("kalianda", "worker.village_unknown")]
    [InlineData(null, "worker.village_unknown")]
    public void VillageCode_IsAVillageLevelCode(string? village, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { VillageCode = village }, "villageCode"));

    [Theory]
    [InlineData("1801060101100001", null)]
    [InlineData("", null)]
    [InlineData("180106010110000", "worker.kk_invalid")]
    [InlineData("18010601011000011", "worker.kk_invalid")]
    [InlineData("18010601011000O1", "worker.kk_invalid")]
    [InlineData("0000000000000000", "worker.kk_invalid")]
    public void Kk_IsSixteenDigitsOrEmpty(string? kk, string? code) => Assert.Equal(code, CodeOf(Valid with { Kk = kk }, "kk"));

    [Theory]
    [InlineData("1", null)]
    [InlineData("999", null)]
    [InlineData("1000", "worker.rt_invalid")]
    [InlineData("0", "worker.rt_invalid")]
    [InlineData("000", "worker.rt_invalid")]
    [InlineData("3a", "worker.rt_invalid")]
    public void Rt_IsOneToThreeDigitsNotZero(string rt, string? code)
    {
        Assert.Equal(code, CodeOf(Valid with { Rt = rt }, "rt"));
        Assert.Equal(code?.Replace("rt", "rw"), CodeOf(Valid with { Rw = rt }, "rw"));
    }

    [Theory]
    [InlineData("0812345", "worker.phone_invalid")]
    [InlineData("08123456", null)]
    [InlineData("+62 812 3456 7890", null)]
    [InlineData("123456789012345", null)]
    [InlineData("1234567890123456", "worker.phone_invalid")]
    [InlineData("0812-ABC-7890", "worker.phone_invalid")]
    [InlineData("++628123456789", "worker.phone_invalid")]
    public void Phone_IsEightToFifteenDigitsWithAnOptionalPlus(string phone, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { Phone = phone }, "phone"));

    [Theory]
    [InlineData(-1L, "worker.income_invalid")]
    [InlineData(0L, null)]
    [InlineData(1_000_000_000L, null)]
    [InlineData(1_000_000_001L, "worker.income_invalid")]
    public void MonthlyIncome_IsZeroToOneBillion(long income, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { MonthlyIncome = income }, "monthlyIncome"));

    [Theory]
    [InlineData(0, "worker.decile_invalid")]
    [InlineData(1, null)]
    [InlineData(10, null)]
    [InlineData(11, "worker.decile_invalid")]
    public void DtsenDecile_IsOneToTen(int decile, string? code) =>
        Assert.Equal(code, CodeOf(Valid with { DtsenDecile = decile }, "dtsenDecile"));

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("alive", null, null, false)]
    [InlineData(null, "2026-03-01", null, true)]
    [InlineData("deceased", "2026-04-01", null, true)]
    [InlineData("deceased", "2026-04-02", "worker.death_date_invalid", false)]
    [InlineData("deceased", "1985-03-11", "worker.death_date_invalid", false)]
    [InlineData("deceased", "1985-03-12", null, true)]
    [InlineData("deceased", null, "worker.death_date_invalid", false)]
    [InlineData("alive", "2026-03-01", "worker.death_date_invalid", false)]
    public void DeathDate_IsGivenExactlyForTheDeceased_BetweenBirthAndToday(string? status, string? deathDate, string? code, bool deceased)
    {
        var (details, errors) = Read(Valid with { Status = status, DeathDate = deathDate });

        Assert.Equal(code, errors.TryGetValue("deathDate", out var rules) ? Assert.Single(rules).Code : null);
        if (code is null)
        {
            Assert.Equal(deceased, details!.DeathDate is not null);
        }
    }

    [Fact]
    public void Status_OtherThanAliveOrDeceased_IsRefused() =>
        Assert.Equal(WorkerRules.StatusInvalid, CodeOf(Valid with { Status = "moved" }, "status"));

    [Fact]
    public void ReadNik_WhenNikDisagreesWithTheDeclaredBirthDateAndSex_ReturnsWarningsNotErrors()
    {
        var errors = new Dictionary<string, List<RuleMessage>>();

        var (nik, warnings) = WorkerRules.ReadNik(" 1801061203850003 ", new DateOnly(1985, 3, 21), "F", Today, new KnownRegions(), errors);

        Assert.Empty(errors);
        Assert.Equal("1801061203850003", nik);
        Assert.Equal([NikRules.BirthDateMismatchCode, NikRules.SexMismatchCode], warnings.Order());
    }

    [Fact]
    public void ReadNik_WhenMalformed_ReportsEveryNikRuleUnderTheNikField()
    {
        var errors = new Dictionary<string, List<RuleMessage>>();

        WorkerRules.ReadNik("1899013102850000", null, null, Today, new KnownRegions(), errors);

        Assert.Equal(["nik.date_invalid", "nik.region_unknown", "nik.serial_zero"], errors["nik"].Select(r => r.Code).Order());
    }

    [Fact]
    public void Messages_NameEveryCodeOnceInIndonesian()
    {
        var codes = typeof(WorkerRules).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && !f.Name.EndsWith("Message", StringComparison.Ordinal))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(codes.Order(), WorkerRules.Messages.Keys.Order());
        Assert.All(WorkerRules.Messages.Values, m => Assert.DoesNotContain("{", m));
    }
}
