using System.Net;
using System.Text.RegularExpressions;
using Payung.Shared;
using static Payung.Tests.Access.AccessTestKit;
using static Payung.Tests.Registry.Workers.WorkersTestKit;

namespace Payung.Tests.Registry.Workers;

/// <summary>The worker and duplicate pages over HTTP: forms with antiforgery, warnings, history, masking.</summary>
public sealed partial class WorkerPagesTests(PayungApiFactory factory) : IClassFixture<PayungApiFactory>
{
    private Task<HttpClient> ClientAsync(Role role, string? scope) => WorkersTestKit.ClientAsync(factory, role, scope);

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, Dictionary<string, string> fields, string? action = null)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> FormOf(Payung.Registry.RegisterWorker.RegisterWorkerRequest r) => new()
    {
        ["nik"] = r.Nik ?? "", ["kk"] = r.Kk ?? "", ["fullName"] = r.FullName ?? "", ["birthPlace"] = r.BirthPlace ?? "",
        ["birthDate"] = r.BirthDate ?? "", ["sex"] = r.Sex ?? "", ["villageCode"] = r.VillageCode ?? "", ["address"] = "",
        ["rt"] = "", ["rw"] = "", ["phone"] = "", ["occupationCode"] = r.OccupationCode ?? "", ["monthlyIncome"] = "1.500.000",
        ["dtsenDecile"] = "3", ["status"] = "alive", ["deathDate"] = "",
    };

    private static void AssertNoInlineScriptOrStyle(string html)
    {
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(ScriptTag().Matches(html), m => Assert.Contains("src=", m.Value));
    }

    [Fact]
    public async Task RegisterPage_WithAMismatchingBirthDate_RegistersAndTheDetailPageShowsTheWarningAndHistory()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var request = NewWorker(Jondong, birthDate: new DateOnly(1983, 11, 2));
        var form = FormOf(request);
        form["birthDate"] = "1983-11-03";

        var response = await PostFormAsync(client, "/pekerja/baru", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var detail = await client.GetAsync(response.Headers.Location!.OriginalString);
        var html = await detail.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        Assert.Contains("dengan peringatan NIK yang perlu ditinjau", html);
        Assert.Contains("data-code=\"nik.birthdate_mismatch\"", html);
        Assert.Contains("1983-11-02", html); // in the rule's own message
        Assert.Contains("03-11-1983", html); // the record's birth date, in the one date format
        Assert.Contains(request.Nik!, html);
        Assert.Contains("Didaftarkan", html);
        Assert.Contains("Rp1.500.000", html);
        Assert.Matches("data-testid=\"worker-village\">\\s*<a href=\"/wilayah/18.01.06.2001\" translate=\"no\">Jondong, Kalianda, Kabupaten Lampung Selatan \\(18.01.06.2001\\)</a>", html);
        Assert.Contains("data-testid=\"worker-occupation\">Petani<", html);
        Assert.Contains("data-testid=\"worker-sex\">Laki-laki<", html);
        AssertNoInlineScriptOrStyle(html);
    }

    [Fact]
    public async Task RegisterPage_WithBrokenFields_ShowsEachMessageNextToItsFieldAndKeepsTheInput()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var form = FormOf(NewWorker(Jondong));
        form["nik"] = "12345";
        form["monthlyIncome"] = "banyak";

        var response = await PostFormAsync(client, "/pekerja/baru", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIK harus terdiri dari 16 digit", html);
        Assert.Contains(WebUtility.HtmlEncode(Payung.Registry.WorkerRules.IncomeInvalidMessage), html);
        Assert.Contains($"value=\"{form["fullName"]}\"", html);
    }

    [Fact]
    public async Task RegisterPage_ForAKecamatanOperator_PicksTheVillageByNameWithinItsKecamatan()
    {
        var client = await ClientAsync(Role.KecamatanOperator, "18.01.06");

        var html = await client.GetStringAsync("/pekerja/baru");

        Assert.Contains("data-testid=\"picker-VillageCode\"", html);
        Assert.Contains("hx-vals=\"{&quot;level&quot;:&quot;village&quot;,&quot;within&quot;:&quot;18.01.06&quot;}\"", html);
        Assert.Contains("<input type=\"hidden\" name=\"VillageCode\" id=\"pick-VillageCode\"", html);
        Assert.DoesNotContain("id=\"pick-VillageCode\" value=\"18", html);
        Assert.Contains("<option value=\"petani\">Petani</option>", html);
    }

    [Fact]
    public async Task RegisterPage_ForADesaOperator_StartsWithItsOwnVillageByName()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var html = await client.GetStringAsync("/pekerja/baru");

        Assert.Contains("<input type=\"hidden\" name=\"VillageCode\" id=\"pick-VillageCode\" value=\"18.01.06.2001\" data-picked-value />", html);
        Assert.Contains("value=\"Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)\"", html);
        Assert.Contains("&quot;within&quot;:&quot;18.01.06.2001&quot;", html);
    }

    [Fact]
    public async Task RegisterPage_WithAVillageOutsideTheArea_ShowsTheRefusalAtTheVillageField()
    {
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var form = FormOf(NewWorker(Tengkujuh));

        var response = await PostFormAsync(client, "/pekerja/baru", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("<input type=\"search\"[^>]*class=\"form-control is-invalid\"", html);
        Assert.Contains("<div class=\"invalid-feedback d-block\">" + WebUtility.HtmlEncode(Payung.Registry.WorkerRules.OutOfScopeMessage) + "</div>", html);
        Assert.Contains("Data belum dapat disimpan", html);
    }

    [Fact]
    public async Task RegisterPage_WithNoVillage_AsksToPickOne()
    {
        var client = await ClientAsync(Role.KecamatanOperator, "18.01.06");
        var form = FormOf(NewWorker(Jondong));
        form.Remove("villageCode");
        form["VillageCode"] = "";

        var response = await PostFormAsync(client, "/pekerja/baru", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div class=\"invalid-feedback d-block\">Pilih desa/kelurahan: ketik namanya lalu pilih dari daftar.</div>", html);
    }

    [Fact]
    public async Task EditPage_SavesAChange_AndTheHistoryShowsBeforeAndAfter()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var form = FormOf(NewWorker(Jondong) with
        {
            FullName = worker.FullName, BirthDate = worker.BirthDate.ToString("yyyy-MM-dd"), Sex = worker.Sex, Nik = null,
        });
        form["occupationCode"] = "nelayan";
        form["version"] = worker.Version.ToString();

        var response = await PostFormAsync(client, $"/pekerja/{worker.Id}/ubah", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync($"/pekerja/{worker.Id}");
        Assert.Contains("telah disimpan", html);
        Assert.Matches("data-field=\"occupationCode\">Pekerjaan:\\s*<span class=\"text-muted\" data-before>Petani</span>\\s*<span class=\"text-muted\">→</span>\\s*<span data-after>Nelayan</span>", html);
    }

    [Fact]
    public async Task EditPage_MovingTheWorkerToAnotherVillage_TheHistoryNamesBothVillagesAndTheIncomeAsMoney()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        var client = await ClientAsync(Role.KecamatanOperator, "18.01.06");
        var form = FormOf(NewWorker(Tengkujuh) with
        {
            FullName = worker.FullName, BirthDate = worker.BirthDate.ToString("yyyy-MM-dd"), Sex = worker.Sex, Nik = null,
        });
        form["monthlyIncome"] = "2.250.000";
        form["version"] = worker.Version.ToString();

        var response = await PostFormAsync(client, $"/pekerja/{worker.Id}/ubah", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var html = await client.GetStringAsync($"/pekerja/{worker.Id}");
        Assert.Matches("data-field=\"villageCode\">Desa/kelurahan:\\s*<span class=\"text-muted\" data-before translate=\"no\">Jondong, Kalianda, Kabupaten Lampung Selatan \\(18.01.06.2001\\)</span>"
            + "\\s*<span class=\"text-muted\">→</span>\\s*<span data-after translate=\"no\">[A-Z][^<]*, Kalianda, Kabupaten Lampung Selatan \\(18.01.06.2002\\)</span>", html);
        Assert.Contains("<span data-after translate=\"no\">Rp2.250.000</span>", html);
    }

    [Fact]
    public async Task DetailPage_InEnglish_NamesTheOccupationSexAndFieldsInEnglish()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        // A client of its own: the language cookie must not reach the other tests' shared clients.
        var client = await SignedInClientAsync(factory, await CreateUserAsync(factory, Role.DesaOperator, Jondong));
        await client.GetAsync("/bahasa/en?returnUrl=/");

        var html = await client.GetStringAsync($"/pekerja/{worker.Id}");

        Assert.Contains("data-testid=\"worker-occupation\">Farmer<", html);
        Assert.Contains("data-testid=\"worker-sex\">Male<", html);
        Assert.Contains("Change history", html);
        Assert.Contains("Occupation:", html);
        Assert.DoesNotContain("Riwayat perubahan", html);
    }

    [Fact]
    public async Task EditPage_WithAStaleVersion_SaysSomeoneElseChangedIt()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong));
        var client = await ClientAsync(Role.DesaOperator, Jondong);
        var form = FormOf(NewWorker(Jondong) with { FullName = worker.FullName, BirthDate = worker.BirthDate.ToString("yyyy-MM-dd"), Sex = worker.Sex });
        form["version"] = worker.Version.ToString();
        await PostFormAsync(client, $"/pekerja/{worker.Id}/ubah", form);
        form["phone"] = "081311112222";

        var response = await PostFormAsync(client, $"/pekerja/{worker.Id}/ubah", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("telah diubah orang lain", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DetailPage_AsProvinceViewer_ShowsTheRecordMasked()
    {
        var worker = await RegisterAsync(factory, NewWorker(Jondong) with { Phone = "081234567890" });
        var client = await ClientAsync(Role.ProvinceViewer, "18");

        var html = await client.GetStringAsync($"/pekerja/{worker.Id}");

        Assert.DoesNotContain(worker.Nik!, html);
        Assert.Contains(worker.Nik![..4] + "********" + worker.Nik[12..], html);
        Assert.DoesNotContain("081234567890", html);
        Assert.Contains("disamarkan untuk peran Anda", html);
        Assert.DoesNotContain("/ubah\"", html);
    }

    [Fact]
    public async Task DetailPage_OutsideTheScope_IsNotFound()
    {
        var worker = await RegisterAsync(factory, NewWorker(Tengkujuh));
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var response = await client.GetAsync($"/pekerja/{worker.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListPage_FindsByNameWithinTheScope()
    {
        var name = TestNik.UniqueName("Halaman");
        var inside = await RegisterAsync(factory, NewWorker(Jondong, name: name));
        var outside = await RegisterAsync(factory, NewWorker(Tengkujuh, name: name));
        var client = await ClientAsync(Role.DesaOperator, Jondong);

        var html = await client.GetStringAsync($"/pekerja?q={Uri.EscapeDataString(name)}");

        Assert.Contains(inside.Id.ToString(), html);
        Assert.DoesNotContain(outside.Id.ToString(), html);
        AssertNoInlineScriptOrStyle(html);
    }

    [Fact]
    public async Task ReviewPage_MergeIntoTheChosenSurvivor_RedirectsToItWithTheFilledFields()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Gabung");
        var survivor = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born));
        var other = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born).AwayFrom(survivor.Nik!) with { Phone = "081355556666" });
        var candidate = (await CandidatesOfAsync(factory, other.Id)).Single();
        var client = await ClientAsync(Role.KecamatanOperator, "18.01.06");
        var review = await client.GetStringAsync($"/duplikat/{candidate.Id}");
        Assert.Contains("data-testid=\"merge-form\"", review);
        AssertNoInlineScriptOrStyle(review);

        var response = await PostFormAsync(client, $"/duplikat/{candidate.Id}",
            new() { ["survivorId"] = survivor.Id.ToString(), ["note"] = "orang yang sama" }, $"/duplikat/{candidate.Id}?handler=gabung");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/pekerja/{survivor.Id}", response.Headers.Location!.OriginalString);
        var html = await client.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("Dilengkapi dari data yang digabung: Telepon.", html);
        Assert.Contains("081355556666", html);
        var mergedHtml = await client.GetStringAsync($"/pekerja/{other.Id}");
        Assert.Contains("data-testid=\"merged-note\"", mergedHtml);
    }

    [Fact]
    public async Task ReviewPage_AsBpjsOfficer_ShowsThePairWithoutTheDecisionForms_AndRefusesAPost()
    {
        var born = TestNik.BirthDate();
        var name = TestNik.UniqueName("Tolak");
        var a = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born));
        var b = await RegisterAsync(factory, NewWorker(Jondong, name: name, birthDate: born).AwayFrom(a.Nik!));
        var candidate = (await CandidatesOfAsync(factory, b.Id)).Single();
        var officer = await ClientAsync(Role.BpjsOfficer, null);

        var html = await officer.GetStringAsync($"/duplikat/{candidate.Id}");
        var post = await PostFormAsync(officer, $"/duplikat/{candidate.Id}", new() { ["note"] = "x" }, $"/duplikat/{candidate.Id}?handler=tolak");

        Assert.Contains(a.FullName, html);
        Assert.DoesNotContain("data-testid=\"dismiss-form\"", html);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/error/403", post.Headers.Location!.OriginalString);
        Assert.Equal("open", (await CandidatesOfAsync(factory, b.Id)).Single().Status);
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
