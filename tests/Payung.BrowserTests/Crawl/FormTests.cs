using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// Every POST form, submitted in Chromium by the role that uses it: once with invalid data, when it has fields,
/// where the page must answer with its own error message (never the browser's or a bare 400), and once with
/// valid data, where the page must show the result and no error.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormTests(PayungAppFixture app)
{
    /// <summary>What a page shows for a refused submission: an alert, a field's message, or a named error.</summary>
    private const string ErrorShown =
        ".alert-danger, .invalid-feedback, .field-validation-error, .validation-summary-errors li, [data-testid=form-error], [data-testid$='-error']";

    public static TheoryData<string> Cases => new(FormCases.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Form_SubmittedAsItsRole_ShowsThePagesOwnAnswer(string key)
    {
        var formCase = FormCases.All[key];
        var testId = key[(key.IndexOf(" #", StringComparison.Ordinal) + 2)..];
        var data = await CrawlData.GetAsync(app);
        await using var session = await app.OpenAsync();
        var page = session.Page;
        if (formCase.Username.Length > 0)
        {
            await BrowserUsers.SignInAsync(page, formCase.Username);
        }

        var url = await formCase.Page(app, data);

        if (formCase.Invalid is { } invalid)
        {
            await page.GotoAsync(url);
            var form = FormOf(page, testId);
            await invalid(form);
            var answer = await SubmitAsync(page, form);
            Assert.True(answer < 400 || answer == 409 || answer == 422, $"{key}: the invalid submission answered {answer}");
            await Expect(page.Locator("[data-testid=error-page]")).ToHaveCountAsync(0);
            await Expect(page.Locator(ErrorShown).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        }

        await page.GotoAsync(url);
        var validForm = FormOf(page, testId);
        await formCase.Valid(validForm);
        var status = await SubmitAsync(page, validForm);
        Assert.True(status < 400, $"{key}: the valid submission answered {status}");
        await Expect(page.Locator("[data-testid=error-page]")).ToHaveCountAsync(0);
        await Expect(page.Locator(".alert-danger, [data-testid=form-error]")).ToHaveCountAsync(0);
        await Expect(page.Locator(formCase.Seen).First).ToBeVisibleAsync();
        session.AssertNoConsoleErrors();
    }

    private static ILocator FormOf(IPage page, string testId) =>
        page.Locator(testId.Contains("{id}", StringComparison.Ordinal)
            ? $"form[data-testid^='{testId[..testId.IndexOf("{id}", StringComparison.Ordinal)]}']"
            : $"form[data-testid='{testId}']").First;

    /// <summary>
    /// Clicks the form's submit button and waits for the page that answers it (after any redirect): the old
    /// document's marker is gone once the new one has loaded. Returns the answer's HTTP status.
    /// </summary>
    private static async Task<int> SubmitAsync(IPage page, ILocator form)
    {
        // The browser's own checks (required, min, type) are skipped: the page's answer to bad data is under test.
        await form.EvaluateAsync("f => { f.noValidate = true; }");
        await page.EvaluateAsync("() => { window.__payungBefore = true; }");
        await form.Locator("[type=submit]").First.ClickAsync();
        await page.WaitForFunctionAsync("() => window.__payungBefore === undefined && document.readyState !== 'loading'");
        return await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0]?.responseStatus ?? 0");
    }
}
