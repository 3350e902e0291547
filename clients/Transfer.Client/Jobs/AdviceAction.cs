using System.Globalization;
using System.Text.RegularExpressions;

namespace Transfer.Client.Jobs;

/// <summary>
/// The concrete change a piece of curve advice names, such as <c>base_lr *= 0.1</c>, <c>weight_decay = 0.0005</c> or
/// <c>stop</c>: a solver value name, an operator (<c>=</c>, <c>*=</c>, <c>/=</c>, <c>+=</c>, <c>-=</c>) and a number.
/// </summary>
public sealed partial record AdviceAction(string Name, string Operator, double Operand)
{
    /// <summary>The action that stops the trial.</summary>
    public const string Stop = "stop";

    public bool IsStop => Name == Stop;

    /// <summary>Parses an advice action; <c>stop</c> parses to <see cref="Stop"/>.</summary>
    /// <exception cref="FormatException">The text is not an action of this shape.</exception>
    public static AdviceAction Parse(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (action.Trim() == Stop)
        {
            return new AdviceAction(Stop, "", 0);
        }

        var match = Shape().Match(action);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var operand))
        {
            throw new FormatException($"'{action}' is not an action like 'base_lr *= 0.1' or 'stop'.");
        }

        return new AdviceAction(match.Groups["name"].Value, match.Groups["op"].Value, operand);
    }

    /// <summary>The new value, given the current one (only <c>=</c> needs none).</summary>
    public double Apply(double? current) => Operator switch
    {
        "=" => Operand,
        _ when current is null => throw new InvalidOperationException($"'{Name}' has no current value to apply '{Operator} {Operand.ToString(CultureInfo.InvariantCulture)}' to."),
        "*=" => current.Value * Operand,
        "/=" => current.Value / Operand,
        "+=" => current.Value + Operand,
        "-=" => current.Value - Operand,
        _ => throw new InvalidOperationException($"Unknown operator '{Operator}'."),
    };

    [GeneratedRegex(@"^\s*(?<name>[a-z_][a-z0-9_]*)\s*(?<op>\*=|/=|\+=|-=|=)\s*(?<value>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
