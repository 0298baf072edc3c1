using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Payung.BrowserTests.Crawl;

/// <summary>
/// Every page route the running application serves, read from its endpoints (so a new page is in the list the
/// moment it exists), and which route a visited URL belongs to.
/// </summary>
public sealed partial class PageRoutes
{
    /// <summary>
    /// Routes no person navigates to as a page: the error page (reached only through a failure), sign-out (a POST),
    /// and the region picker's result fragments (fetched by htmx inside other pages).
    /// </summary>
    public static readonly IReadOnlySet<string> NotPages = new HashSet<string>(StringComparer.Ordinal)
    {
        "/error/{status:int?}",
        "/keluar",
        "/wilayah/pilih",
    };

    private readonly IReadOnlyList<(string Template, Regex Pattern)> routes;

    private PageRoutes(IReadOnlyList<(string Template, Regex Pattern)> routes) => this.routes = routes;

    public IEnumerable<string> Templates => routes.Select(r => r.Template);

    public static PageRoutes From(IServiceProvider services)
    {
        var templates = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            // Literal routes first, so /program/baru is not taken for /program/{id}.
            .OrderBy(t => t.Count(c => c == '{'))
            .ThenByDescending(t => t.Length)
            .ToList();
        return new PageRoutes(templates.Select(t => (t, ToRegex(t))).ToList());
    }

    /// <summary>The route template a path belongs to, or null when no page serves it.</summary>
    public string? TemplateOf(string path) =>
        routes.FirstOrDefault(r => r.Pattern.IsMatch(path.Length > 1 ? path.TrimEnd('/') : path)).Template;

    private static Regex ToRegex(string template)
    {
        var pattern = OptionalParameter().Replace(Regex.Escape(template).Replace("\\{", "{"), "(?:/[^/]+)?");
        pattern = Parameter().Replace(pattern, "[^/]+");
        return new Regex("^" + pattern + "$", RegexOptions.CultureInvariant);
    }

    [GeneratedRegex(@"/\{[^}]*\?\}")]
    private static partial Regex OptionalParameter();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
