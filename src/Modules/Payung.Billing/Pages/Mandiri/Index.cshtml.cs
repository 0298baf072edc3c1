using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Payung.Access.Contracts;
using Payung.Billing.ReportRetention;

namespace Payung.Billing.Pages.Mandiri;

/// <summary>The retention table ("melanjutkan iuran secara mandiri"): the same <see cref="ReportRetention"/> as <c>GET /api/v1/retention</c>.</summary>
[Authorize(Policy = Permissions.ReadPrograms)]
public sealed class IndexModel(ReportRetention.ReportRetention report) : PageModel
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    [BindProperty(SupportsGet = true, Name = "kabupaten")]
    public string? Regency { get; set; }

    [BindProperty(SupportsGet = true, Name = "program")]
    public Guid? ProgrammeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "tingkat")]
    public string? Level { get; set; }

    public RetentionResponse? Result { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await report.ExecuteAsync(Regency, ProgrammeId, Level, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            Errors = outcome.Refusal.Messages().Select(m => m.Message).ToList();
        }
    }

    public static string LevelLabel(string level) => level switch
    {
        "district" => "Kecamatan",
        "regency" => "Kabupaten/kota",
        _ => "Desa/kelurahan",
    };

    public static string Percent(RetentionFigure figure) =>
        figure.Percent is { } p ? p.ToString("0.0", Indonesian) + "%" : "—";

    public static string Count(int n) => n.ToString("N0", Indonesian);
}
