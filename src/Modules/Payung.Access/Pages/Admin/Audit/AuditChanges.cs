using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Payung.Infrastructure.Pages;
using Payung.Regions.Contracts;
using Payung.Shared;

namespace Payung.Access.Pages.Admin.Audit;

/// <summary>
/// An audit entry's before and after snapshots as a person reads them: one row per field, the field by its name
/// in words where Payung knows it, and values in words where they are codes (a role by its label, a region by its
/// name, yes/no, a moment in WIB). A snapshot that is not a JSON object is shown as indented JSON instead.
/// </summary>
public sealed class AuditChanges
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Razor encodes the output; escaping here as well would show \u003C instead of <.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Fields that hold a region code, as the modules' snapshots name them.</summary>
    private static readonly HashSet<string> RegionFields =
        ["regionCode", "scopeCode", "regencyCode", "districtCode", "villageCode", "provinceCode", "region"];

    /// <summary>Field names in the snapshots, in Indonesian (the English comes from AccessText.en.resx).</summary>
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        ["displayName"] = "Nama lengkap",
        ["username"] = "Nama pengguna",
        ["role"] = "Peran",
        ["regionCode"] = "Wilayah",
        ["scopeCode"] = "Wilayah",
        ["regencyCode"] = "Kabupaten/kota",
        ["districtCode"] = "Kecamatan",
        ["villageCode"] = "Desa/kelurahan",
        ["provinceCode"] = "Provinsi",
        ["branchCode"] = "Kantor cabang BPJS",
        ["isActive"] = "Aktif",
        ["createdAt"] = "Dibuat",
        ["updatedAt"] = "Diubah",
        ["revokedAt"] = "Dicabut",
        ["createdBy"] = "Dibuat oleh",
        ["name"] = "Nama",
        ["fullName"] = "Nama lengkap",
        ["prefix"] = "Awalan",
        ["nik"] = "NIK",
        ["status"] = "Status",
        ["reason"] = "Alasan",
        ["file"] = "Berkas",
        ["month"] = "Bulan iuran",
        ["amount"] = "Jumlah",
        ["version"] = "Versi",
    };

    private readonly IReadOnlyList<Snapshot> snapshots;

    private AuditChanges(IReadOnlyList<Snapshot> snapshots) => this.snapshots = snapshots;

    /// <summary>The rows to show, or null when the snapshots are not objects (see <see cref="Raw"/>).</summary>
    public IReadOnlyList<AuditField>? Fields { get; private init; }

    public bool HasBefore { get; private init; }

    public bool HasAfter { get; private init; }

    /// <summary>Indented JSON of each snapshot, for snapshots that are not objects.</summary>
    public (string? Before, string? After) Raw { get; private init; }

    /// <summary>The region codes the snapshots name, so the page reads all names in one query.</summary>
    public IEnumerable<string> RegionCodes =>
        snapshots.SelectMany(s => s.Properties ?? Snapshot.NoProperties)
            .Where(p => RegionFields.Contains(p.Key) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString()!);

    public static AuditChanges Read(string? before, string? after) =>
        new([Snapshot.Parse(before), Snapshot.Parse(after)]);

    /// <summary>The rows in words, once the region names are known.</summary>
    public AuditChanges InWords(RegionNames regions)
    {
        var (before, after) = (snapshots[0], snapshots[1]);
        if (before.IsOther || after.IsOther)
        {
            return new AuditChanges(snapshots) { Raw = (before.Pretty, after.Pretty), HasBefore = before.Present, HasAfter = after.Present };
        }

        var keys = (before.Properties ?? Snapshot.NoProperties).Keys.Union((after.Properties ?? Snapshot.NoProperties).Keys).Order(StringComparer.Ordinal);
        var fields = keys.Select(key =>
        {
            AuditValue? Value(Snapshot s) =>
                s.Properties is { } p ? (p.TryGetValue(key, out var v) ? Describe(key, v, regions) : new AuditValue(DisplayFormat.Empty, false)) : null;

            var (was, now) = (Value(before), Value(after));
            var changed = before.Properties is { } b && after.Properties is { } a &&
                          (b.TryGetValue(key, out var x) ? x.GetRawText() : null) != (a.TryGetValue(key, out var y) ? y.GetRawText() : null);
            return FieldLabels.TryGetValue(key, out var label)
                ? new AuditField(key, AccessText.T[label], true, was, now, changed)
                : new AuditField(key, key, false, was, now, changed);
        }).ToList();
        return new AuditChanges(snapshots) { Fields = fields, HasBefore = before.Present, HasAfter = after.Present };
    }

    private static AuditValue Describe(string key, JsonElement value, RegionNames regions)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return new AuditValue(DisplayFormat.Empty, false);
            case JsonValueKind.True:
                return new AuditValue(AccessText.T["ya"], false);
            case JsonValueKind.False:
                return new AuditValue(AccessText.T["tidak"], false);
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (key == "role" && RoleCodes.TryParse(text, out var role))
                {
                    return new AuditValue(AccessDisplay.Role(role), false);
                }

                if (RegionFields.Contains(key) && RegionCode.TryParse(text, out _))
                {
                    return new AuditValue(regions.WithCode(text), true);
                }

                // Instants as the snapshots write them (ISO 8601 with a time), shown in WIB like every time.
                if (text.Length >= 19 && text[10] == 'T' &&
                    DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return new AuditValue(DisplayFormat.DateTime(instant), false);
                }

                return new AuditValue(text, true);
            case JsonValueKind.Number:
                return new AuditValue(value.GetRawText(), true);
            default:
                return new AuditValue(JsonSerializer.Serialize(value, Compact), true);
        }
    }

    private sealed record Snapshot(bool Present, IReadOnlyDictionary<string, JsonElement>? Properties, string? Pretty)
    {
        public static readonly IReadOnlyDictionary<string, JsonElement> NoProperties = new Dictionary<string, JsonElement>();

        public bool IsOther => Present && Properties is null;

        public static Snapshot Parse(string? json)
        {
            if (json is null)
            {
                return new Snapshot(false, null, null);
            }

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new Snapshot(true, root.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Last().Value.Clone()), null)
                : new Snapshot(true, null, JsonSerializer.Serialize(root, Indented));
        }
    }
}

/// <summary>One field of an audit entry: its name (in words when <see cref="Known"/>), before and after.</summary>
public sealed record AuditField(string Key, string Label, bool Known, AuditValue? Before, AuditValue? After, bool Changed);

/// <summary>A value as shown: in the page's words, or data (<see cref="IsData"/>: names, typed text) left untranslated.</summary>
public sealed record AuditValue(string Text, bool IsData);
