using Microsoft.Playwright;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// Every demo role, and a person not signed in, follows every link of every page it can reach, in Bahasa
/// Indonesia and in English. One crawl serves the facts below, each asserting one promise of the pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrawlTests(PayungAppFixture app)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<CrawlReport>? report;

    [Fact]
    public async Task EveryRole_ReachesOnlyPagesThatAnswerInTheLayout_WithinOneSecondOfServerTime()
    {
        var crawl = await CrawlAsync();
        Assert.True(crawl.Failures.Count == 0, "Pages that failed:\n" + string.Join("\n", crawl.Failures));
    }

    [Fact]
    public async Task EveryPageRoute_IsReachedByTheRoleThatUsesIt()
    {
        var crawl = await CrawlAsync();
        var missing = PageRoutes.From(app.Services).Templates
            .Where(t => !PageRoutes.NotPages.Contains(t) && !crawl.Routes.Contains(t))
            .ToList();
        Assert.True(missing.Count == 0, "Pages no role reached by following links (add a link, or data the crawl needs, in CrawlData):\n"
            + string.Join("\n", missing));
    }

    [Fact]
    public async Task EveryPostForm_CarriesItsAntiforgeryToken_AndHasABrowserCase()
    {
        var crawl = await CrawlAsync();
        var withoutToken = crawl.Forms.Where(f => !f.HasToken).Select(f => $"{f.Route} {f.TestId} ({f.Url})").Distinct().ToList();
        Assert.True(withoutToken.Count == 0, "POST forms without an antiforgery token:\n" + string.Join("\n", withoutToken));
        var withoutCase = crawl.Forms.Select(f => FormCases.Key(f.Route, f.TestId)).Distinct()
            .Where(k => !FormCases.All.ContainsKey(k)).Order().ToList();
        Assert.True(withoutCase.Count == 0, "POST forms with no case in FormCases (add one that submits it with valid and invalid data):\n"
            + string.Join("\n", withoutCase));
    }

    [Fact]
    public async Task EveryPage_InEnglish_HasNoIndonesianLabelsLeft()
    {
        var crawl = await CrawlAsync();
        Assert.True(crawl.EnglishLeftovers.Count == 0, "Indonesian words on English pages (translate them, or mark data translate=\"no\"):\n"
            + string.Join("\n", crawl.EnglishLeftovers.Distinct()));
    }

    private async Task<CrawlReport> CrawlAsync()
    {
        // One crawl for the four facts; a crawl that broke fails each of them with the same error.
        await Gate.WaitAsync();
        try
        {
            report ??= RunAsync();
        }
        finally
        {
            Gate.Release();
        }

        return await report;
    }

    private async Task<CrawlReport> RunAsync()
    {
        var data = await CrawlData.GetAsync(app);
        var routes = PageRoutes.From(app.Services);
        var result = new CrawlReport();
        foreach (var (username, role) in CrawlData.Roles)
        {
            await using var session = await app.OpenAsync();
            await using var english = await app.OpenAsync();
            await BrowserUsers.SignInAsync(session.Page, username);
            await BrowserUsers.SignInAsync(english.Page, username);
            await english.Page.GotoAsync("/bahasa/en?returnUrl=/");
            await new PageCrawler(routes, $"{username} ({role})").CrawlAsync(session.Page, english.Page, result, $"/program/{data.ActiveProgramme}");
            result.Failures.AddRange(session.ConsoleErrors.Select(e => $"{username}: browser error {e}"));
        }

        await using (var anonymous = await app.OpenAsync())
        await using (var english = await app.OpenAsync())
        {
            await english.Page.GotoAsync("/bahasa/en?returnUrl=/");
            await new PageCrawler(routes, "not signed in").CrawlAsync(anonymous.Page, english.Page, result);
            result.Failures.AddRange(anonymous.ConsoleErrors.Select(e => $"not signed in: browser error {e}"));
        }

        return result;
    }
}
