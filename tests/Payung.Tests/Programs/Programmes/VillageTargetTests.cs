using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Programs.ListVillagesBelowTarget;
using Payung.Programs.ManageProgrammes;
using Payung.Shared;
using Payung.Tests.Programs.Enrollment;
using static Payung.Tests.Programs.Programmes.ProgrammesTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Programs.Programmes;

/// <summary>
/// "1 Desa 100 Pekerja Rentan" as a minimum: a programme's <c>villageTarget</c> (the villages still below it, with how
/// many are missing) beside its optional cap <c>villageQuota</c>, which may not lie below the target.
/// </summary>
public sealed class VillageTargetTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(100, null, null)]            // a target, no cap
    [InlineData(null, 5, null)]              // a cap, no target
    [InlineData(100, 100, null)]             // a cap equal to the target
    [InlineData(100, 101, null)]
    [InlineData(1, 1, null)]                 // the smallest figures
    [InlineData(100, 99, "villageQuota")]    // a cap one below the target: never reached
    [InlineData(0, null, "villageTarget")]
    [InlineData(-1, null, "villageTarget")]
    [InlineData(null, 0, "villageQuota")]
    public async Task CreateProgramme_VillageTargetAndQuota_AreCheckedTogether(int? target, int? quota, string? refusedField)
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var name = $"Target desa uji {Guid.NewGuid():N}"[..40];
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.As<CreateProgramme>(NationalAdmin())
            .ExecuteAsync(NewProgramme(funder.Id) with { Name = name, VillageTarget = target, VillageQuota = quota }, CancellationToken.None);

        if (refusedField is null)
        {
            Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
            Assert.Equal((target, quota), (outcome.Value.VillageTarget, outcome.Value.VillageQuota));
            Assert.Equal(target, await ScalarAsync<int?>("select village_target from programs.programme where id = $1", outcome.Value.Id));
        }
        else
        {
            Assert.False(outcome.Succeeded);
            Assert.Equal((400, "request.invalid"), (outcome.Refusal.Status, outcome.Refusal.Code));
            Assert.Equal([refusedField], outcome.Refusal.Errors!.Keys.ToArray());
            Assert.Equal(0L, await ScalarAsync<long>("select count(*) from programs.programme where name = $1", name));
        }
    }

    [Fact]
    public async Task CreateProgramme_WithAQuotaBelowTheTarget_SaysWhyInIndonesian()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        using var scope = factory.Services.CreateScope();

        var outcome = await scope.As<CreateProgramme>(NationalAdmin())
            .ExecuteAsync(NewProgramme(funder.Id) with { VillageTarget = 100, VillageQuota = 50 }, CancellationToken.None);

        Assert.Contains("tidak boleh kurang dari target per desa (100)", outcome.Refusal!.Errors!["villageQuota"][0].Message);
    }

    [Fact]
    public async Task Database_RefusesAQuotaBelowTheTarget()
    {
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);
        var programme = await CreateProgrammeAsync(factory, NewProgramme(funder.Id) with { VillageTarget = 10, VillageQuota = null });

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ScalarAsync<int>("update programs.programme set village_quota = 9 where id = $1 returning 1", programme.Id));

        Assert.Equal("programme_quota_not_below_target", error.ConstraintName);
    }

    [Fact]
    public async Task Api_CreatesAndEditsTheTarget_AndAnswersItInTheProgramme()
    {
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);
        var funder = await CreateFunderAsync(factory, "pemkab", LampungSelatan);

        var created = await client.PostAsJsonAsync("/api/v1/programmes", NewProgramme(funder.Id) with { VillageTarget = 100, VillageQuota = null }, Web);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("id").GetGuid();
        var edited = await client.PutAsJsonAsync($"/api/v1/programmes/{id}", NewProgramme(funder.Id) with { VillageTarget = 120, VillageQuota = 150 }, Web);
        var refused = await client.PutAsJsonAsync($"/api/v1/programmes/{id}", NewProgramme(funder.Id) with { VillageTarget = 120, VillageQuota = 119 }, Web);

        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusal = await refused.Content.ReadFromJsonAsync<JsonElement>(Web);
        Assert.True(refusal.GetProperty("errors").TryGetProperty("villageQuota", out _));
        var programme = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{id}", Web)).GetProperty("programme");
        Assert.Equal((120, 150), (programme.GetProperty("villageTarget").GetInt32(), programme.GetProperty("villageQuota").GetInt32()));
    }

    [Fact]
    public async Task BelowTarget_OfARegencyProgramme_ListsTheVillagesWithParticipantsUnderTheTarget()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec());
        await SetTargetAsync(programme, 3);
        var short1 = await EnrollmentTestKit.QuietVillageAsync(factory, 60);
        var reached = await EnrollmentTestKit.QuietVillageAsync(factory, 61);
        await EnrolInAsync(programme, short1, 1);
        await EnrolInAsync(programme, reached, 3);

        var below = await ListAsync(programme, 1, 25);

        Assert.Equal((3, false), (below.VillageTarget, below.IncludesVillagesWithoutParticipants));
        var row = Assert.Single(below.Villages.Items);
        Assert.Equal((short1, 1, 2), (row.VillageCode, row.Participants, row.Missing));
        Assert.Contains("Kabupaten Lampung Selatan", row.Description);
        Assert.Equal(1, below.Villages.Total);
    }

    [Fact]
    public async Task BelowTarget_OfAKecamatanProgramme_ListsItsVillagesWithoutParticipantsToo_APageAtATime()
    {
        const string kalianda = "18.01.06";
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec(RegionCode: kalianda));
        await SetTargetAsync(programme, 1);
        await EnrolInAsync(programme, Jondong, 1);
        var villages = await VillagesOfAsync(kalianda);
        var expected = villages.Where(v => v != Jondong).Order(StringComparer.Ordinal).ToList();

        var first = await ListAsync(programme, 1, 2);
        var second = await ListAsync(programme, 2, 2);

        Assert.True(first.IncludesVillagesWithoutParticipants);
        Assert.Equal(expected.Count, first.Villages.Total);
        Assert.Equal(expected.Take(2), first.Villages.Items.Select(v => v.VillageCode));
        Assert.Equal(expected.Skip(2).Take(2), second.Villages.Items.Select(v => v.VillageCode));
        Assert.All(first.Villages.Items, v => Assert.Equal((0, 1), (v.Participants, v.Missing)));
        Assert.DoesNotContain(Jondong, first.Villages.Items.Concat(second.Villages.Items).Select(v => v.VillageCode));
    }

    [Fact]
    public async Task BelowTarget_WithoutATarget_IsEmpty()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec());
        await EnrolInAsync(programme, await EnrollmentTestKit.QuietVillageAsync(factory, 62), 1);

        var below = await ListAsync(programme, 1, 25);

        Assert.Null(below.VillageTarget);
        Assert.Empty(below.Villages.Items);
    }

    [Fact]
    public async Task BelowTargetApi_AnswersTheListAndA404ForAnUnknownProgramme()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec());
        await SetTargetAsync(programme, 5);
        var village = await EnrollmentTestKit.QuietVillageAsync(factory, 63);
        await EnrolInAsync(programme, village, 2);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/programmes/{programme}/villages-below-target", Web);
        var unknown = await client.GetAsync($"/api/v1/programmes/{Guid.CreateVersion7()}/villages-below-target");

        var row = Assert.Single(body.GetProperty("villages").GetProperty("items").EnumerateArray());
        Assert.Equal((village, 3), (row.GetProperty("villageCode").GetString(), row.GetProperty("missing").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task ProgrammePage_ShowsTheTargetAndTheVillagesBelowIt()
    {
        var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory, new EnrollmentTestKit.ProgrammeSpec());
        await SetTargetAsync(programme, 100);
        var village = await EnrollmentTestKit.QuietVillageAsync(factory, 64);
        await EnrolInAsync(programme, village, 1);
        var client = await ClientAsync(factory, Role.DisnakerOperator, LampungSelatan);

        var html = await client.GetStringAsync($"/program/{programme}");

        Assert.Contains("100 orang per desa", html);
        Assert.Contains($"data-testid=\"below-target-row\" data-code=\"{village}\"", html);
        Assert.Contains("data-testid=\"missing\">99<", html);
    }

    private async Task<VillagesBelowTarget> ListAsync(Guid programme, int page, int pageSize)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<ListVillagesBelowTarget>(EnrollmentTestKit.Operator).ExecuteAsync(programme, page, pageSize, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal?.Code);
        return outcome.Value;
    }

    private async Task EnrolInAsync(Guid programme, string village, int workers)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < workers; i++)
        {
            ids.Add(await EnrollmentTestKit.CreateWorkerAsync(factory, village));
        }

        var enrolled = await EnrollmentTestKit.EnrollAsync(factory, programme, [.. ids]);
        Assert.All(enrolled.Verdicts, v => Assert.Equal("enrolled", v.Verdict));
    }

    private Task SetTargetAsync(Guid programme, int target) =>
        ScalarAsync<int>("update programs.programme set village_target = $2 where id = $1 returning 1", programme, target);

    private async Task<List<string>> VillagesOfAsync(string district)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(
            "select code from regions.region where parent_code = $1 and level = 'village' and valid_to is null");
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = district });
        var codes = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] args)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand(sql);
        foreach (var arg in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        }

        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
