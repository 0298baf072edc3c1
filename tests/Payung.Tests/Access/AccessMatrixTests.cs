using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access;
using Payung.Access.Contracts;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure.Spreadsheets;
using Payung.Registry.GetWorker;
using Payung.Shared;
using Payung.Tests.Programs.Enrollment;
using Payung.Tests.Billing.SelfPaid;
using Payung.Tests.Registry.Workers;
using static Payung.Tests.Access.AccessTestKit;

namespace Payung.Tests.Access;

/// <summary>
/// Every role × (record inside its scope, record outside) × every endpoint and page that reads or
/// changes personal data, as a signed-in person and as an API key of the same scope. Expected:
/// without the permission 403 (pages: redirect to the access-denied page); with it, inside → success,
/// outside → 404 and absent from lists. Adding an endpoint is one line in <see cref="Cases"/>.
/// </summary>
public sealed class AccessMatrixTests(AccessMatrixTests.World world) : IClassFixture<AccessMatrixTests.World>
{
    /// <summary>
    /// Records the cases act on; one inside the Lampung Selatan actors' scopes, one in Lahat. <c>Worker</c> has a
    /// twin (same name and birth date) in the same village, which raised the duplicate candidate <c>DuplicateId</c>.
    /// <c>ProgrammeId</c> is an active village-fund programme of that village.
    /// </summary>
    public sealed record Target(AppUser User, ApiKey Key, string Region, WorkerResponse Worker, Guid DuplicateId, Guid ProgrammeId)
    {
        /// <summary>A payment statement imported by the target's village operator (one self-paid month of <c>Worker</c>).</summary>
        public Guid StatementId { get; init; }
    }

    /// <summary>
    /// One row of the matrix. <c>Call</c> builds the request for a target; <c>ListsTarget</c> set means the
    /// answer is a list that must contain the target inside the scope and must not outside it.
    /// </summary>
    public sealed record Case(string Name, string Permission, HttpStatusCode Success,
        Func<Target, HttpRequestMessage> Call, Func<Target, string>? ListsTarget = null, bool IsPage = false);

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    private static HttpRequestMessage Json(HttpMethod method, string url, string json) =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    // Each national rate change the matrix makes is a new JHT version a month after the last (JHT: no other test adds one).
    private static int rateVersions;

    private static string NextRateMonth() => new ContributionMonth(2100, 1).PlusMonths(Interlocked.Increment(ref rateVersions)).ToString();

