using System.Text;

namespace Transfer.Bench.Upload;

/// <summary>
/// A large CSV made while it is read (never whole in memory): the header and data rows of a real seed table, the rows
/// repeated in order until the next row would pass <c>maxBytes</c>. Every row is complete, so the CSV is valid.
/// </summary>
public sealed class SeedCsvStream : Stream
{
    private readonly byte[][] _rows;
    private readonly long _length;
    private byte[] _pending;
    private int _pendingAt;
    private int _next;
    private long _position;

    public SeedCsvStream(string seedCsv, long maxBytes)
    {
        var lines = File.ReadAllLines(seedCsv).Where(l => l.Length > 0).ToArray();
        _pending = Encoding.UTF8.GetBytes(lines[0] + "\n");
        _rows = lines.Skip(1).Select(l => Encoding.UTF8.GetBytes(l + "\n")).ToArray();
        long length = _pending.Length, rows = 0;
        for (var i = 0; length + _rows[i].Length <= maxBytes; i = (i + 1) % _rows.Length)
        {
            length += _rows[i].Length;
            rows++;
        }

        _length = length;
        Rows = rows;
        Header = lines[0];
    }

    /// <summary>Data rows (without the header).</summary>
    public long Rows { get; }

    public string Header { get; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < _length)
        {
            if (_pendingAt == _pending.Length)
            {
                _pending = _rows[_next];
                _next = (_next + 1) % _rows.Length;
                _pendingAt = 0;
            }

            var n = Math.Min(buffer.Length - written, _pending.Length - _pendingAt);
            _pending.AsSpan(_pendingAt, n).CopyTo(buffer[written..]);
            _pendingAt += n;
            written += n;
            _position += n;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
