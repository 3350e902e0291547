namespace Transfer.EndToEnd.Tests.Hosting;

/// <summary>How an in-process run of the CLI ended (<see cref="InProcessCli"/>): its exit code and what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error);
