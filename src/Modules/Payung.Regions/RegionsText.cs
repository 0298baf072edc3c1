namespace Payung.Regions;

/// <summary>
/// Marker for the Regions module's page texts: RegionsText.resx is Bahasa Indonesia (the default),
/// RegionsText.en.resx English. Level names stay Indonesian in English, with a gloss, because they are
/// the administrative terms operators meet on every form.
/// </summary>
public sealed class RegionsText;
