using Microsoft.Playwright;
using Payung.BrowserTests.Crawl;
using Payung.Shared;
using Xunit.Abstractions;

namespace Payung.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TmpRegistryEnglishTests(PayungAppFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task RegistryPages_InEnglish()
    {
        var worker = await CaseData.WorkerAsync(app);
        var candidate = await CaseData.DuplicateAsync(app);
        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);
        // an import of our own, with a rejected row
        await page.GotoAsync("/impor");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "t.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"NIK,Nama Lengkap,Tanggal Lahir,Jenis Kelamin,Kode Desa,Pekerjaan\n{CaseData.NewNik()},Sutrisno Impor,1985-05-05,L,18.01.06.2001,petani\n1801,Salah,1985-05-05,L,18.01.06.2001,astronot\n") });
        await page.GetByTestId("import-submit").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/impor/[0-9a-f-]{36}$"));
        var importUrl = new Uri(page.Url).AbsolutePath;
        await page.WaitForTimeoutAsync(4000);
        await page.GotoAsync($"/bahasa/en?returnUrl=%2F");
        var urls = new[] { "/pekerja", $"/pekerja/{worker}", $"/pekerja/{worker}/ubah", $"/pekerja/{worker}/nik", "/pekerja/baru",
            "/duplikat", $"/duplikat/{candidate}", "/impor", importUrl, importUrl + "?hasil=created", "/cek-nik", "/pekerja?village=18.01.06&q=zzzz" };
        foreach (var url in urls)
        {
            var response = await page.GotoAsync(url);
            var text = await page.EvaluateAsync<string>("""
                () => {
                  const body = document.body.cloneNode(true);
                  body.querySelectorAll('[translate=no], [lang=id], input, textarea, code, kbd, script, style, template, .rule-code')
                      .forEach(e => e.remove());
                  const attributes = [...body.querySelectorAll('[placeholder], [title], [aria-label]')]
                      .flatMap(e => ['placeholder', 'title', 'aria-label'].map(a => e.getAttribute(a)).filter(v => v));
                  return [body.textContent, ...attributes].join('\n');
                }
                """);
            output.WriteLine($"{url} {response?.Status}: {string.Join(", ", IndonesianWords.Found(text))}");
        }
        await page.GotoAsync("/cek-nik");
        await page.GetByTestId("nik-input").FillAsync("9999990001850000");
        await page.GetByTestId("nik-submit").ClickAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/regwork/ceknik-en.png", FullPage = true });
        await page.GotoAsync($"/pekerja/{worker}");
        await page.ScreenshotAsync(new() { Path = "/tmp/regwork/worker-en.png", FullPage = true });
        await page.GotoAsync(importUrl);
        await page.ScreenshotAsync(new() { Path = "/tmp/regwork/import-en.png", FullPage = true });
        await page.GotoAsync($"/duplikat/{candidate}");
        await page.ScreenshotAsync(new() { Path = "/tmp/regwork/dup-en.png", FullPage = true });
        await page.GotoAsync("/pekerja");
        await page.ScreenshotAsync(new() { Path = "/tmp/regwork/list-en.png", FullPage = true });
    }
}
