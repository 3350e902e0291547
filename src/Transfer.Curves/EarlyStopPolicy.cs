using System.Globalization;
using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>
/// Decides whether a running trial should stop: a diverging trial stops at once; a trial whose forecast band
/// (optimistic end) stays below the job's best final value minus a margin stops once enough of it has run.
/// <c>bestSoFar</c> is in the units of the judged series (the validation metric when the trial reports one).
/// </summary>
public sealed class EarlyStopPolicy(CurveJudge? judge = null, EarlyStopOptions? options = null)
{
    private readonly CurveJudge _judge = judge ?? new CurveJudge();
    private readonly EarlyStopOptions _options = options ?? EarlyStopOptions.Default;

    /// <param name="curve">The trial's curve so far.</param>
    /// <param name="bestSoFar">The job's best final value, in the judged series' units; null: no forecast-based stop.</param>
    /// <param name="measurementError">
    /// The noise of measuring a final value near the best (a validation accuracy on n examples: sqrt(p(1 - p) / n)): the
    /// forecast band covers the curve's trend, and the final measurement may land above it by this much.
    /// </param>
    public EarlyStopDecision Decide(LearningCurve curve, double? bestSoFar, double measurementError = 0)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var judgement = _judge.Judge(curve);
        if (judgement.State == CurveState.Diverging && judgement.Confidence >= _options.DivergenceConfidence)
        {
            return new(true, Text($"diverging (confidence {judgement.Confidence:0.##})"), judgement);
        }

        var progress = judgement.Evidence.GetValueOrDefault("progress");
        if (bestSoFar is not { } best || judgement.Extrapolation is not { } x
            || progress < _options.MinProgress || curve.Points.Count < _options.MinPoints)
        {
            return new(false, "continue: no forecast-based decision yet", judgement);
        }

        var optimistic = x.HigherIsBetter ? x.Upper : -x.Lower;
        var slack = _options.Margin + Math.Max(0, measurementError);
        var target = x.HigherIsBetter ? best - slack : -best - slack;
        return optimistic < target
            ? new(true, Text($"forecast {x.Predicted:0.####} [{x.Lower:0.####}, {x.Upper:0.####}] at iteration {x.AtIteration} cannot reach the best {best:0.####}"), judgement)
            : new(false, Text($"continue: forecast {x.Predicted:0.####} [{x.Lower:0.####}, {x.Upper:0.####}] may still reach the best {best:0.####}"), judgement);
    }

    /// <summary>
    /// True when the judge sees the curve still improving and its forecast (the band's centre, not its optimistic end)
    /// reaches at least <paramref name="bestSoFar"/>: a reason to keep a trial that a rung test would cut. Never while the
    /// judgement is too early: a trend fitted to the first few reports of a rising curve extrapolates any start to the top,
    /// so it is no evidence against a rung.
    /// </summary>
    public static bool ForecastReaches(CurveJudgement judgement, double? bestSoFar)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        return bestSoFar is { } best
            && !judgement.TooEarly
            && judgement.State == CurveState.Improving
            && judgement.Extrapolation is { Series: "val_metric" } x
            && (x.HigherIsBetter ? x.Predicted >= best : x.Predicted <= best);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
