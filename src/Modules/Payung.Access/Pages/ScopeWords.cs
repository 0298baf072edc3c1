using Microsoft.AspNetCore.Html;
using Payung.Access.ManageUsers;
using Payung.Regions.Contracts;

namespace Payung.Access.Pages;

/// <summary>
/// The names a page needs to write users' and keys' scopes in words: the regions' (one query for the whole page)
/// and the BPJS branches' (a handful of rows, read only when a branch is shown).
/// </summary>
public sealed class ScopeWords(RegionNames regions, IReadOnlyDictionary<string, string> branches)
{
    public static readonly ScopeWords None = new(RegionNames.None, new Dictionary<string, string>());

    public RegionNames Regions => regions;

    public static async Task<ScopeWords> LoadAsync(IRegionDirectory directory, RoleAssignment assignment,
        IReadOnlyCollection<(string? ScopeCode, string? BranchCode)> scopes, CancellationToken ct)
    {
        var names = await directory.NamesAsync(scopes.Select(s => s.ScopeCode), ct);
        var branchNames = scopes.Any(s => s.BranchCode is not null)
            ? (await assignment.BranchesAsync(ct)).ToDictionary(b => b.Code, b => b.Name, StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new ScopeWords(names, branchNames);
    }

    /// <summary>
    /// A scope for a person: the region with its name and code, "national", or the BPJS branch by name. Names are
    /// data and marked <c>translate="no"</c>; the words around them are the page's.
    /// </summary>
    public IHtmlContent Describe(string? scopeCode, string? branchCode)
    {
        var html = new HtmlContentBuilder();
        if (scopeCode is not null)
        {
            return html.AppendHtml("<span translate=\"no\">").Append(regions.WithCode(scopeCode)).AppendHtml("</span>");
        }

        if (branchCode is null)
        {
            return html.Append(AccessText.T["Nasional"]);
        }

        var branch = branches.TryGetValue(branchCode, out var name) ? $"{name} ({branchCode})" : branchCode;
        return html.Append(AccessText.T["Kantor cabang BPJS"]).Append(" ")
            .AppendHtml("<span translate=\"no\">").Append(branch).AppendHtml("</span>");
    }
}
