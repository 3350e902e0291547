using Microsoft.AspNetCore.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Transfer.Data;
using Transfer.Storage;

namespace Transfer.Server.Problems;

/// <summary>The one exception-to-status mapping of the API: every error leaves as an RFC 7807 problem.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception, httpContext.Request.Path);
        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception, string? instance) => exception switch
    {
        ApiProblemException p => ProblemFactory.Create(p.Status, p.Code, p.Title, p.Message, instance),
        DatasetFormatException d => ProblemFactory.Create(StatusCodes.Status400BadRequest, d.Code, "The dataset is not valid", d.Message, instance),
        PayloadTooLargeException t => ProblemFactory.Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The upload is too large", t.Message, instance),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ProblemFactory.Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The upload is too large", "The request body is larger than the server accepts.", instance),
        BadHttpRequestException { InnerException: JsonException j } => ProblemFactory.Create(StatusCodes.Status400BadRequest, "bad-json", "The request body is not valid JSON for this request", JsonDetail(j), instance),
        BadHttpRequestException b => ProblemFactory.Create(b.StatusCode, "bad-request", "The request is not valid", b.Message, instance),
        OperationCanceledException => ProblemFactory.Create(499, "cancelled", "The request was cancelled", "The client went away or the server is shutting down.", instance),
        _ => ProblemFactory.Create(StatusCodes.Status500InternalServerError, "internal", "Internal error", "The server failed to handle the request; nothing was committed. Try again, and report it if it persists.", instance),
    };

    /// <summary>Where the body went wrong: the JSON path and position, then the parser's reason.</summary>
    private static string JsonDetail(JsonException j)
    {
        var reason = j.Message.Split(" Path: ")[0];
        if (UnknownProperty().Match(reason) is { Success: true } unknown)
        {
            // A misspelt or unknown property is refused rather than ignored: ignoring it would run with a default instead.
            reason = $"'{unknown.Groups["name"].Value}' is not a property of {unknown.Groups["type"].Value}; check its spelling against the API description at /openapi/v1.json.";
        }

        return j.Path is { Length: > 0 } path && path != "$"
            ? $"At '{path}' (line {j.LineNumber + 1}, byte {j.BytePositionInLine + 1}): {reason}"
            : $"At line {j.LineNumber + 1}, byte {j.BytePositionInLine + 1}: {reason}";
    }

    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped to any \.NET member contained in type '(?:[\w.]+\.)?(?<type>\w+)'")]
    private static partial Regex UnknownProperty();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
