namespace Transfer.Search.Plugins;

/// <summary>
/// How to start a process plugin, how long one request may take, and how long the first (init) answer may take while the
/// interpreter starts (<see cref="StartupTimeout"/>, 30 s when null).
/// </summary>
public sealed record ProcessSamplerOptions(
    string Command,
    IReadOnlyList<string> Arguments,
    TimeSpan Timeout,
    string? WorkingDirectory = null,
    TimeSpan? StartupTimeout = null);
