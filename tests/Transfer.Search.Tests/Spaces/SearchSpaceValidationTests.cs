using Transfer.Contracts.Search;
using Transfer.Search.Spaces;

namespace Transfer.Search.Tests.Spaces;

public sealed class SearchSpaceValidationTests
{
    public static TheoryData<string, ParameterDefinition[], string> Invalid => new()
    {
        { "low above high", [new("base_lr", ParameterKind.Float, 1, 0.1)], "'base_lr': low (1) > high (0.1)" },
        { "log with low 0", [new("weight_decay", ParameterKind.Float, 0, 1, Log: true)], "'weight_decay': log scale needs low > 0" },
        { "empty choices", [new("optimizer", ParameterKind.Categorical, Choices: [])], "'optimizer': choices are empty" },
        {
            "unknown parent",
            [new("stepsize", ParameterKind.Int, 1, 10, Condition: new ParameterCondition("lr_polcy", ["step"]))],
            "'stepsize': condition on unknown parameter 'lr_polcy'"
        },
        {
            "cycle",
            [
                new("a", ParameterKind.Categorical, Choices: ["x", "y"], Condition: new ParameterCondition("b", ["p"])),
                new("b", ParameterKind.Categorical, Choices: ["p", "q"], Condition: new ParameterCondition("a", ["x"])),
            ],
            "conditions form a cycle (a -> b -> a)"
        },
        { "default outside range", [new("momentum", ParameterKind.Float, 0.5, 0.99, Default: ParameterValue.Of(1.5))], "'momentum': default 1.5 is outside [0.5, 0.99]" },
        { "default not a choice", [new("lr_policy", ParameterKind.Categorical, Choices: ["fixed"], Default: ParameterValue.Of("step"))], "'lr_policy': default step is not one of its choices" },
        {
            "condition value not a parent choice",
            [new("lr_policy", ParameterKind.Categorical, Choices: ["fixed", "step"]), new("stepsize", ParameterKind.Int, 1, 9, Condition: new ParameterCondition("lr_policy", ["steps"]))],
            "'stepsize': condition value 'steps' is not a choice of 'lr_policy'"
        },
        { "duplicate names", [new("x", ParameterKind.Float, 0, 1), new("x", ParameterKind.Float, 0, 1)], "'x': defined twice" },
        { "architecture without layers", [new("head", ParameterKind.Architecture, Architecture: DefaultSpaces.Head() with { FcUnits = [] })], "'head': fully connected units are empty" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void EveryProblemIsReportedWithTheParameterName(string problem, ParameterDefinition[] parameters, string expected)
    {
        var problems = SearchSpaceValidator.Validate(new SearchSpaceDefinition(parameters));
        Assert.True(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{problem}: got [{string.Join(" | ", problems)}]");
    }

    [Fact]
    public void CreatingAnInvalidSpaceThrowsWithEveryProblem()
    {
        var e = Assert.Throws<SearchSpaceException>(() => SearchSpace.Create(new SearchSpaceDefinition([
            new ParameterDefinition("a", ParameterKind.Float, 2, 1),
            new ParameterDefinition("b", ParameterKind.Categorical, Choices: []),
        ])));
        Assert.Equal(2, e.Problems.Count);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'b'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheJointDefaultSpaceIsValid()
    {
        var space = SearchSpace.Create(DefaultSpaces.Joint(backboneBlocks: 4));
        var names = space.Definition.Parameters.Select(p => p.Name).ToList();
        Assert.Equal(["head", "frozen_blocks", "base_lr", "lr_policy", "stepsize", "gamma", "optimizer", "momentum", "weight_decay", "batch_size", "epochs"], names);
        Assert.Contains(space.Dimensions, d => d.Name == "head.depth");
    }
}
