using Transfer.Contracts.Curves;
using Transfer.Contracts.Training;

namespace Transfer.CurveRecorder;

/// <summary>
/// The recordings, five regimes on several seed datasets and seeds each:
/// well tuned (SGD with momentum, a learning rate that suits the model, long enough to flatten) → converged;
/// learning rate 100–1000× too high → diverging; a one-unit bottleneck or a linear model → under-fitting;
/// a few examples per class with a wide net trained long with Adam and no weight decay → over-fitting;
/// a small learning rate cut part-way through its planned epochs → improving.
/// </summary>
internal static class RecordingPlan
{
    public static IReadOnlyList<RecordingRun> All { get; } =
    [
        new(CurveState.Converged, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.05, 30, 1),
        new(CurveState.Converged, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.05, 30, 2),
        new(CurveState.Converged, "breast-cancer-wisconsin", "mlp:128,64", OptimizerKind.Sgd, 0.02, 30, 1),
        new(CurveState.Converged, "weka-segment-challenge", "mlp:128,64", OptimizerKind.Sgd, 0.05, 40, 1),
        new(CurveState.Converged, "weka-segment-challenge", "mlp:128,64", OptimizerKind.Sgd, 0.05, 40, 2),
        new(CurveState.Converged, "weka-vote", "mlp:128,64", OptimizerKind.Sgd, 0.02, 30, 1),
        new(CurveState.Converged, "iris", "mlp:128,64", OptimizerKind.Sgd, 0.05, 60, 1),
        new(CurveState.Converged, "fmnist-shoes-a", "cnn:16,2,64", OptimizerKind.Sgd, 0.02, 12, 1),
        new(CurveState.Converged, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.05, 30, 3),
        new(CurveState.Converged, "breast-cancer-wisconsin", "mlp:128,64", OptimizerKind.Sgd, 0.02, 30, 2),
        new(CurveState.Converged, "wine", "mlp:128,64", OptimizerKind.Sgd, 0.02, 60, 1),
        new(CurveState.Converged, "fmnist-shoes-bags", "cnn:16,2,64", OptimizerKind.Sgd, 0.02, 10, 1),
        new(CurveState.Converged, "fmnist-sandal-bag", "cnn:16,2,64", OptimizerKind.Sgd, 0.02, 10, 1),

        new(CurveState.Diverging, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 5.0, 10, 1),
        new(CurveState.Diverging, "breast-cancer-wisconsin", "mlp:128,64", OptimizerKind.Sgd, 20.0, 10, 1),
        new(CurveState.Diverging, "weka-segment-challenge", "mlp:128,64", OptimizerKind.Sgd, 5.0, 10, 1),
        new(CurveState.Diverging, "wine", "mlp:128,64", OptimizerKind.Sgd, 20.0, 20, 1),
        new(CurveState.Diverging, "weka-vote", "mlp:128,64", OptimizerKind.Sgd, 10.0, 10, 2),
        new(CurveState.Diverging, "digits-8x8", "mlp:128,64", OptimizerKind.Adam, 1.0, 10, 3),
        new(CurveState.Diverging, "fmnist-shoes-a", "cnn:16,2,64", OptimizerKind.Sgd, 2.0, 6, 1),
        new(CurveState.Diverging, "fmnist-sandal-bag", "cnn:16,2,64", OptimizerKind.Sgd, 5.0, 6, 2),

        new(CurveState.UnderFitting, "digits-8x8", "mlp:1", OptimizerKind.Sgd, 0.05, 30, 1),
        new(CurveState.UnderFitting, "digits-8x8", "mlp:1", OptimizerKind.Sgd, 0.05, 30, 2),
        new(CurveState.UnderFitting, "weka-segment-challenge", "mlp:1", OptimizerKind.Sgd, 0.05, 30, 1),
        new(CurveState.UnderFitting, "weka-glass", "mlp:1", OptimizerKind.Sgd, 0.05, 60, 1),
        new(CurveState.UnderFitting, "weka-credit-g", "mlp:", OptimizerKind.Sgd, 0.02, 30, 1),
        new(CurveState.UnderFitting, "weka-diabetes", "mlp:", OptimizerKind.Sgd, 0.02, 30, 1),
        new(CurveState.UnderFitting, "fmnist-tops-a", "cnn:1,1,1", OptimizerKind.Sgd, 0.02, 10, 1),
        new(CurveState.UnderFitting, "fmnist-clothing6", "cnn:1,1,1", OptimizerKind.Sgd, 0.02, 4, 1, Batch: 64),

        new(CurveState.OverFitting, "digits-8x8", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 1, WeightDecay: 0, PerClass: 5),
        new(CurveState.OverFitting, "digits-8x8", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 2, WeightDecay: 0, PerClass: 5),
        new(CurveState.OverFitting, "weka-segment-challenge", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 1, WeightDecay: 0, PerClass: 6),
        new(CurveState.OverFitting, "breast-cancer-wisconsin", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 1, WeightDecay: 0, PerClass: 10),
        new(CurveState.OverFitting, "weka-glass", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 1, WeightDecay: 0, PerClass: 5),
        new(CurveState.OverFitting, "wine", "mlp:256,256", OptimizerKind.Adam, 0.001, 150, 1, WeightDecay: 0, PerClass: 5),
        new(CurveState.OverFitting, "fmnist-tops-a", "cnn:16,2,128", OptimizerKind.Adam, 0.001, 60, 1, WeightDecay: 0, PerClass: 10),
        new(CurveState.OverFitting, "fmnist-shoes-bags", "cnn:16,2,128", OptimizerKind.Adam, 0.001, 60, 1, WeightDecay: 0, PerClass: 10),

        new(CurveState.Improving, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.001, 40, 1, Cut: 0.4),
        new(CurveState.Improving, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.001, 40, 2, Cut: 0.4),
        new(CurveState.Improving, "weka-segment-challenge", "mlp:128,64", OptimizerKind.Sgd, 0.001, 40, 1, Cut: 0.4),
        new(CurveState.Improving, "breast-cancer-wisconsin", "mlp:128,64", OptimizerKind.Sgd, 0.0005, 40, 1, Cut: 0.4),
        new(CurveState.Improving, "weka-vote", "mlp:128,64", OptimizerKind.Sgd, 0.0005, 40, 1, Cut: 0.4),
        new(CurveState.Improving, "fmnist-shoes-a", "cnn:16,2,64", OptimizerKind.Sgd, 0.001, 12, 1, Cut: 0.5),
        new(CurveState.Improving, "digits-8x8", "mlp:128,64", OptimizerKind.Sgd, 0.001, 40, 3, Cut: 0.4),
        new(CurveState.Improving, "weka-segment-challenge", "mlp:128,64", OptimizerKind.Sgd, 0.001, 40, 2, Cut: 0.4),
        new(CurveState.Improving, "digits-8x8", "mlp:128,64", OptimizerKind.Adam, 0.0001, 40, 4, Cut: 0.4),
        new(CurveState.Improving, "fmnist-sandal-bag", "cnn:16,2,64", OptimizerKind.Sgd, 0.001, 12, 1, Cut: 0.5),
        new(CurveState.Improving, "fmnist-tops-a", "cnn:16,2,64", OptimizerKind.Sgd, 0.001, 12, 1, Cut: 0.5),
    ];
}
