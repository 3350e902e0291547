namespace Transfer.Grains.Jobs;

/// <summary>How many trials this worker silo trains at once (one per device or configured slot); others wait their turn.</summary>
public sealed class WorkerSlots(int slots) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(Math.Max(1, slots));

    public int Slots { get; } = Math.Max(1, slots);

    public async Task<IDisposable> AcquireAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
