namespace Payung.Infrastructure.Pages;

/// <summary>
/// What the shared <c>_RegionPicker</c> partial needs: a search box whose results (server-side, through htmx)
/// fill the form field <see cref="Name"/> with region codes, so nobody types a code. Without script the search box
/// does nothing and the chosen regions stay as they were.
/// </summary>
/// <param name="Name">The form field posted, once per chosen region.</param>
/// <param name="Label">The label, in the page's language.</param>
/// <param name="Level"><c>province|regency|district|village</c>, or null for any level.</param>
/// <param name="Chosen">The regions chosen so far, with the words to show for each.</param>
/// <param name="Within">A region code the results must lie in (the caller's own area), or null.</param>
/// <param name="Multiple">Whether several regions may be chosen.</param>
public sealed record RegionPicker(
    string Name,
    string Label,
    string? Level,
    IReadOnlyList<PickedRegion> Chosen,
    string? Within = null,
    bool Multiple = false,
    string? Error = null,
    string? Help = null)
{
    public string Id => "pick-" + new string(Name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}

/// <summary>A region already chosen in a <see cref="RegionPicker"/>: its code and how it reads.</summary>
public sealed record PickedRegion(string Code, string Label);
