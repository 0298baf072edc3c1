using System.Globalization;

namespace Payung.Bench.WorkerGenerator;

/// <summary>
/// Makes one well-formed worker: a village drawn like the population, a NIK whose district is that
/// village's district and whose date digits encode the declared birth date and sex, and the optional
/// columns filled as often as village operators fill them.
/// </summary>
internal sealed class WorkerFactory
{
    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);
    private static readonly DateOnly LastBirthDate = new(2007, 12, 31);
    private static readonly int BirthDateSpan = LastBirthDate.DayNumber - FirstBirthDate.DayNumber + 1;

    // Occupation codes of registry.occupation (db/migrations/0004_registry.sql) with rough shares among
    // pekerja rentan: farming, day labour and street trade dominate.
    private static readonly (string Code, int Weight, bool WomenOnly)[] Occupations =
    [
        ("petani", 240, false), ("pekebun", 50, false), ("nelayan", 60, false), ("peternak", 30, false),
        ("buruh_harian_lepas", 180, false), ("pedagang_kaki_lima", 120, false), ("ojek_pengemudi", 80, false),
        ("tukang", 60, false), ("pekerja_rumah_tangga", 40, false), ("ketua_rt", 20, false), ("ketua_rw", 8, false),
        ("marbot", 10, false), ("guru_ngaji", 12, false), ("kader_posyandu", 20, true), ("linmas", 12, false),
        ("pekerja_non_asn", 30, false), ("lainnya", 20, false),
    ];

    // DTSEN welfare deciles: programmes target desil 1–4, so registered workers lean poor.
    private static readonly int[] DecileWeights = [20, 18, 16, 14, 10, 8, 6, 4, 2, 2];

    private static readonly string[] Streets =
    [
        "Merdeka", "Sudirman", "Diponegoro", "Ahmad Yani", "Gatot Subroto", "Pahlawan", "Veteran", "Kartini",
        "Imam Bonjol", "Hasanuddin", "Pattimura", "Teuku Umar", "Cut Nyak Dien", "Raya", "Pasar", "Masjid", "Melati",
        "Mawar", "Kenanga", "Anggrek", "Flamboyan", "Cempaka", "Nusantara", "Pemuda", "Sisingamangaraja", "Kamboja",
    ];

    private static readonly string[] Hamlets =
    [
        "Krajan", "Sukamaju", "Sukamakmur", "Mekarsari", "Sumbersari", "Karanganyar", "Tegalsari", "Cibeureum",
        "Kebonagung", "Sidomulyo", "Margomulyo", "Tanjungsari", "Purwosari", "Suka Damai", "Harapan Jaya", "Sukajadi",
        "Mulyorejo", "Sindangsari", "Bojong", "Kampung Baru", "Lubuk", "Pasir", "Talang", "Tanjung",
    ];

    private readonly RegionData regions;
    private readonly NikSerials serials;
    private readonly Random random;
    private readonly SexCodes sexCodes;
    private readonly int currentYear = DateTime.Today.Year;
    private readonly int occupationTotal = Occupations.Sum(o => o.Weight);
    private readonly int decileTotal = DecileWeights.Sum();

    public WorkerFactory(RegionData regions, NikSerials serials, Random random, SexCodes sexCodes)
    {
        this.regions = regions;
        this.serials = serials;
        this.random = random;
        this.sexCodes = sexCodes;
    }

    public WorkerRow Create()
    {
        var village = regions.PickVillage(random);
        var female = random.Next(100) < 45;
        var (birthDate, nik) = BirthDateAndNik(village, female);

        var values = new FieldValue[ImportColumns.Headers.Length];
        values[ImportColumns.Nik] = nik;
        values[ImportColumns.Kk] = random.Next(100) < 95 ? Kk(village) : FieldValue.Empty;
        values[ImportColumns.FullName] = NamePool(village).Compose(random, female, currentYear - birthDate.Year);
        values[ImportColumns.BirthPlace] = random.Next(100) < 97 ? BirthPlace(village) : FieldValue.Empty;
        values[ImportColumns.BirthDate] = DateValue(birthDate);
        values[ImportColumns.Sex] = female ? sexCodes.Female : sexCodes.Male;
        values[ImportColumns.VillageCode] = village.Code;
        values[ImportColumns.Address] = Address(village);
        var withRtRw = random.Next(100) < 90;
        values[ImportColumns.Rt] = withRtRw ? (1 + random.Next(20)).ToString("000", CultureInfo.InvariantCulture) : FieldValue.Empty;
        values[ImportColumns.Rw] = withRtRw ? (1 + random.Next(12)).ToString("000", CultureInfo.InvariantCulture) : FieldValue.Empty;
        values[ImportColumns.Phone] = random.Next(100) < 80 ? Phone() : FieldValue.Empty;
        values[ImportColumns.Occupation] = Occupation(female);
        values[ImportColumns.MonthlyIncome] = random.Next(100) < 85 ? Number(MonthlyIncome()) : FieldValue.Empty;
        values[ImportColumns.DtsenDecile] = random.Next(100) < 85 ? Number(Decile()) : FieldValue.Empty;
        values[ImportColumns.Status] = FieldValue.Empty; // blank means hidup (alive)
        values[ImportColumns.DeathDate] = FieldValue.Empty;
        if (random.Next(1000) < 3)
        {
            // A few lists still carry people who died since they were drawn up.
            var died = DateOnly.FromDayNumber(new DateOnly(2020, 1, 1).DayNumber + random.Next(5 * 365));
            values[ImportColumns.Status] = "meninggal";
            values[ImportColumns.DeathDate] = DateValue(died);
        }

        return new WorkerRow(values);
    }

    public static FieldValue DateValue(DateOnly date) => new(
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CellKind.Date,
        date.ToDateTime(TimeOnly.MinValue).ToOADate());

    public static string NikDatePart(DateOnly birthDate, bool female) => string.Create(
        CultureInfo.InvariantCulture, $"{birthDate.Day + (female ? 40 : 0):00}{birthDate.Month:00}{birthDate.Year % 100:00}");

    private (DateOnly BirthDate, string Nik) BirthDateAndNik(Village village, bool female)
    {
        while (true)
        {
            var birthDate = DateOnly.FromDayNumber(FirstBirthDate.DayNumber + random.Next(BirthDateSpan));
            var prefix = village.DistrictDigits + NikDatePart(birthDate, female);
            if (serials.Next(prefix) is { } serial)
            {
                return (birthDate, string.Create(CultureInfo.InvariantCulture, $"{prefix}{serial:0000}"));
            }
        }
    }

    private NamePool NamePool(Village village)
    {
        var pools = IndonesianNames.ForProvince(village.ProvinceCode);
        var pick = random.Next(pools.Sum(p => p.Weight));
        foreach (var (pool, weight) in pools)
        {
            if (pick < weight)
            {
                return pool;
            }

            pick -= weight;
        }

        return pools[^1].Pool;
    }

    // KK: issuing district + issue date (DDMMYY) + serial; only the 16-digit shape is checked downstream.
    private string Kk(Village village)
    {
        var issued = DateOnly.FromDayNumber(new DateOnly(2005, 1, 1).DayNumber + random.Next(7300));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{village.DistrictDigits}{issued.Day:00}{issued.Month:00}{issued.Year % 100:00}{1 + random.Next(9999):0000}");
    }

    // Most people are born in the regency they live in; some moved within the province.
    private string BirthPlace(Village village)
    {
        var regency = random.Next(100) < 85 ? village.RegencyCode : regions.PickRegencyInProvince(village.ProvinceCode, random);
        // "Kabupaten Aceh Selatan" → "Aceh Selatan", "Kota Administrasi Jakarta Pusat" → "Jakarta Pusat".
        var name = regions.RegencyName(regency);
        foreach (var prefix in new[] { "Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota " })
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return name[prefix.Length..];
            }
        }

        return name;
    }

    private string Address(Village village)
    {
        if (village.IsKelurahan || random.Next(100) < 20)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Jl. {Pick(Streets)} No. {1 + random.Next(150)}");
        }

        var hamlet = village.ProvinceCode switch
        {
            "32" or "36" => "Kp.",       // kampung in Sundanese villages
            "13" => "Jorong",            // West Sumatra
            "51" => "Banjar",            // Bali
            _ => "Dusun",
        };
        return $"{hamlet} {Pick(Hamlets)}";
    }

    private string Phone()
    {
        // Mobile numbers: 08 + operator digit + 8–10 more digits (11–13 in all).
        var operatorDigit = "1235789"[random.Next(7)];
        var rest = random.Next(8, 11);
        var chars = new char[3 + rest];
        chars[0] = '0';
        chars[1] = '8';
        chars[2] = operatorDigit;
        for (var i = 3; i < chars.Length; i++)
        {
            chars[i] = (char)('0' + random.Next(10));
        }

        return new string(chars);
    }

    private string Occupation(bool female)
    {
        while (true)
        {
            var pick = random.Next(occupationTotal);
            foreach (var (code, weight, womenOnly) in Occupations)
            {
                if (pick < weight)
                {
                    if (womenOnly && !female)
                    {
                        break;
                    }

                    return code;
                }

                pick -= weight;
            }
        }
    }

    // Rp300,000–Rp4,000,000 in steps of Rp50,000, most below Rp1.5 million.
    private long MonthlyIncome()
    {
        var u = random.NextDouble();
        return 300_000 + (long)Math.Round(u * u * 74) * 50_000;
    }

    private int Decile()
    {
        var pick = random.Next(decileTotal);
        for (var i = 0; i < DecileWeights.Length; i++)
        {
            if (pick < DecileWeights[i])
            {
                return i + 1;
            }

            pick -= DecileWeights[i];
        }

        return DecileWeights.Length;
    }

    private static FieldValue Number(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture), CellKind.Number, value);

    private string Pick(string[] list) => list[random.Next(list.Length)];
}

/// <summary>What the import expects in "Jenis Kelamin": <c>L</c>/<c>P</c> (laki-laki/perempuan) or <c>M</c>/<c>F</c>.</summary>
internal sealed record SexCodes(string Male, string Female)
{
    public static readonly SexCodes Indonesian = new("L", "P");
    public static readonly SexCodes Stored = new("M", "F");
}
