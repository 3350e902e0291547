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

    public EarlyStopDecision Decide(LearningCurve curve, double? bestSoFar)
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
        var target = x.HigherIsBetter ? best - _options.Margin : -best - _options.Margin;
        return optimistic < target
            ? new(true, Text($"forecast {x.Predicted:0.####} [{x.Lower:0.####}, {x.Upper:0.####}] at iteration {x.AtIteration} cannot reach the best {best:0.####}"), judgement)
            : new(false, Text($"continue: forecast {x.Predicted:0.####} [{x.Lower:0.####}, {x.Upper:0.####}] may still reach the best {best:0.####}"), judgement);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
