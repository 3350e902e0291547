using System.Runtime.InteropServices;

namespace Transfer.Bench.Search;

/// <summary>
/// CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so ask latency measures the sampler's own
/// work even when the shared 2-core machine is busy with other builds; wall time is reported beside it.
/// </summary>
internal static partial class ThreadClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static double Milliseconds => TryRead(out var ms) ? ms : double.NaN;

    private static bool TryRead(out double milliseconds)
    {
        try
        {
            var ok = ClockGetTime(ThreadCpuTimeId, out var ts) == 0;
            milliseconds = ts.Seconds * 1e3 + ts.Nanoseconds / 1e6;
            return ok;
        }
        catch (DllNotFoundException)
        {
            milliseconds = double.NaN;
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
