namespace Transfer.Contracts.Training;

/// <summary>
/// The shape of one example: an image (<see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/>) or a
/// tabular row of <see cref="Features"/> values (then the image fields are 0).
/// </summary>
public sealed record InputSpec(int Channels, int Height, int Width, int Features)
{
    /// <summary>An image input, gray (1 channel) or RGB (3 channels).</summary>
    public static InputSpec Image(int channels, int height, int width) => new(channels, height, width, 0);

    /// <summary>A tabular input of <paramref name="features"/> encoded columns.</summary>
    public static InputSpec Tabular(int features) => new(0, 0, 0, features);

    /// <summary>Whether examples are images.</summary>
    public bool IsImage => Height > 0 && Width > 0;

    /// <summary>The number of values in one example.</summary>
    public int Size => IsImage ? Channels * Height * Width : Features;
}
