using System.Globalization;
using System.Resources;

namespace Payung.Infrastructure.Pages;

/// <summary>
/// A module's page texts for code that has no localizer injected (display helpers, page models' static labels).
/// It reads the same resource files as <c>IStringLocalizer&lt;TMarker&gt;</c> in the views: the texts are written
/// in Bahasa Indonesia and serve as their own keys, and <c>{Marker}.en.resx</c> holds the English for each, so a
/// text missing from the English file shows in Indonesian (and the English page test finds it).
/// </summary>
public sealed class PageText(Type marker)
{
    private readonly ResourceManager resources = new(marker.FullName!, marker.Assembly);

    public string this[string text] => resources.GetString(text, CultureInfo.CurrentUICulture) ?? text;

    /// <summary>The text with its placeholders (<c>{0}</c>) filled in the page's culture.</summary>
    public string Format(string text, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[text], args);
}
