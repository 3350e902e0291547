namespace Transfer.Client.Tests;

/// <summary>One in-process run of <c>transfer</c>: exit code, stdout, stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error);