    private static HttpRequestMessage Upload(string url, string csv) =>
        new(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "peserta.csv" } } };

    public static readonly Case[] Cases =
    [
        new("users.list", Permissions.ManageUsers, HttpStatusCode.OK,
            t => Get($"/api/v1/users?region={t.Region}&q={t.User.Username}"), t => t.User.Id.ToString()),
        new("users.get", Permissions.ManageUsers, HttpStatusCode.OK, t => Get($"/api/v1/users/{t.User.Id}")),
        new("users.update", Permissions.ManageUsers, HttpStatusCode.OK,
            t => Json(HttpMethod.Put, $"/api/v1/users/{t.User.Id}",
                $$"""{"displayName":"Operator Uji","role":"desa_operator","scopeCode":"{{t.Region}}","isActive":true}""")),
        new("users.password", Permissions.ManageUsers, HttpStatusCode.NoContent,
            t => Json(HttpMethod.Post, $"/api/v1/users/{t.User.Id}/password", """{"password":"Sandi-Baru-2026-uji"}""")),
        new("api-keys.list", Permissions.ManageUsers, HttpStatusCode.OK,
            _ => Get("/api/v1/api-keys"), t => t.Key.Id.ToString()),
        new("api-keys.revoke", Permissions.ManageUsers, HttpStatusCode.NoContent,
            t => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/api-keys/{t.Key.Id}")),
        new("page.users.list", Permissions.ManageUsers, HttpStatusCode.OK,
            t => Get($"/admin/pengguna?region={t.Region}&q={t.User.Username}"), t => t.User.Id.ToString(), IsPage: true),
        new("page.users.edit", Permissions.ManageUsers, HttpStatusCode.OK, t => Get($"/admin/pengguna/{t.User.Id}"), IsPage: true),
        new("page.users.password", Permissions.ManageUsers, HttpStatusCode.OK, t => Get($"/admin/pengguna/{t.User.Id}/kata-sandi"), IsPage: true),
        new("page.api-keys.list", Permissions.ManageUsers, HttpStatusCode.OK, _ => Get("/admin/kunci-api"), t => t.Key.Prefix, IsPage: true),
        new("page.audit.list", Permissions.ViewAudit, HttpStatusCode.OK,
            t => Get($"/admin/audit?entity=user&region={t.Region}"), t => t.User.Id.ToString(), IsPage: true),
        new("audit.list", Permissions.ViewAudit, HttpStatusCode.OK,
            t => Get($"/api/v1/audit?entity=user&region={t.Region}&pageSize=200"), t => t.User.Id.ToString()),
        new("workers.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/workers?village={t.Region}&q={Uri.EscapeDataString(t.Worker.FullName)}&pageSize=100"), t => t.Worker.Id.ToString()),
        new("workers.get", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/api/v1/workers/{t.Worker.Nik}")),
        new("workers.update", Permissions.WritePersonalData, HttpStatusCode.OK,
            t => Json(HttpMethod.Put, $"/api/v1/workers/{t.Worker.Nik}",
                $$"""{"fullName":"{{t.Worker.FullName}}","birthDate":"{{t.Worker.BirthDate:yyyy-MM-dd}}","sex":"{{t.Worker.Sex}}","villageCode":"{{t.Region}}","occupationCode":"pedagang_kaki_lima"}""")),
        new("workers.duplicates.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/workers/duplicates?workerId={t.Worker.Id}"), t => t.DuplicateId.ToString()),
        new("workers.duplicates.get", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/api/v1/workers/duplicates/{t.DuplicateId}")),
        new("page.workers.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/pekerja?village={t.Region}&q={Uri.EscapeDataString(t.Worker.FullName)}"), t => t.Worker.Id.ToString(), IsPage: true),
        new("page.workers.view", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/pekerja/{t.Worker.Id}"), IsPage: true),
        new("page.workers.edit", Permissions.WritePersonalData, HttpStatusCode.OK, t => Get($"/pekerja/{t.Worker.Id}/ubah"), IsPage: true),
        new("page.workers.correct-nik", Permissions.WritePersonalData, HttpStatusCode.OK, t => Get($"/pekerja/{t.Worker.Id}/nik"), IsPage: true),
        new("page.duplicates.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/duplikat?pekerja={t.Worker.Id}"), t => t.DuplicateId.ToString(), IsPage: true),
        new("page.duplicates.review", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/duplikat/{t.DuplicateId}"), IsPage: true),
        new("programmes.enrollments.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/programmes/{t.ProgrammeId}/enrollments")),
        new("programmes.enrollments.enroll", Permissions.WritePersonalData, HttpStatusCode.OK,
            t => Json(HttpMethod.Post, $"/api/v1/programmes/{t.ProgrammeId}/enrollments", $$"""{"workerIds":["{{t.Worker.Id}}"]}""")),
        new("programmes.enrollments.import", Permissions.WritePersonalData, HttpStatusCode.OK,
            t => Upload($"/api/v1/programmes/{t.ProgrammeId}/enrollments/import", $"NIK\r\n{t.Worker.Nik}\r\n")),
        new("page.programmes.participants", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/program/{t.ProgrammeId}/peserta"), IsPage: true),
        new("page.programmes.enrol", Permissions.WritePersonalData, HttpStatusCode.OK, t => Get($"/program/{t.ProgrammeId}/daftar"), IsPage: true),
        new("rates.add", Permissions.ManageRates, HttpStatusCode.Created,
            _ => Json(HttpMethod.Post, "/api/v1/rates",
                $$"""{"component":"JHT","kind":"percent_of_basis","value":2,"effectiveFrom":"{{NextRateMonth()}}","regulation":"PP Uji 99/2099"}""")),
        // The seeded setting written again: the route and its gate are what is tested, and the figures stay.
        new("rates.funding-source", Permissions.ManageRates, HttpStatusCode.OK,
            _ => Json(HttpMethod.Put, "/api/v1/rates/funding-sources/CSR", """{"discountApplies":true,"assumption":null}""")),
        new("page.rates", Permissions.ManageRates, HttpStatusCode.OK, _ => Get("/admin/tarif"), IsPage: true),
        // The worker's own NIK again: inside the scope the rules answer 422 worker.nik_unchanged, outside 404.
        new("workers.correct-nik", Permissions.WritePersonalData, HttpStatusCode.UnprocessableEntity,
            t => Json(HttpMethod.Put, $"/api/v1/workers/{t.Worker.Nik}/nik", $$"""{"nik":"{{t.Worker.Nik}}","reason":"uji matriks akses"}""")),
        new("workers.protection", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/workers/{t.Worker.Nik}/protection?date=2026-01-10")),
        new("workers.contributions", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/workers/{t.Worker.Nik}/contributions?from=2026-01&to=2026-03")),
        new("statements.get", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/api/v1/statements/{t.StatementId}")),
        new("statements.rows", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/api/v1/statements/{t.StatementId}/rows")),
        new("statements.errors", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/api/v1/statements/{t.StatementId}/errors.xlsx")),
        new("page.statements.result", Permissions.ReadPersonalData, HttpStatusCode.OK, t => Get($"/iuran/impor/{t.StatementId}"), IsPage: true),
        new("notifications.list", Permissions.ReadPersonalData, HttpStatusCode.OK,
            t => Get($"/api/v1/notifications?worker={t.Worker.Id}"), t => SelfPaidMatrix.Of(t).Notification.ToString()),
        new("notifications.status", Permissions.ManagePrograms, HttpStatusCode.OK,
            t => Json(HttpMethod.Post, $"/api/v1/notifications/{SelfPaidMatrix.Of(t).Notification}/status",
                $$"""{"status":"delivered","providerRef":"{{SelfPaidMatrix.ProviderRef}}"}""")),
        new("programmes.handover", Permissions.ManagePrograms, HttpStatusCode.OK,
            t => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/programmes/{SelfPaidMatrix.Of(t).HandoverProgramme}/handover")),
        new("retention", Permissions.ReadPrograms, HttpStatusCode.OK,
            t => Get($"/api/v1/retention?programme={SelfPaidMatrix.Of(t).EndedProgramme}&level=village"), t => t.Region),
        new("page.retention", Permissions.ReadPrograms, HttpStatusCode.OK,
            t => Get($"/mandiri?program={SelfPaidMatrix.Of(t).EndedProgramme}&tingkat=village"), t => t.Region, IsPage: true),
    ];

    public static TheoryData<string, Role, bool, bool> Cells()
    {
        var data = new TheoryData<string, Role, bool, bool>();
        foreach (var c in Cases)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                foreach (var inside in new[] { true, false })
                {
                    foreach (var viaApiKey in c.IsPage ? [false] : new[] { false, true })
                    {
                        data.Add(c.Name, role, inside, viaApiKey);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Endpoint_AnswersByRoleAndScope(string caseName, Role role, bool inside, bool viaApiKey)
    {
        var c = Cases.Single(x => x.Name == caseName);
        var target = inside ? world.Inside : world.Outside;
        var client = await world.ClientAsync(role, viaApiKey);

        using var request = c.Call(target);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var permitted = Permissions.Roles[c.Permission].Contains(role);
        var sees = inside || role == Role.NationalAdmin;
        if (!permitted)
        {
            if (c.IsPage)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                var location = response.Headers.Location!;
                Assert.StartsWith("/error/403", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
            }
            else
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }

            return;
        }

        if (c.ListsTarget is { } listed)
        {
            Assert.Equal(c.Success, response.StatusCode);
            Assert.Equal(sees, body.Contains(listed(target), StringComparison.OrdinalIgnoreCase));
            return;
        }

        Assert.Equal(sees ? c.Success : HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The actors (one per role, as user and as API key) and the two targets, made once per run.</summary>
    public sealed class World : IAsyncLifetime, IDisposable
    {
        private readonly PayungApiFactory factory = new();
        private readonly Dictionary<Role, AppUser> actors = [];
        private readonly Dictionary<(Role, bool), HttpClient> clients = [];
        private readonly Dictionary<Role, string> keys = [];

        public Target Inside { get; private set; } = null!;
        public Target Outside { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var branch = await CreateBranchAsync(factory, "18.01");
            (string? Scope, string? Branch) ScopeOf(Role role) => role switch
            {
                Role.NationalAdmin => (null, null),
                Role.ProvinceViewer => ("18", null),
                Role.DisnakerOperator or Role.ExecutiveViewer => ("18.01", null),
                Role.KecamatanOperator => ("18.01.06", null),
                Role.DesaOperator => ("18.01.06.2001", null),
                _ => (null, branch),
            };

            foreach (var role in Enum.GetValues<Role>())
            {
                var (scope, br) = ScopeOf(role);
                actors[role] = await CreateUserAsync(factory, role, scope, br);
                keys[role] = await CreateKeyAsync(role, scope, br, actors[role].Id);
            }

            Inside = await TargetAsync("18.01.06.2001");
            Outside = await TargetAsync("16.04.01.2001");
            await SelfPaidMatrix.SeedAsync(factory, Inside);
            await SelfPaidMatrix.SeedAsync(factory, Outside);
        }

        private async Task<Target> TargetAsync(string village)
        {
            var user = await CreateUserAsync(factory, Role.DesaOperator, village);
            var (_, _, _, key) = await CreateKeyRowAsync(Role.DesaOperator, village, null, actors[Role.NationalAdmin].Id);
            var born = TestNik.BirthDate();
            var name = TestNik.UniqueName("Matriks");
            var worker = await WorkersTestKit.RegisterAsync(factory, WorkersTestKit.NewWorker(village, name: name, birthDate: born));
            var twin = await WorkersTestKit.RegisterAsync(factory, WorkersTestKit.NewWorker(village, name: name, birthDate: born).AwayFrom(worker.Nik!));
            var duplicate = (await WorkersTestKit.CandidatesOfAsync(factory, twin.Id)).Single(c => c.WorkerId == worker.Id || c.OtherWorkerId == worker.Id);
            var programme = await EnrollmentTestKit.CreateProgrammeAsync(factory,
                new EnrollmentTestKit.ProgrammeSpec(FundingSource: "DANA_DESA", RegionCode: village));
            using var scope = factory.Services.CreateScope();
            var statement = Encoding.UTF8.GetBytes($"NIK;Bulan;Jumlah;Tanggal Bayar;Sumber\r\n{worker.Nik};2026-01;16800;2026-01-10;mandiri\r\n");
            var statementId = await scope.As<StartStatementImport>(WorkersTestKit.Desa(village))
                .UploadAsync("iuran.csv", statement, ImportLimits.Web, CancellationToken.None);
            return new Target(user, key, village, worker, duplicate.Id, programme) { StatementId = statementId };
        }

        private async Task<string> CreateKeyAsync(Role role, string? scope, string? branch, Guid createdBy) =>
            (await CreateKeyRowAsync(role, scope, branch, createdBy)).FullKey;

        private async Task<(string Prefix, string Secret, string FullKey, ApiKey Key)> CreateKeyRowAsync(
            Role role, string? scope, string? branch, Guid createdBy)
        {
            using var serviceScope = factory.Services.CreateScope();
            var db = SystemDb(serviceScope);
            var (prefix, secret, full) = ApiKeySecret.Generate();
            var key = ApiKey.Create("kunci uji " + prefix, prefix, ApiKeySecret.Hash(secret), role,
                RoleScope.TryCreate(role, scope, branch, out var error) ?? throw new InvalidOperationException(error), createdBy, DateTimeOffset.UtcNow);
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return (prefix, secret, full, key);
        }

        public async Task<HttpClient> ClientAsync(Role role, bool viaApiKey)
        {
            if (clients.TryGetValue((role, viaApiKey), out var existing))
            {
                return existing;
            }

            HttpClient client;
            if (viaApiKey)
            {
                client = NewClient(factory);
                client.DefaultRequestHeaders.Add(AccessClaims.ApiKeyHeader, keys[role]);
            }
            else
            {
                client = await SignedInClientAsync(factory, actors[role]);
            }

            return clients[(role, viaApiKey)] = client;
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose()
        {
            foreach (var c in clients.Values)
            {
                c.Dispose();
            }

            factory.Dispose();
        }
    }
}
