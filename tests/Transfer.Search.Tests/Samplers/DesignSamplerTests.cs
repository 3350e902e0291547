using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Testing;

namespace Transfer.Search.Tests.Samplers;

public sealed class DesignSamplerTests
{
    [Fact]
    public void TheGridVisitsEveryCombinationOnceAndSkipsInactiveParameters()
    {
        var space = SearchSpace.Create(new SearchSpaceDefinition([
            new ParameterDefinition("lr_policy", ParameterKind.Categorical, Choices: ["fixed", "step"]),
            new ParameterDefinition("stepsize", ParameterKind.Int, 1, 3, Condition: new ParameterCondition("lr_policy", ["step"])),
            new ParameterDefinition("base_lr", ParameterKind.Float, 1e-4, 1e-2, Log: true),
        ]));
        var history = StudyRunner.Run(new GridSampler(space, 0, pointsPerDimension: 3), _ => 0, 12);
        var keys = history.Trials.Select(t => ConfigurationKey.Of(t.Configuration)).ToList();

        Assert.Equal(12, keys.Distinct().Count());
        Assert.Equal(3, history.Trials.Count(t => t.Configuration["lr_policy"].Choice == "fixed"));
        Assert.Equal([0.0001, 0.001, 0.01], history.Trials.Select(t => Math.Round(t.Configuration["base_lr"].Number!.Value, 6)).Distinct().Order());
        Assert.Equal(keys[0], ConfigurationKey.Of(new GridSampler(space, 0, pointsPerDimension: 3).Ask(history)));
    }

    [Fact]
    public void TheLatinHypercubePutsOnePointInEveryStratumOfEveryDimension()
    {
        var space = SearchSpace.Create(BenchmarkFunctions.Hartmann6.Space);
        var history = StudyRunner.Run(new LatinHypercubeSampler(space, 4, size: 10), BenchmarkFunctions.Hartmann6.Evaluate, 10);
        for (var d = 1; d <= 6; d++)
        {
            var strata = history.Trials.Select(t => (int)Math.Floor(t.Configuration[$"x{d}"].Number!.Value * 10)).Order();
            Assert.Equal(Enumerable.Range(0, 10), strata);
        }
    }
}
