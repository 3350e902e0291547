namespace Transfer.Client.Problems;

/// <summary>An RFC 7807 problem as the server sent it (or as the client reconstructed it from a bare error status).</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Type">The problem type, <c>urn:transfer:problem:&lt;code&gt;</c> for Transfer's own problems.</param>
/// <param name="Code">The stable problem code (for example <c>csv-ragged-row</c>), or null when the server sent none.</param>
/// <param name="Title">A short summary of the problem type.</param>
/// <param name="Detail">What went wrong with this request.</param>
/// <param name="Errors">Validation errors by field, when the server sent them.</param>
public sealed record TransferProblem(
    int Status,
    string Type,
    string? Code,
    string Title,
    string? Detail,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null);
