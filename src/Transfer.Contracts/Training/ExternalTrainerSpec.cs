namespace Transfer.Contracts.Training;

/// <summary>
/// A user training command (the seed's FrameworkMgr), e.g. <c>python3 train.py</c>: how to start it, how to hand it
/// the configuration, how to read its log, and how long it may run.
/// </summary>
public sealed record ExternalTrainerSpec(
    string Command,
    IReadOnlyList<string> Arguments,
    ConfigPassing ConfigPassing = ConfigPassing.JsonFile,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    LogPatterns? Patterns = null,
    double TimeoutSeconds = 3600,
    int LogTailLines = 40);
