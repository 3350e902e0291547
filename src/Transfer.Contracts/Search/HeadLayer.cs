using System.Globalization;

namespace Transfer.Contracts.Search;

/// <summary>
/// One head layer. <see cref="Kind"/> is <c>C</c> (Kernel, Size = filters), <c>P</c> (Kernel, Size = stride)
/// or <c>FC</c> (Size = units, Kernel = 0). <see cref="Notation"/> renders the seed's notation.
/// </summary>
public sealed record HeadLayer(string Kind, int Kernel, int Size, double LrMult = 1.0, double DecayMult = 1.0)
{
    public const string Conv = "C";
    public const string Pool = "P";
    public const string FullyConnected = "FC";

    /// <summary><c>C(3,32)</c>, <c>P(2,2)</c> or <c>FC(64)</c>.</summary>
    public string Notation => Kind == FullyConnected
        ? string.Create(CultureInfo.InvariantCulture, $"FC({Size})")
        : string.Create(CultureInfo.InvariantCulture, $"{Kind}({Kernel},{Size})");
}
