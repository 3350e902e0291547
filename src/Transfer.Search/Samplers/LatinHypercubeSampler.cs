using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers;

/// <summary>A space-filling design: the first <c>size</c> trials cover a Latin hypercube, later ones are uniform draws.</summary>
public sealed class LatinHypercubeSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null, int size = 20)
    : SamplerBase(space, seed, warmStart)
{
    private readonly LatinHypercube _design = new(space.Dimensions.Count, size, seed);

    public override string Name => "lhs";

    protected override double[] AskVector(TrialHistory history, Random random) =>
        history.Trials.Count < _design.Size ? Space.FromUnit(_design.Point(history.Trials.Count)) : Space.SampleUniform(random);
}
