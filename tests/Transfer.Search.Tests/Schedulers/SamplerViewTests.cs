using Transfer.Contracts.Search;
using Transfer.Search.Schedulers;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Schedulers;

/// <summary>
/// What a multi-fidelity scheduler shows its sampler: trials valued at the highest rung enough of them reached, and the
/// ones pruned below it still there as pruned (so TPE keeps counting them against their region).
/// </summary>
public sealed class SamplerViewTests
{
    [Fact]
    public void OnceTheViewMovesUpARungPrunedTrialsStayVisibleAsPruned()
    {
        var asha = new AshaScheduler(1, 4, reductionFactor: 4);
        var trials = Enumerable.Range(0, 6)
            .Select(i => Trial(i, TrialState.Complete, (1, 0.5 + (0.01 * i)), (4, 0.8 + (0.01 * i))))
            .Append(Trial(6, TrialState.Pruned, (1, 0.3)))
            .Append(Trial(7, TrialState.Failed, (1, 0.2)))
            .Append(Trial(8, TrialState.Pending, (1, 0.6)))
            .ToList();

        var view = asha.SamplerView(new TrialHistory(trials, StudyDirection.Maximize)).Trials;

        Assert.All(view.Take(6), t => Assert.Equal(TrialState.Complete, t.State));
        Assert.Equal(0.85, view[5].Value!.Value, 9); // valued at the top rung (4), not at the first
        Assert.Equal((TrialState.Pruned, 0.3), (view[6].State, view[6].Value!.Value));
        Assert.Equal(TrialState.Paused, view[7].State);
        Assert.Equal(TrialState.Pending, view[8].State);
    }

    private static TrialRecord Trial(int number, TrialState state, params (double Step, double Value)[] reports) => new(
        number,
        new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(number / 10.0) },
        state,
        state is TrialState.Complete or TrialState.Pruned ? reports[^1].Value : null,
        [.. reports.Select(r => new IntermediateReport(r.Step, r.Value))]);
}
