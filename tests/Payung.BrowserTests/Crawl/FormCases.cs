namespace Payung.BrowserTests.Crawl;

/// <summary>
/// A case for every POST form of every page, by page route and form test id. The crawl fails on a form that has
/// none, so a new form comes with its browser case.
/// </summary>
public static partial class FormCases
{
    /// <summary>Where the forms of the layout (sign-out) are filed: they are on every page.</summary>
    public const string LayoutRoute = "(layout)";

    public static string Key(string route, string testId) => $"{route} #{testId}";

    public static readonly IReadOnlyDictionary<string, FormCase> All = Build();

    private static Dictionary<string, FormCase> Build()
    {
        var cases = new Dictionary<string, FormCase>(StringComparer.Ordinal);
        AddAccess(cases);
        AddRegistry(cases);
        AddPrograms(cases);
        AddBilling(cases);
        return cases;
    }

    static partial void AddAccess(Dictionary<string, FormCase> cases);

    static partial void AddRegistry(Dictionary<string, FormCase> cases);

    static partial void AddPrograms(Dictionary<string, FormCase> cases);

    static partial void AddBilling(Dictionary<string, FormCase> cases);
}
