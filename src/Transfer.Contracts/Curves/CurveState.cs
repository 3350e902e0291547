namespace Transfer.Contracts.Curves;

/// <summary>What the judge thinks a learning curve is doing.</summary>
public enum CurveState
{
    Improving,
    Converged,
    UnderFitting,
    OverFitting,
    Diverging,
}
