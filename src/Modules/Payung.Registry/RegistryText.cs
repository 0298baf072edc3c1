namespace Payung.Registry;

/// <summary>
/// Marker for the Registry module's page texts: RegistryText.resx is Bahasa Indonesia (the default),
/// RegistryText.en.resx English. NIK rule messages come from <see cref="Payung.Shared.NikRules"/> in Indonesian;
/// the English file adds a gloss per rule code (<c>Rule.{code}</c>) that the Indonesian file leaves out.
/// </summary>
public sealed class RegistryText
{
    internal static readonly Payung.Infrastructure.Pages.PageText T = new(typeof(RegistryText));
}
