using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Samplers.Rl;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;

namespace Transfer.Search.Tests.Samplers;

public sealed class RlArchitectureSamplerTests
{
    private static readonly string[] _target = ["C(3,64)", "P(2,2)", "FC(128)"];

    [Fact]
    public void TheControllerLearnsToProposeBetterHeadsThanRandom()
    {
        var rl = LateMean(s => new RlArchitectureSampler(Space(), s, options: new RlOptions(ExplorationTrials: 20, DecayUntil: 80)));
        var random = LateMean(s => new RandomSampler(Space(), s));
        Assert.True(rl < 0.7 * random, $"RL {rl:F3} vs random {random:F3}");
    }

    [Fact]
    public void TheQValueOfTheRewardedFirstLayerRisesAboveItsStart()
    {
        var sampler = new RlArchitectureSampler(Space(), 3, options: new RlOptions(ExplorationTrials: 20, DecayUntil: 80));
        var history = StudyRunner.Run(sampler, Loss, 100);
        sampler.Ask(history);
        Assert.True(sampler.Q("head", "0|start|0", "C(3,64)") > sampler.Q("head", "0|start|0", "FC(32)"));
    }

    /// <summary>Mean loss of trials 60–119 (after the controller has had time to learn), over 3 seeds.</summary>
    private static double LateMean(Func<int, ISampler> create) =>
        Enumerable.Range(0, 3).Average(s => StudyRunner.Run(create(s), Loss, 120).Trials.Skip(60).Average(t => t.Value!.Value));

    private static SearchSpace Space() => SearchSpace.Create(new SearchSpaceDefinition([
        new ParameterDefinition("head", ParameterKind.Architecture, Architecture: DefaultSpaces.Head(1, 3) with { LrMults = [1], DecayMults = [1] }),
    ]));

    /// <summary>Layers that differ from C(3,64)+P(2,2)+FC(128), position by position, plus the depth difference.</summary>
    private static double Loss(IReadOnlyDictionary<string, ParameterValue> c)
    {
        var head = c["head"].ToNotation();
        var mismatches = _target.Where((layer, i) => i >= head.Count || head[i] != layer).Count();
        return mismatches + Math.Abs(head.Count - _target.Length) * 0.5;
    }
}
