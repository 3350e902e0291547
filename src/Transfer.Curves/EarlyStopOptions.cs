namespace Transfer.Curves;

/// <summary>When the early-stopping policy may stop a trial.</summary>
public sealed record EarlyStopOptions
{
    /// <summary>Stop a diverging trial once the judge is at least this sure.</summary>
    public double DivergenceConfidence { get; init; } = 0.6;

    /// <summary>A trial is stopped for a poor forecast only when its band's optimistic end is this far below the best (in the judged series' units).</summary>
    public double Margin { get; init; } = 0.005;

    /// <summary>No forecast-based stop before this share of the planned iterations has run.</summary>
    public double MinProgress { get; init; } = 0.1;

    /// <summary>No forecast-based stop with fewer reports than this.</summary>
    public int MinPoints { get; init; } = 6;

    public static EarlyStopOptions Default { get; } = new();
}
