using Transfer.Contracts.Jobs;
using Transfer.Contracts.Search;

namespace Transfer.Bench.Curves;

/// <summary>
/// One trial of the real search trained to its end (arm a) and where the study stopped it on replay (arm b):
/// its configuration, every report, the steps and final validation and test accuracy of the full run, and the
/// report index, steps and reason of the study's stop (null when the study let it finish).
/// </summary>
internal sealed record TrialRun(
    int Number,
    IReadOnlyDictionary<string, ParameterValue> Configuration,
    IReadOnlyList<CurveSample> Samples,
    int FullSteps,
    double? FullAccuracy,
    double? FullTestAccuracy,
    bool Diverged,
    int? StoppedAtReport,
    int StudySteps,
    string? StopReason);
