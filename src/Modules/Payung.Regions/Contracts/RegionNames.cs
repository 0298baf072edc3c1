using Payung.Shared;

namespace Payung.Regions.Contracts;

/// <summary>
/// Region names by code, as <see cref="IRegionDirectory.NamesAsync"/> read them: how a page writes a region for a
/// person, with the names of the district and regency it lies in, so that one of the many villages called
/// "Sukamaju" is told apart from the others.
/// </summary>
public sealed class RegionNames(IReadOnlyDictionary<string, string> names)
{
    public static readonly RegionNames None = new(new Dictionary<string, string>());

    /// <summary>The region's own name, or null when the code is unknown.</summary>
    public string? NameOf(string? code) => code is not null && names.TryGetValue(code, out var name) ? name : null;

    /// <summary>
    /// The region and its ancestors up to the regency: <c>Jondong, Kalianda, Kabupaten Lampung Selatan</c>;
    /// a province by its name. An unknown code is shown as it is.
    /// </summary>
    public string Describe(string? code)
    {
        if (!RegionCode.TryParse(code, out var parsed))
        {
            return code ?? "";
        }

        var parts = new List<string>(3);
        for (RegionCode? c = parsed; c is { } current && (current.Level != RegionLevel.Province || parts.Count == 0); c = current.Parent)
        {
            if (NameOf(current.Value) is not { } name)
            {
                return parts.Count == 0 ? parsed.Value : string.Join(", ", parts);
            }

            parts.Add(name);
        }

        return string.Join(", ", parts);
    }

    /// <summary><see cref="Describe"/> followed by the code: <c>Jondong, Kalianda, Kabupaten Lampung Selatan (18.01.06.2001)</c>.</summary>
    public string WithCode(string? code) =>
        string.IsNullOrEmpty(code) ? "" : NameOf(code) is null ? code : $"{Describe(code)} ({code})";
}
