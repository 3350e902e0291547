using System.Globalization;
using Transfer.Contracts.Search;

namespace Transfer.Search.Spaces;

/// <summary>
/// A validated search space built from its JSON form. Samplers work on <see cref="Dimensions"/> (primitive, ordered so that
/// parents come first, architecture parameters expanded); studies see configurations keyed by the definition's parameter names.
/// </summary>
public sealed partial class SearchSpace
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Dimension> _dimensions = [];
    private readonly List<ParameterDefinition> _ordered;
    private readonly Dictionary<string, ArchitectureCodec> _codecs = new(StringComparer.Ordinal);

    private SearchSpace(SearchSpaceDefinition definition)
    {
        Definition = definition;
        _ordered = TopologicalOrder(definition.Parameters);
        foreach (var p in _ordered)
        {
            if (p.Kind == ParameterKind.Architecture)
            {
                var codec = new ArchitectureCodec(p.Name, p.Architecture!);
                _codecs[p.Name] = codec;
                foreach (var (dim, parent, min) in codec.Expand())
                {
                    Add(dim);
                    if (parent is not null)
                    {
                        dim.Parent = _index[parent];
                        dim.ParentMin = min;
                    }
                    else
                    {
                        ApplyCondition(dim, p.Condition);
                    }
                }
            }
            else
            {
                var dim = p.Kind switch
                {
                    ParameterKind.Float => new Dimension(p.Name, DimensionKind.Float, p.Low!.Value, p.High!.Value, p.Log, 0, []),
                    ParameterKind.Int => new Dimension(p.Name, DimensionKind.Int, p.Low!.Value, p.High!.Value, p.Log, p.Step ?? 1, []),
                    _ => new Dimension(p.Name, DimensionKind.Categorical, 0, p.Choices!.Count - 1, false, 1, p.Choices),
                };
                Add(dim);
                ApplyCondition(dim, p.Condition);
            }
        }
    }

    public SearchSpaceDefinition Definition { get; }

    public IReadOnlyList<Dimension> Dimensions => _dimensions;

    /// <summary>Validates and builds; throws <see cref="SearchSpaceException"/> listing every problem.</summary>
    public static SearchSpace Create(SearchSpaceDefinition definition)
    {
        var problems = SearchSpaceValidator.Validate(definition);
        return problems.Count > 0 ? throw new SearchSpaceException(problems) : new SearchSpace(definition);
    }

    public int IndexOf(string dimensionName) => _index.TryGetValue(dimensionName, out var i) ? i : -1;

    /// <summary>Whether dimension <paramref name="dim"/> is active given earlier values (parents come first).</summary>
    public bool IsActive(int dim, ReadOnlySpan<double> values)
    {
        var d = _dimensions[dim];
        return d.Parent < 0 || (IsActive(d.Parent, values) && d.IsActiveGiven(values[d.Parent]));
    }

    /// <summary>Sets inactive dimensions to NaN (walks in order, so parents are settled first).</summary>
    public void Deactivate(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var d = _dimensions[i];
            if (d.Parent >= 0 && !d.IsActiveGiven(values[d.Parent]))
            {
                values[i] = double.NaN;
            }
        }
    }

    /// <summary>
    /// Makes a perturbed point legal again: inactive dimensions become NaN, active ones that are NaN (newly activated) get a
    /// uniform draw, the others are clipped onto their range and grid.
    /// </summary>
    public void Repair(double[] values, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var d = _dimensions[i];
            if (d.Parent >= 0 && !d.IsActiveGiven(values[d.Parent]))
            {
                values[i] = double.NaN;
            }
            else
            {
                values[i] = double.IsNaN(values[i]) ? d.FromUnit(random.NextDouble()) : d.Clip(values[i]);
            }
        }
    }

    /// <summary>A uniform draw (log-uniform for log dimensions), with inactive dimensions set to NaN.</summary>
    public double[] SampleUniform(Random random)
    {
        var values = new double[_dimensions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _dimensions[i].FromUnit(random.NextDouble());
        }

        Deactivate(values);
        return values;
    }

    /// <summary>Maps unit-cube coordinates to a point of the space (inactive dimensions NaN).</summary>
    public double[] FromUnit(ReadOnlySpan<double> unit)
    {
        var values = new double[_dimensions.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _dimensions[i].FromUnit(unit[i]);
        }

        Deactivate(values);
        return values;
    }

    private void Add(Dimension dim)
    {
        dim.Index = _dimensions.Count;
        _index[dim.Name] = dim.Index;
        _dimensions.Add(dim);
    }

    private void ApplyCondition(Dimension dim, ParameterCondition? condition)
    {
        if (condition is null)
        {
            return;
        }

        var parent = _dimensions[_index[condition.Parent]];
        dim.Parent = parent.Index;
        if (condition.Values is { Count: > 0 } values)
        {
            dim.ParentValues = parent.IsCategorical
                ? values.Select(v => (double)parent.Choices.ToList().IndexOf(v)).ToHashSet()
                : values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToHashSet();
        }
        else
        {
            dim.ParentMin = condition.Min ?? double.NegativeInfinity;
            dim.ParentMax = condition.Max ?? double.PositiveInfinity;
        }
    }

    private static List<ParameterDefinition> TopologicalOrder(IReadOnlyList<ParameterDefinition> parameters)
    {
        var ordered = new List<ParameterDefinition>(parameters.Count);
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < parameters.Count)
        {
            foreach (var p in parameters.Where(p => !placed.Contains(p.Name) && (p.Condition is null || placed.Contains(p.Condition.Parent))))
            {
                ordered.Add(p);
                placed.Add(p.Name);
            }
        }

        return ordered;
    }
}
