namespace Transfer.Search.Plugins;

/// <summary>How to start a process plugin, and how long one request may take.</summary>
public sealed record ProcessSamplerOptions(string Command, IReadOnlyList<string> Arguments, TimeSpan Timeout, string? WorkingDirectory = null);
