namespace Transfer.Cli;

/// <summary>What <c>transfer</c> exits with.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Anything else: the server failed (5xx), the network did, or a download did not match its checksum.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: unparsable arguments, missing files or key, or a 4xx problem from the server.</summary>
    public const int BadInput = 2;
}
