namespace Transfer.Data;

/// <summary>
/// An upload that is not a valid dataset. <see cref="Exception.Message"/> is written for the user who sent it: it says
/// what is wrong and where (file, row, column), so they can fix it. The server maps it to a 400 problem response.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    public DatasetFormatException(string code, string message)
        : base(message) => Code = code;

    public DatasetFormatException(string code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    public DatasetFormatException()
        : this("invalid-dataset", "The dataset is not valid.")
    {
    }

    public DatasetFormatException(string message)
        : this("invalid-dataset", message)
    {
    }

    public DatasetFormatException(string message, Exception innerException)
        : this("invalid-dataset", message, innerException)
    {
    }

    /// <summary>A stable, machine-readable reason such as <c>csv-ragged-row</c> or <c>zip-bomb</c>.</summary>
    public string Code { get; }
}
