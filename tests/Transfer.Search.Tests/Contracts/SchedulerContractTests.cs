using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Tpe;
using Transfer.Search.Schedulers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Contracts;

/// <summary>
/// The contract every scheduler keeps: budgets within bounds, deterministic, driven only by the history (a fresh instance
/// answers the same), never resumes a pending trial, keeps trial numbers in the sampler view, runs any sampler.
/// </summary>
public abstract class SchedulerContractTests
{
    protected const double MaxBudget = 27;

    protected abstract IScheduler Create();

    [Fact]
    public void PlansStayWithinTheBudgetAndTrainNothingPastIt()
    {
        var history = Run(new RandomSampler(SearchSpace.Create(LearningCurveSimulator.Space), 1), 12 * MaxBudget);
        Assert.All(history.Trials, t =>
        {
            Assert.InRange(t.Budget!.Value, 1e-9, MaxBudget);
            Assert.True(t.Curve.Count == 0 || t.Curve[^1].Step <= MaxBudget);
        });
        Assert.Contains(history.Trials, t => t.State == TrialState.Complete);
    }

    [Fact]
    public void TheSameInputsGiveTheSameStudy()
    {
        var a = Run(new TpeSampler(SearchSpace.Create(LearningCurveSimulator.Space), 3), 10 * MaxBudget);
        var b = Run(new TpeSampler(SearchSpace.Create(LearningCurveSimulator.Space), 3), 10 * MaxBudget);
        Assert.Equal(a.Trials.Select(Describe), b.Trials.Select(Describe));
    }

    [Fact]
    public void AFreshInstanceAnswersTheSameFromTheHistory()
    {
        var history = Run(new RandomSampler(SearchSpace.Create(LearningCurveSimulator.Space), 5), 8 * MaxBudget);
        Assert.Equal(Create().Next(history), Create().Next(history));
        var last = history.Trials[^1];
        if (last.Curve.Count > 0)
        {
            Assert.Equal(Create().Report(history, last.Number, last.Curve[^1]), Create().Report(history, last.Number, last.Curve[^1]));
        }
    }

    [Fact]
    public void APendingTrialIsNeverResumed()
    {
        var list = Run(new RandomSampler(SearchSpace.Create(LearningCurveSimulator.Space), 6), 6 * MaxBudget).Trials.ToList();
        var pendingHistory = new TrialHistory([.. list.Select(t => t with { State = TrialState.Pending })]);
        var plan = Create().Next(pendingHistory);
        Assert.Equal(PlanKind.NewTrial, plan.Kind);
    }

    [Fact]
    public void TheSamplerViewKeepsTrialNumbersAndHidesNothingPending()
    {
        var history = Run(new RandomSampler(SearchSpace.Create(LearningCurveSimulator.Space), 8), 9 * MaxBudget);
        var withPending = history.With(new TrialRecord(history.Trials.Count, history.Trials[0].Configuration, TrialState.Pending, Budget: 1));
        var view = Create().SamplerView(withPending);
        Assert.Equal(withPending.Trials.Count, view.Trials.Count);
        Assert.Equal(withPending.Trials.Select(t => t.Number), view.Trials.Select(t => t.Number));
        Assert.Equal(TrialState.Pending, view.Trials[^1].State);
    }

    protected TrialHistory Run(ISampler sampler, double compute) => StudyRunner.Run(sampler, Create(), LearningCurveSimulator.At, compute);

    private static string Describe(TrialRecord t) => $"{t.Number}:{ConfigurationKey.Of(t.Configuration)}:{t.State}:{t.Budget}:{t.Curve.Count}";
}
