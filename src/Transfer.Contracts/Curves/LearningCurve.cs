namespace Transfer.Contracts.Curves;

/// <summary>
/// The curve of one trial so far, in iteration order, and the iteration the trial is planned to end at.
/// <paramref name="ReferenceLoss"/> is the loss of an untrained model (ln K for K-class cross-entropy);
/// when absent the judge takes the first reported training loss.
/// </summary>
public sealed record LearningCurve(IReadOnlyList<CurvePoint> Points, int MaxIteration, double? ReferenceLoss = null);
