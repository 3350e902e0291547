using System.Net;

namespace Transfer.Client.Problems;

/// <summary>
/// The server answered with an error status. <see cref="Problem"/> carries the parsed RFC 7807 body; tell 401, 403 and 404
/// apart with <see cref="StatusCode"/> (or <see cref="IsUnauthorized"/>, <see cref="IsForbidden"/>, <see cref="IsNotFound"/>).
/// </summary>
public sealed class TransferProblemException : Exception
{
    public TransferProblemException(TransferProblem problem)
        : base(Describe(problem))
    {
        Problem = problem;
    }

    /// <summary>The problem the server reported.</summary>
    public TransferProblem Problem { get; }

    public HttpStatusCode StatusCode => (HttpStatusCode)Problem.Status;

    /// <summary>The stable problem code, for example <c>csv-ragged-row</c>; null when the server sent none.</summary>
    public string? Code => Problem.Code;

    /// <summary>401: the key is missing, unknown or revoked.</summary>
    public bool IsUnauthorized => StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>403: the key is valid but may not do this (a user key on an admin route).</summary>
    public bool IsForbidden => StatusCode == HttpStatusCode.Forbidden;

    /// <summary>404: no such resource in the caller's tenant.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>A 4xx status: the request itself was wrong and retrying it unchanged will not help.</summary>
    public bool IsClientError => Problem.Status is >= 400 and < 500;

    private static string Describe(TransferProblem problem)
    {
        var text = $"{problem.Status} {problem.Title}";
        if (!string.IsNullOrEmpty(problem.Detail))
        {
            text += ": " + problem.Detail;
        }

        return problem.Code is null ? text : $"{text} ({problem.Code})";
    }
}
