namespace Payung.Web;

/// <summary>Marker for the shell's texts: Text.resx is Bahasa Indonesia (the default), Text.en.resx English.</summary>
public sealed class Text;
