using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Transfer.Server.Problems;

namespace Transfer.Server.Paging;

/// <summary>
/// The continuation tokens a list hands out: storage's own marker followed by a check of the marker and the list it
/// belongs to (for example <c>jobs:tenant-1</c>), base64url-encoded. Unwrapping recomputes the check, so a token that was
/// mistyped, cut short or taken from another list gets a <c>bad-continuation-token</c> problem instead of a silently
/// empty page, which is what blob storage answers to a marker it cannot place. The check guards against mistakes, not
/// forgery: a token names nothing the caller cannot list anyway.
/// </summary>
public static class PageToken
{
    private const int CheckBytes = 8;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Wraps storage's marker for <paramref name="list"/>; no marker (the last page) is no token.</summary>
    public static string? Wrap(string list, string? marker)
    {
        if (string.IsNullOrEmpty(marker))
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(marker);
        return Base64Url.EncodeToString([.. bytes, .. Check(list, bytes)]);
    }

    /// <summary>Storage's marker inside a token of <paramref name="list"/>; null for no token (the first page).</summary>
    /// <exception cref="ApiProblemException">The token is not one this list handed out.</exception>
    public static string? Unwrap(string list, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        return TryUnwrap(list, token) ?? throw ApiProblemException.BadRequest(
            "bad-continuation-token",
            "continuationToken is not one this list handed out: pass the continuationToken of the page before, unchanged, or leave it out for the first page.");
    }

    private static string? TryUnwrap(string list, string token)
    {
        if (!Base64Url.IsValid(token))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= CheckBytes)
        {
            return null;
        }

        var marker = bytes.AsSpan(0, bytes.Length - CheckBytes);
        if (!bytes.AsSpan(marker.Length).SequenceEqual(Check(list, marker)))
        {
            return null;
        }

        try
        {
            return StrictUtf8.GetString(marker);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static byte[] Check(string list, ReadOnlySpan<byte> marker) =>
        SHA256.HashData([.. Encoding.UTF8.GetBytes(list), 0, .. marker])[..CheckBytes];
}
