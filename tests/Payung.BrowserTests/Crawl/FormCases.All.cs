using Microsoft.Playwright;

namespace Payung.BrowserTests.Crawl;

/// <summary>The cases, by module. Each valid case uses data of its own, so the order of the cases does not matter.</summary>
public static partial class FormCases
{
    private const string Disnaker = "disnaker.lampungselatan";
    private const string Desa = "desa.jondong";
    private const string Admin = "admin";

    private static Func<PayungAppFixture, CrawlData, Task<string>> At(string url) => (_, _) => Task.FromResult(url);

    private static Task Nothing(ILocator form) => Task.CompletedTask;

    private static string Csv(params string[] lines) => string.Join("\n", lines) + "\n";

    static partial void AddAccess(Dictionary<string, FormCase> cases)
    {
        cases[Key(LayoutRoute, "sign-out-form")] = new(Desa, At("/"), Nothing, "[data-testid=sign-in]", null);
        cases[Key("/masuk", "sign-in-form")] = new("", At("/masuk"),
            async f => { await f.SetAsync("Username", Desa); await f.SetAsync("Password", BrowserUsers.Password); },
            "[data-testid=signed-in-user]",
            async f => { await f.SetAsync("Username", Desa); await f.SetAsync("Password", "bukan-sandinya"); });
        cases[Key("/admin/pengguna/baru", "user-create-form")] = new(Disnaker, At("/admin/pengguna/baru"),
            async f =>
            {
                await f.SetAsync("username", "desa.kasus" + Guid.NewGuid().ToString("N")[..6]);
                await f.SetAsync("displayName", "Operator Kasus Formulir");
                await f.SetAsync("role", "desa_operator");
                await f.PickRegionAsync("scopeCode", "Jondong", "18.01.06.2001");
                await f.SetAsync("password", "Sandi-Kasus-2026!");
            },
            "[data-testid=username]",
            async f => { await f.SetAsync("username", "x"); await f.SetAsync("password", "pendek"); });
        cases[Key("/admin/pengguna/{id:guid}", "user-edit-form")] = new(Disnaker,
            async (app, _) => $"/admin/pengguna/{await CaseData.DesaUserAsync(app)}",
            f => f.SetAsync("displayName", "Operator Diubah Kasus"), "[data-testid=notice]",
            f => f.SetAsync("displayName", ""));
        cases[Key("/admin/pengguna/{id:guid}/kata-sandi", "password-reset-form")] = new(Disnaker,
            async (app, _) => $"/admin/pengguna/{await CaseData.DesaUserAsync(app)}/kata-sandi",
            async f => { await f.SetAsync("password", "Sandi-Baru-Kasus-2026"); await f.SetAsync("passwordConfirmation", "Sandi-Baru-Kasus-2026"); },
            "[data-testid=notice]",
            async f => { await f.SetAsync("password", "Sandi-Baru-Kasus-2026"); await f.SetAsync("passwordConfirmation", "Sandi-Lain-Kasus-2026"); });
        cases[Key("/admin/kunci-api/baru", "api-key-create-form")] = new(Disnaker, At("/admin/kunci-api/baru"),
            async f =>
            {
                await f.SetAsync("name", "Sistem desa kasus");
                await f.SetAsync("role", "desa_operator");
                await f.PickRegionAsync("scopeCode", "Jondong", "18.01.06.2001");
            },
            "[data-testid=api-key]",
            f => f.SetAsync("name", ""));
        cases[Key("/admin/kunci-api", "api-key-revoke-form")] = new(Disnaker,
            async (app, _) => { await CaseData.ApiKeyAsync(app); return "/admin/kunci-api"; },
            Nothing, "[data-testid=notice]", null);
    }

