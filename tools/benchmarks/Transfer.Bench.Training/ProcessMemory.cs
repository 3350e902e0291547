namespace Transfer.Bench.Training;

/// <summary>Resident set size from /proc/self/status (Linux).</summary>
internal static class ProcessMemory
{
    public static double RssMb() => Field("VmRSS:");

    public static double PeakRssMb() => Field("VmHWM:");

    private static double Field(string name)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(name, StringComparison.Ordinal));
        var kb = long.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }
}
