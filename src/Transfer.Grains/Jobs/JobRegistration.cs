using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// What registering a finished job's model came to (StudyGrain.Finish): whether a model was written, the ensemble when it is
/// one, or the error that stopped it (the study tries again).
/// </summary>
/// <param name="Registered">A model was written under the job's id (false when no trial produced one).</param>
/// <param name="Ensemble">The ensemble of trials written, null when the best trial's model was written alone.</param>
/// <param name="Error">Why nothing could be written this time; null on success.</param>
[GenerateSerializer]
[Immutable]
[Alias("transfer.job-registration")]
public sealed record JobRegistration(
    [property: Id(0)] bool Registered,
    [property: Id(1)] JobEnsemble? Ensemble,
    [property: Id(2)] string? Error);
