namespace Transfer.Contracts.Curves;

/// <summary>
/// The predicted value of the judged series (<paramref name="Series"/>: val_metric, val_loss or train_loss) at
/// <paramref name="AtIteration"/>, with a band that the final value should fall into. <paramref name="Family"/>
/// names the best-fitting curve family (power_law, exponential, log); <paramref name="Weights"/> gives every
/// family's weight in the prediction. <paramref name="PlateauIteration"/> is where the curve is predicted to come
/// within a small tolerance of <paramref name="PlateauValue"/> (absent when the best family has no asymptote).
/// </summary>
public sealed record CurveExtrapolation(
    string Series,
    bool HigherIsBetter,
    int AtIteration,
    double Predicted,
    double Lower,
    double Upper,
    string Family,
    IReadOnlyDictionary<string, double> Weights,
    double? PlateauValue,
    int? PlateauIteration);
