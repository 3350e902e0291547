using System.Globalization;
using System.Text.RegularExpressions;

namespace Transfer.Contracts.Training;

/// <summary>
/// The seed's layer notation: tokens joined by <c>+</c>. <c>C(k,n)</c> or <c>C(k,n,stride,pad)</c> convolution,
/// <c>P(k,s)</c> max pooling, <c>AP(k,s)</c> average pooling, <c>FC(n)</c> fully connected, <c>D(p)</c> dropout,
/// <c>BN</c> batch norm, and activations by name (<c>ReLU</c>, <c>LeakyReLU</c>, <c>ELU</c>, <c>GELU</c>, <c>Tanh</c>,
/// <c>Sigmoid</c>). Whitespace is ignored.
/// </summary>
public static partial class LayerNotation
{
    /// <summary>The activation names the notation and the module builder accept.</summary>
    public static IReadOnlyList<string> Activations { get; } = ["ReLU", "LeakyReLU", "ELU", "GELU", "Tanh", "Sigmoid"];

    /// <summary>
    /// Parses a notation string. With <paramref name="implicitActivation"/> (the seed wrote <c>C(3,32)+P(3,3)</c>
    /// and meant a ReLU after the convolution), that activation is inserted after every convolution or fully connected
    /// layer whose next token is not an activation, batch norm or dropout already followed by one.
    /// </summary>
    public static IReadOnlyList<LayerSpec> Parse(string notation, string? implicitActivation = null)
    {
        ArgumentNullException.ThrowIfNull(notation);
        var tokens = notation.Replace(" ", "", StringComparison.Ordinal).Split('+', StringSplitOptions.RemoveEmptyEntries);
        var layers = new List<LayerSpec>(tokens.Length);
        foreach (var token in tokens)
        {
            layers.Add(ParseToken(token));
        }

        return implicitActivation is null ? layers : InsertActivations(layers, implicitActivation);
    }

    /// <summary>Writes layers back in the notation (lr/decay multipliers are not part of it).</summary>
    public static string Format(IEnumerable<LayerSpec> layers) => string.Join("+", layers.Select(Format));

    /// <summary>Writes one layer in the notation.</summary>
    public static string Format(LayerSpec layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        var inv = CultureInfo.InvariantCulture;
        return layer.Kind switch
        {
            LayerKind.Conv when layer.Stride == 1 && layer.Padding < 0 => $"C({layer.Kernel},{layer.Size})",
            LayerKind.Conv => $"C({layer.Kernel},{layer.Size},{layer.Stride},{layer.Padding})",
            LayerKind.MaxPool => $"P({layer.Kernel},{layer.Stride})",
            LayerKind.AvgPool => $"AP({layer.Kernel},{layer.Stride})",
            LayerKind.FullyConnected => $"FC({layer.Size})",
            LayerKind.Dropout => string.Create(inv, $"D({layer.Rate})"),
            LayerKind.BatchNorm => "BN",
            LayerKind.Activation => layer.Activation ?? "ReLU",
            _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Kind, "unknown layer kind"),
        };
    }

    private static LayerSpec ParseToken(string token)
    {
        var m = TokenPattern().Match(token);
        if (!m.Success)
        {
            throw new FormatException($"'{token}' is not a layer in the seed's notation (C(k,n), P(k,s), AP(k,s), FC(n), D(p), BN, or an activation)");
        }

        var name = m.Groups["name"].Value;
        var args = m.Groups["args"].Success
            ? m.Groups["args"].Value.Split(',').Select(a => double.Parse(a, CultureInfo.InvariantCulture)).ToArray()
            : [];
        var activation = Activations.FirstOrDefault(a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
        return name.ToUpperInvariant() switch
        {
            "C" when args.Length == 2 => LayerSpec.Conv(Int(args[0]), Int(args[1])),
            "C" when args.Length == 4 => new LayerSpec(LayerKind.Conv, Size: Int(args[1]), Kernel: Int(args[0]), Stride: Int(args[2]), Padding: Int(args[3])),
            "P" when args.Length == 2 => LayerSpec.MaxPool(Int(args[0]), Int(args[1])),
            "AP" when args.Length == 2 => new LayerSpec(LayerKind.AvgPool, Kernel: Int(args[0]), Stride: Int(args[1]), Padding: 0),
            "FC" when args.Length == 1 => LayerSpec.Fc(Int(args[0])),
            "D" when args.Length == 1 && args[0] is >= 0 and < 1 => LayerSpec.Dropout(args[0]),
            "BN" when args.Length == 0 => LayerSpec.BatchNorm(),
            _ when activation is not null && args.Length == 0 => LayerSpec.Act(activation),
            _ => throw new FormatException($"'{token}': wrong arguments or unknown layer"),
        };
    }

    private static List<LayerSpec> InsertActivations(List<LayerSpec> layers, string activation)
    {
        var result = new List<LayerSpec>(layers.Count * 2);
        for (var i = 0; i < layers.Count; i++)
        {
            result.Add(layers[i]);
            if (layers[i].Kind is not (LayerKind.Conv or LayerKind.FullyConnected))
            {
                continue;
            }

            var j = i + 1;
            while (j < layers.Count && layers[j].Kind is LayerKind.BatchNorm or LayerKind.Dropout)
            {
                j++;
            }

            if (j >= layers.Count || layers[j].Kind != LayerKind.Activation)
            {
                result.Add(LayerSpec.Act(activation));
            }
        }

        return result;
    }

    private static int Int(double value) =>
        value == Math.Floor(value) && value is >= 0 and <= int.MaxValue
            ? (int)value
            : throw new FormatException($"{value} is not a whole non-negative number");

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\((?<args>[-0-9.,eE]+)\))?$")]
    private static partial Regex TokenPattern();
}
