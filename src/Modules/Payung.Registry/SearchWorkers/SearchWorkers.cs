using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Payung.Infrastructure;
using Payung.Registry.GetWorker;
using Payung.Registry.RegisterWorker;
using Payung.Shared;

namespace Payung.Registry.SearchWorkers;

/// <summary>
/// Workers in the caller's scope by exact NIK, fuzzy name, region and occupation, paged. The scope filter of
/// <see cref="RegistryDbContext"/> hides everybody outside the caller's region from the items and the total alike.
/// Merged records are history: they appear only to an exact NIK search.
/// </summary>
public sealed partial class SearchWorkers(RegistryDbContext db, CallerContext caller)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxTermLength = 100;

    // Keeps (page - 1) * pageSize far from int overflow; nobody pages this deep by hand.
    private const int MaxPage = 100_000;

    [GeneratedRegex("^[a-z_]{3,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex OccupationPattern();

    public async Task<Outcome<Paged<WorkerSummary>>> ExecuteAsync(SearchWorkersRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<RuleMessage>>();
        string? nik = null;
        if (!string.IsNullOrWhiteSpace(request.Nik))
        {
            if (Nik.TryParse(request.Nik.Trim(), out var parsed))
            {
                nik = parsed.Value;
            }
            else
            {
                Invalid(errors, "nik", "NIK pencarian harus tepat 16 digit angka.");
            }
        }

        var term = string.IsNullOrWhiteSpace(request.Q) ? null : request.Q.Trim();
        if (term is { Length: > MaxTermLength })
        {
            Invalid(errors, "q", $"Kata pencarian maksimal {MaxTermLength} karakter.");
        }
        else if (term is not null && term.Any(char.IsControl))
        {
            Invalid(errors, "q", "Kata pencarian tidak boleh berisi karakter kendali.");
        }

        string? region = null;
        if (!string.IsNullOrWhiteSpace(request.Village))
        {
            if (RegionCode.TryParse(request.Village.Trim(), out var code))
            {
                region = code.Value;
            }
            else
            {
                Invalid(errors, "village", "Kode wilayah tidak valid (contoh: 18.01.06.2001 atau 18.01.06).");
            }
        }

        var occupation = string.IsNullOrWhiteSpace(request.Occupation) ? null : request.Occupation.Trim();
        if (occupation is not null && !OccupationPattern().IsMatch(occupation))
        {
            Invalid(errors, "occupation", "Kode pekerjaan tidak valid (contoh: petani).");
        }

        if (request.Page is < 1 or > MaxPage)
        {
            Invalid(errors, "page", $"Nomor halaman harus antara 1 dan {MaxPage}.");
        }

        if (request.PageSize is < 1 or > MaxPageSize)
        {
            Invalid(errors, "pageSize", $"Ukuran halaman harus antara 1 dan {MaxPageSize}.");
        }

        string? nameKey = null;
        if (term is not null && !errors.ContainsKey("q"))
        {
            // The database's own normalisation, so the term and the stored name_key can never disagree.
            nameKey = await db.Database.SqlQuery<string>($"select registry.normalize_name({term}) as \"Value\"").SingleAsync(ct);
            if (nameKey.Length == 0)
            {
                Invalid(errors, "q", "Kata pencarian harus memuat huruf atau angka selain gelar.");
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors);
        }

        var query = db.Workers.AsNoTracking();
        query = nik is not null ? query.Where(w => w.Nik == nik) : query.Where(w => w.MergedInto == null);
        if (region is not null)
        {
            var below = region + ".";
            query = query.Where(w => w.VillageCode == region || w.VillageCode.StartsWith(below));
        }

        if (occupation is not null)
        {
            query = query.Where(w => w.OccupationCode == occupation);
        }

        if (nameKey is not null)
        {
            // Both predicates are served by the trigram index on name_key: similarity (pg_trgm's %, threshold 0.3)
            // for misspellings, LIKE for a short part of a long name. A name key holds only a-z, 0-9 and spaces,
            // so it needs no LIKE escaping.
            var contains = "%" + nameKey + "%";
            query = query.Where(w => EF.Functions.TrigramsAreSimilar(w.NameKey, nameKey) || EF.Functions.Like(w.NameKey, contains));
        }

        var total = await query.CountAsync(ct);
        var ordered = nameKey is not null
            ? query.OrderByDescending(w => EF.Functions.TrigramsSimilarity(w.NameKey, nameKey)).ThenBy(w => w.NameKey).ThenBy(w => w.Id)
            : query.OrderBy(w => w.NameKey).ThenBy(w => w.Id);
        var page = request.Page ?? 1;
        var pageSize = request.PageSize ?? DefaultPageSize;
        var rows = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(w => new { w.Id, w.Nik, w.FullName, w.BirthDate, w.Sex, w.VillageCode, w.OccupationCode, w.Status, Warned = w.NikWarnings.Length > 0, w.MergedInto })
            .ToListAsync(ct);
        var scope = caller.Scope;
        var items = rows
            .Select(w => new WorkerSummary(w.Id, PersonalData.For(scope, w.Nik), w.FullName, w.BirthDate, w.Sex, w.VillageCode,
                w.OccupationCode, DescribeWorker.StatusCode(w.Status), w.Warned, w.MergedInto))
            .ToList();
        return new Paged<WorkerSummary>(items, page, pageSize, total);
    }

    private static void Invalid(Dictionary<string, List<RuleMessage>> errors, string field, string message) =>
        WorkerRules.Add(errors, field, new RuleMessage(Refusal.InvalidRequest, message));
}
