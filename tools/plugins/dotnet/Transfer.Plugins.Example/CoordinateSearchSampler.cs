using Transfer.Contracts.Search;
using Transfer.Search.Samplers;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Plugins.Example;

/// <summary>
/// Example .NET plugin: random draws for the first trials, then coordinate search around the best finished trial
/// (one dimension per trial, cycling, with a step that shrinks as the study goes on). Built on <see cref="SamplerBase"/>,
/// so warm start, determinism and rebuild-from-history come for free.
/// </summary>
public sealed class CoordinateSearchSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart) : SamplerBase(space, seed, warmStart)
{
    private const int Startup = 6;

    public override string Name => "coordinate-search";

    protected override double[] AskVector(TrialHistory history, Random random)
    {
        var observations = Observations(history);
        if (observations.Count < Startup)
        {
            return Space.SampleUniform(random);
        }

        var best = observations.MinBy(o => o.Loss)!.Values;
        var pending = history.Pending.Select(t => ConfigurationKey.Of(t.Configuration)).ToHashSet();
        var step = 0.25 / Math.Sqrt(1 + observations.Count / (double)best.Length);
        for (var attempt = 0; ; attempt++)
        {
            var next = (double[])best.Clone();
            var d = (history.Trials.Count + attempt) % next.Length;
            var dim = Space.Dimensions[d];
            if (double.IsNaN(next[d]) || dim.Cardinality == 1)
            {
                continue;
            }

            next[d] = dim.IsCategorical
                ? (next[d] + 1 + random.Next(dim.Choices.Count - 1)) % dim.Choices.Count
                : dim.FromUnit(dim.ToUnit(next[d]) + step * (random.NextDouble() < 0.5 ? -1 : 1) * (0.5 + random.NextDouble()));
            Space.Repair(next, random);
            if (attempt >= 4 * next.Length || !pending.Contains(ConfigurationKey.Of(Space.Decode(next))))
            {
                return next;
            }
        }
    }
}
