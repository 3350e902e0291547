using System.Text;

namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>A CSV of a given size generated while it is read (never whole in memory): <c>a,b,label</c> rows.</summary>
public sealed class GeneratedCsvStream(long length) : Stream
{
    private static readonly byte[] _header = "a,b,label\n"u8.ToArray();
    private long _position;
    private byte[] _pending = _header;
    private int _pendingAt;
    private long _row;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var written = 0;
        while (written < count && _position < length)
        {
            if (_pendingAt == _pending.Length)
            {
                _pending = Encoding.ASCII.GetBytes($"{_row * 0.37:F3},{_row % 97},{(_row % 3 == 0 ? "yes" : "no")}\n");
                _pendingAt = 0;
                _row++;
            }

            var n = (int)Math.Min(Math.Min(count - written, _pending.Length - _pendingAt), length - _position);
            Array.Copy(_pending, _pendingAt, buffer, offset + written, n);
            _pendingAt += n;
            written += n;
            _position += n;
        }

        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
