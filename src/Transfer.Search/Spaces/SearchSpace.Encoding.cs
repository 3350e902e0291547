using Transfer.Contracts.Search;

namespace Transfer.Search.Spaces;

public sealed partial class SearchSpace
{
    /// <summary>Encodes a configuration; inactive or missing dimensions are NaN.</summary>
    public double[] Encode(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var values = new double[_dimensions.Count];
        Array.Fill(values, double.NaN);
        foreach (var p in _ordered)
        {
            if (!configuration.TryGetValue(p.Name, out var value))
            {
                continue;
            }

            if (_codecs.TryGetValue(p.Name, out var codec))
            {
                if (value.Layers is { } layers)
                {
                    codec.Encode(layers, (name, v) => values[_index[name]] = v);
                }

                continue;
            }

            var dim = _dimensions[_index[p.Name]];
            values[dim.Index] = dim.IsCategorical
                ? value.Choice is { } c ? dim.Choices.ToList().IndexOf(c) is var i and >= 0 ? i : double.NaN : double.NaN
                : value.Number ?? double.NaN;
        }

        Deactivate(values);
        return values;
    }

    /// <summary>Decodes a point of the space into a configuration keyed by parameter name (inactive parameters absent).</summary>
    public IReadOnlyDictionary<string, ParameterValue> Decode(ReadOnlySpan<double> values)
    {
        var config = new Dictionary<string, ParameterValue>(_ordered.Count, StringComparer.Ordinal);
        var copy = values.ToArray();
        foreach (var p in _ordered)
        {
            if (_codecs.TryGetValue(p.Name, out var codec))
            {
                if (!double.IsNaN(copy[_index[p.Name + ".depth"]]))
                {
                    config[p.Name] = ParameterValue.Of(codec.Decode(name => copy[_index[name]]));
                }

                continue;
            }

            var dim = _dimensions[_index[p.Name]];
            var v = copy[dim.Index];
            if (!double.IsNaN(v))
            {
                config[p.Name] = dim.IsCategorical ? ParameterValue.Of(dim.Choices[(int)v]) : ParameterValue.Of(v);
            }
        }

        return config;
    }

    /// <summary>Why a configuration is not a member of this space (empty when it is): missing, extra or out-of-range values.</summary>
    public IReadOnlyList<string> Check(IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        var problems = new List<string>();
        var values = Encode(configuration);
        foreach (var name in configuration.Keys.Where(k => !_ordered.Any(p => p.Name == k)))
        {
            problems.Add($"'{name}': not a parameter of the space");
        }

        foreach (var p in _ordered)
        {
            var active = IsActive(_index[_codecs.ContainsKey(p.Name) ? p.Name + ".depth" : p.Name], values) || !configuration.ContainsKey(p.Name);
            var present = configuration.TryGetValue(p.Name, out var value);
            if (_codecs.TryGetValue(p.Name, out var codec))
            {
                if (present && value!.Layers is { } layers)
                {
                    problems.AddRange(codec.Problems(layers));
                }
                else if (present)
                {
                    problems.Add($"'{p.Name}': expected a layer list");
                }
            }
            else if (present && !_dimensions[_index[p.Name]].Contains(values[_index[p.Name]]))
            {
                problems.Add(active ? $"'{p.Name}': {value} is not a legal value" : $"'{p.Name}': set although its condition is not met");
            }

            if (!present && ActiveWithoutValue(p, configuration))
            {
                problems.Add($"'{p.Name}': missing");
            }
        }

        return problems;
    }

    private bool ActiveWithoutValue(ParameterDefinition p, IReadOnlyDictionary<string, ParameterValue> configuration)
    {
        if (p.Condition is null)
        {
            return true;
        }

        var parentValues = Encode(configuration);
        var dim = _dimensions[_index[_codecs.ContainsKey(p.Name) ? p.Name + ".depth" : p.Name]];
        return dim.Parent >= 0 && IsActive(dim.Parent, parentValues) && dim.IsActiveGiven(parentValues[dim.Parent]);
    }
}
