namespace Transfer.Search.Spaces;

/// <summary>Thrown when a search space definition or a configuration is invalid; <see cref="Problems"/> name the parameters.</summary>
public sealed class SearchSpaceException : Exception
{
    public SearchSpaceException()
        : this([])
    {
    }

    public SearchSpaceException(string message)
        : this([message])
    {
    }

    public SearchSpaceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public SearchSpaceException(IReadOnlyList<string> problems)
        : base(problems.Count == 0 ? "Invalid search space." : "Invalid search space: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
