using Transfer.Contracts.Jobs;

namespace Transfer.Grains.Jobs;

/// <summary>
/// What registering a finished job's model came to (StudyGrain.Finish): the ensemble when the model is one, or the error
/// that stopped it (the study tries again). Whether a model was written at all the study knows itself: one is when its best
/// trial has a model.
/// </summary>
/// <param name="Ensemble">The ensemble of trials written, null when the best trial's model was written alone.</param>
/// <param name="Error">Why nothing could be written this time; null on success.</param>
[GenerateSerializer]
[Immutable]
[Alias("transfer.job-registration")]
public sealed record JobRegistration(
    [property: Id(0)] JobEnsemble? Ensemble,
    [property: Id(1)] string? Error);
