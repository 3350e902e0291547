namespace Transfer.Cli;

/// <summary>The command line or the local setup is wrong (missing key, unreadable credentials file, bad path): exit code 2.</summary>
public sealed class CliUsageException(string message, Exception? innerException = null) : Exception(message, innerException);
