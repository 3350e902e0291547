using Transfer.Contracts.Search;

namespace Transfer.Search.Testing;

/// <summary>A standard optimisation test function: its space, its value on a configuration, and its known minimum.</summary>
public sealed record BenchmarkFunction(
    string Name,
    SearchSpaceDefinition Space,
    Func<IReadOnlyDictionary<string, ParameterValue>, double> Evaluate,
    double Minimum);
