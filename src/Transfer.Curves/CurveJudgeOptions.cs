namespace Transfer.Curves;

/// <summary>Thresholds of the judge. The defaults were set on the synthetic families and are shared by every caller.</summary>
public sealed record CurveJudgeOptions
{
    /// <summary>Fewer points than this: the judgement is marked too early (yellow, low confidence).</summary>
    public int MinPoints { get; init; } = 5;

    /// <summary>Smoothed end train loss over its minimum above which (together with <see cref="DivergenceRiseShare"/>) the run diverges.</summary>
    public double DivergenceRiseRatio { get; init; } = 1.6;

    /// <summary>The rise from the minimum must also be this share of the reference loss.</summary>
    public double DivergenceRiseShare { get; init; } = 0.15;

    /// <summary>Smoothed end train loss over the reference (untrained) loss above which the run diverges.</summary>
    public double DivergenceOverReference { get; init; } = 1.3;

    /// <summary>
    /// Relative rise of the smoothed validation loss from its minimum that marks over-fitting. Real curves of fully fit
    /// models (tests/…/curves/real) drift 10–16 % above a low minimum without over-fitting; the synthetic ones rise ≥ 30 %.
    /// </summary>
    public double OverFitValLossRise { get; init; } = 0.2;

    /// <summary>Drop of the smoothed validation metric from its peak that marks over-fitting (used without a validation loss).</summary>
    public double OverFitMetricDrop { get; init; } = 0.03;

    /// <summary>End train loss over reference loss above which a plateaued run is under-fitting.</summary>
    public double UnderFitLossRatio { get; init; } = 0.4;

    /// <summary>Share of the total gain made over the last <see cref="LateWindow"/> of iterations above which a run is still improving.</summary>
    public double ImprovingLateGainShare { get; init; } = 0.05;

    /// <summary>The trailing share of the iterations looked at for the late gain.</summary>
    public double LateWindow { get; init; } = 0.3;

    /// <summary>
    /// The most a loss spike may weigh as divergence while the validation metric is at its best and well above chance
    /// (below <see cref="EarlyStopOptions.DivergenceConfidence"/>, so such a trial is not stopped for diverging).
    /// </summary>
    public double SpikeWhileLearningConfidence { get; init; } = 0.45;

    public static CurveJudgeOptions Default { get; } = new();
}
