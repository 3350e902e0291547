namespace Transfer.Data;

/// <summary>
/// A decoded image classification dataset: 8-bit pixels laid out as <c>[Count, Channels, Height, Width]</c>
/// (channels 1 for gray, 3 for RGB) and class indices.
/// </summary>
public sealed record ImageData(
    int Count,
    int Channels,
    int Height,
    int Width,
    byte[] Pixels,
    int[] Labels,
    IReadOnlyList<string> Classes)
{
    /// <summary>Bytes per image: <c>Channels * Height * Width</c>.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The pixels of one image.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageSize, ImageSize);
}
