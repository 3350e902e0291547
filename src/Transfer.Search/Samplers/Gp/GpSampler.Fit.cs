using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Transfer.Search.Samplers.Gp;

public sealed partial class GpSampler
{
    private static readonly double _defaultLength = Math.Log(0.5);
    private static readonly double _defaultNoise = Math.Log(1e-3);

    /// <summary>
    /// MAP fit of the kernel hyper-parameters: log marginal likelihood plus weak log-normal priors, box-constrained BFGS
    /// (MathNet) from the previous optimum, and from the default every <see cref="GpOptions.RestartEvery"/> trials.
    /// </summary>
    private double[] Fit(List<double[]> x, List<double> y, List<double> noise, int trialCount)
    {
        var dims = Space.Dimensions.Count;
        var real = x.Count - (x.Count - y.Count);
        var subset = FitSubset(y, Math.Min(real, y.Count));
        var fx = subset.Select(i => x[i]).ToArray();
        var fy = subset.Select(i => y[i]).ToArray();
        var fn = subset.Select(i => noise[i]).ToArray();
        var lower = Vector<double>.Build.Dense(dims + 2, i => i < dims ? Math.Log(0.01) : i == dims ? Math.Log(0.05) : Math.Log(1e-6));
        var upper = Vector<double>.Build.Dense(dims + 2, i => i < dims ? Math.Log(20) : i == dims ? Math.Log(20) : 0);
        var defaults = Enumerable.Range(0, dims + 2).Select(i => i < dims ? _defaultLength : i == dims ? 0 : _defaultNoise).ToArray();

        var starts = new List<double[]>();
        if (_theta is { } previous && previous.Length == dims + 2)
        {
            starts.Add(previous);
        }

        if (starts.Count == 0 || trialCount % Math.Max(1, _options.RestartEvery) == 0)
        {
            starts.Add(defaults);
        }

        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        foreach (var start in starts)
        {
            var tracker = new BestTracker();
            Func<Vector<double>, (double, Vector<double>)> evaluate = v =>
            {
                var theta = v.ToArray();
                var (value, grad) = Objective(fx, fy, fn, dims, theta);
                tracker.Offer(value, theta);
                return (value, Vector<double>.Build.DenseOfArray(grad));
            };
            var objective = ObjectiveFunction.Gradient(evaluate);
            try
            {
                var minimizer = new BfgsBMinimizer(1e-4, 1e-5, 1e-7, _options.FitIterations);
                var init = Vector<double>.Build.DenseOfEnumerable(start.Select((v, i) => Math.Clamp(v, lower[i], upper[i])));
                minimizer.FindMinimum(objective, lower, upper, init);
            }
            catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException or ArithmeticException)
            {
                // The tracker keeps the best point the minimiser reached before it stopped.
            }

            if (tracker.Value < bestValue)
            {
                (bestValue, best) = (tracker.Value, tracker.Theta);
            }
        }

        _theta = best ?? _theta ?? defaults;
        return _theta;
    }

    private (double Value, double[] Gradient) Objective(double[][] x, double[] y, double[] noise, int dims, double[] theta)
    {
        double lml;
        double[] grad;
        try
        {
            (lml, grad) = GaussianProcess.LogMarginal(x, y, noise, _group, dims, theta);
        }
        catch (ArgumentException)
        {
            return (1e10, new double[theta.Length]);
        }

        var value = -lml;
        var g = grad.Select(v => -v).ToArray();
        for (var d = 0; d < dims; d++)
        {
            value += 0.5 * Math.Pow((theta[d] - _defaultLength) / 1.5, 2);
            g[d] += (theta[d] - _defaultLength) / (1.5 * 1.5);
        }

        value += 0.5 * theta[dims] * theta[dims];
        g[dims] += theta[dims];
        value += 0.5 * Math.Pow((theta[dims + 1] - _defaultNoise) / 3, 2);
        g[dims + 1] += (theta[dims + 1] - _defaultNoise) / 9;
        return double.IsFinite(value) ? (value, g) : (1e10, new double[theta.Length]);
    }

    private List<int> FitSubset(List<double> y, int count)
    {
        var all = Enumerable.Range(0, count).ToList();
        if (count <= _options.FitSubset)
        {
            return all;
        }

        var half = _options.FitSubset / 2;
        var best = all.OrderBy(i => y[i]).ThenBy(i => i).Take(half).ToHashSet();
        var rest = all.Where(i => !best.Contains(i)).ToList();
        var spread = Enumerable.Range(0, _options.FitSubset - half).Select(k => rest[(int)((long)k * rest.Count / (_options.FitSubset - half))]);
        return [.. best.Concat(spread).Order()];
    }

    private sealed class BestTracker
    {
        public double Value { get; private set; } = double.PositiveInfinity;

        public double[]? Theta { get; private set; }

        public void Offer(double value, double[] theta)
        {
            if (value < Value)
            {
                (Value, Theta) = (value, theta);
            }
        }
    }
}
