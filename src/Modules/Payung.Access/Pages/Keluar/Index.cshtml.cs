using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Infrastructure;

namespace Payung.Access.Pages.Keluar;

/// <summary>Sign-out is a POST with the antiforgery token, so another site cannot sign a user out.</summary>
public sealed class IndexModel(CallerContext caller, AccessDbContext db) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (caller.Scope.ActorId is { } id)
        {
            var conn = (Npgsql.NpgsqlConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
            await conn.OpenAsync(ct);
            await AuditWriter.WriteAsync(conn, null, caller.Scope,
                [new AuditRecord("sign_out", "user", id.ToString(), caller.Scope.ScopeCode, null, null)], ct);
            await conn.CloseAsync();
        }

        await HttpContext.SignOutAsync(AccessClaims.CookieScheme);
        return Redirect("/masuk");
    }
}
