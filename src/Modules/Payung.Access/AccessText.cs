using Payung.Infrastructure.Pages;

namespace Payung.Access;

/// <summary>
/// Marker for the Access module's page texts. The pages are written in Bahasa Indonesia and each text is its own key;
/// AccessText.en.resx gives the English. Views use <c>IStringLocalizer&lt;AccessText&gt;</c> (T), C# code <see cref="T"/>.
/// </summary>
public sealed class AccessText
{
    internal static readonly PageText T = new(typeof(AccessText));
}
