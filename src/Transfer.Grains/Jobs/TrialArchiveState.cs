namespace Transfer.Grains.Jobs;

/// <summary>
/// One finished trial (its whole curve included), persisted in its own record next to the study's state: written once when
/// the trial finishes, read back when the study activates.
/// </summary>
[GenerateSerializer]
[Alias("transfer.trial-archive-state")]
public sealed class TrialArchiveState
{
    [Id(0)]
    public TrialEntry? Trial { get; set; }
}
