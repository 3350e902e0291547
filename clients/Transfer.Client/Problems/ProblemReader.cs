using System.Net.Http.Headers;
using System.Text.Json;
using Transfer.Contracts.Problems;

namespace Transfer.Client.Problems;

/// <summary>Turns an error response into a <see cref="TransferProblemException"/>; Refit calls it for every response.</summary>
internal static class ProblemReader
{
    private const int MaxBodyChars = 2000;

    /// <summary>Null for a success status; otherwise the typed exception built from the problem body.</summary>
    public static async ValueTask<Exception?> CreateExceptionAsync(HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return new TransferProblemException(Parse((int)response.StatusCode, response.ReasonPhrase, response.Content.Headers.ContentType, body));
    }

    /// <summary>Reads an RFC 7807 body; a body that is not a JSON problem becomes a problem made from the status line.</summary>
    public static TransferProblem Parse(int status, string? reasonPhrase, MediaTypeHeaderValue? contentType, string body)
    {
        var fallbackTitle = string.IsNullOrEmpty(reasonPhrase) ? $"HTTP {status}" : reasonPhrase;
        if (LooksLikeJson(contentType, body) && TryParseJson(body, status, fallbackTitle) is { } problem)
        {
            return problem;
        }

        var detail = string.IsNullOrWhiteSpace(body) ? null : Truncate(body.Trim());
        return new TransferProblem(status, "about:blank", null, fallbackTitle, detail);
    }

    private static bool LooksLikeJson(MediaTypeHeaderValue? contentType, string body)
    {
        var media = contentType?.MediaType;
        return media is not null && media.EndsWith("json", StringComparison.OrdinalIgnoreCase)
            || body.TrimStart().StartsWith('{');
    }

    private static TransferProblem? TryParseJson(string body, int status, string fallbackTitle)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = String(root, "type") ?? "about:blank";
            var code = String(root, "code");
            if (code is null && type.StartsWith(ProblemTypes.Prefix, StringComparison.Ordinal))
            {
                code = type[ProblemTypes.Prefix.Length..];
            }

            var statusInBody = root.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : status;
            return new TransferProblem(statusInBody, type, code, String(root, "title") ?? fallbackTitle, String(root, "detail"), Errors(root));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Dictionary<string, IReadOnlyList<string>>? Errors(JsonElement root)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var field in errors.EnumerateObject())
        {
            result[field.Name] = field.Value.ValueKind switch
            {
                JsonValueKind.Array => [.. field.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText())],
                JsonValueKind.String => [field.Value.GetString() ?? ""],
                _ => [field.Value.GetRawText()],
            };
        }

        return result;
    }

    private static string Truncate(string text) => text.Length <= MaxBodyChars ? text : text[..MaxBodyChars] + "…";
}
