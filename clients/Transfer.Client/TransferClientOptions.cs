namespace Transfer.Client;

/// <summary>Where the Transfer server is, the key to call it with, and how patient and persistent the client is.</summary>
public sealed class TransferClientOptions
{
    /// <summary>The server's base address, for example <c>http://127.0.0.1:5080</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key sent as the <c>X-Api-Key</c> header on every request.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one attempt of an ordinary call may take until its response headers arrive.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long one upload may take, body included (uploads are sent once and never retried).</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often a failed idempotent call (GET, DELETE) is retried on 408, 429, 5xx or a network error; 0 turns retries off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay; later ones back off exponentially, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Throws when a setting cannot work, naming it.</summary>
    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"{nameof(Endpoint)} must be an absolute URI (for example http://127.0.0.1:5080).", nameof(Endpoint));
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException($"{nameof(ApiKey)} is required.", nameof(ApiKey));
        }

        if (RequestTimeout <= TimeSpan.Zero || UploadTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Timeouts must be positive.");
        }

        if (MaxRetries < 0 || RetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(MaxRetries)} and {nameof(RetryDelay)} must not be negative.");
        }
    }
}
