using System.Security.Cryptography;
using System.Text;

namespace Transfer.Server.Auth;

/// <summary>
/// API keys look like <c>trk_{keyId}_{secret}</c>: the key id (16 hex) names the key grain, the secret (32 random bytes,
/// base64url) is checked against the SHA-256 the grain stores. High-entropy secrets need no slow hash.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "trk_";

    public static (string KeyId, string Secret, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (keyId, secret, $"{Prefix}{keyId}_{secret}");
    }

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var cut = rest.IndexOf('_');
        if (cut != 16 || rest.Length < cut + 20 || !IsHex(rest[..cut]))
        {
            return false;
        }

        keyId = rest[..cut].ToString();
        secret = rest[(cut + 1)..].ToString();
        return true;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool IsHex(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
