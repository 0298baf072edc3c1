using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Programs.ManageProgrammes;

/// <summary>
/// The programmes in the caller's scope, newest fiscal year first, then by name, filtered by <see cref="ProgrammeFilter"/>.
/// A region matches programmes of that region, inside it (a kabupaten's village programmes) and around it (the
/// kabupaten's programme for one of its villages), so an office finds every programme that can pay for its people.
/// Status follows time: <c>active</c> is an active programme whose coverage still runs, <c>ended</c> one whose last
/// month has passed (by the Jakarta calendar) but which nobody has closed yet.
/// </summary>
public sealed class ListProgrammes(ProgrammesDbContext db, DescribeProgramme describe, BusinessCalendar calendar)
{
    public const int MaxPageSize = 100;

    public const int MaxQueryLength = 100;

    /// <summary>The status codes a list may be filtered by.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["draft", "active", "ended", "closed"];

    public async Task<Outcome<Paged<ProgrammeResponse>>> ExecuteAsync(ProgrammeFilter filter, int page, int pageSize, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var status = filter.Status?.Trim().ToLowerInvariant();
        if (!string.IsNullOrEmpty(status) && !Statuses.Contains(status))
        {
            errors["status"] = ["Status harus draft, active, ended atau closed."];
        }

        var term = filter.Q?.Trim();
        if (term is { Length: > MaxQueryLength })
        {
            errors["q"] = [$"Kata pencarian paling panjang {MaxQueryLength} karakter."];
        }

        RegionCode? region = null;
        if (!string.IsNullOrWhiteSpace(filter.Region))
        {
            if (RegionCode.TryParse(filter.Region.Trim(), out var code))
            {
                region = code;
            }
            else
            {
                errors["region"] = ["Kode wilayah harus berformat Kemendagri, mis. 18.01 atau 18.01.06.2001."];
            }
        }

        Guid? funderId = null;
        if (!string.IsNullOrWhiteSpace(filter.FunderId))
        {
            if (Guid.TryParse(filter.FunderId.Trim(), out var id))
            {
                funderId = id;
            }
            else
            {
                errors["funderId"] = ["Pemberi dana harus berupa id (UUID)."];
            }
        }

        if (filter.Year is not null and not (>= 2015 and <= 2100))
        {
            errors["year"] = ["Tahun anggaran harus antara 2015 dan 2100."];
        }

        if (page < 1)
        {
            errors["page"] = ["Halaman dimulai dari 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"Ukuran halaman harus antara 1 dan {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var query = db.Programmes.AsNoTracking();
        var thisMonth = calendar.CurrentMonth();
        query = status switch
        {
            "draft" => query.Where(p => p.Status == ProgrammeStatus.Draft),
            "active" => query.Where(p => p.Status == ProgrammeStatus.Active && p.MonthTo >= thisMonth),
            "ended" => query.Where(p => p.Status == ProgrammeStatus.Active && p.MonthTo < thisMonth),
            "closed" => query.Where(p => p.Status == ProgrammeStatus.Closed),
            _ => query,
        };

        if (!string.IsNullOrEmpty(term))
        {
            var pattern = "%" + term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, @"\"));
        }

        if (region is { } r)
        {
            var around = new List<string>();
            for (var c = r.Parent; c is { } ancestor; c = ancestor.Parent)
            {
                around.Add(ancestor.Value);
            }

            var inside = r.Value + ".";
            query = query.Where(p => p.RegionCode == r.Value || p.RegionCode.StartsWith(inside) || around.Contains(p.RegionCode));
        }

        if (funderId is { } funder)
        {
            query = query.Where(p => p.FunderId == funder || p.CofunderId == funder);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(p => p.FiscalYear == year);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(p => p.FiscalYear).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ProgrammeResponse>(await describe.ExecuteAsync(items, ct), page, pageSize, total);
    }
}
