using System.Diagnostics;

namespace Transfer.Bench.Upload;

/// <summary>Upload progress that notes when the last byte of the body was handed to the connection.</summary>
public sealed class SendClock(Stopwatch clock, long totalBytes) : IProgress<long>
{
    private long _sentTicks = -1;

    /// <summary>Seconds from the start until every byte was sent; the rest of the call is the server's validation and commit.</summary>
    public double? SentSeconds => Interlocked.Read(ref _sentTicks) is >= 0 and var ticks ? (double)ticks / Stopwatch.Frequency : null;

    public void Report(long value)
    {
        if (value >= totalBytes && Interlocked.Read(ref _sentTicks) < 0)
        {
            Interlocked.Exchange(ref _sentTicks, clock.ElapsedTicks);
        }
    }
}
