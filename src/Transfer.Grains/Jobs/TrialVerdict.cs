namespace Transfer.Grains.Jobs;

/// <summary>The study's answer to a report: go on, or stop (with the reason recorded on the trial).</summary>
[GenerateSerializer]
[Immutable]
[Alias("transfer.trial-verdict")]
public sealed record TrialVerdict([property: Id(0)] bool Stop, [property: Id(1)] string? Reason = null)
{
    public static TrialVerdict Continue { get; } = new(false);
}
