using Transfer.Contracts.Curves;

namespace Transfer.Curves;

/// <summary>
/// Judges a learning curve so far: diverging, over-fitting, under-fitting, converged or still improving, with a
/// traffic light, the evidence in numbers, an extrapolation of the judged series to the planned last iteration,
/// and advice. Pure and cheap (tens of microseconds for a few hundred points): meant to run at every report.
/// </summary>
public sealed class CurveJudge(CurveJudgeOptions? options = null)
{
    private readonly CurveJudgeOptions _options = options ?? CurveJudgeOptions.Default;

    public CurveJudgeOptions Options => _options;

    public CurveJudgement Judge(LearningCurve curve)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var f = CurveFeatures.From(curve);
        var evidence = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["points"] = f.Count,
            ["last_iteration"] = f.LastIteration,
            ["progress"] = f.MaxIteration > 0 ? f.LastIteration / f.MaxIteration : 0.0,
        };
        var tooEarly = f.Count < _options.MinPoints;
        var extrapolation = Extrapolate(f);
        var (state, confidence) = Classify(f, evidence, extrapolation);
        if (tooEarly && f.NonFinite == 0)
        {
            confidence = Math.Min(confidence, 0.1 + (0.05 * f.Count));
        }

        var light = Light(state, tooEarly, evidence);
        var advice = AdviceWriter.Write(state, tooEarly, f, evidence, extrapolation);
        return new CurveJudgement(state, light, Math.Round(confidence, 3), tooEarly, evidence, extrapolation, advice);
    }

    private (CurveState State, double Confidence) Classify(
        CurveFeatures f, Dictionary<string, double> evidence, CurveExtrapolation? extrapolation)
    {
        var diverging = CurveRules.Diverging(f, _options, evidence);
        if (f.Train is { } trainForEvidence)
        {
            evidence["train_loss_end"] = trainForEvidence.End;
            evidence["train_loss_min"] = trainForEvidence.Smoothed.Min();
            evidence["reference_loss"] = f.ReferenceLoss;
            evidence["train_loss_ratio"] = trainForEvidence.End / f.ReferenceLoss;
        }

        if (diverging > 0)
        {
            return (CurveState.Diverging, diverging);
        }

        if (f.Count < _options.MinPoints)
        {
            return (CurveState.Improving, 0.2);
        }

        var overFitting = CurveRules.OverFitting(f, _options, evidence);
        if (overFitting > 0)
        {
            return (CurveState.OverFitting, overFitting);
        }

        var (series, sign, start) = Primary(f);
        var (gain, share, z) = CurveRules.LateGain(series, sign, start, _options.LateWindow);
        evidence["late_gain"] = gain;
        evidence["late_gain_share"] = share;
        evidence["late_gain_z"] = z;
        evidence["late_window"] = 100 * _options.LateWindow;
        evidence["noise"] = series.Noise;
        var remaining = 0.0;
        if (extrapolation is not null && f.LastIteration < 0.95 * f.MaxIteration)
        {
            var now = sign * series.End;
            var lowerGain = (sign > 0 ? extrapolation.Lower : -extrapolation.Upper) - now;
            var total = sign > 0 ? series.Smoothed.Max() - start : start - series.Smoothed.Min();
            remaining = lowerGain / Math.Max(total, 1e-9);
            evidence["remaining_gain_share"] = remaining;
        }

        var lateShare = _options.ImprovingLateGainShare;
        var trainAgrees = false;
        if (f.Train is { Count: >= 5 } trainSeries && !ReferenceEquals(trainSeries, series))
        {
            var (_, trainShare, trainZ) = CurveRules.LateGain(trainSeries, -1.0, Math.Max(trainSeries.Smoothed[0], f.ReferenceLoss), _options.LateWindow);
            evidence["train_late_gain_share"] = trainShare;
            evidence["train_late_gain_z"] = trainZ;
            trainAgrees = trainShare >= lateShare && trainZ >= 2.5;
        }

        // A saturated accuracy (two classes, say) can hide a validation loss that is still clearly falling with the train loss.
        var valLossFalling = false;
        if (trainAgrees && f.ValLoss is { Count: >= 5 } valSeries && !ReferenceEquals(valSeries, series))
        {
            var (_, valShare, valZ) = CurveRules.LateGain(valSeries, -1.0, Math.Max(valSeries.Smoothed[0], f.ReferenceLoss), _options.LateWindow);
            evidence["val_loss_late_gain_share"] = valShare;
            evidence["val_loss_late_gain_z"] = valZ;
            valLossFalling = valShare >= lateShare && valZ >= 2.5;
        }

        var significant = z >= 2.5 || (z >= 1.5 && trainAgrees);
        if ((share >= lateShare && significant) || remaining >= lateShare || valLossFalling)
        {
            return (CurveState.Improving, Math.Min(0.95, 0.5 + (0.1 * Math.Max(share, remaining) / lateShare)));
        }

        var plateau = Math.Clamp(1.0 - (Math.Max(share, 0) / lateShare), 0.0, 1.0);
        if (f.Train is { } train)
        {
            var ratio = train.End / f.ReferenceLoss;
            var margin = Math.Abs(ratio - _options.UnderFitLossRatio) / _options.UnderFitLossRatio;
            var confidence = 0.5 + (0.25 * plateau) + (0.2 * Math.Min(1.0, margin));
            return ratio >= _options.UnderFitLossRatio
                ? (CurveState.UnderFitting, confidence)
                : (CurveState.Converged, confidence);
        }

        return (CurveState.Converged, 0.4 + (0.3 * plateau));
    }

    /// <summary>The series the state and the extrapolation are about: the validation metric, else the validation loss, else the train loss.</summary>
    private static (Series Series, double Sign, double Start) Primary(CurveFeatures f)
    {
        if (f.Metric is { Count: >= 4 } metric)
        {
            return (metric, 1.0, Math.Min(metric.Smoothed[0], f.Chance > 0 ? f.Chance : metric.Smoothed[0]));
        }

        if (f.ValLoss is { Count: >= 4 } val)
        {
            return (val, -1.0, Math.Max(val.Smoothed[0], f.ReferenceLoss));
        }

        var train = f.Train!;
        return (train, -1.0, Math.Max(train.Smoothed[0], f.ReferenceLoss));
    }

    private static CurveExtrapolation? Extrapolate(CurveFeatures f)
    {
        if (f.Metric is { Count: >= 3 } metric)
        {
            return CurveExtrapolator.Extrapolate(metric, "val_metric", true, f.MaxIteration, 0.0, 1.0);
        }

        if (f.ValLoss is { Count: >= 3 } val)
        {
            return CurveExtrapolator.Extrapolate(val, "val_loss", false, f.MaxIteration, 0.0, double.MaxValue);
        }

        return f.Train is { Count: >= 3 } train
            ? CurveExtrapolator.Extrapolate(train, "train_loss", false, f.MaxIteration, 0.0, double.MaxValue)
            : null;
    }

    private static TrafficLight Light(CurveState state, bool tooEarly, Dictionary<string, double> evidence)
    {
        if (tooEarly && state != CurveState.Diverging)
        {
            return TrafficLight.Yellow;
        }

        return state switch
        {
            CurveState.Diverging => TrafficLight.Red,
            CurveState.OverFitting => evidence.GetValueOrDefault("val_loss_rise") >= 0.3 ? TrafficLight.Red : TrafficLight.Yellow,
            CurveState.UnderFitting => TrafficLight.Yellow,
            _ => TrafficLight.Green,
        };
    }
}
