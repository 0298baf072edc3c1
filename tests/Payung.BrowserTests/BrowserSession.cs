using Microsoft.Playwright;

namespace Payung.BrowserTests;

/// <summary>
/// One test's browser context and page. Console errors are collected because that is where Chromium reports
/// what the Content-Security-Policy blocked (an inline style or script), which would otherwise fail silently.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> consoleErrors = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add(error);
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors
    {
        get
        {
            lock (consoleErrors)
            {
                return [.. consoleErrors];
            }
        }
    }

    /// <summary>Fails with every message, since xunit's collection assertions cut long strings short.</summary>
    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors;
        Assert.True(errors.Count == 0, "The browser reported errors:\n" + string.Join("\n", errors));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
