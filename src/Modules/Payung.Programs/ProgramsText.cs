using Payung.Infrastructure.Pages;

namespace Payung.Programs;

/// <summary>
/// Marker for the Programs module's page texts. The pages are written in Bahasa Indonesia and each text is its own key;
/// ProgramsText.en.resx gives the English. Views use <c>IStringLocalizer&lt;ProgramsText&gt;</c> (T), C# code <see cref="T"/>.
/// </summary>
public sealed class ProgramsText
{
    internal static readonly PageText T = new(typeof(ProgramsText));
}
