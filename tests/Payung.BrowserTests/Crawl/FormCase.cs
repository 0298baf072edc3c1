using Microsoft.Playwright;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// How a person uses one POST form: who signs in, which page it is on (made ready by <see cref="Page"/>, which may
/// make data of the case's own), what a valid submission fills and what it then sees, and what an invalid one
/// fills (null for a form that has nothing to fill: a single confirming button).
/// </summary>
/// <param name="Username">A demo user (CrawlData.Roles) or a user the page step makes.</param>
/// <param name="Page">Makes the case's data and answers the page's URL.</param>
/// <param name="Valid">Fills the form with valid data.</param>
/// <param name="Seen">A selector that must be visible after the valid submission (the result).</param>
/// <param name="Invalid">Fills the form with invalid data; the page must answer with its own error message.</param>
public sealed record FormCase(
    string Username,
    Func<PayungAppFixture, CrawlData, Task<string>> Page,
    Func<ILocator, Task> Valid,
    string Seen,
    Func<ILocator, Task>? Invalid);

/// <summary>Filling forms by their posted field names, which are the contract between a page and its page model.</summary>
public static class FormFill
{
    public static async Task SetAsync(this ILocator form, string name, string value)
    {
        var field = form.Locator($"[name='{name}']").First;
        var tag = await field.EvaluateAsync<string>("e => e.tagName.toLowerCase() + ':' + (e.type || '')");
        if (tag.StartsWith("select", StringComparison.Ordinal))
        {
            await field.SelectOptionAsync(value);
        }
        else if (tag is "input:checkbox" or "input:radio")
        {
            await form.Locator($"[name='{name}'][value='{value}']").CheckAsync();
        }
        else if (tag == "input:hidden")
        {
            await field.EvaluateAsync("(e, v) => e.value = v", value);
        }
        else
        {
            await field.FillAsync(value);
        }
    }

    /// <summary>Chooses a region in a region picker the way a person does: types a name, clicks the result.</summary>
    public static async Task PickRegionAsync(this ILocator form, string name, string typed, string code)
    {
        var picker = form.Locator($"[data-testid='picker-{name}']");
        await picker.Locator("input[type=search]").FillAsync(typed);
        await picker.Locator($"[data-pick-code='{code}']").ClickAsync();
    }

    public static Task FileAsync(this ILocator form, string fileName, string content) =>
        form.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload
        {
            Name = fileName,
            MimeType = fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/octet-stream",
            Buffer = System.Text.Encoding.UTF8.GetBytes(content),
        });
}
