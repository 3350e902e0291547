namespace Transfer.Search.Samplers.Tpe;

/// <summary>
/// The observed values of one dimension (unit scale, or category index) kept sorted with their weights, so a Gaussian
/// mixture over thousands of observations is summed only inside a window of a few bandwidths.
/// </summary>
internal sealed class SortedColumn
{
    private readonly List<double> _units = [];
    private readonly List<double> _weights = [];

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
    }

    /// <summary>Sum of w_j exp(-(x-u_j)^2 / 2 sigma^2) over observations within 4 sigma of x.</summary>
    public double KernelSum(double x, double sigma)
    {
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
}
