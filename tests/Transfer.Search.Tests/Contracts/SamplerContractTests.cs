using System.Text.Json;
using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;
using Transfer.Search.Trials;

namespace Transfer.Search.Tests.Contracts;

/// <summary>
/// The contract every sampler keeps (optuna's pytest_samplers idea): configurations inside bounds and conditions,
/// deterministic under a seed, pending asks answered, results in any order, warm start honoured, state round-trip.
/// </summary>
public abstract class SamplerContractTests
{
    protected abstract ISampler Create(SearchSpace space, int seed, WarmStartDefinition? warmStart = null);

    [Fact]
    public void EveryAskedConfigurationIsInsideTheSpaceAndItsConditions()
    {
        var space = TestSpaces.Mixed();
        var history = StudyRunner.Run(Create(space, 1), TestSpaces.MixedObjective, 24);
        foreach (var t in history.Trials)
        {
            Assert.Empty(space.Check(t.Configuration));
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameConfigurations()
    {
        var a = StudyRunner.Run(Create(TestSpaces.Mixed(), 7), TestSpaces.MixedObjective, 20);
        var b = StudyRunner.Run(Create(TestSpaces.Mixed(), 7), TestSpaces.MixedObjective, 20);
        Assert.Equal(a.Trials.Select(t => ConfigurationKey.Of(t.Configuration)), b.Trials.Select(t => ConfigurationKey.Of(t.Configuration)));
    }

    [Fact]
    public void AsksWhileTrialsArePendingGiveDistinctValidConfigurations()
    {
        var space = TestSpaces.Mixed();
        var sampler = Create(space, 3);
        var list = StudyRunner.Run(sampler, TestSpaces.MixedObjective, 12).Trials.ToList();
        var history = new TrialHistory(list);
        for (var k = 0; k < 4; k++)
        {
            list.Add(new TrialRecord(list.Count, sampler.Ask(history), TrialState.Pending));
        }

        var pending = list.Skip(12).ToList();
        Assert.All(pending, t => Assert.Empty(space.Check(t.Configuration)));
        Assert.Equal(4, pending.Select(t => ConfigurationKey.Of(t.Configuration)).Distinct().Count());
    }

    [Fact]
    public void ResultsArrivingOutOfOrderAreAccepted()
    {
        var space = TestSpaces.Mixed();
        var sampler = Create(space, 5);
        var list = new List<TrialRecord>();
        var history = new TrialHistory(list);
        for (var round = 0; round < 4; round++)
        {
            var start = list.Count;
            for (var k = 0; k < 4; k++)
            {
                list.Add(new TrialRecord(list.Count, sampler.Ask(history), TrialState.Pending));
            }

            for (var n = list.Count - 1; n >= start; n--)
            {
                list[n] = list[n] with { State = TrialState.Complete, Value = TestSpaces.MixedObjective(list[n].Configuration) };
                sampler.Tell(history, list[n]);
            }
        }

        var next = sampler.Ask(history);
        Assert.Empty(space.Check(next));
    }

    [Fact]
    public void EnqueuedWarmStartConfigurationsAreAskedFirstInOrder()
    {
        var space = TestSpaces.Mixed();
        var random = new Random(11);
        var enqueued = new[] { space.Decode(space.SampleUniform(random)), space.Decode(space.SampleUniform(random)) };
        var prior = new PriorObservation(enqueued[0], 0.5, 0.8);
        var history = StudyRunner.Run(Create(space, 2, new WarmStartDefinition([prior], enqueued)), TestSpaces.MixedObjective, 5);
        Assert.Equal(ConfigurationKey.Of(enqueued[0]), ConfigurationKey.Of(history.Trials[0].Configuration));
        Assert.Equal(ConfigurationKey.Of(enqueued[1]), ConfigurationKey.Of(history.Trials[1].Configuration));
        Assert.DoesNotContain(history.Trials.Skip(2), t => ConfigurationKey.Of(t.Configuration) == ConfigurationKey.Of(enqueued[0]));
    }

    [Fact]
    public void ASamplerRestoredFromItsSnapshotAndTheHistoryAsksTheSame()
    {
        var space = TestSpaces.Mixed();
        var original = Create(space, 9);
        var history = StudyRunner.Run(original, TestSpaces.MixedObjective, 22);
        var json = JsonSerializer.Serialize(original.Snapshot());

        var rebuilt = Create(TestSpaces.Mixed(), 9);
        rebuilt.Restore(JsonSerializer.Deserialize<SamplerSnapshot>(json)!);

        Assert.Equal(ConfigurationKey.Of(original.Ask(history)), ConfigurationKey.Of(rebuilt.Ask(history)));
    }

    [Fact]
    public void AMaximisingStudyIsAccepted()
    {
        var space = TestSpaces.Mixed();
        var history = StudyRunner.Run(Create(space, 4), c => -TestSpaces.MixedObjective(c), 16, StudyDirection.Maximize);
        Assert.All(history.Trials, t => Assert.Empty(space.Check(t.Configuration)));
    }
}
