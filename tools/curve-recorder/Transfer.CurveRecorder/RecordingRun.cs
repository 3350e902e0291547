using Transfer.Contracts.Curves;
using Transfer.Contracts.Training;

namespace Transfer.CurveRecorder;

/// <summary>
/// One recording: a regime (the state it is meant to produce), a seed dataset, a model (<c>mlp:128,64</c>,
/// <c>mlp:</c> for a linear model, <c>cnn:width,depth,hidden</c>), the solver, and optionally a tiny train subset
/// (examples kept per class) or a cut (the share of the planned epochs after which the curve is cut).
/// </summary>
internal sealed record RecordingRun(
    CurveState Regime,
    string Dataset,
    string Model,
    OptimizerKind Optimizer,
    double Lr,
    int Epochs,
    int Seed,
    double Momentum = 0.9,
    double WeightDecay = 5e-4,
    int Batch = 32,
    int? PerClass = null,
    double? Cut = null)
{
    public string Id => $"trainer-{RegimeName(Regime)}-{Dataset}-{Model.Replace(':', '-').Replace(',', '-').TrimEnd('-')}-s{Seed}";

    public static string RegimeName(CurveState state) => state switch
    {
        CurveState.UnderFitting => "under_fitting",
        CurveState.OverFitting => "over_fitting",
        _ => state.ToString().ToLowerInvariant(),
    };
}
