namespace Transfer.Training;

/// <summary>Derives independent, reproducible seeds from a run seed and counters (SplitMix64 mixing).</summary>
public static class Seeds
{
    /// <summary>A seed for stream <paramref name="stream"/> at position <paramref name="index"/> of run <paramref name="seed"/>.</summary>
    public static int Derive(int seed, long index, int stream = 0)
    {
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index * 0xBF58476D1CE4E5B9UL + (ulong)stream * 0x94D049BB133111EBUL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return unchecked((int)(z & 0x7FFFFFFF));
    }
}
