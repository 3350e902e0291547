namespace Transfer.Bench.Upload;

/// <summary>Samples a process's VmRSS on a timer and keeps the largest value seen (the cross-check of VmHWM).</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;
    private long _max;

    public RssSampler(int pid, TimeSpan interval)
    {
        _pid = pid;
        _max = ProcMemory.Rss(pid);
        _timer = new PeriodicTimer(interval);
        _loop = RunAsync();
    }

    public long MaxBytes => Interlocked.Read(ref _max);

    public int Samples { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _timer.Dispose();
        await _loop;
    }

    private async Task RunAsync()
    {
        while (await _timer.WaitForNextTickAsync())
        {
            var rss = ProcMemory.Rss(_pid);
            Samples++;
            if (rss > Interlocked.Read(ref _max))
            {
                Interlocked.Exchange(ref _max, rss);
            }
        }
    }
}
