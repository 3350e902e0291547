namespace Transfer.Contracts.Search;

/// <summary>
/// A parameter exists only when its parent has one of <see cref="Values"/> (categorical parent)
/// or lies in [<see cref="Min"/>, <see cref="Max"/>] (numeric parent).
/// Example: <c>stepsize</c> exists only when <c>lr_policy</c> is <c>step</c>.
/// </summary>
public sealed record ParameterCondition(
    string Parent,
    IReadOnlyList<string>? Values = null,
    double? Min = null,
    double? Max = null);
