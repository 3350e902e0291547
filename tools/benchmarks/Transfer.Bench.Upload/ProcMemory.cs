using System.Globalization;

namespace Transfer.Bench.Upload;

/// <summary>Resident memory of another process from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
public static class ProcMemory
{
    /// <summary>VmRSS in bytes.</summary>
    public static long Rss(int pid) => Field(pid, "VmRSS:");

    /// <summary>VmHWM (peak resident set since start or since <see cref="ResetPeak"/>) in bytes.</summary>
    public static long Peak(int pid) => Field(pid, "VmHWM:");

    /// <summary>Resets VmHWM to the current RSS (<c>echo 5 &gt; /proc/&lt;pid&gt;/clear_refs</c>).</summary>
    public static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long Field(int pid, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var kb = line[name.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"/proc/{pid}/status has no {name} line.");
    }
}
