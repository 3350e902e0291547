using System.Globalization;
using Transfer.Contracts.Curves;

namespace Transfer.CurveRecorder;

/// <summary>
/// What a recorded curve shows, by fixed rules on the raw numbers (independent of the judge), first match wins:
/// <list type="number">
/// <item>diverging: a non-finite loss, or the end training loss (mean of the last 3 reports) ≥ 1.2 × ln K, or a peak ≥ 2 × ln K with the end still ≥ 0.9 × ln K;</item>
/// <item>over-fitting: the validation loss (5-report mean) ends ≥ 20 % above its minimum, the minimum lies in the first 80 % of the run, and the training loss at the end is no higher than at that minimum;</item>
/// <item>improving: a cut run whose continuation (the rest of its planned epochs, trained but not written) gains ≥ 2 accuracy points
/// or lowers the validation loss by ≥ 10 %,
/// or any run whose validation accuracy gained ≥ 1.5 points over its last 30 % of reports;</item>
/// <item>under-fitting: the end training loss ≥ 0.5 × ln K;</item>
/// <item>converged: otherwise.</item>
/// </list>
/// A curve whose check disagrees with its regime is written with the check's state (the recorder prints each one).
/// </summary>
internal static class RegimeCheck
{
    public static (CurveState State, string Reason) Classify(IReadOnlyList<CurvePoint> written, IReadOnlyList<CurvePoint>? continuation, double reference)
    {
        var train = written.Select(p => p.TrainLoss).ToArray();
        var val = written.Where(p => p.ValLoss is not null).Select(p => p.ValLoss!.Value).ToArray();
        var metric = written.Where(p => p.ValMetric is not null).Select(p => p.ValMetric!.Value).ToArray();
        if (train.Any(v => !double.IsFinite(v)) || val.Any(v => !double.IsFinite(v)))
        {
            return (CurveState.Diverging, "non-finite loss");
        }

        var trainEnd = End(train);
        if (trainEnd >= 1.2 * reference || (train.Max() >= 2 * reference && trainEnd >= 0.9 * reference))
        {
            return (CurveState.Diverging, Text($"end train loss {trainEnd:0.###}, peak {train.Max():0.###}, ln K {reference:0.###}"));
        }

        if (val.Length >= 10)
        {
            var smooth = Enumerable.Range(0, val.Length).Select(i => Mean(val, Math.Max(0, i - 2), Math.Min(val.Length, i + 3))).ToArray();
            var argMin = Array.IndexOf(smooth, smooth.Min());
            var trainAtMin = Mean(train, Math.Max(0, argMin - 2), Math.Min(train.Length, argMin + 3));
            if (smooth[^1] >= 1.2 * smooth[argMin] && argMin <= 0.8 * val.Length && trainEnd <= trainAtMin)
            {
                return (CurveState.OverFitting, Text($"validation loss {smooth[argMin]:0.###} at report {argMin} rose to {smooth[^1]:0.###}; train loss {trainAtMin:0.###} -> {trainEnd:0.###}"));
            }
        }

        if (continuation is { Count: > 0 } rest && metric.Length >= 3)
        {
            var later = End([.. rest.Where(p => p.ValMetric is not null).Select(p => p.ValMetric!.Value)]);
            var gain = later - End(metric);
            var valLater = End([.. rest.Where(p => p.ValLoss is not null).Select(p => p.ValLoss!.Value)]);
            var valDrop = 1 - (valLater / End(val));
            if (gain >= 0.02 || valDrop >= 0.1)
            {
                return (CurveState.Improving, Text($"the continuation gains {100 * gain:0.#} accuracy points ({End(metric):0.###} -> {later:0.###}) and lowers the validation loss by {100 * valDrop:0.#} %"));
            }
        }
        else if (metric.Length >= 10)
        {
            var at = (int)Math.Round(0.7 * (metric.Length - 1));
            var lateGain = End(metric) - Mean(metric, Math.Max(0, at - 1), Math.Min(metric.Length, at + 2));
            if (lateGain >= 0.015)
            {
                return (CurveState.Improving, Text($"validation accuracy gained {100 * lateGain:0.#} points over the last 30 %"));
            }
        }

        return trainEnd >= 0.5 * reference
            ? (CurveState.UnderFitting, Text($"plateau at train loss {trainEnd:0.###} = {trainEnd / reference:0.##} × ln K"))
            : (CurveState.Converged, Text($"flat at train loss {trainEnd:0.###} = {trainEnd / reference:0.##} × ln K"));
    }

    private static double End(double[] values) => Mean(values, Math.Max(0, values.Length - 3), values.Length);

    private static double Mean(double[] values, int from, int to) => values[from..to].Average();

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
