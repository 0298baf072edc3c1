using Payung.Infrastructure.Pages;
using Payung.Shared;

namespace Payung.Access.Pages;

/// <summary>
/// How the Access pages write a role for a person: by its label, in the page's language (scopes are
/// <see cref="ScopeWords"/>). <see cref="RoleCodes.Label"/> stays the Indonesian text in Shared; its English comes
/// from AccessText.en.resx, with the label as the key.
/// </summary>
internal static class AccessDisplay
{
    public static string Role(Role role) => AccessText.T[role.Label()];

    public static string Role(string? code) => RoleCodes.TryParse(code, out var role) ? Role(role) : DisplayFormat.Text(code);
}
