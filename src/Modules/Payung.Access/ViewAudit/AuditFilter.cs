using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Payung.Shared;

namespace Payung.Access.ViewAudit;

/// <summary>
/// A checked audit filter: who (part of the actor's name), which entity and action, where (a region and
/// everything inside it), when (whole days in WIB, both ends included), and which page.
/// </summary>
public sealed partial record AuditFilter(
    string? Actor,
    string? Entity,
    string? Action,
    RegionCode? Region,
    DateOnly? From,
    DateOnly? To,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int MaxPage = 1_000_000;
    public const int MaxActorLength = 100;

    /// <summary>The actions the audit table accepts (its check constraint), in the order pages list them.</summary>
    public static readonly IReadOnlyList<string> Actions =
        ["create", "update", "delete", "view", "export", "sign_in", "sign_in_failed", "sign_out"];

    // WIB is UTC+7 all year and has been since 1964 (see BusinessCalendar), so a Jakarta calendar day is
    // [00:00+07:00, next 00:00+07:00) without consulting the time-zone database.
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    // Bounds that keep "day + 1 at 00:00 WIB" representable; nothing was audited outside them anyway.
    private static readonly DateOnly EarliestDate = new(1900, 1, 1);
    private static readonly DateOnly LatestDate = new(9998, 12, 31);

    public static AuditFilter None { get; } = new(null, null, null, null, null, null, 1, DefaultPageSize);

    /// <summary>Checks every field and lists what is wrong under the query-string names.</summary>
    public static bool TryParse(AuditFilterRequest raw, [NotNullWhen(true)] out AuditFilter? filter,
        out Dictionary<string, string[]> errors)
    {
        errors = [];
        filter = null;

        var actor = Blank(raw.Actor)?.Trim();
        if (actor is { Length: > MaxActorLength })
        {
            errors["actor"] = [$"Nama pelaku paling panjang {MaxActorLength} karakter."];
        }

        var entity = Blank(raw.Entity)?.Trim();
        if (entity is not null && !EntityShape().IsMatch(entity))
        {
            errors["entity"] = ["Entitas hanya berisi huruf kecil, angka dan garis bawah (contoh: user), paling panjang 50 karakter."];
        }

        var action = Blank(raw.Action)?.Trim();
        if (action is not null && !Actions.Contains(action))
        {
            errors["action"] = [$"Tindakan tidak dikenal. Pilihan: {string.Join(", ", Actions)}."];
        }

        RegionCode? region = null;
        if (Blank(raw.Region) is { } regionText)
        {
            if (RegionCode.TryParse(regionText.Trim(), out var parsed))
            {
                region = parsed;
            }
            else
            {
                errors["region"] = ["Kode wilayah harus berbentuk PP, PP.RR, PP.RR.DD atau PP.RR.DD.VVVV (contoh: 18.01)."];
            }
        }

        var from = ParseDate(raw.From, "from", errors);
        var to = ParseDate(raw.To, "to", errors);
        if (from is { } f && to is { } t && f > t)
        {
            errors["to"] = ["Tanggal akhir tidak boleh sebelum tanggal awal."];
        }

        var page = ParseInt(raw.Page, "page", 1, 1, MaxPage, "Halaman", errors);
        var pageSize = ParseInt(raw.PageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, "Ukuran halaman", errors);

        if (errors.Count > 0)
        {
            return false;
        }

        filter = new AuditFilter(actor, entity, action, region, from, to, page, pageSize);
        return true;
    }

    /// <summary>The filters (not the paging) as a query string without the leading '?'; empty when none.</summary>
    public string ToQueryString(bool withPaging = false)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(key, value));
            }
        }

        Add("actor", Actor);
        Add("entity", Entity);
        Add("action", Action);
        Add("region", Region?.Value);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (withPaging)
        {
            Add("page", Page.ToString(CultureInfo.InvariantCulture));
            Add("pageSize", PageSize.ToString(CultureInfo.InvariantCulture));
        }

        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>What the filter asked for, as recorded in the audit row of an export.</summary>
    public string Describe() => ToQueryString() is { Length: > 0 } query ? query : "all";

    /// <summary>
    /// Narrows <paramref name="source"/> to the filter. The region scope is not applied here: the
    /// DbContext's query filter has already removed every row outside the caller's scope.
    /// </summary>
    public IQueryable<AuditEntry> ApplyTo(IQueryable<AuditEntry> source)
    {
        var query = source;
        if (Actor is not null)
        {
            var pattern = "%" + EscapeLike(Actor) + "%";
            query = query.Where(e => EF.Functions.ILike(e.ActorName, pattern, @"\"));
        }

        if (Entity is not null)
        {
            var entity = Entity;
            query = query.Where(e => e.Entity == entity);
        }

        if (Action is not null)
        {
            var action = Action;
            query = query.Where(e => e.Action == action);
        }

        if (Region is { } region)
        {
            // Also on the regency column: it is indexed with the time and is the future distribution
            // column, so a regency filter stays a single-shard query.
            if (region.RegencyCode is { } regency)
            {
                var regencyCode = regency.Value;
                query = query.Where(e => e.RegencyCode == regencyCode);
            }

            var code = region.Value;
            var inside = code + ".";
            query = query.Where(e => e.RegionCode == code || e.RegionCode!.StartsWith(inside));
        }

        if (From is { } from)
        {
            var start = StartOfDayUtc(from);
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.OccurredAt < end);
        }

        return query;
    }

    // Npgsql writes timestamptz only from UTC offsets, hence ToUniversalTime.
    private static DateTimeOffset StartOfDayUtc(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Wib).ToUniversalTime();

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateOnly? ParseDate(string? raw, string key, Dictionary<string, string[]> errors)
    {
        if (Blank(raw) is not { } text)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[key] = ["Tanggal harus berformat yyyy-MM-dd (contoh: 2026-04-30)."];
            return null;
        }

        if (date < EarliestDate || date > LatestDate)
        {
            errors[key] = ["Tanggal di luar rentang yang didukung (1900-01-01 sampai 9998-12-31)."];
            return null;
        }

        return date;
    }

    private static int ParseInt(string? raw, string key, int fallback, int min, int max, string label,
        Dictionary<string, string[]> errors)
    {
        if (Blank(raw) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors[key] = [$"{label} harus bilangan bulat dari {min} sampai {max}."];
            return fallback;
        }

        return value;
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityShape();
}
