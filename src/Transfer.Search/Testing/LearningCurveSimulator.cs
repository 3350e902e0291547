using Transfer.Contracts.Search;

namespace Transfer.Search.Testing;

/// <summary>
/// A multi-fidelity test problem: a training run's validation error after <c>step</c> epochs. The final error (at
/// <see cref="MaxBudget"/>) depends on learning rate, momentum, width, optimizer and dropout, minimum 0.05; larger learning
/// rates converge faster but to a worse error, so curves cross and early values mislead a little, as in real training.
/// </summary>
public sealed class LearningCurveSimulator
{
    public const double MaxBudget = 27;
    public const double Minimum = 0.05;

    public static SearchSpaceDefinition Space { get; } = new([
        new ParameterDefinition("lr", ParameterKind.Float, 1e-4, 1, Log: true),
        new ParameterDefinition("momentum", ParameterKind.Float, 0, 0.99),
        new ParameterDefinition("width", ParameterKind.Int, 16, 512, Log: true),
        new ParameterDefinition("optimizer", ParameterKind.Categorical, Choices: ["sgd", "adam", "rmsprop"]),
        new ParameterDefinition("dropout", ParameterKind.Float, 0, 0.8),
    ]);

    /// <summary>The error at the full budget: what a trial is finally judged by.</summary>
    public static double Final(IReadOnlyDictionary<string, ParameterValue> c)
    {
        var lr = Math.Log10(c["lr"].Number!.Value);
        var momentum = c["momentum"].Number!.Value;
        var width = Math.Log2(c["width"].Number!.Value);
        var optimizer = c["optimizer"].Choice switch { "adam" => 0.0, "rmsprop" => 0.05, _ => 0.1 };
        var dropout = c["dropout"].Number!.Value;
        return Minimum + 0.5 * Math.Pow((lr + 2) / 2, 2) + 0.3 * Math.Pow(momentum - 0.9, 2)
            + 0.2 * Math.Pow(width / 9 - 0.8, 2) + optimizer + 0.1 * Math.Pow(dropout - 0.3, 2);
    }

    /// <summary>The error after <paramref name="step"/> epochs; equals <see cref="Final"/> at <see cref="MaxBudget"/>.</summary>
    public static double At(IReadOnlyDictionary<string, ParameterValue> c, double step)
    {
        var final = Final(c);
        var rate = 0.05 + 0.5 * (Math.Log10(c["lr"].Number!.Value) + 4) / 4;
        var gap = 1 - final;
        return final + gap * Math.Exp(-rate * step) - gap * Math.Exp(-rate * MaxBudget);
    }
}
