namespace Transfer.Bench.Orchestration;

/// <summary>One measured run: wall-clock rates, and the same per CPU-second of this process (less sensitive to other load on the machine).</summary>
public sealed record Run(
    int Trials,
    int Reports,
    double Seconds,
    double TrialsPerS,
    double ReportsPerS,
    double CpuSeconds,
    double TrialsPerCpuS,
    double ReportsPerCpuS,
    long StudyStateBytes);
