using Microsoft.Extensions.DependencyInjection;
using Payung.Programs.ManageFunders;
using Payung.Shared;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests;

/// <summary>
/// "1 Desa 100 Pekerja Rentan" as a target: a Disnaker operator creates a programme with a per-village target on the
/// form, activates it, enrols one worker of Jondong, and the programme page lists Jondong below the target with 99
/// missing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VillageTargetPageTests(PayungAppFixture app, ITestOutputHelper output)
{
    // Kalianda (18.01.06), born 5 May 1985, male; serials from 9401 are this test's own.
    private const string Nik = "1801060505859401";

    [Fact]
    public async Task ProgrammeWithATarget_CreatedOnTheForm_ShowsTheVillagesBelowTheTarget()
    {
        await BrowserData.RegisterWorkerAsync(app, Nik, "Wahyu Target Peramban");
        Guid funderId;
        using (var scope = BrowserData.SystemScope(app))
        {
            var funder = await scope.ServiceProvider.GetRequiredService<CreateFunder>().ExecuteAsync(
                new CreateFunderRequest($"Pemkab Lampung Selatan (target desa {Guid.NewGuid().ToString("N")[..8]})", "pemkab", "18.01"), CancellationToken.None);
            Assert.True(funder.Succeeded, funder.Refusal?.Code);
            funderId = funder.Value.Id;
        }

        var username = await BrowserUsers.CreateAsync(app, Role.DisnakerOperator, "18.01");
        await using var session = await app.OpenAsync();
        var page = session.Page;
        await BrowserUsers.SignInAsync(page, username);

        await page.GotoAsync("/program/baru");
        var form = page.GetByTestId("programme-form");
        await form.Locator("[name=name]").FillAsync("1 Desa 100 Pekerja Rentan peramban " + Guid.NewGuid().ToString("N")[..6]);
        await form.Locator("[name=funderId]").SelectOptionAsync(funderId.ToString());
        await form.Locator("[name=fundingSource]").SelectOptionAsync("APBD");
        await form.Locator("[name=fiscalYear]").FillAsync("2026");
        await form.Locator("[name=budgetCeiling]").FillAsync("100000000");
        await form.Locator("[name=monthFrom]").FillAsync("2026-05");
        await form.Locator("[name=monthTo]").FillAsync("2026-09");
        await form.Locator("[name=targetParticipants]").FillAsync("1000");
        await form.Locator("[name=villageTarget]").FillAsync("100");
        await form.Locator("[name=villageQuota]").FillAsync("99");
        await page.GetByTestId("save").ClickAsync();

        // A cap below the target is refused beside the field, and the target stays as typed.
        await Expect(page.Locator("#villageQuota ~ .invalid-feedback"))
            .ToContainTextAsync("tidak boleh kurang dari target per desa (100)");
        await Expect(page.Locator("[name=villageTarget]")).ToHaveValueAsync("100");
        await page.Locator("[name=villageQuota]").FillAsync("");
        await page.GetByTestId("save").ClickAsync();

        await Expect(page.GetByTestId("village-target")).ToContainTextAsync("100 orang per desa");
        await Expect(page.GetByTestId("below-target-none")).ToBeVisibleAsync();
        await page.GetByTestId("activate").ClickAsync();
        await Expect(page.GetByTestId("notice")).ToBeVisibleAsync();

        await page.GetByTestId("enrol-link").ClickAsync();
        await page.GetByTestId("niks").FillAsync(Nik);
        // The programme is recorded after the fact: BPJS registered the participants on 4 May 2026.
        await page.GetByTestId("nik-form").GetByTestId("membership-start").FillAsync("2026-05-04");
        await page.GetByTestId("enrol-niks").ClickAsync();
        await Expect(page.GetByTestId("summary")).ToContainTextAsync("1 terdaftar");

        await page.GotoAsync(page.Url.Replace("/daftar", "", StringComparison.Ordinal));
        var row = page.Locator("[data-testid=below-target-row][data-code='18.01.06.2001']");
        await Expect(row).ToContainTextAsync("Jondong");
        await Expect(row.GetByTestId("missing")).ToHaveTextAsync("99");
        var shot = TestArtifacts.PathFor("programme-village-target.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
        session.AssertNoConsoleErrors();
    }
}
