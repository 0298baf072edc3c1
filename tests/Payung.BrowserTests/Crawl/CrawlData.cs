using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Payung.Access.SeedDemoUsers;
using Payung.Billing.GenerateMonthlyBills;
using Payung.Billing.ImportStatements;
using Payung.Infrastructure;
using Payung.Infrastructure.Spreadsheets;
using Payung.Programs.EnrollWorkers;
using Payung.Programs.ManageFunders;
using Payung.Programs.ManageProgrammes;
using Payung.Registry.ImportWorkers;
using Payung.Shared;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// What the crawl needs so that every page has something to show in Kabupaten Lampung Selatan: the demo users
/// (one per role, signed in with <see cref="BrowserUsers.Password"/>), a worker of Jondong with a likely duplicate,
/// an active programme with the worker enrolled and its bills issued, a draft programme, a worker import and a
/// statement import. Made once per test run through the real use cases, as the system or as the regency's
/// Disnaker operator. NIK serials 93xx are the crawl's own.
/// </summary>
public sealed class CrawlData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CrawlData? made;

    /// <summary>The demo users the crawl signs in as, one per role, all in or over Lampung Selatan.</summary>
    public static readonly IReadOnlyList<(string Username, Role Role)> Roles =
    [
        ("admin", Role.NationalAdmin),
        ("provinsi.lampung", Role.ProvinceViewer),
        ("disnaker.lampungselatan", Role.DisnakerOperator),
        ("camat.kalianda", Role.KecamatanOperator),
        ("desa.jondong", Role.DesaOperator),
        ("bpjs.bandarlampung", Role.BpjsOfficer),
        ("bupati.lampungselatan", Role.ExecutiveViewer),
    ];

    public required Guid Worker { get; init; }
    public required Guid ActiveProgramme { get; init; }
    public required Guid DraftProgramme { get; init; }

    public static async Task<CrawlData> GetAsync(PayungAppFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            return made ??= await MakeAsync(app);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<CrawlData> MakeAsync(PayungAppFixture app)
    {
        var ct = CancellationToken.None;
        using (var scope = BrowserData.SystemScope(app))
        {
            await scope.ServiceProvider.GetRequiredService<SeedDemoUsers>().ExecuteAsync(BrowserUsers.Password, ct);
        }

        var worker = await BrowserData.RegisterWorkerAsync(app, "1801060505859301", "Rahmat Hidayat Penjelajah");
        // Same name and birth date in the same regency: a likely duplicate for the review queue.
        await BrowserData.RegisterWorkerAsync(app, "1801060505859302", "Rahmat Hidayat Penjelajah");
        var active = await BrowserData.ActiveProgrammeAsync(app, "penjelajah", "2026-01", "2026-12");
        Guid draft;
        using (var scope = BrowserData.SystemScope(app))
        {
            var sp = scope.ServiceProvider;
            var enrolled = await sp.GetRequiredService<EnrollWorkers>().ExecuteAsync(active, new EnrollWorkersRequest([worker], null, "2024-01-02"), ct);
            Assert.True(enrolled.Succeeded, enrolled.Refusal?.Code);
            var bills = await sp.GetRequiredService<GenerateBills>().ExecuteAsync(active, new GenerateBillsRequest(null), ct);
            Assert.True(bills.Succeeded, bills.Refusal?.Code);
            var funder = await sp.GetRequiredService<CreateFunder>()
                .ExecuteAsync(new CreateFunderRequest("Pemkab Lampung Selatan (draf penjelajah)", "pemkab", "18.01"), ct);
            var created = await sp.GetRequiredService<CreateProgramme>().ExecuteAsync(new ProgrammeRequest(
                Name: "Program draf penjelajah " + Guid.NewGuid().ToString("N")[..6], FunderId: funder.Value!.Id, FundingSource: "APBD",
                FiscalYear: 2027, BudgetCeiling: 50_000_000, MonthFrom: "2027-01", MonthTo: "2027-06", IncludeJht: false, IncomeBasis: null,
                TargetParticipants: 100, VillageQuota: null, MinAge: 18, MaxAge: null, DomicileCodes: ["18.01.06"], OccupationCodes: [],
                MaxDtsenDecile: 4, ExcludeDeceased: true, ExcludeAlreadyFunded: true, CofunderId: null, CofunderSharePercent: null), ct);
            Assert.True(created.Succeeded, created.Refusal?.Code);
            draft = created.Value.Id;
        }

        // The imports are the regency operator's own, so they show on its import pages and those of its areas.
        using (var scope = app.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CallerContext>().Scope = CallerScope.ForActor(ActorKind.User, Guid.CreateVersion7(),
                "disnaker.lampungselatan", Role.DisnakerOperator, "18.01", null, ["18.01"], "127.0.0.1");
            var workers = Encoding.UTF8.GetBytes(
                "NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Kode Desa,Pekerjaan\n" +
                "1801060505859303,Sutrisno Penjelajah,1985-05-05,L,18.01.06.2001,petani\n" +
                "1801,Baris Salah,1985-05-05,L,18.01.06.2001,petani\n");
            await sp.GetRequiredService<StartWorkerImport>().UploadAsync("pekerja-penjelajah.csv", workers, null, ImportLimits.Web, ct);
            var statement = Encoding.UTF8.GetBytes(
                "NIK,Bulan,Jumlah,Tanggal Bayar,Sumber,Referensi\n" +
                "1801060505859301,2026-01,16800,2026-01-10,program,PENJELAJAH-1\n");
            await sp.GetRequiredService<StartStatementImport>().UploadAsync("iuran-penjelajah.csv", statement, ImportLimits.Web, ct);
        }

        return new CrawlData { Worker = worker, ActiveProgramme = active, DraftProgramme = draft };
    }
}
