using Transfer.Contracts.Jobs;
using Transfer.Contracts.Knowledge;
using Transfer.Contracts.Search;
using Transfer.Contracts.Training;
using Transfer.Grains.Jobs;
using Transfer.Server.Jobs;
using Transfer.Server.Knowledge;

namespace Transfer.EndToEnd.Tests;

/// <summary>
/// How a job uses the knowledge base's warm start: the enqueued configurations are tried right after the baseline, a rung
/// does not prune them on one early value (a sampled configuration with the same value is pruned), and the baseline is not
/// enqueued again.
/// </summary>
public sealed class StudyEngineWarmStartTests
{
    private static readonly SearchSpaceDefinition Space = JobPlanner.DefaultSpace(image: true, backboneBlocks: 2, maxEpochs: 4);
    private static readonly IReadOnlyDictionary<string, ParameterValue> Baseline = JobPlanner.Baseline(Space, 2);

    private static readonly IReadOnlyDictionary<string, ParameterValue> FromKnowledgeBase = new Dictionary<string, ParameterValue>(
        Baseline.Where(kv => kv.Key != "momentum"))
    {
        ["base_lr"] = ParameterValue.Of(0.002),
        ["optimizer"] = ParameterValue.Of("Adam"),
    };

    [Fact]
    public void EnqueuedConfigurationIsNotPrunedByARungButASampledOneIs()
    {
        var engine = new StudyEngine(State(new WarmStartDefinition(Enqueued: [FromKnowledgeBase])));
        var baseline = engine.NewTrial();
        Assert.True(baseline.IsBaseline);
        Assert.False(baseline.IsWarmStart);
        var enqueued = engine.NewTrial();
        Assert.Equal(ConfigurationKey(FromKnowledgeBase), ConfigurationKey(enqueued.Configuration));
        Assert.True(enqueued.IsWarmStart);
        var sampled = Enumerable.Range(0, 4).Select(_ => engine.NewTrial()).ToArray();
        Assert.All(sampled, t => Assert.False(t.IsWarmStart));

        // The rung at epoch 1 fills with good values; the enqueued trial and the last sampled one report a poor one.
        foreach (var t in sampled.SkipLast(1).Prepend(baseline))
        {
            Assert.False(engine.Report(t, Sample(1, 0.9), classes: 3).Stop);
        }

        Assert.False(engine.Report(enqueued, Sample(1, 0.4), classes: 3).Stop);
        var verdict = engine.Report(sampled[^1], Sample(1, 0.4), classes: 3);
        Assert.True(verdict.Stop);
        Assert.Contains("pruned", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutTheKnowledgeBaseNothingIsExempt()
    {
        var state = State(new WarmStartDefinition(Enqueued: [FromKnowledgeBase]));
        state.Request = state.Request! with { UseKnowledgeBase = false };
        var engine = new StudyEngine(state);
        var trials = Enumerable.Range(0, 3).Select(_ => engine.NewTrial()).ToArray();
        Assert.All(trials, t => Assert.False(t.IsWarmStart));
        Assert.NotEqual(ConfigurationKey(FromKnowledgeBase), ConfigurationKey(trials[1].Configuration));
    }

    [Fact]
    public void WarmStartLeavesOutTheBaselineAndEnqueuesTheNextBest()
    {
        var second = new Dictionary<string, ParameterValue>(Baseline) { ["base_lr"] = ParameterValue.Of(0.05) };
        var advice = new KnowledgeAdvice(null, null, new Recommendations(
            [new NeighbourDataset("a", 0.1, 1)],
            [Item(Baseline, 0.95), Item(FromKnowledgeBase, 0.94), Item(second, 0.9)]),
            MaxEnqueued: 2);

        var warm = advice.WarmStartFor(Space, null, Baseline)!;

        Assert.Equal([ConfigurationKey(FromKnowledgeBase), ConfigurationKey(second)], warm.Enqueued!.Select(ConfigurationKey));
        Assert.Equal(3, warm.Observations!.Count); // the baseline's score still informs the sampler
        Assert.Equal(PriorScale.Quantile, warm.Scale); // utilities, which the sampler reads on the job's own scale
        Assert.Equal([0.95, 0.94, 0.9], warm.Observations.Select(o => o.Value));
        var withoutBaseline = advice.WarmStartFor(Space, null)!;
        Assert.Equal(ConfigurationKey(Baseline), ConfigurationKey(withoutBaseline.Enqueued![0]));
    }

    private static ConfigurationRecommendation Item(IReadOnlyDictionary<string, ParameterValue> configuration, double score) =>
        new(ConfigurationJson.ToJson(configuration), score, score, ["a"], ["t"]);

    private static string ConfigurationKey(IReadOnlyDictionary<string, ParameterValue> configuration) =>
        Transfer.Search.Samplers.ConfigurationKey.Of(configuration);

    private static CurveSample Sample(double epoch, double accuracy) => new(epoch, (int)(epoch * 10), 0.5, 0.5, accuracy, 0.01);

    private static StudyState State(WarmStartDefinition warmStart) => new()
    {
        Request = new CreateJobRequest("d", Seed: 1, MaxEpochs: 4, UseKnowledgeBase: true),
        Plan = new StudyPlan(Space, ModelFamilies.SmallCnn(InputSpec.Image(1, 28, 28), 3), null, warmStart, Baseline),
        TrialBudget = 20,
    };
}
