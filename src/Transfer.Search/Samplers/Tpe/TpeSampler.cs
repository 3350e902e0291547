using Transfer.Contracts.Search;
using Transfer.Search.Spaces;
using Transfer.Search.Trials;

namespace Transfer.Search.Samplers.Tpe;

/// <summary>
/// Tree-structured Parzen estimator (Bergstra et al. 2011). Finished trials and warm-start priors are split into a good
/// group (the best min(ceil(gamma n), cap)) and a bad group (the rest, plus pending trials: constant liar); candidates drawn
/// from the good density l(x) are ranked by l(x)/g(x). Conditional dimensions are modelled only from the trials where they
/// are active. Univariate by default; <see cref="TpeOptions.Multivariate"/> models dimensions jointly (product kernels).
/// </summary>
public sealed partial class TpeSampler : SamplerBase
{
    private const double PriorSigma = 1.0;
    private readonly TpeOptions _options;
    private readonly LatinHypercube _design;
    private TpeCache? _cache;

    public TpeSampler(SearchSpace space, int seed, WarmStartDefinition? warmStart = null, TpeOptions? options = null)
        : base(space, seed, warmStart)
    {
        _options = options ?? new TpeOptions();
        _design = new LatinHypercube(space.Dimensions.Count, Math.Max(1, _options.StartupTrials), seed);
    }

    public override string Name => _options.Multivariate ? "tpe-multivariate" : "tpe";

    protected override double[] AskVector(TrialHistory history, Random random)
    {
        if (_cache is null || _cache.Direction != history.Direction)
        {
            _cache = new TpeCache(Space, Priors, history.Direction, PriorScale);
        }

        var pending = _cache.Sync(history, Encode);
        if (_cache.Stale)
        {
            _cache = new TpeCache(Space, Priors, history.Direction, PriorScale);
            pending = _cache.Sync(history, Encode);
        }

        _cache.PlacePriors();
        var n = _cache.Losses.Count;
        if (n < _options.StartupTrials || n < 2)
        {
            var k = history.Trials.Count;
            return k < _design.Size ? Space.FromUnit(_design.Point(k)) : Space.SampleUniform(random);
        }

        var below = _cache.Best(Math.Max(1, Math.Min((int)Math.Ceiling(_options.Gamma * n), _options.GammaCap)));
        if (!_options.ConstantLiar)
        {
            pending.Clear();
        }

        return _options.Multivariate ? AskMultivariate(below, pending, random) : AskIndependent(below, pending, random);
    }

    private double[] AskIndependent(int[] below, List<double[]> pending, Random random)
    {
        var values = new double[Space.Dimensions.Count];
        for (var d = 0; d < values.Length; d++)
        {
            var dim = Space.Dimensions[d];
            if (dim.Parent >= 0 && !(!double.IsNaN(values[dim.Parent]) && dim.IsActiveGiven(values[dim.Parent])))
            {
                values[d] = double.NaN;
                continue;
            }

            var good = below.Where(i => !double.IsNaN(_cache!.Units[i][d])).Select(i => (_cache!.Units[i][d], _cache.Weights[i])).ToArray();
            var bad = pending.Where(p => !double.IsNaN(p[d])).Select(p => p[d]).ToArray();
            values[d] = dim.IsCategorical
                ? SampleCategorical(dim.Choices.Count, _cache!.Columns[d], good, bad, random)
                : dim.FromUnit(SampleContinuous(_cache!.Columns[d], good, bad, random));
        }

        return values;
    }

    private double SampleContinuous(SortedColumn column, (double Unit, double Weight)[] good, double[] bad, Random random)
    {
        var goodWeight = good.Sum(g => g.Weight);
        var badCount = column.Count - good.Length + bad.Length;
        var sigmaL = Bandwidth(good.Length);
        var sigmaG = Bandwidth(badCount);
        var pw = _options.PriorWeight;
        var bestScore = double.NegativeInfinity;
        var best = 0.5;
        for (var c = 0; c < _options.Candidates; c++)
        {
            var x = DrawFromMixture(good, goodWeight, sigmaL, random);
            var l = pw * Gauss(x, 0.5, PriorSigma);
            foreach (var (u, w) in good)
            {
                l += w * Gauss(x, u, sigmaL);
            }

            var gSum = column.KernelSum(x, sigmaG);
            foreach (var (u, w) in good)
            {
                gSum -= w * Math.Exp(-(x - u) * (x - u) / (2 * sigmaG * sigmaG));
            }

            foreach (var u in bad)
            {
                gSum += Math.Exp(-(x - u) * (x - u) / (2 * sigmaG * sigmaG));
            }

            var g = pw * Gauss(x, 0.5, PriorSigma) + Math.Max(0, gSum) / (Math.Sqrt(2 * Math.PI) * sigmaG);
            var score = Math.Log(l / (goodWeight + pw)) - Math.Log(g / (column.TotalWeight - goodWeight + bad.Length + pw));
            if (score > bestScore)
            {
                (bestScore, best) = (score, x);
            }
        }

        return best;
    }

    private double SampleCategorical(int k, SortedColumn column, (double Index, double Weight)[] good, double[] bad, Random random)
    {
        var pw = _options.PriorWeight;
        var l = new double[k];
        var g = new double[k];
        for (var c = 0; c < k; c++)
        {
            l[c] = pw / k;
            g[c] = pw / k + column.CategoryWeights[c];
        }

        foreach (var (i, w) in good)
        {
            l[(int)i] += w;
            g[(int)i] -= w;
        }

        foreach (var i in bad)
        {
            g[(int)i] += 1;
        }

        var lTotal = l.Sum();
        var gTotal = g.Sum();
        var bestScore = double.NegativeInfinity;
        var best = 0;
        for (var c = 0; c < _options.Candidates; c++)
        {
            var r = random.NextDouble() * lTotal;
            var x = 0;
            while (x < k - 1 && r >= l[x])
            {
                r -= l[x];
                x++;
            }

            var score = Math.Log(l[x] / lTotal) - Math.Log(Math.Max(g[x], 1e-12) / gTotal);
            if (score > bestScore)
            {
                (bestScore, best) = (score, x);
            }
        }

        return best;
    }

    private double DrawFromMixture((double Unit, double Weight)[] good, double goodWeight, double sigma, Random random)
    {
        var r = random.NextDouble() * (goodWeight + _options.PriorWeight);
        double mean = 0.5, s = PriorSigma;
        foreach (var (u, w) in good)
        {
            if (r < w)
            {
                (mean, s) = (u, sigma);
                break;
            }

            r -= w;
        }

        for (var attempt = 0; attempt < 20; attempt++)
        {
            var x = mean + s * Normal(random);
            if (x is >= 0 and <= 1)
            {
                return x;
            }
        }

        return Math.Clamp(mean, 0, 1);
    }

    /// <summary>Scott-like bandwidth on the unit scale, shrinking with the number of points, never below 1%.</summary>
    private static double Bandwidth(int count) => Math.Max(0.01, 0.2 * Math.Pow(Math.Max(count, 1), -0.2));

    private static double Gauss(double x, double mean, double sigma) =>
        Math.Exp(-(x - mean) * (x - mean) / (2 * sigma * sigma)) / (Math.Sqrt(2 * Math.PI) * sigma);

    internal static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
