using Payung.Infrastructure.Pages;

namespace Payung.Billing;

/// <summary>
/// Marker for the Billing module's page texts. The pages are written in Bahasa Indonesia and each text is its own key;
/// BillingText.en.resx gives the English. Views use <c>IStringLocalizer&lt;BillingText&gt;</c> (T), C# code <see cref="T"/>.
/// </summary>
public sealed class BillingText
{
    internal static readonly PageText T = new(typeof(BillingText));
}
