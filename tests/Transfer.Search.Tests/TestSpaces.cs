using Transfer.Contracts.Search;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests;

/// <summary>Spaces the tests share: each test builds its own instance.</summary>
internal static class TestSpaces
{
    /// <summary>log float, float, int with step, categorical, a conditional int, and a small head architecture.</summary>
    public static SearchSpace Mixed() => SearchSpace.Create(new SearchSpaceDefinition([
        new ParameterDefinition("base_lr", ParameterKind.Float, 1e-5, 1e-1, Log: true),
        new ParameterDefinition("momentum", ParameterKind.Float, 0.5, 0.99),
        new ParameterDefinition("batch_size", ParameterKind.Int, 16, 256, Step: 16),
        new ParameterDefinition("lr_policy", ParameterKind.Categorical, Choices: ["fixed", "step", "cosine"]),
        new ParameterDefinition("stepsize", ParameterKind.Int, 1, 20, Condition: new ParameterCondition("lr_policy", ["step"])),
        new ParameterDefinition("head", ParameterKind.Architecture, Architecture: DefaultSpaces.Head(1, 2)),
    ]));

    /// <summary>A smooth objective over <see cref="Mixed"/> with its optimum near base_lr 1e-3, momentum 0.9, step policy.</summary>
    public static double MixedObjective(IReadOnlyDictionary<string, ParameterValue> c)
    {
        var value = Math.Pow(Math.Log10(c["base_lr"].Number!.Value) + 3, 2) + 4 * Math.Pow(c["momentum"].Number!.Value - 0.9, 2)
            + Math.Abs(c["batch_size"].Number!.Value - 64) / 256;
        value += c["lr_policy"].Choice == "step" ? Math.Abs(c["stepsize"].Number!.Value - 8) / 20 : 0.5;
        value += 0.1 * c["head"].Layers!.Count;
        return value;
    }
}
