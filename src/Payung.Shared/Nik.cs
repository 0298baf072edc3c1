using System.Diagnostics.CodeAnalysis;

namespace Payung.Shared;

/// <summary>
/// A Nomor Induk Kependudukan of the right shape (16 ASCII digits). Parsing checks only the shape; the region,
/// birth date and serial rules are in <see cref="NikRules.Check"/>.
/// </summary>
public readonly record struct Nik
{
    private readonly string? _value;

    private Nik(string value) => _value = value;

    public string Value =>
        _value ?? throw new InvalidOperationException("default(Nik) holds no number; use Nik.Parse or TryParse.");

    /// <summary>First 4 and last 4 digits kept, e.g. <c>1801********0003</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 4), "********", Value.AsSpan(12, 4));

    public static Nik Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, out var nik) ? nik : throw new FormatException("A NIK is exactly 16 digits.");
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out Nik nik)
    {
        nik = default;
        if (s is not { Length: 16 })
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        nik = new Nik(s);
        return true;
    }

    // Masked on purpose: a NIK is personal data (UU 27/2022) and ToString is what ends up in logs and
    // interpolated strings. Use Value where the full number is really needed.
    public override string ToString() => _value is null ? string.Empty : Masked;
}
