using System.Text.RegularExpressions;

namespace Payung.Access.ManageUsers;

/// <summary>
/// The shape of what people type about a user. Each reader normalises the value and, when it is
/// unusable, records an Indonesian message under the request's field name.
/// </summary>
internal static partial class UserRules
{
    public const int MinPasswordLength = 10;

    // Long enough for any passphrase, short enough that hashing it costs nothing unusual.
    public const int MaxPasswordLength = 200;

    public const int MaxDisplayNameLength = 100;

    /// <summary>Same pattern as the check constraint app_user_username_shape.</summary>
    [GeneratedRegex("^[a-z0-9._-]{3,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();

    /// <summary>Lower-cased like sign-in does, so "Desa.Jondong" and "desa.jondong" are one name.</summary>
    public static string ReadUsername(string? value, IDictionary<string, string[]> errors)
    {
        var username = value?.Trim().ToLowerInvariant() ?? "";
        if (username.Length == 0)
        {
            errors["username"] = ["Nama pengguna wajib diisi."];
        }
        else if (!UsernamePattern().IsMatch(username))
        {
            errors["username"] = ["Nama pengguna 3–40 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung."];
        }

        return username;
    }

    public static string ReadDisplayName(string? value, IDictionary<string, string[]> errors) =>
        ReadText(value, "displayName", "Nama lengkap", 2, MaxDisplayNameLength, errors);

    /// <summary>
    /// Free text that ends up in a text column: trimmed, bounded, and free of control characters
    /// (PostgreSQL refuses NUL in text, which would otherwise surface as a server error).
    /// </summary>
    public static string ReadText(string? value, string field, string label, int min, int max, IDictionary<string, string[]> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors[field] = [$"{label} wajib diisi."];
        }
        else if (text.Length < min || text.Length > max)
        {
            errors[field] = [$"{label} harus {min}–{max} karakter."];
        }
        else if (text.Any(char.IsControl))
        {
            errors[field] = [$"{label} tidak boleh berisi karakter kendali."];
        }

        return text;
    }

    public static void CheckPassword(string? password, string username, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors["password"] = ["Kata sandi wajib diisi."];
        }
        else if (password.Length < MinPasswordLength)
        {
            errors["password"] = [$"Kata sandi minimal {MinPasswordLength} karakter."];
        }
        else if (password.Length > MaxPasswordLength)
        {
            errors["password"] = [$"Kata sandi maksimal {MaxPasswordLength} karakter."];
        }
        else if (string.Equals(password.Trim(), username, StringComparison.OrdinalIgnoreCase))
        {
            errors["password"] = ["Kata sandi tidak boleh sama dengan nama pengguna."];
        }
    }
}
