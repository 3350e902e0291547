namespace Transfer.Training;

/// <summary>
/// Process-wide torch settings. <see cref="Threads"/> defaults to 1: on the project's 2-core machines more intra-op
/// threads are slower unless <c>OMP_WAIT_POLICY=PASSIVE</c> is set before the process starts (STACK-NOTES.md §2).
/// <see cref="Device"/> is <c>auto</c> (CUDA when the process sees one), <c>cpu</c> or <c>cuda</c>.
/// </summary>
public sealed record TorchOptions(int Threads = 1, string Device = "auto");
