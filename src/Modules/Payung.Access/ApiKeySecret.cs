using System.Security.Cryptography;
using System.Text;

namespace Payung.Access;

/// <summary>The shape of an API key: <c>pyg_</c> + 8-character public prefix + <c>_</c> + 43-character secret.</summary>
public static class ApiKeySecret
{
    private const string Marker = "pyg_";

    public static (string Prefix, string Secret, string FullKey) Generate()
    {
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (prefix, secret, $"{Marker}{prefix}_{secret}");
    }

    public static bool TryParse(string key, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (!key.StartsWith(Marker, StringComparison.Ordinal) || key.Length != Marker.Length + 8 + 1 + 43 || key[Marker.Length + 8] != '_')
        {
            return false;
        }

        prefix = key.Substring(Marker.Length, 8);
        secret = key[(Marker.Length + 9)..];
        return prefix.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
