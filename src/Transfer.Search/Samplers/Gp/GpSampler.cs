using System.Text.Json;
using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers.Gp;

/// <summary>
/// GP Bayesian optimisation (Snoek et al. 2012): Matérn 5/2 ARD kernel with hyper-parameters fitted by (MAP) marginal
/// likelihood, expected improvement. Inputs: unit scale (log parameters on a log scale, ints padded by half a step), one-hot
/// categoricals sharing a length scale, inactive dimensions at a constant. Outputs are standardised with the upper tail
/// log-compressed. Pending trials are fantasised at the worst observed value (constant liar); warm-start priors enter
/// with extra noise growing as their weight falls. Extra state: the last fitted hyper-parameters (<see cref="Snapshot"/>).
/// </summary>
public sealed partial class GpSampler : SamplerBase
{
    private readonly GpOptions _options;
    private readonly LatinHypercube _design;
    private readonly int[] _group;
    private readonly int[] _firstColumn;
    private double[]? _theta;

    public GpSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null, GpOptions? options = null)
        : base(space, seed, warmStart)
    {
        _options = options ?? new GpOptions();
        _design = new LatinHypercube(space.Dimensions.Count, Math.Max(1, _options.StartupTrials), seed);
        var group = new List<int>();
        _firstColumn = new int[space.Dimensions.Count];
        foreach (var d in space.Dimensions)
        {
            _firstColumn[d.Index] = group.Count;
            group.AddRange(Enumerable.Repeat(d.Index, d.IsCategorical ? d.Choices.Count : 1));
        }

        _group = [.. group];
    }

    public override string Name => "gp";

    public override SamplerSnapshot Snapshot() => new(Name, _theta is null ? null : JsonSerializer.Serialize(_theta));

    public override void Restore(SamplerSnapshot snapshot)
    {
        base.Restore(snapshot);
        _theta = snapshot.StateJson is null ? null : JsonSerializer.Deserialize<double[]>(snapshot.StateJson);
    }

    protected override double[] AskVector(TrialHistory history, Random random)
    {
        var observations = Observations(history);
        if (observations.Count < Math.Max(2, _options.StartupTrials))
        {
            var k = history.Trials.Count;
            return k < _design.Size ? Space.FromUnit(_design.Point(k)) : Space.SampleUniform(random);
        }

        var y = OutputTransform.Apply([.. observations.Select(o => o.Loss)]);
        var x = observations.Select(o => Features(o.Values)).ToList();
        var noise = observations.Select(o => o.Weight >= 1 ? 0.0 : 0.5 * (1 / o.Weight - 1)).ToList();
        var best = y.Where((_, i) => observations[i].Weight >= 1).DefaultIfEmpty(y.Min()).Min();
        var lie = y.Max();
        var yAll = y.ToList();
        foreach (var t in history.Pending)
        {
            x.Add(Features(Encode(t)));
            yAll.Add(lie);
            noise.Add(0);
        }

        var theta = Fit(x, yAll, noise, history.Trials.Count);
        var gp = new GaussianProcess([.. x], [.. yAll], [.. noise], _group, Space.Dimensions.Count, theta);
        return MaximiseExpectedImprovement(gp, observations, best, random);
    }

    private double[] Features(double[] values)
    {
        var f = new double[_group.Length];
        for (var d = 0; d < values.Length; d++)
        {
            var dim = Space.Dimensions[d];
            var c = _firstColumn[d];
            if (dim.IsCategorical)
            {
                if (!double.IsNaN(values[d]))
                {
                    f[c + (int)values[d]] = Math.Sqrt(0.5);
                }
            }
            else
            {
                f[c] = double.IsNaN(values[d]) ? 0.5 : dim.ToUnit(values[d]);
            }
        }

        return f;
    }
}
