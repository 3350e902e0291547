namespace Transfer.Contracts.Curves;

/// <summary>
/// The judge's answer for one curve: the state, a traffic light, how sure it is (0..1), the evidence in named
/// numbers, the extrapolation (absent with too few points) and advice.
/// </summary>
public sealed record CurveJudgement(
    CurveState State,
    TrafficLight Light,
    double Confidence,
    bool TooEarly,
    IReadOnlyDictionary<string, double> Evidence,
    CurveExtrapolation? Extrapolation,
    IReadOnlyList<CurveAdvice> Advice);
