namespace Transfer.Data;

/// <summary>
/// A decoded image classification dataset: 8-bit pixels laid out as <c>[Count, Channels, Height, Width]</c>
/// (channels 1 for gray, 3 for RGB) and class indices; or images to predict, with no classes (<see cref="Unlabeled"/>).
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
    /// <summary>Whether these are images without labels (examples to predict): <see cref="Classes"/> is empty.</summary>
    public bool IsUnlabeled => Classes.Count == 0;

    /// <summary>Images without labels, to predict: no classes, every label 0.</summary>
    public static ImageData Unlabeled(int count, int channels, int height, int width, byte[] pixels) =>
        new(count, channels, height, width, pixels, new int[count], []);

    /// <summary>Bytes per image: <c>Channels * Height * Width</c>.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>The pixels of one image.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageSize, ImageSize);
}
