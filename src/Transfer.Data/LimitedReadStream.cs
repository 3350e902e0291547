namespace Transfer.Data;

/// <summary>Reads through to an inner stream and fails with a dataset error once more than a limit has come out of it.</summary>
internal sealed class LimitedReadStream(Stream inner, long limit, string what) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(Wrap(() => inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer)
    {
        var rented = new byte[buffer.Length];
        var n = Read(rented, 0, rented.Length);
        rented.AsSpan(0, n).CopyTo(buffer);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
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
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Wrap(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException ex)
        {
            throw Corrupt(ex);
        }
    }

    private DatasetFormatException Corrupt(InvalidDataException ex) =>
        new("corrupt-compression", $"{what} is not valid compressed data: {ex.Message}", ex);

    private int Count(int n)
    {
        _read += n;
        if (_read > limit)
        {
            throw new DatasetFormatException(
                "expansion-limit",
                $"{what} expands to more than {limit:N0} bytes, the limit for one file. Upload a smaller dataset or split it.");
        }

        return n;
    }
}
