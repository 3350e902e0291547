namespace Transfer.Training.Solver;

/// <summary>
/// Where training time went: whole steps (batch assembly, copies, managed bookkeeping, loss read-back) against the
/// libtorch part (forward, loss, backward, optimizer step). Validation is excluded.
/// </summary>
public sealed record StepTimings(int Steps, int Examples, double StepSeconds, double TorchSeconds)
{
    /// <summary>The share of step time outside libtorch's forward/backward/step.</summary>
    public double OverheadShare => StepSeconds > 0 ? 1 - (TorchSeconds / StepSeconds) : 0;

    /// <summary>Training throughput.</summary>
    public double ExamplesPerSecond => StepSeconds > 0 ? Examples / StepSeconds : 0;
}
