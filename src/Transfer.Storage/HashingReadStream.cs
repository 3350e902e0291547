using System.Security.Cryptography;

namespace Transfer.Storage;

/// <summary>
/// Reads through to a source, hashing (SHA-256) and counting the bytes, and throws <see cref="PayloadTooLargeException"/>
/// the moment more than <c>limit</c> bytes have come through, so an oversized upload is cut off while it streams.
/// </summary>
public sealed class HashingReadStream(Stream source, long limit) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _count;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _count;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _count;
        set => throw new NotSupportedException();
    }

    /// <summary>The lower-case hex SHA-256 of everything read; call once, after the source is exhausted.</summary>
    public string HashHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count) => Account(buffer.AsSpan(offset, source.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Account(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> read)
    {
        _count += read.Length;
        if (_count > limit)
        {
            throw new PayloadTooLargeException(limit);
        }

        _hash.AppendData(read);
        return read.Length;
    }
}
