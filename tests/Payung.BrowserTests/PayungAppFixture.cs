using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Payung.Testing;
using Payung.Web;

namespace Payung.BrowserTests;

/// <summary>
/// The whole application served in-process on a free loopback port over the test database, and one headless
/// Debian Chromium for every test in the collection. Each test opens its own browser context, so cookies
/// (the language choice) never leak from one test into another.
/// </summary>
public sealed class PayungAppFixture : IAsyncLifetime
{
    /// <summary>Playwright cannot download its own browser here; the Debian package is used instead.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public Uri BaseUrl { get; private set; } = null!;

    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, which is missing. Run `make test` " +
                "(it installs the Debian chromium package) or `apt-get install -y chromium`, then run the tests again.");
        }

        var database = await TestDatabase.GetAsync();
        app = await PayungWebApp.BuildAsync(
        [
            "--urls=http://127.0.0.1:0",
            "--environment=Testing",
            // The test host is the entry assembly; name the web project so Razor Pages are discovered in it,
            // and serve its wwwroot from the checkout as `dotnet run` does.
            "--applicationName=Payung.Web",
            "--contentRoot=" + WebProjectDirectory(),
            "--PAYUNG_DB=" + database.ConnectionString,
            // TestDatabase loaded the regions already.
            "--PAYUNG_SKIP_REGION_LOAD=true",
            "--PAYUNG_BILLING_INTERVAL_MINUTES=0",
            "--PAYUNG_IMPORT_PURGE_INTERVAL_MINUTES=0",
            "--PAYUNG_NOTIFY_INTERVAL_SECONDS=0",
            "--PAYUNG_HANDOVER_INTERVAL_MINUTES=0",
            "--Logging:LogLevel:Default=Warning",
            // Every browser test signs in from the same loopback address, far more often than 20 times a minute.
            "--Access:SignInAttemptsPerMinute=10000",
        ]);
        await app.StartAsync();
        BaseUrl = new Uri(app.Urls.Single());

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh context and page; dispose it at the end of the test.</summary>
    public async Task<BrowserSession> OpenAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            Locale = "id-ID",
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static string WebProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Payung.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Payung.Web");
            }
        }

        throw new InvalidOperationException($"No Payung.slnx above {AppContext.BaseDirectory}: run the tests from the checkout.");
    }
}
