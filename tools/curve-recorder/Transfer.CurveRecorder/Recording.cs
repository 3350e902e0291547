using Transfer.Contracts.Curves;

namespace Transfer.CurveRecorder;

/// <summary>A recorded run: its points, planned last iteration, reference (untrained) loss ln K and the run's description.</summary>
internal sealed record Recording(
    IReadOnlyList<CurvePoint> Points, int MaxIteration, double ReferenceLoss, IReadOnlyDictionary<string, string> Config);
