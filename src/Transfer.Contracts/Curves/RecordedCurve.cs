namespace Transfer.Contracts.Curves;

/// <summary>
/// A curve as stored on disk (one JSON file per curve, snake_case names, see tests/Transfer.Curves.Tests/curves/README.md):
/// where it came from, the state a person labelled it with (absent for unlabelled trial curves), and the points.
/// A trainer can write its reports straight into <see cref="Points"/>.
/// </summary>
public sealed record RecordedCurve
{
    public required string Id { get; init; }

    public CurveState? Label { get; init; }

    public required string Source { get; init; }

    public required int MaxIteration { get; init; }

    public double? ReferenceLoss { get; init; }

    public IReadOnlyDictionary<string, string>? Config { get; init; }

    public required IReadOnlyList<CurvePoint> Points { get; init; }

    public LearningCurve ToLearningCurve() => new(Points, MaxIteration, ReferenceLoss);
}
