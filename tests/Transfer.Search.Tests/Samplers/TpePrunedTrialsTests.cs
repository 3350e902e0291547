using Transfer.Contracts.Search;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Samplers;

/// <summary>
/// Trials a scheduler pruned are part of TPE's model (ranked behind every complete trial by their last value), as in
/// Optuna: a search whose trials are mostly cut early still learns where the cut ones were.
/// </summary>
public sealed class TpePrunedTrialsTests
{
    private static readonly SearchSpace Space = SearchSpace.Create(new SearchSpaceDefinition([new ParameterDefinition("x", ParameterKind.Float, 0, 1)]));

    [Fact]
    public void PrunedTrialsAloneMakeTheModelAndItProposesNearTheBestOfThem()
    {
        // Ten trials, all pruned, at x = 0.05 .. 0.95; only the one at 0.75 was doing well when it was cut. Without them
        // in the model TPE would still be in its start-up phase and propose uniformly (about 30 % land in [0.6, 0.9]).
        var records = Enumerable.Range(0, 10)
            .Select(i => 0.05 + (0.1 * i))
            .Select((x, i) => new TrialRecord(i, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(x) }, TrialState.Pruned, Math.Abs(x - 0.75) < 1e-9 ? 0.9 : 0.1, [new IntermediateReport(1, Math.Abs(x - 0.75) < 1e-9 ? 0.9 : 0.1)]))
            .ToList();
        var history = new TrialHistory(records, StudyDirection.Maximize);

        var proposals = Enumerable.Range(0, 40).Select(seed => new TpeSampler(Space, seed).Ask(history)["x"].Number!.Value).ToArray();

        var near = proposals.Count(x => x is >= 0.6 and <= 0.9);
        Assert.True(near >= 28, $"{near} of 40 proposals in [0.6, 0.9]: {string.Join(", ", proposals.Select(x => x.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void APrunedTrialRanksBehindEveryCompleteOne()
    {
        // Eleven finished trials: the one complete trial (x = 0.25, 0.5) is the good group of one (ceil(0.1 x 11) = 2 with the
        // best pruned one, at 0.75, second); proposals centre on the complete trial more than on the pruned one.
        var records = new List<TrialRecord> { new(0, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.25) }, TrialState.Complete, 0.5) };
        records.AddRange(Enumerable.Range(1, 10).Select(i => new TrialRecord(
            i, new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(i == 1 ? 0.75 : 0.9 + (0.01 * i)) }, TrialState.Pruned, i == 1 ? 0.95 : 0.05)));
        var history = new TrialHistory(records, StudyDirection.Maximize);

        var proposals = Enumerable.Range(0, 40).Select(seed => new TpeSampler(Space, seed).Ask(history)["x"].Number!.Value).ToArray();

        Assert.True(proposals.Count(x => Math.Abs(x - 0.25) < 0.15) > proposals.Count(x => Math.Abs(x - 0.75) < 0.15), string.Join(", ", proposals));
    }
}
