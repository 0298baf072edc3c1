using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Payung.Programs.ManageRates;
using Payung.Shared;
using Payung.Tests.Access;
using Payung.Tests.Registry.Workers;

namespace Payung.Tests.Programs.Rates;

/// <summary>
/// <c>/api/v1/rates</c> and the page <c>/admin/tarif</c> on the shared test database. Versions are added far in the future (from 2100) for JKK and JKM
/// only, so the seeded figures other tests pin never change; the access matrix adds its own JHT versions. Tests of
/// this class run one after another, each starting after the latest version there is.
/// </summary>
public sealed class ManageRatesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly ContributionMonth Future = new(2100, 1);

    private Task<HttpClient> AdminAsync() => WorkersTestKit.ClientAsync(factory, Role.NationalAdmin, null);

    private async Task<RatesResponse> RatesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<RatesResponse>("/api/v1/rates", Json))!;

    /// <summary>The month after the latest version of <paramref name="component"/> started (or ended), never before 2100.</summary>
    private async Task<ContributionMonth> NextFreeMonthAsync(HttpClient client, string component)
    {
        var latest = (await RatesAsync(client)).ContributionRates.Where(r => r.Component == component)
            .Select(r => ContributionMonth.Parse(r.EffectiveTo ?? r.EffectiveFrom)).Max();
        return latest < Future ? Future : latest.PlusMonths(1);
    }

    private static object Rate(string component, string kind, decimal value, string from) =>
        new { component, kind, value, effectiveFrom = from, regulation = "PP Uji 99/2099", note = "Versi uji" };

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<JsonElement>(body).TryGetProperty("code", out var code) ? code.GetString() : body;
    }

    [Fact]
    public async Task SeededRateTexts_AreIndonesianOnTheApiAndThePage()
    {
        var client = await AdminAsync();

        var rates = await RatesAsync(client);
        var page = await client.GetStringAsync("/admin/tarif");

        Assert.Equal("Iuran JKM peserta BPU: Rp6.800 per bulan, berapa pun dasar upahnya.",
            rates.ContributionRates.Single(r => r.Version == "JKM@2015-07").Note);
        Assert.Equal("PP 44/2015 beserta perubahannya", rates.ContributionRates.Single(r => r.Version == "JKK@2015-07").Regulation);
        Assert.StartsWith("Asumsi belum dikonfirmasi:", rates.FundingSources.Single(s => s.Code == "DANA_DESA").DiscountAssumption, StringComparison.Ordinal);
        Assert.Contains(rates.FundingSources.Single(s => s.Code == "APBDES_ADD").DiscountAssumption!, page, StringComparison.Ordinal);
        Assert.Contains("Iuran JKK peserta BPU (bukan penerima upah): 1% dari dasar upah bulanan", page, StringComparison.Ordinal);
        Assert.Contains("Juli 2015", page, StringComparison.Ordinal);
        Assert.DoesNotContain("as amended", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IndonesianRateTextsMigration_RewritesOnlyTheSeededTexts()
    {
        var sql = ReadMigration("0017_indonesian_rate_texts.sql");
        await using var conn = await factory.Database.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(
            """
            update programs.funding_source set discount_assumption = case code when 'OTHER' then 'Ditetapkan administrator'
                else 'Unconfirmed assumption: discounts not applied until BPJS confirms CSR-funded contributions qualify.' end
             where code in ('OTHER', 'CSR')
            """, conn, tx))
        {
            await set.ExecuteNonQueryAsync();
        }

        await using (var again = new NpgsqlCommand(sql, conn, tx))
        {
            await again.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            "select string_agg(discount_assumption, ' | ' order by code) from programs.funding_source where code in ('CSR', 'OTHER')", conn, tx);
        Assert.Equal("Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai BPJS menegaskan bahwa iuran yang didanai CSR berhak atasnya."
            + " | Ditetapkan administrator", await read.ExecuteScalarAsync());
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task Pp50FundingSourcesMigration_CorrectsOnlyTheSeededSettingsAndAuditsThem()
    {
        var sql = ReadMigration("0019_pp50_funding_sources.sql");
        await using var conn = await factory.Database.DataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        // CSR as 0007/0017 left it; OTHER as an administrator chose it; the village funds as 0019 left them.
        await using (var set = new NpgsqlCommand(
            """
            update programs.funding_source
               set discount_applies = false,
                   discount_assumption = case code
                       when 'CSR' then 'Asumsi belum dikonfirmasi: potongan tidak diterapkan sampai BPJS menegaskan bahwa iuran yang didanai CSR berhak atasnya.'
                       else 'Ditetapkan administrator' end
             where code in ('CSR', 'OTHER')
            """, conn, tx))
        {
            await set.ExecuteNonQueryAsync();
        }

        int changed;
        await using (var again = new NpgsqlCommand(sql, conn, tx))
        {
            changed = await again.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand(
            """
            select string_agg(code || '=' || discount_applies || ':' || coalesce(left(discount_assumption, 40), '-'), ' | ' order by code collate "C")
              from programs.funding_source
            """, conn, tx);
        Assert.Equal(1, changed);
        Assert.Equal(
            "APBD=false:- | APBDES_ADD=false:Asumsi belum dikonfirmasi: Alokasi Dana  | APBD_P=false:- | CSR=true:- | DANA_DESA=false:Asumsi belum dikonfirmasi: Dana Desa ber"
            + " | DBH_CHT=false:- | OTHER=false:Ditetapkan administrator | SELF_PAID=true:-",
            await read.ExecuteScalarAsync());
        await using var audit = new NpgsqlCommand(
            """
            select after->>'discountApplies' from access.audit_log
             where entity = 'funding_source' and entity_id = 'CSR' and actor_name = 'migration 0019'
             order by id desc limit 1
            """, conn, tx);
        Assert.Equal("true", await audit.ExecuteScalarAsync());
        await tx.RollbackAsync();
    }

    private static string ReadMigration(string name)
    {
        using var stream = typeof(Payung.Infrastructure.MigrationRunner).Assembly.GetManifestResourceStream("migrations/" + name)
            ?? throw new InvalidOperationException($"Migration {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task AddRate_AsNationalAdmin_ClosesTheOpenVersionAndEstimatesUseTheNewOne()
    {
        var client = await AdminAsync();
        var from = await NextFreeMonthAsync(client, "JKM");
        var open = (await RatesAsync(client)).ContributionRates.Single(r => r.Component == "JKM" && r.EffectiveTo is null);

        var response = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKM", "flat", 7_000, from.ToString()));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var added = (await response.Content.ReadFromJsonAsync<ContributionRateResponse>(Json))!;
        Assert.Equal(($"JKM@{from}", from.ToString(), (string?)null), (added.Version, added.EffectiveFrom, added.EffectiveTo));
        var versions = (await RatesAsync(client)).ContributionRates;
        Assert.Equal(from.PlusMonths(-1).ToString(), versions.Single(r => r.Version == open.Version).EffectiveTo);
        Assert.Equal(1, await AccessTestKit.AuditCountAsync(factory, added.Version, "create"));
        Assert.Equal(1, await AccessTestKit.AuditCountAsync(factory, open.Version, "update"));

        var estimate = await client.PostAsJsonAsync("/api/v1/budget/estimate",
            new { participants = 1, startMonth = from.PlusMonths(-1).ToString(), months = 2, fundingSource = "APBD", package = new[] { "JKK", "JKM" } });
        var months = JsonSerializer.Deserialize<JsonElement>(await estimate.Content.ReadAsStringAsync()).GetProperty("months");
        // JKK stays 1% of the minimum basis (Rp10,000) in every version these tests add.
        Assert.Equal(open.Value + 10_000, months[0].GetProperty("perParticipant").GetInt64());
        Assert.Equal(7_000 + 10_000, months[1].GetProperty("perParticipant").GetInt64());
        Assert.Contains(added.Version, months[1].GetProperty("rateVersion").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRate_NotAfterTheLatestVersion_IsRefusedAsBackdatedAndChangesNothing()
    {
        var client = await AdminAsync();
        var from = await NextFreeMonthAsync(client, "JKK");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1, from.ToString()))).StatusCode);
        var latest = (await RatesAsync(client)).ContributionRates.Single(r => r.Version == $"JKK@{from}");

        var same = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1.5m, from.ToString()));
        var before = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1.5m, from.PlusMonths(-1).ToString()));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "rates.backdated"), (same.StatusCode, await CodeAsync(same)));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "rates.backdated"), (before.StatusCode, await CodeAsync(before)));
        Assert.Equal(latest, (await RatesAsync(client)).ContributionRates.Single(r => r.Version == latest.Version));
        Assert.DoesNotContain((await RatesAsync(client)).ContributionRates, r => r.Version == $"JKK@{from.PlusMonths(-1)}");
    }

    [Fact]
    public async Task AddRate_TwoAdministratorsAtOnceForOneMonth_ExactlyOneWins()
    {
        var client = await AdminAsync();
        using var second = await AccessTestKit.SignedInClientAsync(factory, await AccessTestKit.CreateUserAsync(factory, Role.NationalAdmin, null));
        var from = (await NextFreeMonthAsync(client, "JKM")).ToString();

        var answers = await Task.WhenAll(
            client.PostAsJsonAsync("/api/v1/rates", Rate("JKM", "flat", 7_100, from)),
            second.PostAsJsonAsync("/api/v1/rates", Rate("JKM", "flat", 7_200, from)));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity], answers.Select(a => a.StatusCode).Order());
        Assert.Single((await RatesAsync(client)).ContributionRates, r => r.Component == "JKM" && r.EffectiveTo is null);
    }

    [Fact]
    public async Task AddRate_InsideAClosedLatestVersion_IsRefusedAsOverlapping()
    {
        var client = await AdminAsync();
        var from = await NextFreeMonthAsync(client, "JKK");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1, from.ToString()))).StatusCode);
        // A version that already has its end (as a regulation with a fixed term would): only the database can write one.
        await using (var close = factory.Database.DataSource.CreateCommand(
            "update programs.contribution_rate set effective_to = $2 where version = $1"))
        {
            close.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"JKK@{from}" });
            close.Parameters.Add(new NpgsqlParameter<DateOnly> { TypedValue = from.PlusMonths(3).FirstDay });
            await close.ExecuteNonQueryAsync();
        }

        var inside = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1, from.PlusMonths(2).ToString()));
        var after = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 1, from.PlusMonths(4).ToString()));

        Assert.Equal((HttpStatusCode.Conflict, "rates.overlapping"), (inside.StatusCode, await CodeAsync(inside)));
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(from.PlusMonths(3).ToString(), (await RatesAsync(client)).ContributionRates.Single(r => r.Version == $"JKK@{from}").EffectiveTo);
    }

    [Fact]
    public async Task AddRate_WithBrokenFields_AnswersEveryFieldAndOthersAreForbidden()
    {
        var client = await AdminAsync();
        var disnaker = await WorkersTestKit.ClientAsync(factory, Role.DisnakerOperator, "18.01");

        var broken = await client.PostAsJsonAsync("/api/v1/rates",
            new { component = "JP", kind = "percent", value = -1, effectiveFrom = "2100-13", regulation = "x" });
        var tooMuch = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "percent_of_basis", 101, "2100-01"));
        var fraction = await client.PostAsJsonAsync("/api/v1/rates", Rate("JKM", "flat", 6.8m, "2100-01")); // "6.800" read as 6.8
        var forbidden = await disnaker.PostAsJsonAsync("/api/v1/rates", Rate("JKK", "flat", 1, "2100-01"));
        var listed = await disnaker.GetAsync("/api/v1/rates");
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/rates");

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var errors = JsonSerializer.Deserialize<JsonElement>(await broken.Content.ReadAsStringAsync()).GetProperty("errors");
        Assert.Equal(["component", "effectiveFrom", "kind", "regulation", "value"], errors.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task SetFundingSourceDiscount_OnOther_WithdrawsPp50FromItsEstimatesUntilSetBack()
    {
        var client = await AdminAsync();
        var original = (await RatesAsync(client)).FundingSources.Single(s => s.Code == "OTHER");
        async Task<(long Total, string? Assumption)> EstimateAsync(string month)
        {
            var estimate = await client.PostAsJsonAsync("/api/v1/budget/estimate",
                new { participants = 1, startMonth = month, months = 1, fundingSource = "OTHER", package = new[] { "JKK", "JKM" } });
            var body = JsonSerializer.Deserialize<JsonElement>(await estimate.Content.ReadAsStringAsync());
            var assumption = body.GetProperty("discountAssumption");
            return (body.GetProperty("total").GetInt64(), assumption.ValueKind == JsonValueKind.Null ? null : assumption.GetString());
        }

        // Seeded by 0019: money from outside APBN/APBD gets PP 50/2025, and the page and the estimate say it is assumed.
        Assert.True(original.DiscountApplies);
        Assert.StartsWith("Asumsi: sumber lain dianggap berada di luar APBN/APBD", original.DiscountAssumption, StringComparison.Ordinal);
        Assert.Equal((8_400L, original.DiscountAssumption), await EstimateAsync("2026-06"));
        Assert.Equal(16_800L, (await EstimateAsync("2026-03")).Total);
        try
        {
            var set = await client.PutAsJsonAsync("/api/v1/rates/funding-sources/OTHER", new { discountApplies = false, assumption = "" });

            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal(new FundingSourceResponse("OTHER", original.Name, false, null), await set.Content.ReadFromJsonAsync<FundingSourceResponse>(Json));
            Assert.Equal((16_800L, (string?)null), await EstimateAsync("2026-06"));
            Assert.True(await AccessTestKit.AuditCountAsync(factory, "OTHER", "update") >= 1);
        }
        finally
        {
            var back = await client.PutAsJsonAsync("/api/v1/rates/funding-sources/OTHER",
                new { discountApplies = original.DiscountApplies, assumption = original.DiscountAssumption });
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        Assert.Equal((8_400L, original.DiscountAssumption), await EstimateAsync("2026-06"));
        var unknown = await client.PutAsJsonAsync("/api/v1/rates/funding-sources/APBN", new { discountApplies = true });
        var missing = await client.PutAsJsonAsync("/api/v1/rates/funding-sources/CSR", new { assumption = "tanpa nilai" });
        Assert.Equal((HttpStatusCode.NotFound, "funding_source.not_found"), (unknown.StatusCode, await CodeAsync(unknown)));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task RatesPage_AddingAVersion_ShowsItAndBrokenFieldsBesideTheirInputs()
    {
        var client = await AdminAsync();
        var from = await NextFreeMonthAsync(client, "JKM");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AccessTestKit.AntiforgeryTokenAsync(client, "/admin/tarif"),
            ["component"] = "JKM",
            ["kind"] = "flat",
            ["value"] = "7200",
            ["effectiveFrom"] = from.ToString(),
            ["regulation"] = "PP Uji 98/2099",
        };

        var added = await client.PostAsync("/admin/tarif?handler=Rate", new FormUrlEncodedContent(fields));
        fields["value"] = "-5";
        fields["effectiveFrom"] = "kemarin";
        var broken = await client.PostAsync("/admin/tarif?handler=Rate", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains($"data-version=\"JKM@{from}\"", await client.GetStringAsync("/admin/tarif"), StringComparison.Ordinal);
        var html = await broken.Content.ReadAsStringAsync();
        Assert.Contains("Nilai tarif tetap harus rupiah bulat", html, StringComparison.Ordinal);
        Assert.Contains("Bulan mulai berlaku harus berformat yyyy-MM", html, StringComparison.Ordinal);
    }
}
