namespace Transfer.Client.Tests;

/// <summary>Hands out one byte per read, as a slow network would; optionally fails with an IOException after <c>failAfter</c> bytes.</summary>
internal sealed class TrickleStream(Stream inner, long failAfter = long.MaxValue) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= failAfter)
        {
            throw new IOException("The connection was reset.");
        }

        var n = inner.Read(buffer, offset, Math.Min(1, count));
        _read += n;
        return n;
    }

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
}
