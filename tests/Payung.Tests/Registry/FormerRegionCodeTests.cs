using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Regions;
using Payung.Registry.ImportWorkers;
using Payung.Shared;
using Payung.Tests.Registry.Import;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Registry;

/// <summary>
/// NIKs issued under a regency code that the 2022 Papua split retired (migration 0020, regions.former_region):
/// valid, with a warning that names the region today, in NikRules, the SQL check, the API, the page and the import.
/// </summary>
public sealed class FormerRegionCodeTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    /// <summary>
    /// Every regency UU 14, 15, 16 and 29 of 2022 moved, written out here rather than read from the table, so that a
    /// wrong or missing row fails: former code, today's code, today's name, today's province.
    /// </summary>
    public static TheoryData<string, string, string, string> FormerPapuaCodes => new()
    {
        { "91.01", "93.01", "Kabupaten Merauke", "Papua Selatan" },
        { "91.16", "93.02", "Kabupaten Boven Digoel", "Papua Selatan" },
        { "91.17", "93.03", "Kabupaten Mappi", "Papua Selatan" },
        { "91.18", "93.04", "Kabupaten Asmat", "Papua Selatan" },
        { "91.04", "94.01", "Kabupaten Nabire", "Papua Tengah" },
        { "91.07", "94.02", "Kabupaten Puncak Jaya", "Papua Tengah" },
        { "91.08", "94.03", "Kabupaten Paniai", "Papua Tengah" },
        { "91.09", "94.04", "Kabupaten Mimika", "Papua Tengah" },
        { "91.25", "94.05", "Kabupaten Puncak", "Papua Tengah" },
        { "91.26", "94.06", "Kabupaten Dogiyai", "Papua Tengah" },
        { "91.27", "94.07", "Kabupaten Intan Jaya", "Papua Tengah" },
        { "91.28", "94.08", "Kabupaten Deiyai", "Papua Tengah" },
        { "91.02", "95.01", "Kabupaten Jayawijaya", "Papua Pegunungan" },
        { "91.12", "95.02", "Kabupaten Pegunungan Bintang", "Papua Pegunungan" },
        { "91.13", "95.03", "Kabupaten Yahukimo", "Papua Pegunungan" },
        { "91.14", "95.04", "Kabupaten Tolikara", "Papua Pegunungan" },
        { "91.21", "95.05", "Kabupaten Mamberamo Tengah", "Papua Pegunungan" },
        { "91.22", "95.06", "Kabupaten Yalimo", "Papua Pegunungan" },
        { "91.23", "95.07", "Kabupaten Lanny Jaya", "Papua Pegunungan" },
        { "91.24", "95.08", "Kabupaten Nduga", "Papua Pegunungan" },
        { "92.01", "96.01", "Kabupaten Sorong", "Papua Barat Daya" },
        { "92.04", "96.02", "Kabupaten Sorong Selatan", "Papua Barat Daya" },
        { "92.05", "96.03", "Kabupaten Raja Ampat", "Papua Barat Daya" },
        { "92.09", "96.04", "Kabupaten Tambrauw", "Papua Barat Daya" },
        { "92.10", "96.05", "Kabupaten Maybrat", "Papua Barat Daya" },
        { "92.71", "96.71", "Kota Sorong", "Papua Barat Daya" },
    };

    private IRegionCodeLookup Regions => factory.Services.GetRequiredService<IRegionCodeLookup>();

    /// <summary>A man born 1 February 1990, serial 0001, issued in kecamatan 01 of the regency.</summary>
    private static string NikIn(string regency, string district = "01") => regency.Replace(".", "") + district + "0102900001";

    [Theory]
    [MemberData(nameof(FormerPapuaCodes))]
    public void Check_NikUnderAFormerPapuaCode_IsValidWithAWarningNamingTodaysRegion(
        string former, string current, string name, string province)
    {
        var result = NikRules.Check(NikIn(former), Today, new DateOnly(1990, 2, 1), Sex.Male, Regions);

        Assert.True(result.Valid, string.Join(", ", result.Errors.Select(e => e.Code)));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("nik.former_region_code", warning.Code);
        Assert.Contains($"({former})", warning.Message);
        Assert.Contains($"kini {name}, Provinsi {province} ({current})", warning.Message);
        Assert.Equal(current, result.DistrictCode?.RegencyCode?.Value);
    }

    [Theory]
    [MemberData(nameof(FormerPapuaCodes))]
    public async Task NikCheckInSql_UnderAFormerPapuaCode_AgreesWithNikRules(string former, string current, string name, string province)
    {
        _ = (current, name, province);
        var codes = await ScalarAsync<string[]>("select registry.nik_check($1, $2, $3, 'M')", NikIn(former), Today, new DateOnly(1990, 2, 1));

        Assert.Equal(["nik.former_region_code"], codes);
    }

    [Fact]
    public async Task FormerRegionTable_HoldsExactlyThe26RegenciesOfThe2022Laws()
    {
        var expected = FormerPapuaCodes.Select(row => $"{row[0]}>{row[1]}").Order(StringComparer.Ordinal).ToArray();

        var stored = await ScalarAsync<string[]>(
            "select array_agg(code || '>' || current_code order by code || '>' || current_code) from regions.former_region_current");

        Assert.Equal(expected, stored);
    }

    [Theory]
    [InlineData("93.01", "01")] // Merauke under today's code
    [InlineData("96.71", "01")] // Kota Sorong under today's code
    [InlineData("91.03", "01")] // Kabupaten Jayapura stayed in Papua
    [InlineData("92.02", "03")] // Kabupaten Manokwari stayed in Papua Barat (Warmare; it has no kecamatan 01)
    public async Task Check_NikUnderACurrentPapuaCode_HasNoWarning(string regency, string district)
    {
        var nik = NikIn(regency, district);
        var result = NikRules.Check(nik, Today, new DateOnly(1990, 2, 1), Sex.Male, Regions);

        Assert.True(result.Valid);
        Assert.Empty(result.Warnings);
        Assert.Empty(await ScalarAsync<string[]>("select registry.nik_check($1, $2, $3, 'M')", nik, Today, new DateOnly(1990, 2, 1)));
    }

    [Theory]
    [InlineData("91.99")] // never a regency of Papua
    [InlineData("96.06")] // Papua Barat Daya has five kabupaten
    [InlineData("97.01")] // no province 97
    public async Task Check_NikUnderAnUnknownRegency_IsStillRejected(string regency)
    {
        var nik = NikIn(regency);
        var result = NikRules.Check(nik, Today, null, null, Regions);

        Assert.False(result.Valid);
        Assert.Equal(NikRules.RegionUnknownCode, Assert.Single(result.Errors).Code);
        Assert.Empty(result.Warnings);
        Assert.Equal(["nik.region_unknown"], await ScalarAsync<string[]>("select registry.nik_check($1, $2)", nik, Today));
    }

    [Fact]
    public async Task Check_NikUnderAFormerRegencyWithAKecamatanUnknownUnderTheSuccessor_WarnsTwice()
    {
        // Merauke (93.01) has no kecamatan 99: read under today's regency, the kecamatan is unknown.
        var nik = NikIn("91.01", "99");
        var result = NikRules.Check(nik, Today, null, null, Regions);

        Assert.True(result.Valid);
        Assert.Equal(["nik.former_region_code", "nik.district_unknown"], result.Warnings.Select(w => w.Code));
        Assert.Equal(["nik.former_region_code", "nik.district_unknown"],
            await ScalarAsync<string[]>("select registry.nik_check($1, $2)", nik, Today));
    }

    [Fact]
    public async Task FindFormer_WhenTheSuccessorWasItselfRecoded_FollowsTheChainToTodaysCode()
    {
        // 98.77 -> 98.78 -> 93.01: codes of no province, so that no other test's NIK can meet them while they exist.
        var dataSource = factory.Database.DataSource;
        await ExecAsync("""
            insert into regions.former_region (code, level, name, valid_until, successor_code, source) values
                ('98.77', 'regency', 'Kabupaten Uji Lama', date '2001-01-01', '98.78', 'test'),
                ('98.78', 'regency', 'Kabupaten Uji Antara', date '2010-01-01', '93.01', 'test')
            """);
        try
        {
            var former = new RegionCodeCache(dataSource).FindFormer(RegionCode.Parse("98.77"));

            Assert.NotNull(former);
            Assert.Equal(("Kabupaten Uji Lama", "93.01", "Kabupaten Merauke", "Papua Selatan"),
                (former.Name, former.Current.Value, former.CurrentName, former.CurrentProvinceName));
            Assert.Equal("93.01", await ScalarAsync<string>("select current_code from regions.former_region_current where code = '98.77'"));
        }
        finally
        {
            await ExecAsync("delete from regions.former_region where source = 'test' and code in ('98.77', '98.78')");
        }
    }

    [Fact]
    public async Task CheckApi_NikUnderAFormerCode_AnswersTheWarningWithTodaysRegion()
    {
        var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/nik/check", new { nik = NikIn("91.01") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.True(body.GetProperty("valid").GetBoolean());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("nik.former_region_code", warning.GetProperty("code").GetString());
        Assert.Contains("kini Kabupaten Merauke, Provinsi Papua Selatan (93.01)", warning.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CekNikPage_NikUnderAFormerCode_ShowsTheWarningAndTodaysRegencyInsteadOfAKecamatan()
    {
        var client = factory.CreateClient();
        var form = await client.GetStringAsync("/cek-nik");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync("/cek-nik", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["nik"] = NikIn("92.01", "04"), ["__RequestVerificationToken"] = token,
        }));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-code=\"nik.former_region_code\"", html);
        Assert.Contains("kini Kabupaten Sorong, Provinsi Papua Barat Daya (96.01)", html);
        // 96.01.04 is Seget today, while 92.01.04 was Beraur: the page names no kecamatan for a former code.
        Assert.Contains("data-testid=\"decoded-district-former\"", html);
        Assert.DoesNotContain("decoded-district-link", html);
    }

    [Fact]
    public async Task Import_RowWithANikUnderAFormerCode_IsCreatedWithTheWarningNamingTodaysRegion()
    {
        var nik = new NikGenerator(2012);
        var client = await Access.AccessTestKit.SignedInClientAsync(factory,
            await Access.AccessTestKit.CreateUserAsync(factory, Role.NationalAdmin, null));
        var (_, birth, sex) = nik.Next();
        var former = NikGenerator.Make("91.01.01", birth, sex);
        var row = ImportRowBuilder.Valid(nik, "18.01.06.2001").With("NIK", former)
            .With("Tanggal Lahir", birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .With("Jenis Kelamin", sex == Sex.Female ? "P" : "L");

        var import = await ImportApi.ImportAsync(client, ImportFiles.Csv([row]), "kode-lama.csv");

        Assert.Equal("succeeded", import.Status);
        var created = Assert.Single((await ImportApi.RowsAsync(client, import.Id, "created")).Items);
        var reason = Assert.Single(created.Reasons);
        Assert.Equal(NikRules.FormerRegionCode, reason.Code);
        Assert.Contains("kini Kabupaten Merauke, Provinsi Papua Selatan (93.01)", reason.Message);
        Assert.Contains(ImportReasons.Warning, code => code == NikRules.FormerRegionCode);
        Assert.Equal(["nik.former_region_code"],
            await ScalarAsync<string[]>("select nik_warnings from registry.worker where nik = $1", former));
    }

    [Fact]
    public async Task RegisterWorker_WithANikUnderAFormerCode_StoresTheWarningAndAnswersTodaysRegion()
    {
        var request = Workers.WorkersTestKit.NewWorker(Workers.WorkersTestKit.Jondong);
        request = request with { Nik = "910101" + request.Nik![6..] };
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.As<Payung.Registry.RegisterWorker.RegisterWorker>(Workers.WorkersTestKit.Desa(Workers.WorkersTestKit.Jondong))
            .ExecuteAsync(request, CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var warning = Assert.Single(outcome.Value.NikWarnings);
        Assert.Equal(NikRules.FormerRegionCode, warning.Code);
        Assert.Contains("kini Kabupaten Merauke, Provinsi Papua Selatan (93.01)", warning.Message);
        Assert.Equal(["nik.former_region_code"],
            await ScalarAsync<string[]>("select nik_warnings from registry.worker where id = $1", outcome.Value.Id));
    }

    private async Task ExecAsync(string sql)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
