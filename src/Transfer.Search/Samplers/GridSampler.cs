using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers;

/// <summary>
/// The seed's ExperimentGridSearch: every combination of grid levels (all choices, all ints up to <c>pointsPerDimension</c>
/// values, evenly spaced floats, log-spaced on log parameters), inactive dimensions skipped, in a fixed odometer order.
/// Trial n gets grid point n (wrapping around when the grid is exhausted).
/// </summary>
public sealed class GridSampler : SamplerBase
{
    private readonly int[] _levels;
    private readonly List<double[]> _points = [];
    private int[]? _odometer;
    private bool _exhausted;

    public GridSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null, int pointsPerDimension = 5)
        : base(space, seed, warmStart)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerDimension, 1);
        _levels = [.. space.Dimensions.Select(d => d.IsCategorical ? d.Choices.Count : Math.Min(d.Cardinality, pointsPerDimension))];
    }

    public override string Name => "grid";

    protected override double[] AskVector(TrialHistory history, Random random)
    {
        var n = history.Trials.Count;
        while (_points.Count <= n && !_exhausted)
        {
            Advance();
        }

        return (double[])_points[n % _points.Count].Clone();
    }

    private void Advance()
    {
        if (_odometer is null)
        {
            _odometer = new int[_levels.Length];
        }
        else if (!Increment(_odometer))
        {
            _exhausted = true;
            return;
        }

        _points.Add(PointOf(_odometer));
    }

    private bool Increment(int[] odometer)
    {
        var point = PointOf(odometer);
        for (var i = odometer.Length - 1; i >= 0; i--)
        {
            if (double.IsNaN(point[i]) || odometer[i] + 1 >= _levels[i])
            {
                continue;
            }

            odometer[i]++;
            Array.Clear(odometer, i + 1, odometer.Length - i - 1);
            return true;
        }

        return false;
    }

    private double[] PointOf(int[] odometer)
    {
        var values = new double[odometer.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var d = Space.Dimensions[i];
            values[i] = d.IsCategorical ? odometer[i]
                : d.Kind == DimensionKind.Int && d.Cardinality <= _levels[i] ? d.Low + odometer[i] * d.Step
                : Level(d, odometer[i], _levels[i]);
        }

        Space.Deactivate(values);
        return values;
    }

    private static double Level(Dimension d, int k, int levels)
    {
        if (levels == 1)
        {
            return d.Clip(d.Log ? Math.Sqrt(d.Low * d.High) : (d.Low + d.High) / 2);
        }

        var t = (double)k / (levels - 1);
        return d.Clip(d.Log ? Math.Exp(Math.Log(d.Low) + t * (Math.Log(d.High) - Math.Log(d.Low))) : d.Low + t * (d.High - d.Low));
    }
}
