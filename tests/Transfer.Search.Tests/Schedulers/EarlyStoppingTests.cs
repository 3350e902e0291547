using Transfer.Contracts.Search;
using Transfer.Search.Schedulers;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Schedulers;

public sealed class EarlyStoppingTests
{
    private static readonly Dictionary<string, ParameterValue> _config = new() { ["x"] = ParameterValue.Of(0.5) };

    [Fact]
    public void AshaPromotesATrialInTheTopThirdOfItsRungAndStopsTheOthers()
    {
        var asha = new AshaScheduler(1, 27, 3);
        var list = new List<TrialRecord>
        {
            Reported(0, 0.10), Reported(1, 0.20), Reported(2, 0.30), Reported(3, 0.40), Reported(4, 0.50),
        };
        var good = Reported(5, 0.05);
        var bad = Reported(5, 0.35);

        Assert.Equal(SchedulerDecision.Promote, asha.Report(new TrialHistory([.. list, good]), 5, good.Curve[^1]));
        Assert.Equal(SchedulerDecision.Stop, asha.Report(new TrialHistory([.. list, bad]), 5, bad.Curve[^1]));
    }

    [Fact]
    public void AshaKeepsATrialWithinItsStandardErrorOfTheCutOffAndStopsOneFurtherBelow()
    {
        // Losses at rung 1: the cut-off (top third of six) is 0.20; 0.23 is 0.03 above it.
        var asha = new AshaScheduler(1, 27, 3);
        var list = new List<TrialRecord>
        {
            Reported(0, 0.10), Reported(1, 0.20), Reported(2, 0.30), Reported(3, 0.40), Reported(4, 0.50),
        };
        var near = Reported(5, 0.23);
        var history = new TrialHistory([.. list, near]);

        Assert.Equal(SchedulerDecision.Stop, asha.Report(history, 5, new IntermediateReport(1, 0.23)));
        Assert.Equal(SchedulerDecision.Promote, asha.Report(history, 5, new IntermediateReport(1, 0.23, StandardError: 0.04)));
        Assert.Equal(SchedulerDecision.Stop, asha.Report(history, 5, new IntermediateReport(1, 0.23, StandardError: 0.02)));
    }

    [Fact]
    public void AshaTestsAtEveryRungBelowTheMaximumBudget()
    {
        Assert.Equal([1.0, 4.0], new AshaScheduler(1, 6, 4).RungBudgets);
        Assert.Equal([1.0, 3.0, 9.0], new AshaScheduler(1, 27, 3).RungBudgets);
        Assert.Empty(new AshaScheduler(4, 4, 4).RungBudgets);
    }

    [Fact]
    public void AshaLetsATrialContinueBetweenRungs()
    {
        var asha = new AshaScheduler(1, 27, 3);
        var trial = new TrialRecord(0, _config, TrialState.Pending, Reports: [new(1, 0.9), new(2, 0.8)]);
        Assert.Equal(SchedulerDecision.Continue, asha.Report(new TrialHistory([trial]), 0, trial.Curve[^1]));
    }

    [Fact]
    public void MedianStoppingStopsACurveWorseThanTheMedianAndKeepsABetterOne()
    {
        var median = new MedianStoppingScheduler(27, gracePeriod: 2);
        var others = Enumerable.Range(0, 4).Select(n => new TrialRecord(n, _config, TrialState.Complete, 0.2, [new(1, 0.5), new(2, 0.3 + 0.01 * n), new(3, 0.25)])).ToList();
        var worse = new TrialRecord(4, _config, TrialState.Pending, Reports: [new(1, 0.9), new(2, 0.8)]);
        var better = new TrialRecord(4, _config, TrialState.Pending, Reports: [new(1, 0.4), new(2, 0.2)]);

        Assert.Equal(SchedulerDecision.Stop, median.Report(new TrialHistory([.. others, worse]), 4, worse.Curve[^1]));
        Assert.Equal(SchedulerDecision.Continue, median.Report(new TrialHistory([.. others, better]), 4, better.Curve[^1]));
        Assert.Equal(SchedulerDecision.Continue, median.Report(new TrialHistory([.. others, worse]), 4, worse.Curve[0]));
    }

    private static TrialRecord Reported(int number, double valueAtStep1) =>
        new(number, _config, TrialState.Pending, Reports: [new IntermediateReport(1, valueAtStep1)]);
}
