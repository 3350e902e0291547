using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Schedulers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Schedulers;

public sealed class HyperbandSchedulerTests
{
    [Fact]
    public void BracketsFollowLiEtAlForMaxBudget27AndEta3()
    {
        var hyperband = new HyperbandScheduler(1, 27, 3);
        Assert.Equal([1.0, 3, 9, 27], hyperband.Budgets);
        Assert.Equal([27, 12, 6, 4], Enumerable.Range(0, 4).Select(hyperband.BracketSize));
        Assert.Equal(TrialPlan.New(1, 0), hyperband.Next(TrialHistory.Empty));
    }

    [Fact]
    public void AFinishedRungPromotesOnlyItsBestThirdInOrder()
    {
        var hyperband = new HyperbandScheduler(1, 27, 3);
        var config = new Dictionary<string, ParameterValue> { ["x"] = ParameterValue.Of(0.5) };
        var list = Enumerable.Range(0, 27)
            .Select(n => new TrialRecord(n, config, TrialState.Paused, Value: 100 - n, Reports: [new IntermediateReport(1, 100 - n)], Budget: 1, Bracket: 0))
            .ToList();
        var history = new TrialHistory(list);

        var promoted = new List<int>();
        for (var k = 0; k < 10; k++)
        {
            var plan = hyperband.Next(history);
            if (plan.Kind != PlanKind.Resume)
            {
                Assert.Equal(1, plan.Bracket);
                break;
            }

            Assert.Equal(3, plan.Budget);
            promoted.Add(plan.Trial!.Value);
            list[plan.Trial.Value] = list[plan.Trial.Value] with { State = TrialState.Pending, Budget = 3 };
        }

        Assert.Equal(Enumerable.Range(18, 9).Reverse(), promoted);
    }

    [Fact]
    public void HyperbandWithTpeBeatsPlainTpeAtEqualCompute()
    {
        var space = LearningCurveSimulator.Space;
        double Regret(IScheduler scheduler, int seed)
        {
            var history = StudyRunner.Run(new TpeSampler(SearchSpace.Create(space), seed), scheduler, LearningCurveSimulator.At, 20 * LearningCurveSimulator.MaxBudget);
            var furthest = history.Trials.Where(t => t.Curve.Count > 0).Max(t => t.Curve[^1].Step);
            var best = history.Trials.Where(t => t.Curve.Count > 0 && t.Curve[^1].Step >= furthest).MinBy(t => t.Curve[^1].Value)!;
            return LearningCurveSimulator.Final(best.Configuration) - LearningCurveSimulator.Minimum;
        }

        var hyperband = Enumerable.Range(0, 6).Average(s => Regret(new HyperbandScheduler(1, LearningCurveSimulator.MaxBudget), s));
        var plain = Enumerable.Range(0, 6).Average(s => Regret(new FifoScheduler(LearningCurveSimulator.MaxBudget), s));
        Assert.True(hyperband < 0.6 * plain, $"Hyperband+TPE {hyperband:F4} vs TPE {plain:F4}");
    }
}
