using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Payung.Infrastructure;
using Payung.Registry;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Tests.Registry.Workers;

/// <summary>
/// Workers of a test's own (unique NIKs and names, so tests never see each other's rows), callers of every
/// role and scope without user rows, and the use cases resolved inside a DI scope acting as that caller.
/// </summary>
internal static class WorkersTestKit
{
    /// <summary>Desa Jondong, Kecamatan Kalianda, Kabupaten Lampung Selatan.</summary>
    public const string Jondong = "18.01.06.2001";

    /// <summary>Desa Tengkujuh: the same kecamatan as Jondong, another village.</summary>
    public const string Tengkujuh = "18.01.06.2002";

    /// <summary>Desa Hajimena, Kecamatan Natar: the same regency, another kecamatan.</summary>
    public const string Hajimena = "18.01.04.2001";

    /// <summary>Desa Kembang Ayun, Kabupaten Lahat (South Sumatra): outside every Lampung scope.</summary>
    public const string KembangAyun = "16.04.01.2001";

    public static CallerScope AsSystem { get; } = CallerScope.System("test");

    private static readonly ConcurrentDictionary<(PayungApiFactory, Role, string?), Lazy<Task<HttpClient>>> Clients = new();

    /// <summary>
    /// A signed-in client per factory, role and scope, made once: every user row is one more in the admin lists
    /// other tests page through, so these tests add as few as they can. A BPJS officer gets a branch over 18.01.
    /// </summary>
    public static Task<HttpClient> ClientAsync(PayungApiFactory factory, Role role, string? scope) =>
        Clients.GetOrAdd((factory, role, scope), _ => new Lazy<Task<HttpClient>>(async () =>
        {
            var branch = role == Role.BpjsOfficer ? await Access.AccessTestKit.CreateBranchAsync(factory, "18.01") : null;
            var user = await Access.AccessTestKit.CreateUserAsync(factory, role, scope, branch);
            return await Access.AccessTestKit.SignedInClientAsync(factory, user);
        })).Value;

    public static CallerScope Actor(Role role, string? scopeCode, params string[] regencies) =>
        CallerScope.ForActor(ActorKind.User, Guid.CreateVersion7(), "penguji." + role.ToCode(), role, scopeCode, null, regencies, "203.0.113.9");

    public static CallerScope Desa(string village) => Actor(Role.DesaOperator, village, village[..5]);

    public static CallerScope Kecamatan(string district) => Actor(Role.KecamatanOperator, district, district[..5]);

    public static CallerScope Disnaker(string regency) => Actor(Role.DisnakerOperator, regency, regency);

    public static CallerScope ProvinceViewer(string province, params string[] regencies) => Actor(Role.ProvinceViewer, province, regencies);

    public static CallerScope NationalAdmin() => Actor(Role.NationalAdmin, null);

    /// <summary>A use case of the scope, acting as <paramref name="caller"/>.</summary>
    public static T As<T>(this IServiceScope scope, CallerScope caller)
        where T : notnull
    {
        scope.ServiceProvider.GetRequiredService<CallerContext>().Scope = caller;
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    /// <summary>
    /// A complete, valid registration: a farmer in <paramref name="village"/> whose NIK was issued in the same
    /// kecamatan and agrees with the declared birth date and sex.
    /// </summary>
    public static RegisterWorkerRequest NewWorker(string village = Jondong, string? name = null, DateOnly? birthDate = null,
        Sex sex = Sex.Male, string? kk = null)
    {
        var born = birthDate ?? TestNik.BirthDate();
        return new RegisterWorkerRequest(
            Nik: TestNik.For(village[..8], born, sex),
            Kk: kk,
            FullName: name ?? TestNik.UniqueName("Uji"),
            BirthPlace: "Kalianda",
            BirthDate: born.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Sex: sex.ToCode(),
            VillageCode: village,
            Address: null,
            Rt: null,
            Rw: null,
            Phone: null,
            OccupationCode: "petani",
            MonthlyIncome: 1_500_000,
            DtsenDecile: 2,
            Status: null,
            DeathDate: null);
    }

    /// <summary>
    /// <paramref name="request"/> with a NIK at least two digits away from <paramref name="other"/>: two workers of
    /// the same kecamatan and birth date differ only in the serial, and one digit apart would raise a candidate
    /// the test did not ask for.
    /// </summary>
    public static RegisterWorkerRequest AwayFrom(this RegisterWorkerRequest request, string other)
    {
        var born = DateOnly.ParseExact(request.BirthDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var sex = Sex.FromCode(request.Sex!);
        while (request.Nik!.Zip(other).Count(d => d.First != d.Second) < 2)
        {
            request = request with { Nik = TestNik.For(request.VillageCode![..8], born, sex) };
        }

        return request;
    }

    /// <summary>A 16-digit KK number no other test uses.</summary>
    public static string NewKk(string village = Jondong) => TestNik.For(village[..8], TestNik.BirthDate(), Sex.Male);

    public static async Task<WorkerResponse> RegisterAsync(PayungApiFactory factory, RegisterWorkerRequest request, CallerScope? caller = null)
    {
        using var scope = factory.Services.CreateScope();
        var outcome = await scope.As<RegisterWorker>(caller ?? AsSystem).ExecuteAsync(request, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Refusal is { } r ? $"{r.Code}: {string.Join("; ", r.Messages())}" : null);
        return outcome.Value;
    }

    public sealed record AuditRow(string Action, string ActorName, string? RegionCode, string? Before, string? After);

    public static async Task<List<AuditRow>> AuditRowsAsync(PayungApiFactory factory, string entity, Guid entityId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select action, actor_name, region_code, before::text, after::text
            from access.audit_log where entity = $1 and entity_id = $2 order by id
            """);
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entity });
        cmd.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entityId.ToString() });
        var rows = new List<AuditRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }

    public sealed record CandidateRow(Guid Id, Guid WorkerId, Guid OtherWorkerId, string Reason, string Evidence, string Status,
        string RegencyCode, string RegionCode);

    /// <summary>The candidates a worker is part of, read past the scope filter (the test's own rows only).</summary>
    public static async Task<List<CandidateRow>> CandidatesOfAsync(PayungApiFactory factory, Guid workerId)
    {
        await using var cmd = factory.Database.DataSource.CreateCommand("""
            select id, worker_id, other_worker_id, reason, evidence::text, status, regency_code, region_code
            from registry.duplicate_candidate where worker_id = $1 or other_worker_id = $1 order by reason, id
            """);
        cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = workerId });
        var rows = new List<CandidateRow>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new CandidateRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7)));
        }

        return rows;
    }
}
