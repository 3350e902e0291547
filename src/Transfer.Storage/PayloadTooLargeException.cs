namespace Transfer.Storage;

/// <summary>An upload grew past its size limit while streaming; mapped to 413 by the server.</summary>
public sealed class PayloadTooLargeException : Exception
{
    public PayloadTooLargeException(long limit)
        : base($"The upload is larger than {limit:N0} bytes, the limit. Upload a smaller dataset (or ask an admin to raise Transfer:Limits:MaxUploadBytes).") => Limit = limit;

    public PayloadTooLargeException()
        : this(0)
    {
    }

    public PayloadTooLargeException(string message)
        : base(message)
    {
    }

    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public long Limit { get; }
}
