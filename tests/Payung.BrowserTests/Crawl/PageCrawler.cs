using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Payung.BrowserTests.Crawl;

/// <summary>A POST form seen on a page: which page, its data-testid (ids in it made generic) and whether it carries a token.</summary>
public sealed record SeenForm(string Route, string TestId, bool HasToken, string Url);

/// <summary>What one signed-in (or signed-out) person met following every link of the pages it could reach.</summary>
public sealed class CrawlReport
{
    public List<string> Failures { get; } = [];
    public List<string> EnglishLeftovers { get; } = [];
    public HashSet<string> Routes { get; } = new(StringComparer.Ordinal);
    public List<SeenForm> Forms { get; } = [];
}

/// <summary>
/// Follows the links of the application's pages the way a person would, from the home page: up to three URLs per
/// page route (more of one route show the same page with other data), plus the downloads the pages
/// link to. Each page must answer 2xx in the app's layout, never its error page, within one second of server
/// time (a first, cold answer over a second is asked once more, since it also measures the JIT). With an English
/// context, each page is read once more in English and checked for Indonesian labels.
/// </summary>
public sealed partial class PageCrawler(PageRoutes routes, string who)
{
    public const double MaxServerMilliseconds = 1000;
    private const int MaxPages = 150;

    // A page of a programme in draft has other links than an active one's: a few URLs of each route are visited.
    private const int UrlsPerRoute = 3;

    private static readonly string[] SkippedPrefixes = ["/api-docs", "/openapi", "/health", "/bahasa", "/keluar", "/lib/", "/css/", "/js/", "/error"];

    /// <param name="starts">Pages to begin with after the home page (the crawl's own active programme, whose page
    /// links to enrolment, which a draft's page does not).</param>
    public async Task CrawlAsync(IPage page, IPage? english, CrawlReport report, params string[] starts)
    {
        var queue = new Queue<string>();
        var seenRoutes = new Dictionary<string, int>(StringComparer.Ordinal);
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        var seenDownloads = new HashSet<string>(StringComparer.Ordinal);
        queue.Enqueue("/");
        foreach (var start in starts)
        {
            queue.Enqueue(start);
        }

        var visited = 0;
        while (queue.Count > 0 && visited < MaxPages)
        {
            var url = queue.Dequeue();
            var path = url.Split('?')[0];
            if (routes.TemplateOf(path) is not { } route)
            {
                report.Failures.Add($"{who}: a link to {url}, which no page serves");
                continue;
            }

            if (!seenUrls.Add(path) || seenRoutes.GetValueOrDefault(route) >= UrlsPerRoute)
            {
                continue;
            }

            seenRoutes[route] = seenRoutes.GetValueOrDefault(route) + 1;

            visited++;
            report.Routes.Add(route);
            var links = await VisitAsync(page, url, route, report);
            foreach (var link in links)
            {
                if (link.StartsWith("/api/", StringComparison.Ordinal))
                {
                    if (seenDownloads.Add(link.Split('?')[0]))
                    {
                        var download = await page.Context.APIRequest.GetAsync(link);
                        if (download.Status is < 200 or >= 300)
                        {
                            report.Failures.Add($"{who}: {url} links to {link}, which answers {download.Status}");
                        }
                    }
                }
                else
                {
                    queue.Enqueue(link);
                }
            }

            if (english is not null)
            {
                await ReadInEnglishAsync(english, url, report);
            }
        }
    }

    private async Task<IReadOnlyList<string>> VisitAsync(IPage page, string url, string route, CrawlReport report)
    {
        var response = await page.GotoAsync(url);
        if (response is null)
        {
            report.Failures.Add($"{who}: {url} gave no response");
            return [];
        }

        var serverTime = ServerMilliseconds(response);
        if (serverTime > MaxServerMilliseconds)
        {
            response = await page.GotoAsync(url) ?? response;
            serverTime = ServerMilliseconds(response);
            if (serverTime > MaxServerMilliseconds)
            {
                report.Failures.Add($"{who}: {url} took {serverTime:0} ms of server time (limit {MaxServerMilliseconds:0} ms)");
            }
        }

        if (response.Status is < 200 or >= 400)
        {
            report.Failures.Add($"{who}: {url} answered {response.Status}");
        }

        if (await page.Locator("[data-testid=error-page]").CountAsync() > 0)
        {
            var message = await page.Locator("[data-testid=error-message]").InnerTextAsync();
            report.Failures.Add($"{who}: {url} ({route}) shows the error page: {message}");
        }
        else if (await page.Locator("nav.navbar").CountAsync() == 0 || string.IsNullOrWhiteSpace(await page.Locator("main").InnerTextAsync()))
        {
            report.Failures.Add($"{who}: {url} is a blank page or has no layout");
        }

        foreach (var form in await page.Locator("form").AllAsync())
        {
            if (!string.Equals(await form.GetAttributeAsync("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var testId = await form.GetAttributeAsync("data-testid");
            var inLayout = await form.EvaluateAsync<bool>("f => !!f.closest('nav.navbar')");
            var hasToken = await form.Locator("input[name=__RequestVerificationToken]").CountAsync() > 0;
            report.Forms.Add(new SeenForm(inLayout ? FormCases.LayoutRoute : route, Generic(testId ?? "(no data-testid)"), hasToken, url));
        }

        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", """
            links => links.filter(a => !a.hasAttribute('download') || a.getAttribute('href').startsWith('/api/'))
                          .map(a => a.getAttribute('href'))
            """);
        return hrefs
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
            .Select(h => h.Split('#')[0])
            .Where(h => h.Length > 0 && !SkippedPrefixes.Any(p => h.StartsWith(p, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private async Task ReadInEnglishAsync(IPage english, string url, CrawlReport report)
    {
        var response = await english.GotoAsync(url);
        if (response is null || response.Status >= 400)
        {
            report.Failures.Add($"{who}: {url} in English answered {response?.Status}");
            return;
        }

        var text = await english.EvaluateAsync<string>("""
            () => {
              const body = document.body.cloneNode(true);
              body.querySelectorAll('[translate=no], [lang=id], input, textarea, code, kbd, script, style, template, .rule-code')
                  .forEach(e => e.remove());
              const attributes = [...body.querySelectorAll('[placeholder], [title], [aria-label]')]
                  .flatMap(e => ['placeholder', 'title', 'aria-label'].map(a => e.getAttribute(a)).filter(v => v));
              return [body.textContent, ...attributes].join('\n');
            }
            """);
        var words = IndonesianWords.Found(text);
        if (words.Count > 0)
        {
            report.EnglishLeftovers.Add($"{url}: {string.Join(", ", words)}");
        }
    }

    private static double ServerMilliseconds(IResponse response) =>
        response.Headers.TryGetValue("server-timing", out var timing) && ServerTimingValue().Match(timing) is { Success: true } m
            ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
            : 0;

    /// <summary>
    /// A form's test id with the row it belongs to made generic (<c>allocate-form-{id}</c>, <c>setting-form-{id}</c>,
    /// <c>source-{id}</c>): one case covers the form of every row.
    /// </summary>
    public static string Generic(string testId) => RowForm().Replace(testId, "${kind}-{id}");

    [GeneratedRegex(@"app;dur=([0-9.]+)")]
    private static partial Regex ServerTimingValue();

    [GeneratedRegex(@"^(?<kind>[a-z]+-form|source|revoke)-.+$")]
    private static partial Regex RowForm();
}
