namespace Transfer.Storage;

/// <summary>A blob written by the store: its name in the container, size, SHA-256 (hex) and ETag.</summary>
public sealed record StoredBlob(string Name, long SizeBytes, string Sha256, string ETag);
