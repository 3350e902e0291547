namespace Transfer.Contracts.Search;

/// <summary>What the values of a warm start's <see cref="PriorObservation"/>s are measured in.</summary>
public enum PriorScale
{
    /// <summary>The study's own objective, as measured on the same or a comparable task (a past run of this study).</summary>
    Objective = 0,

    /// <summary>
    /// Quantiles in [0, 1] of each observation's own task (1 = the best there): scores from other datasets, which do not
    /// compare with this study's. A sampler reads each on the study's scale through the empirical quantile function of
    /// the study's completed trials, just behind the trial it lands on (the study's own evidence first); until the study
    /// has completed trials only their order counts.
    /// </summary>
    Quantile = 1,
}
