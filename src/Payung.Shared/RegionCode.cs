using System.Diagnostics.CodeAnalysis;

namespace Payung.Shared;

/// <summary>
/// A Kemendagri administrative area code in its canonical dotted form: province <c>PP</c>, regency <c>PP.RR</c>,
/// district (kecamatan) <c>PP.RR.DD</c>, village <c>PP.RR.DD.VVVV</c>. Only the shape is checked here; whether
/// the area exists (codes change when regions split) is answered by <see cref="IRegionCodeLookup"/>.
/// </summary>
public readonly record struct RegionCode : IParsable<RegionCode>
{
    // Digit count of each dotted group, from province down to village.
    private static readonly int[] GroupLengths = [2, 2, 2, 4];

    private readonly string? _value;

    private RegionCode(string dotted) => _value = dotted;

    public string Value =>
        _value ?? throw new InvalidOperationException("default(RegionCode) holds no code; use RegionCode.Parse or TryParse.");

    public RegionLevel Level => Value.Length switch
    {
        2 => RegionLevel.Province,
        5 => RegionLevel.Regency,
        8 => RegionLevel.District,
        _ => RegionLevel.Village,
    };

    public string Digits => Value.Replace(".", string.Empty, StringComparison.Ordinal);

    public RegionCode? Parent => Level == RegionLevel.Province
        ? null
        : new RegionCode(Value[..Value.LastIndexOf('.')]);

    public RegionCode ProvinceCode => Level == RegionLevel.Province ? this : new RegionCode(Value[..2]);

    public RegionCode? RegencyCode => Level switch
    {
        RegionLevel.Province => null,
        RegionLevel.Regency => this,
        _ => new RegionCode(Value[..5]),
    };

    /// <summary>The regency part is a kota (city, 71–99) rather than a kabupaten (01–69). False for a province.</summary>
    public bool IsKota => Level != RegionLevel.Province && (Value[3] - '0') * 10 + (Value[4] - '0') >= 71;

    /// <summary>A village whose code starts with 1 (kelurahan, urban); Permendagri numbers them 1001–1999.</summary>
    public bool IsKelurahan => Level == RegionLevel.Village && Value[9] == '1';

    /// <summary>A village whose code starts with 2 (desa, rural); Permendagri numbers them 2001–2999.</summary>
    public bool IsDesa => Level == RegionLevel.Village && Value[9] == '2';

    /// <summary>True when this code is <paramref name="ancestor"/> itself or lies inside it.</summary>
    public bool IsWithin(RegionCode ancestor) =>
        Value.StartsWith(ancestor.Value, StringComparison.Ordinal)
        && (Value.Length == ancestor.Value.Length || Value[ancestor.Value.Length] == '.');

    public static RegionCode Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var code)
            ? code
            : throw new FormatException($"'{s}' is not a region code (PP, PP.RR, PP.RR.DD or PP.RR.DD.VVVV, dots optional).");
    }

    public static RegionCode Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>
    /// Accepts the dotted form or the same digits without dots (2, 4, 6 or 10 digits) and normalises to dotted.
    /// Surrounding whitespace is not trimmed. A group of all zeros is rejected: Kemendagri numbering starts at 01
    /// (villages at 1001/2001), so 00 only ever means a placeholder or a typo.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out RegionCode code)
    {
        code = default;
        if (string.IsNullOrEmpty(s))
        {
            return false;
        }

        return s.Contains('.') ? TryParseDotted(s, out code) : TryParseUndotted(s, out code);
    }

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RegionCode result) =>
        TryParse(s, out result);

    public override string ToString() => _value ?? string.Empty;

    private static bool TryParseDotted(string s, out RegionCode code)
    {
        code = default;
        var groups = s.Split('.');
        if (groups.Length > GroupLengths.Length)
        {
            return false;
        }

        for (var i = 0; i < groups.Length; i++)
        {
            if (!IsGroup(groups[i], GroupLengths[i]))
            {
                return false;
            }
        }

        code = new RegionCode(s);
        return true;
    }

    private static bool TryParseUndotted(string s, out RegionCode code)
    {
        code = default;
        var groups = new List<string>(GroupLengths.Length);
        var position = 0;
        foreach (var length in GroupLengths)
        {
            if (position == s.Length)
            {
                break;
            }

            if (position + length > s.Length)
            {
                return false;
            }

            var group = s.Substring(position, length);
            if (!IsGroup(group, length))
            {
                return false;
            }

            groups.Add(group);
            position += length;
        }

        if (position != s.Length)
        {
            return false;
        }

        code = new RegionCode(string.Join('.', groups));
        return true;
    }

    private static bool IsGroup(string group, int length)
    {
        if (group.Length != length)
        {
            return false;
        }

        var allZero = true;
        foreach (var c in group)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            allZero &= c == '0';
        }

        return !allZero;
    }
}
