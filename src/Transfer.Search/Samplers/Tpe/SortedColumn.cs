namespace Transfer.Search.Samplers.Tpe;

/// <summary>
/// The observed values of one dimension (unit scale, or category index) kept sorted with their weights, so a Gaussian
/// mixture over thousands of observations is summed only inside a window of a few bandwidths.
/// </summary>
internal sealed class SortedColumn
{
    private readonly List<double> _units = [];
    private const int Bins = 256;
    private readonly List<double> _weights = [];
    private readonly double[] _bins = new double[Bins];
    private double[]? _smoothed;
    private double _smoothedSigma = double.NaN;
    private int _smoothedCount = -1;

    public SortedColumn(int categories)
    {
        CategoryWeights = new double[categories];
    }

    public double TotalWeight { get; private set; }

    public int Count => _units.Count;

    /// <summary>Total weight per category (categorical dimensions only).</summary>
    public double[] CategoryWeights { get; }

    public void Add(double value, double weight)
    {
        TotalWeight += weight;
        if (CategoryWeights.Length > 0)
        {
            CategoryWeights[(int)value] += weight;
            return;
        }

        var at = _units.BinarySearch(value);
        at = at < 0 ? ~at : at;
        _units.Insert(at, value);
        _weights.Insert(at, weight);
        _bins[Math.Min(Bins - 1, (int)(value * Bins))] += weight;
    }

    /// <summary>
    /// Sum of w_j exp(-(x-u_j)^2 / 2 sigma^2) over observations within 4 sigma of x. With more observations than bins, the observations are summed per 1/512-wide bin at its centre (an error far below the bandwidth).
    /// </summary>
    public double KernelSum(double x, double sigma)
    {
        if (_units.Count > Bins)
        {
            return BinnedSum(x, sigma);
        }

        var lo = _units.BinarySearch(x - 4 * sigma);
        lo = lo < 0 ? ~lo : lo;
        var inv = 1.0 / (2 * sigma * sigma);
        var sum = 0.0;
        for (var j = lo; j < _units.Count; j++)
        {
            var d = _units[j] - x;
            if (d > 4 * sigma)
            {
                break;
            }

            sum += _weights[j] * Math.Exp(-d * d * inv);
        }

        return sum;
    }

    private double BinnedSum(double x, double sigma)
    {
        if (_smoothed is null || _smoothedSigma != sigma || _smoothedCount != _units.Count)
        {
            Smooth(sigma);
        }

        var p = Math.Clamp(x * Bins - 0.5, 0, Bins - 1);
        var b = Math.Min((int)p, Bins - 2);
        var t = p - b;
        return (1 - t) * _smoothed![b] + t * _smoothed[b + 1];
    }

    private void Smooth(double sigma)
    {
        var width = (int)Math.Ceiling(4 * sigma * Bins);
        var kernel = new double[2 * width + 1];
        for (var j = -width; j <= width; j++)
        {
            var d = j / (double)Bins;
            kernel[j + width] = Math.Exp(-d * d / (2 * sigma * sigma));
        }

        _smoothed ??= new double[Bins];
        for (var b = 0; b < Bins; b++)
        {
            var sum = 0.0;
            var lo = Math.Max(0, b - width);
            var hi = Math.Min(Bins - 1, b + width);
            for (var c = lo; c <= hi; c++)
            {
                sum += _bins[c] * kernel[c - b + width];
            }

            _smoothed[b] = sum;
        }

        (_smoothedSigma, _smoothedCount) = (sigma, _units.Count);
    }
}
