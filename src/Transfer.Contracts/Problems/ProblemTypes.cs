namespace Transfer.Contracts.Problems;

/// <summary>
/// Problem responses (RFC 7807) carry <c>type</c> = <see cref="Prefix"/> + a stable code (for example
/// <c>urn:transfer:problem:csv-ragged-row</c>) and the same code in the <c>code</c> extension member.
/// </summary>
public static class ProblemTypes
{
    public const string Prefix = "urn:transfer:problem:";

    public static string For(string code) => Prefix + code;
}
