using System.Globalization;

namespace Transfer.Contracts.Search;

/// <summary>
/// The value of one parameter in a configuration: a number (float and int parameters), a choice
/// (categorical parameters) or a layer list (architecture parameters). Exactly one member is set.
/// </summary>
public sealed record ParameterValue(double? Number = null, string? Choice = null, IReadOnlyList<HeadLayer>? Layers = null)
{
    public static ParameterValue Of(double number) => new(Number: number);

    public static ParameterValue Of(string choice) => new(Choice: choice);

    public static ParameterValue Of(IReadOnlyList<HeadLayer> layers) => new(Layers: layers);

    /// <summary>The head in the training helper's notation, e.g. <c>["C(3,32)", "P(2,2)", "FC(64)"]</c>.</summary>
    public IReadOnlyList<string> ToNotation() => Layers is null ? [] : [.. Layers.Select(l => l.Notation)];

    public override string ToString() =>
        Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture)
        : Choice is not null ? Choice
        : Layers is not null ? string.Join("+", Layers.Select(l => l.Notation + Mults(l)))
        : "";

    private static string Mults(HeadLayer layer) =>
        layer.LrMult == 1.0 && layer.DecayMult == 1.0
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"[{layer.LrMult:R},{layer.DecayMult:R}]");
}
