namespace Transfer.Server.Problems;

/// <summary>An error the API reports as a problem response with this status, code and title; the message is the detail.</summary>
public sealed class ApiProblemException : Exception
{
    public ApiProblemException(int status, string code, string title, string detail)
        : base(detail) => (Status, Code, Title) = (status, code, title);

    public ApiProblemException()
        : this(StatusCodes.Status500InternalServerError, "error", "Error", "An error occurred.")
    {
    }

    public ApiProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "bad-request", "Bad request", message)
    {
    }

    public ApiProblemException(string message, Exception innerException)
        : base(message, innerException) => (Status, Code, Title) = (StatusCodes.Status400BadRequest, "bad-request", "Bad request");

    public int Status { get; }

    public string Code { get; }

    public string Title { get; }

    public static ApiProblemException NotFound(string what, string id) =>
        new(StatusCodes.Status404NotFound, "not-found", $"No such {what}", $"There is no {what} '{id}' in your tenant.");

    public static ApiProblemException BadRequest(string code, string detail) =>
        new(StatusCodes.Status400BadRequest, code, "The request is not valid", detail);

    public static ApiProblemException Conflict(string code, string detail) =>
        new(StatusCodes.Status409Conflict, code, "Conflict", detail);
}
