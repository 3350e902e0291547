using Transfer.Contracts.Search;

namespace Transfer.Search.Spaces;

/// <summary>Checks a <see cref="SearchSpaceDefinition"/>; every message names the parameter it is about.</summary>
public static class SearchSpaceValidator
{
    public static IReadOnlyList<string> Validate(SearchSpaceDefinition definition)
    {
        var problems = new List<string>();
        if (definition.Parameters is null || definition.Parameters.Count == 0)
        {
            problems.Add("the search space has no parameters");
            return problems;
        }

        var byName = new Dictionary<string, ParameterDefinition>(StringComparer.Ordinal);
        foreach (var p in definition.Parameters)
        {
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                problems.Add("a parameter has no name");
            }
            else if (!byName.TryAdd(p.Name, p))
            {
                problems.Add($"'{p.Name}': defined twice");
            }
        }

        foreach (var p in definition.Parameters.Where(p => !string.IsNullOrWhiteSpace(p.Name)))
        {
            problems.AddRange(CheckOwn(p));
            if (p.Condition is { } c)
            {
                problems.AddRange(CheckCondition(p, c, byName));
            }
        }

        problems.AddRange(FindCycles(definition.Parameters, byName));
        return problems;
    }

    private static IEnumerable<string> CheckOwn(ParameterDefinition p)
    {
        switch (p.Kind)
        {
            case ParameterKind.Float or ParameterKind.Int:
                if (p.Low is not { } low || p.High is not { } high)
                {
                    yield return $"'{p.Name}': low and high are required";
                    yield break;
                }

                if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high))
                {
                    yield return $"'{p.Name}': low and high must be finite";
                    yield break;
                }

                if (low > high)
                {
                    yield return $"'{p.Name}': low ({low}) > high ({high})";
                }

                if (p.Log && low <= 0)
                {
                    yield return $"'{p.Name}': log scale needs low > 0 (low is {low})";
                }

                if (p.Step is { } step && (step <= 0 || p.Kind == ParameterKind.Float))
                {
                    yield return $"'{p.Name}': step must be a positive number on an int parameter";
                }

                if (p.Kind == ParameterKind.Int && (low != Math.Floor(low) || high != Math.Floor(high)))
                {
                    yield return $"'{p.Name}': an int parameter needs integer bounds";
                }

                if (p.Default is { } d && (d.Number is not { } n || n < low || n > high))
                {
                    yield return $"'{p.Name}': default {d} is outside [{low}, {high}]";
                }

                break;
            case ParameterKind.Categorical:
                if (p.Choices is null || p.Choices.Count == 0)
                {
                    yield return $"'{p.Name}': choices are empty";
                    yield break;
                }

                if (p.Choices.Distinct(StringComparer.Ordinal).Count() != p.Choices.Count)
                {
                    yield return $"'{p.Name}': choices repeat";
                }

                if (p.Default is { } dc && (dc.Choice is null || !p.Choices.Contains(dc.Choice)))
                {
                    yield return $"'{p.Name}': default {dc} is not one of its choices";
                }

                break;
            case ParameterKind.Architecture:
                foreach (var problem in CheckArchitecture(p))
                {
                    yield return problem;
                }

                break;
            default:
                yield return $"'{p.Name}': unknown kind {p.Kind}";
                break;
        }
    }

    private static IEnumerable<string> CheckArchitecture(ParameterDefinition p)
    {
        if (p.Architecture is not { } a)
        {
            yield return $"'{p.Name}': an architecture parameter needs its architecture definition";
            yield break;
        }

        if (a.MinDepth < 1 || a.MinDepth > a.MaxDepth)
        {
            yield return $"'{p.Name}': depth range [{a.MinDepth}, {a.MaxDepth}] is empty or starts below 1";
        }

        if (a.LayerKinds is null || a.LayerKinds.Count == 0)
        {
            yield return $"'{p.Name}': layer kinds are empty";
            yield break;
        }

        foreach (var kind in a.LayerKinds.Where(k => k is not (HeadLayer.Conv or HeadLayer.Pool or HeadLayer.FullyConnected)))
        {
            yield return $"'{p.Name}': unknown layer kind '{kind}' (use C, P or FC)";
        }

        bool Empty<T>(IReadOnlyList<T>? list) => list is null || list.Count == 0;
        if (a.LayerKinds.Contains(HeadLayer.Conv) && (Empty(a.ConvKernels) || Empty(a.ConvFilters)))
        {
            yield return $"'{p.Name}': convolution kernels or filters are empty";
        }

        if (a.LayerKinds.Contains(HeadLayer.Pool) && (Empty(a.PoolKernels) || Empty(a.PoolStrides)))
        {
            yield return $"'{p.Name}': pooling kernels or strides are empty";
        }

        if (a.LayerKinds.Contains(HeadLayer.FullyConnected) && Empty(a.FcUnits))
        {
            yield return $"'{p.Name}': fully connected units are empty";
        }

        if (Empty(a.LrMults) || Empty(a.DecayMults))
        {
            yield return $"'{p.Name}': lr_mult or decay_mult choices are empty";
        }

        if (a.MaxPools < 0)
        {
            yield return $"'{p.Name}': max pools is negative";
        }
    }

    private static IEnumerable<string> CheckCondition(ParameterDefinition p, ParameterCondition c, Dictionary<string, ParameterDefinition> byName)
    {
        if (!byName.TryGetValue(c.Parent ?? "", out var parent))
        {
            yield return $"'{p.Name}': condition on unknown parameter '{c.Parent}'";
            yield break;
        }

        if (parent.Kind == ParameterKind.Architecture)
        {
            yield return $"'{p.Name}': condition on architecture parameter '{c.Parent}' is not supported";
        }
        else if (c.Values is not { Count: > 0 } && c.Min is null && c.Max is null)
        {
            yield return $"'{p.Name}': condition on '{c.Parent}' gives neither values nor a range";
        }
        else if (parent.Kind == ParameterKind.Categorical && c.Values is { } values)
        {
            foreach (var v in values.Where(v => parent.Choices?.Contains(v) != true))
            {
                yield return $"'{p.Name}': condition value '{v}' is not a choice of '{c.Parent}'";
            }
        }
        else if (parent.Kind == ParameterKind.Categorical)
        {
            yield return $"'{p.Name}': condition on categorical '{c.Parent}' needs values";
        }
        else if (c.Values is { } numbers && numbers.Any(v => !double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            yield return $"'{p.Name}': condition values on numeric '{c.Parent}' must be numbers";
        }
    }

    private static IEnumerable<string> FindCycles(IReadOnlyList<ParameterDefinition> parameters, Dictionary<string, ParameterDefinition> byName)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parameters.Where(p => !string.IsNullOrWhiteSpace(p.Name)))
        {
            var seen = new List<string> { start.Name };
            var current = start;
            while (current.Condition is { } c && byName.TryGetValue(c.Parent ?? "", out var parent))
            {
                if (parent.Name == start.Name)
                {
                    if (seen.All(reported.Add))
                    {
                        yield return $"'{start.Name}': conditions form a cycle ({string.Join(" -> ", seen)} -> {start.Name})";
                    }

                    break;
                }

                if (seen.Contains(parent.Name))
                {
                    break;
                }

                seen.Add(parent.Name);
                current = parent;
            }
        }
    }
}
