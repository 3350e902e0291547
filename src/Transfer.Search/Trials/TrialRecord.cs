using Transfer.Contracts.Search;

namespace Transfer.Search.Trials;

/// <summary>
/// One trial as the study stores it. <see cref="Value"/> is the final score of a complete trial; <see cref="Reports"/> is its
/// learning curve; <see cref="Budget"/> and <see cref="Bracket"/> are set by multi-fidelity schedulers.
/// </summary>
public sealed record TrialRecord(
    int Number,
    IReadOnlyDictionary<string, ParameterValue> Configuration,
    TrialState State,
    double? Value = null,
    IReadOnlyList<IntermediateReport>? Reports = null,
    double? Budget = null,
    int? Bracket = null)
{
    public IReadOnlyList<IntermediateReport> Curve => Reports ?? [];

    /// <summary>The last reported value at or below <paramref name="step"/>, if any.</summary>
    public double? ValueAt(double step)
    {
        double? value = null;
        foreach (var r in Curve)
        {
            if (r.Step <= step)
            {
                value = r.Value;
            }
        }

        return value;
    }
}
