using System.Globalization;
using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>Turns a state and its evidence into advice a person can act on, with concrete actions where one exists.</summary>
internal static class AdviceWriter
{
    public static IReadOnlyList<CurveAdvice> Write(
        CurveState state, bool tooEarly, CurveFeatures f, IReadOnlyDictionary<string, double> e, CurveExtrapolation? x)
    {
        var advice = new List<CurveAdvice>(3);
        if (tooEarly)
        {
            advice.Add(new(AdviceKind.TooEarly, Text($"Only {f.Count} reports so far: too early to judge with confidence; ask again after a few more.")));
        }

        switch (state)
        {
            case CurveState.Diverging:
                var hard = e.GetValueOrDefault("non_finite") > 0 || e.GetValueOrDefault("train_loss_over_reference") >= 2.0;
                advice.Add(new(AdviceKind.StopNow, f.NonFinite > 0
                    ? Text($"Stop now: {f.NonFinite} reports have a non-finite loss (NaN or infinity).")
                    : Text($"Stop now: the training loss rose to {e.GetValueOrDefault("train_loss_rise"):0.##}x its minimum ({e.GetValueOrDefault("train_loss_over_reference"):0.##}x the untrained loss)."), "stop"));
                advice.Add(hard
                    ? new(AdviceKind.LowerLearningRate, "Lower the learning rate 10x (and consider gradient clipping).", "base_lr *= 0.1")
                    : new(AdviceKind.LowerLearningRate, "Lower the learning rate about 3x.", "base_lr *= 0.3"));
                break;
            case CurveState.OverFitting:
                var bestAt = e.TryGetValue("val_loss_min_iteration", out var at) ? Text($" and keep the checkpoint from iteration {at:0}") : string.Empty;
                advice.Add(new(AdviceKind.StopNow, e.TryGetValue("val_loss_rise", out var rise)
                    ? Text($"Stop now{bestAt}: the validation loss has risen {100 * rise:0}% above its minimum while the training loss keeps falling.")
                    : Text($"Stop now: the validation metric has dropped {e.GetValueOrDefault("val_metric_drop"):0.###} from its peak."), "stop"));
                advice.Add(new(AdviceKind.MoreRegularisation, "More regularisation or augmentation: raise weight decay 10x, add dropout or data augmentation, or get more data.", "weight_decay *= 10"));
                break;
            case CurveState.UnderFitting:
                advice.Add(new(AdviceKind.MoreCapacity, Text($"More capacity: the training loss is stuck at {100 * e.GetValueOrDefault("train_loss_ratio"):0}% of the untrained loss; widen or deepen the head, or unfreeze more backbone blocks (and ease regularisation)."), "head_units *= 2"));
                AddPlateau(advice, x, f);
                break;
            case CurveState.Converged:
                AddPlateau(advice, x, f);
                if (f.LastIteration < 0.95 * f.MaxIteration)
                {
                    advice.Add(new(AdviceKind.StopNow, Text($"Stop now to save compute: converged, and {f.MaxIteration - f.LastIteration:0} planned iterations are unlikely to help."), "stop"));
                }

                break;
            default:
                advice.Add(new(AdviceKind.KeepGoing, Text($"Still improving: {e.GetValueOrDefault("late_gain"):+0.####;-0.####} on the judged series over the last {e.GetValueOrDefault("late_window", 30):0}% of iterations.")));
                AddPlateau(advice, x, f);
                if (x is { PlateauIteration: null } || x?.PlateauIteration > f.MaxIteration || f.LastIteration >= 0.95 * f.MaxIteration)
                {
                    advice.Add(new(AdviceKind.TrainLonger, Text($"Train longer: the curve is predicted to keep improving past iteration {f.MaxIteration:0}."), "max_iter *= 2"));
                }

                break;
        }

        return advice;
    }

    private static void AddPlateau(List<CurveAdvice> advice, CurveExtrapolation? x, CurveFeatures f)
    {
        if (x is { PlateauValue: { } value, PlateauIteration: { } iteration })
        {
            var when = iteration <= f.LastIteration ? "already reached" : Text($"by iteration {iteration}");
            advice.Add(new(AdviceKind.Plateau, Text($"Plateaus at about {value:0.###} ({x.Series}) {when}; predicted {x.Predicted:0.###} [{x.Lower:0.###}, {x.Upper:0.###}] at iteration {x.AtIteration}.")));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
