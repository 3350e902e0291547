namespace Transfer.Search.Spaces;

/// <summary>
/// One primitive dimension of a <see cref="SearchSpace"/>. Values are encoded as doubles: the number itself for
/// float and int dimensions, the choice index for categorical ones, <see cref="double.NaN"/> when inactive or unknown.
/// </summary>
public sealed class Dimension
{
    internal Dimension(string name, DimensionKind kind, double low, double high, bool log, double step, IReadOnlyList<string> choices)
    {
        Name = name;
        Kind = kind;
        Low = low;
        High = high;
        Log = log;
        Step = step;
        Choices = choices;
    }

    public string Name { get; }

    public DimensionKind Kind { get; }

    public double Low { get; }

    public double High { get; }

    public bool Log { get; }

    /// <summary>Grid step of an int dimension (1 when none).</summary>
    public double Step { get; }

    public IReadOnlyList<string> Choices { get; }

    /// <summary>Position in <see cref="SearchSpace.Dimensions"/> (parents always come before their children).</summary>
    public int Index { get; internal set; }

    /// <summary>Index of the dimension this one depends on, or -1.</summary>
    public int Parent { get; internal set; } = -1;

    /// <summary>Encoded parent values that activate this dimension (categorical parents).</summary>
    public IReadOnlySet<double>? ParentValues { get; internal set; }

    public double ParentMin { get; internal set; } = double.NegativeInfinity;

    public double ParentMax { get; internal set; } = double.PositiveInfinity;

    public bool IsCategorical => Kind == DimensionKind.Categorical;

    /// <summary>Number of choices of a categorical dimension, or of grid values of an int dimension.</summary>
    public int Cardinality => IsCategorical ? Choices.Count : Kind == DimensionKind.Int ? (int)Math.Floor((High - Low) / Step) + 1 : int.MaxValue;

    /// <summary>Whether this dimension is active given the (encoded) values of its parent.</summary>
    public bool IsActiveGiven(double parentValue)
    {
        if (Parent < 0)
        {
            return true;
        }

        if (double.IsNaN(parentValue))
        {
            return false;
        }

        return ParentValues is not null ? ParentValues.Contains(parentValue) : parentValue >= ParentMin && parentValue <= ParentMax;
    }

    /// <summary>Maps an encoded value into [0, 1] (log scale for log dimensions).</summary>
    public double ToUnit(double value)
    {
        if (IsCategorical)
        {
            return (value + 0.5) / Choices.Count;
        }

        var (lo, hi, v) = Log ? (Math.Log(Low), Math.Log(High), Math.Log(value)) : (Low, High, value);
        if (Kind == DimensionKind.Int && !Log)
        {
            (lo, hi) = (lo - 0.5 * Step, hi + 0.5 * Step);
        }

        return hi > lo ? Math.Clamp((v - lo) / (hi - lo), 0, 1) : 0.5;
    }

    /// <summary>Maps a point of [0, 1] back to a valid encoded value.</summary>
    public double FromUnit(double unit)
    {
        unit = Math.Clamp(unit, 0, 1);
        if (IsCategorical)
        {
            return Math.Min(Choices.Count - 1, Math.Floor(unit * Choices.Count));
        }

        double lo = Low, hi = High;
        if (Kind == DimensionKind.Int && !Log)
        {
            (lo, hi) = (lo - 0.5 * Step, hi + 0.5 * Step);
        }

        var v = Log ? Math.Exp(Math.Log(lo) + unit * (Math.Log(hi) - Math.Log(lo))) : lo + unit * (hi - lo);
        return Clip(v);
    }

    /// <summary>Clamps into range and rounds int dimensions onto their step grid.</summary>
    public double Clip(double value)
    {
        if (IsCategorical)
        {
            return Math.Clamp(Math.Round(value), 0, Choices.Count - 1);
        }

        value = Math.Clamp(value, Low, High);
        if (Kind == DimensionKind.Int)
        {
            var k = Math.Round((value - Low) / Step);
            value = Math.Min(Low + k * Step, Low + Math.Floor((High - Low) / Step) * Step);
        }

        return value;
    }

    /// <summary>Whether an encoded value is a legal value of this dimension.</summary>
    public bool Contains(double value) => !double.IsNaN(value) && Clip(value) == value;

    public override string ToString() => Name;
}