    static partial void AddRegistry(Dictionary<string, FormCase> cases)
    {
        cases[Key("/cek-nik", "nik-form")] = new(Desa, At("/cek-nik"),
            f => f.SetAsync("nik", "1801060505850001"), "[data-testid=nik-result]",
            f => f.SetAsync("nik", "12"));
        cases[Key("/pekerja/baru", "register-worker-form")] = new(Desa, At("/pekerja/baru"),
            async f =>
            {
                await f.SetAsync("nik", CaseData.NewNik());
                await f.SetAsync("fullName", "Wulan Formulir Baru");
                await f.SetAsync("birthDate", "1985-05-05");
                await f.SetAsync("sex", "M");
                await f.PickRegionAsync("VillageCode", "Jondong", "18.01.06.2001");
                await f.SetAsync("occupationCode", "petani");
            },
            "main h1",
            f => f.SetAsync("nik", "1801"));
        cases[Key("/pekerja/{id:guid}/ubah", "edit-worker-form")] = new(Desa,
            async (app, _) => $"/pekerja/{await CaseData.WorkerAsync(app)}/ubah",
            f => f.SetAsync("fullName", "Wulan Nama Diubah"), "main h1",
            f => f.SetAsync("fullName", ""));
        cases[Key("/pekerja/{id:guid}/nik", "correct-nik-form")] = new(Desa,
            async (app, _) => $"/pekerja/{await CaseData.WorkerAsync(app)}/nik",
            async f => { await f.SetAsync("nik", CaseData.NewNik()); await f.SetAsync("reason", "Salah ketik dari KTP"); },
            "main h1",
            async f => { await f.SetAsync("nik", "123"); await f.SetAsync("reason", "Salah ketik dari KTP"); });
        cases[Key("/impor", "import-form")] = new(Desa, At("/impor"),
            f => f.FileAsync("pekerja-kasus.csv", Csv("NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Kode Desa,Pekerjaan",
                $"{CaseData.NewNik()},Sutrisno Impor Kasus,1985-05-05,L,18.01.06.2001,petani")),
            "main h1",
            f => f.FileAsync("bukan-tabel.csv", "\u0001\u0002 ini bukan tabel"));
        cases[Key("/duplikat/{id:guid}", "merge-form")] = new(Disnaker,
            async (app, _) => $"/duplikat/{await CaseData.DuplicateAsync(app)}",
            f => f.Locator("[data-testid=survivor]").First.CheckAsync(), "main h1",
            Nothing);
        cases[Key("/duplikat/{id:guid}", "dismiss-form")] = new(Disnaker,
            async (app, _) => $"/duplikat/{await CaseData.DuplicateAsync(app)}",
            f => f.SetAsync("note", "Kembar, dua orang berbeda"), "main h1", null);
    }

    static partial void AddPrograms(Dictionary<string, FormCase> cases)
    {
        Func<ILocator, Task> programme = async f =>
        {
            await f.SetAsync("name", "Program Kasus Formulir " + Guid.NewGuid().ToString("N")[..4]);
            await f.Locator("[name=funderId] option:not([value=''])").First.EvaluateAsync("o => { o.selected = true; }");
            await f.SetAsync("fundingSource", "APBD");
            await f.SetAsync("fiscalYear", "2027");
            await f.SetAsync("budgetCeiling", "100000000");
            await f.SetAsync("monthFrom", "2027-01");
            await f.SetAsync("monthTo", "2027-06");
            await f.SetAsync("targetParticipants", "100");
            await f.SetAsync("villageTarget", "100");
        };
        cases[Key("/program/baru", "programme-form")] = new(Disnaker, At("/program/baru"), programme, "main h1",
            f => f.SetAsync("name", ""));
        cases[Key("/program/{id:guid}/ubah", "programme-edit-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.DraftProgrammeAsync(app, "ubah kasus", "2026-10", "2026-12")}/ubah",
            f => f.SetAsync("name", "Program Diubah Kasus " + Guid.NewGuid().ToString("N")[..4]), "main h1",
            f => f.SetAsync("name", ""));
        cases[Key("/program/{id:guid}", "activate-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.DraftProgrammeAsync(app, "aktifkan kasus", "2026-10", "2026-12")}",
            Nothing, "[data-testid=notice]", null);
        cases[Key("/program/{id:guid}", "close-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.ActiveProgrammeAsync(app, "tutup kasus", "2026-01", "2026-03")}",
            Nothing, "[data-testid=notice]", null);
        cases[Key("/program/{id:guid}/daftar", "nik-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.ActiveProgrammeAsync(app, "daftar nik kasus", "2026-06", "2026-12")}/daftar",
            async f => { await f.SetAsync("Niks", CaseData.NewNik()); await f.SetAsync("TanggalTerdaftar", "2026-06-01"); }, "[data-testid=summary]",
            f => f.SetAsync("Niks", ""));
        cases[Key("/program/{id:guid}/daftar", "village-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.ActiveProgrammeAsync(app, "daftar desa kasus", "2026-06", "2026-12")}/daftar",
            async f =>
            {
                await f.PickRegionAsync("Desa", "Jondong", "18.01.06.2001");
                await f.SetAsync("Batas", "1");
                await f.SetAsync("TanggalTerdaftar", "2026-06-01");
            },
            "[data-testid=summary]",
            f => f.SetAsync("Batas", "1"));
        cases[Key("/program/{id:guid}/daftar", "file-form")] = new(Disnaker,
            async (app, _) => $"/program/{await BrowserData.ActiveProgrammeAsync(app, "daftar berkas kasus", "2026-06", "2026-12")}/daftar",
            async f => { await f.FileAsync("nik-kasus.csv", Csv("NIK", CaseData.NewNik())); await f.SetAsync("TanggalTerdaftar", "2026-06-01"); },
            "[data-testid=summary]",
            f => f.FileAsync("bukan-tabel.csv", "\u0001\u0002 ini bukan tabel"));
        cases[Key("/program/{id:guid}/peserta", "end-form")] = new(Disnaker,
            async (app, _) => $"/program/{await CaseData.EnrolledProgrammeAsync(app)}/peserta",
            f => f.SetAsync("reason", "moved"), "[data-testid=notice]",
            Nothing);
        cases[Key("/program/pemberi-dana", "funder-form")] = new(Disnaker, At("/program/pemberi-dana"),
            async f =>
            {
                await f.SetAsync("name", "Pemkab Kasus Formulir " + Guid.NewGuid().ToString("N")[..4]);
                await f.PickRegionAsync("regionCode", "Lampung Selatan", "18.01");
            },
            "[data-testid=notice]",
            f => f.SetAsync("name", ""));
        // Rate versions are national: the case adds one for a month no other test computes with.
        cases[Key("/admin/tarif", "rate-form")] = new(Admin, At("/admin/tarif"),
            async f =>
            {
                await f.SetAsync("component", "JKM");
                await f.SetAsync("kind", "flat");
                await f.SetAsync("value", "6800");
                await f.SetAsync("effectiveFrom", "2090-01");
                await f.SetAsync("regulation", "PP 82/2019 (uji formulir)");
            },
            "[data-testid=notice]",
            f => f.SetAsync("value", ""));
        cases[Key("/admin/tarif", "source-{id}")] = new(Admin, At("/admin/tarif"), Nothing, "[data-testid=notice]", null);
    }

    static partial void AddBilling(Dictionary<string, FormCase> cases)
    {
        cases[Key("/perlindungan", "protection-form")] = new(Disnaker, At("/perlindungan"),
            async f => { await f.SetAsync("nik", "1801060505859301"); await f.SetAsync("date", "2026-01-20"); },
            "[data-testid=protection-result]",
            f => f.SetAsync("nik", "12"));
        cases[Key("/program/{id:guid}/tagihan", "bill-form")] = new(Disnaker,
            async (app, _) => $"/program/{await CaseData.EnrolledProgrammeAsync(app)}/tagihan",
            Nothing, "[data-testid=notice]",
            f => f.SetAsync("month", "2030-01"));
        cases[Key("/program/{id:guid}/tagihan", "payment-form")] = new(Disnaker,
            async (app, _) => $"/program/{await CaseData.EnrolledProgrammeAsync(app, billed: true)}/tagihan",
            async f =>
            {
                await f.SetAsync("Payment.Reference", "SP2D/KASUS/" + Guid.NewGuid().ToString("N")[..6]);
                await f.SetAsync("Payment.PaidOn", "2026-01-09");
                await f.SetAsync("Payment.Amount", "16800");
            },
            "[data-testid=notice]",
            async f => { await f.SetAsync("Payment.Reference", "SP2D/KASUS/0"); await f.SetAsync("Payment.Amount", "0"); });
        cases[Key("/program/{id:guid}/tagihan", "allocate-form-{id}")] = new(Disnaker,
            async (app, _) =>
            {
                var programme = await CaseData.EnrolledProgrammeAsync(app);
                await CaseData.UnallocatedPaymentAsync(app, programme);
                await CaseData.BillAsync(app, programme);
                return $"/program/{programme}/tagihan";
            },
            Nothing, "[data-testid=notice]", null);
        cases[Key("/iuran/impor", "import-form")] = new(Disnaker, At("/iuran/impor"),
            f => f.FileAsync("iuran-kasus.csv", Csv("NIK,Bulan,Jumlah,Tanggal Bayar,Sumber,Referensi",
                "1801060505859301,2026-02,16800,2026-02-10,mandiri,KASUS-1")),
            "main h1",
            f => f.FileAsync("bukan-tabel.csv", "\u0001\u0002 ini bukan tabel"));
        // Protection rules are national: the case adds a version for a month no other test computes with.
        cases[Key("/admin/iuran", "rule-form")] = new(Admin, At("/admin/iuran"),
            async f =>
            {
                await f.SetAsync("Rule.EffectiveFrom", "2090-01");
                await f.SetAsync("Rule.DueDay", "15");
                await f.SetAsync("Rule.LapseMonths", "3");
                await f.SetAsync("Rule.Regulation", "Perdir 22/PERDIR.02/072022 (uji formulir)");
            },
            "[data-testid=notice]",
            f => f.SetAsync("Rule.DueDay", "40"));
        // The calendar of a year no other test computes with.
        cases[Key("/admin/kalender", "calendar-form")] = new(Admin, At("/admin/kalender?tahun=2097"),
            async f =>
            {
                await f.SetAsync("Sumber", "SKB uji formulir 2097");
                await f.SetAsync("Hari", "2097-01-01; libur; Tahun Baru 2097\n2097-01-02; cuti; Cuti bersama uji");
            },
            "[data-testid=notice]",
            f => f.SetAsync("Hari", "2097-13-01; libur; Tanggal salah"));
        // A setting saved with the value it has: the form works without changing what other tests read.
        cases[Key("/admin/iuran", "setting-form-{id}")] = new(Admin, At("/admin/iuran"), Nothing, "[data-testid=notice]",
            f => f.Locator("[name=value]").First.EvaluateAsync("e => { e.value = ''; }"));
    }
}
